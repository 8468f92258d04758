import { t } from '../i18n';
import { NO_PATH_COLOR } from '../map/classes';
import { type MapSide, sideScale } from '../map/view';
import { activeScenario, metric, network } from '../state/store';

/** The colours of one map, exactly as the map classes them. */
export function Legend({ side }: { side: MapSide }) {
  const scale = sideScale[side].value;
  const estimate = metric.value.startsWith('jobs') && network.value?.network.zoneAttributes?.jobs.estimate;
  return (
    <section class="panel legend" aria-label={t('legend.title')} data-testid={`legend-${side}`}>
      <h2>
        {t(`metric.${metric.value}`)}
        {side === 'difference' ? ` — ${t('view.difference')}` : ''}
      </h2>
      <ul>
        {scale.colors.map((c, k) => (
          <li key={c} data-color={c}>
            <span class="chip" style={{ background: c }} aria-hidden="true" />
            {scale.labels[k]}
          </li>
        ))}
        <li data-color={NO_PATH_COLOR}>
          <span class="chip" style={{ background: NO_PATH_COLOR }} aria-hidden="true" />
          {t('legend.noPath')}
        </li>
        <li>
          <span class="chip circle" aria-hidden="true" />
          {t('legend.circle')}
        </li>
        {activeScenario.value && side !== 'before' && (
          <li>
            <span class="chip changed" aria-hidden="true" />
            {t('legend.changed')}
          </li>
        )}
      </ul>
      {estimate && <p class="note">{t('legend.estimate')}</p>}
    </section>
  );
}
