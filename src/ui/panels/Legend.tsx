import { metricLabel } from '../../domain/metrics';
import { t } from '../i18n';
import './strings';
import { NO_PATH_COLOR } from '../map/classes';
import { orientation } from '../map/orientation';
import { type MapSide, sideScale } from '../map/view';
import { metricBeforeClick, restoreMetric } from '../state/explore';
import { currentMetric, currentMetricLabel, metricById } from '../state/metrics';
import { activeScenario, beforeScenario, lang, network } from '../state/store';

/** The colours of one map, exactly as the map classes them, and the orientation marks drawn over them. */
export function Legend({ side }: { side: MapSide }) {
  const scale = sideScale[side].value;
  const estimate =
    currentMetric.value.unit === 'jobs' && network.value?.network.zoneAttributes?.jobs.estimate;
  const o = orientation.value;
  const levels = new Set(o.boundaries.features.map((f) => f.properties?.level));
  const back = metricById(metricBeforeClick.value);
  const before = beforeScenario.value;
  return (
    <section class="panel legend" aria-label={t('legend.title')} data-testid={`legend-${side}`}>
      <h2>
        {currentMetricLabel.value}
        {side === 'difference' ? ` — ${t('view.difference')}` : ''}
      </h2>
      {back && (
        <button type="button" class="link back" data-testid="metric-back" onClick={restoreMetric}>
          {t('legend.backTo', { metric: metricLabel(back, lang.value) })}
        </button>
      )}
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
        {o.core.features.length > 0 && (
          <li>
            <span class="chip core" aria-hidden="true" />
            {t('legend.core')}
          </li>
        )}
        {levels.has('district') && (
          <li>
            <span class="chip district" aria-hidden="true" />
            {t('legend.districts')}
          </li>
        )}
        {levels.has('subdistrict') && (
          <li>
            <span class="chip subdistrict" aria-hidden="true" />
            {t('legend.subdistricts')}
          </li>
        )}
        {activeScenario.value && side !== 'before' && (
          <li>
            <span class="chip changed" aria-hidden="true" />
            {before ? t('legend.changedFrom', { name: before.name }) : t('legend.changed')}
          </li>
        )}
      </ul>
      {estimate && <p class="note">{t('legend.estimate')}</p>}
    </section>
  );
}
