import { useSignal } from '@preact/signals';
import type { Direction } from '../../domain/line';
import type { AddPattern } from '../../domain/scenario';
import { t } from '../i18n';
import {
  lineStops,
  shortTurn,
  toggleStop,
  withDirection,
  withHeadwayMinutes,
  withLine,
  withPatternId,
} from './addPattern';
import { type EditorProps, updater, useMapTool } from './editorProps';
import {
  FieldIssues,
  HeadwaysField,
  Hint,
  LineSelect,
  StationSelect,
  stationName,
  TextField,
} from './fields';
import { HIGHLIGHT_WIDTH, linePath, stationPoints } from './overlay';

/** An express or short-turn pattern: tick the stops it calls at (in the list or by clicking them on the map). */
export function AddPatternEditor({ mod, modKey, network, scenario, issues }: EditorProps<AddPattern>) {
  const update = updater<AddPattern>(modKey);
  const line = network.lines.find((l) => l.id === mod.line);
  const stops = lineStops(line);
  const calls = new Set(mod.pattern.stops);
  const turnFrom = useSignal('');
  const turnTo = useSignal('');
  const candidates = network.lines.filter((l) => lineStops(l).length >= 2);
  const onLine = network.stations.filter((s) => stops.includes(s.id));
  const choose = (id: string) => {
    const l = network.lines.find((x) => x.id === id);
    if (l) update((m) => withLine(m, l, scenario));
  };
  useMapTool({
    lines: [{ coords: linePath(network, line), color: line?.color ?? '#444444', width: HIGHLIGHT_WIDTH }],
    points: [
      ...stationPoints(
        network,
        stops.filter((s) => !calls.has(s)),
        'unpicked',
      ),
      ...stationPoints(
        network,
        stops.filter((s) => calls.has(s)),
        'picked',
      ),
    ],
    stations: onLine,
    onClick: ({ station, line: clicked }) => {
      if (station) update((m) => toggleStop(m, station.id, stops));
      else if (clicked && clicked !== mod.line) choose(clicked);
    },
  });
  const direction = mod.pattern.direction;
  return (
    <div class="mod-editor" data-testid="editor-add-pattern">
      <Hint>{t('ed.addPattern.hint')}</Hint>
      <LineSelect
        label={t('ed.line')}
        lines={candidates}
        value={mod.line}
        testid="pattern-line"
        onChange={choose}
        issues={issues}
        field=".line"
      />
      <TextField
        label={t('ed.patternId')}
        value={mod.pattern.id}
        testid="pattern-id"
        onValue={(v, key) => v.trim() && update((m) => withPatternId(m, v.trim()), key)}
      />
      <FieldIssues issues={issues} field=".pattern.id" />
      <fieldset class="stops-ticks" data-testid="pattern-stops">
        <legend>{t('ed.callsAt')}</legend>
        {stops.map((s) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              checked={calls.has(s)}
              data-testid={`pattern-stop-${s}`}
              onChange={() => update((m) => toggleStop(m, s, stops))}
            />
            {stationName(network, s)}
          </label>
        ))}
        <FieldIssues issues={issues} field=".pattern.stops" />
      </fieldset>
      <div class="row short-turn">
        <StationSelect
          label={t('ed.turnFrom')}
          stations={onLine}
          value={turnFrom.value}
          placeholder={t('ed.choose')}
          testid="turn-from"
          onChange={(v) => (turnFrom.value = v)}
        />
        <StationSelect
          label={t('ed.turnTo')}
          stations={onLine}
          value={turnTo.value}
          placeholder={t('ed.choose')}
          testid="turn-to"
          onChange={(v) => (turnTo.value = v)}
        />
        <button
          type="button"
          disabled={!turnFrom.value || !turnTo.value}
          data-testid="turn-apply"
          onClick={() => update((m) => shortTurn(m, turnFrom.value, turnTo.value, stops))}
        >
          {t('ed.shortTurn')}
        </button>
      </div>
      <label class="field">
        <span>{t('ed.direction')}</span>
        <select
          value={direction === undefined ? 'both' : String(direction)}
          data-testid="pattern-direction"
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            update((m) => withDirection(m, v === 'both' ? undefined : (Number(v) as Direction)));
          }}
        >
          <option value="both">{t('ed.bothWays')}</option>
          <option value="0">{t('ed.direction0')}</option>
          <option value="1">{t('ed.direction1')}</option>
        </select>
      </label>
      <FieldIssues issues={issues} field=".pattern.direction" />
      <HeadwaysField
        periods={network.periods}
        headways={mod.pattern.headways}
        issues={issues}
        field=".pattern.headways"
        testid="pattern-headways"
        onChange={(period, minutes, key) => update((m) => withHeadwayMinutes(m, period, minutes), key)}
      />
    </div>
  );
}
