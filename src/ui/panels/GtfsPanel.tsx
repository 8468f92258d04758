import { useSignal } from '@preact/signals';
import { LAYERS, type LayerId } from '../../domain/layer';
import { gtfs, importGtfsFiles, keepBusRoutes } from '../data/gtfs';
import { t } from '../i18n';
import { network } from '../state/store';
import { KeepBuses } from './KeepBuses';

/**
 * What the last GTFS import brought in and left out, and the route-type → layer mapping, which the planner
 * can change and import again (e.g. carry the buses of a bus-only feed as metro-like service).
 */
export function GtfsPanel() {
  const g = gtfs.value;
  const draft = useSignal<Record<number, LayerId | null>>({});
  if (!g || network.value?.source !== g.feed) return null;
  const r = g.report;
  const types = [
    ...new Set([...r.routes.imported.map((x) => x.routeType), ...r.routes.dropped.map((x) => x.routeType)]),
  ].sort((a, b) => a - b);
  const layerOf = (type: number): LayerId | null => {
    if (type in draft.value) return draft.value[type]!;
    if (type in g.routeTypes) return g.routeTypes[type]!;
    return r.routes.imported.find((x) => x.routeType === type)?.layer ?? null;
  };
  return (
    <section class="panel gtfs" aria-label={t('gtfs.title')} data-testid="gtfs-panel">
      <h2>
        {t('gtfs.title')}: {g.feed}
      </h2>
      <p>
        {r.serviceDay ? `${t('gtfs.serviceDay')} ${r.serviceDay.date} (${r.serviceDay.weekday})` : ''} ·{' '}
        {r.lines} {t('gtfs.lines')} · {r.patterns} {t('gtfs.patterns')} · {r.stops.stations}{' '}
        {t('gtfs.stations')} · {r.zones.count} {t('gtfs.zones')}
      </p>
      {r.zones.source === 'hex-grid' && <p class="warning">{t('gtfs.uniformZones')}</p>}
      {r.routes.dropped.length > 0 && (
        <details>
          <summary>
            {t('gtfs.dropped')} ({r.routes.dropped.length})
          </summary>
          <ul data-testid="gtfs-dropped">
            {r.routes.dropped.map((d) => (
              <li key={d.id}>
                {d.name || d.id}: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void importGtfsFiles(g.files, { ...g.routeTypes, ...draft.value }, keepBusRoutes.value);
        }}
      >
        <h3>{t('gtfs.mapping')}</h3>
        <KeepBuses testId="gtfs-keep-buses-again" explained />
        {types.map((type) => (
          <label class="field inline" key={type}>
            <span>route_type {type}</span>
            <select
              data-testid={`gtfs-type-${type}`}
              value={layerOf(type) ?? ''}
              onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                draft.value = { ...draft.value, [type]: v === '' ? null : (v as LayerId) };
              }}
            >
              <option value="">{t('gtfs.notCarried')}</option>
              {LAYERS.map((l) => (
                <option key={l} value={l}>
                  {t(`layer.${l}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" data-testid="gtfs-reimport">
          {t('gtfs.reimport')}
        </button>
      </form>
      <details>
        <summary>{t('gtfs.report')}</summary>
        <pre class="report" data-testid="gtfs-report">
          {g.reportText}
        </pre>
      </details>
    </section>
  );
}
