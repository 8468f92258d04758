import { referencePattern } from '../../domain/patternOps';
import type { AdjustSpeed } from '../../domain/scenario';
import { t } from '../i18n';
import { pickSegmentEnd, withFactor, withLine, withSegment } from './adjustSpeed';
import { type EditorProps, updater, useMapTool } from './editorProps';
import { Hint, LineSelect, NumberField, StationSelect } from './fields';
import { coordLookup } from './lineDefaults';
import { HIGHLIGHT_WIDTH, linePath, stationPoints } from './overlay';

/** A line, or a segment of it between two stations, run faster (or slower) by a factor. */
export function AdjustSpeedEditor({ mod, modKey, network, issues }: EditorProps<AdjustSpeed>) {
  const update = updater<AdjustSpeed>(modKey);
  const line = network.lines.find((l) => l.id === mod.line);
  const stops = line ? ((referencePattern(line, 0) ?? line.patterns[0])?.stops ?? []) : [];
  const onLine = network.stations.filter((s) => stops.includes(s.id));
  const segment = mod.from !== undefined || mod.to !== undefined;
  const path = linePath(network, line);
  const a = mod.from === undefined ? -1 : stops.indexOf(mod.from);
  const b = mod.to === undefined ? -1 : stops.indexOf(mod.to);
  const coordOf = coordLookup(network.stations);
  const segmentCoords =
    a >= 0 && b >= 0
      ? stops
          .slice(Math.min(a, b), Math.max(a, b) + 1)
          .map(coordOf)
          .filter((c) => c !== undefined)
      : [];
  useMapTool({
    lines: [
      { coords: path, color: line?.color ?? '#444444', width: segment ? 4 : HIGHLIGHT_WIDTH },
      { coords: segmentCoords, color: '#ffd400', width: HIGHLIGHT_WIDTH },
    ],
    points: [
      ...stationPoints(network, stops, 'unpicked'),
      ...stationPoints(
        network,
        [mod.from, mod.to].filter((s) => s !== undefined),
        'picked',
      ),
    ],
    stations: onLine,
    onClick: ({ station, line: clicked }) => {
      if (station && stops.includes(station.id)) update((m) => pickSegmentEnd(m, station.id, stops));
      else if (clicked && clicked !== mod.line) update((m) => withLine(m, clicked));
    },
  });
  return (
    <div class="mod-editor" data-testid="editor-adjust-speed">
      <Hint>{t('ed.adjustSpeed.hint')}</Hint>
      <LineSelect
        label={t('ed.line')}
        lines={network.lines}
        value={mod.line}
        testid="speed-line"
        onChange={(id) => update((m) => withLine(m, id))}
        issues={issues}
        field=".line"
      />
      <NumberField
        label={t('ed.speedFactor')}
        value={mod.speedFactor}
        min={0.01}
        max={10}
        step={0.05}
        testid="speed-factor"
        onValue={(v, key) => v !== null && update((m) => withFactor(m, v), key)}
        issues={issues}
        field=".speedFactor"
      />
      <Hint>{t('ed.speedFactor.hint', { pct: Math.round((1 - 1 / (mod.speedFactor || 1)) * 100) })}</Hint>
      <label class="check">
        <input
          type="checkbox"
          checked={segment}
          data-testid="speed-segment"
          onChange={(e) =>
            update((m) =>
              (e.target as HTMLInputElement).checked
                ? withSegment(m, stops[0], stops.at(-1))
                : withSegment(m, undefined, undefined),
            )
          }
        />
        {t('ed.segmentOnly')}
      </label>
      {segment && (
        <div class="row">
          <StationSelect
            label={t('ed.from')}
            stations={onLine}
            value={mod.from ?? ''}
            testid="speed-from"
            onChange={(id) => update((m) => withSegment(m, id, m.to))}
            issues={issues}
            field=".from"
          />
          <StationSelect
            label={t('ed.to')}
            stations={onLine}
            value={mod.to ?? ''}
            testid="speed-to"
            onChange={(id) => update((m) => withSegment(m, m.from, id))}
            issues={issues}
            field=".to"
          />
        </div>
      )}
    </div>
  );
}
