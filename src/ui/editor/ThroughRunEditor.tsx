import type { ThroughRun } from '../../domain/scenario';
import { t } from '../i18n';
import { type EditorProps, updater, useMapTool } from './editorProps';
import { FieldIssues, HeadwaysField, Hint, lineName, stationName } from './fields';
import { HIGHLIGHT_WIDTH, linePath, stationPoints } from './overlay';
import { junctions, withHeadwayMinutes, withJunction } from './throughRun';

const junctionKey = (j: { from: string; to: string; station: string }) => `${j.from}|${j.to}|${j.station}`;

/** Two lines joined where one ends and the other begins, so riders stay on board. */
export function ThroughRunEditor({ mod, modKey, network, issues }: EditorProps<ThroughRun>) {
  const update = updater<ThroughRun>(modKey);
  const options = junctions(network);
  const current = junctionKey(mod);
  const known = options.some((j) => junctionKey(j) === current);
  const from = network.lines.find((l) => l.id === mod.from);
  const to = network.lines.find((l) => l.id === mod.to);
  useMapTool({
    lines: [
      { coords: linePath(network, from), color: from?.color ?? '#444444', width: HIGHLIGHT_WIDTH },
      { coords: linePath(network, to), color: to?.color ?? '#444444', width: HIGHLIGHT_WIDTH },
    ],
    points: [
      ...stationPoints(
        network,
        options.map((j) => j.station),
        'unpicked',
      ),
      ...stationPoints(network, [mod.station], 'picked'),
    ],
    stations: network.stations.filter((s) => options.some((j) => j.station === s.id)),
    onClick: ({ station }) => {
      const j = station && options.find((o) => o.station === station.id);
      if (j) update((m) => withJunction(m, j));
    },
  });
  return (
    <div class="mod-editor" data-testid="editor-through-run">
      <Hint>{t('ed.throughRun.hint')}</Hint>
      <label class="field">
        <span>{t('ed.junction')}</span>
        <select
          value={current}
          data-testid="through-junction"
          onChange={(e) => {
            const j = options.find((o) => junctionKey(o) === (e.target as HTMLSelectElement).value);
            if (j) update((m) => withJunction(m, j));
          }}
        >
          {!known && <option value={current}>{`${mod.from} → ${mod.to} @ ${mod.station}`}</option>}
          {options.map((j) => (
            <option key={junctionKey(j)} value={junctionKey(j)}>
              {lineName(network, j.from)} → {lineName(network, j.to)} @ {stationName(network, j.station)}
            </option>
          ))}
        </select>
      </label>
      <FieldIssues issues={issues} field=".from" />
      <FieldIssues issues={issues} field=".to" />
      <FieldIssues issues={issues} field=".station" />
      <HeadwaysField
        periods={network.periods}
        headways={mod.headways}
        issues={issues}
        field=".headways"
        testid="through-headways"
        emptyText={t('ed.throughRun.default')}
        onChange={(period, minutes, key) => update((m) => withHeadwayMinutes(m, period, minutes), key)}
      />
      <Hint>{t('ed.throughRun.headways')}</Hint>
    </div>
  );
}
