import { useRef } from 'preact/hooks';
import { resolveAssumptions } from '../../domain/assumptions';
import { nameIn } from '../../domain/names';
import { referencePattern } from '../../domain/patternOps';
import type { ExtendLine } from '../../domain/scenario';
import { t } from '../i18n';
import { lang } from '../state/store';
import { type EditorProps, newGestureKey, updater, useMapTool } from './editorProps';
import {
  terminusOf,
  withDwell,
  withEnd,
  withExplicitRuns,
  withLine,
  withRunMinutes,
  withSpeed,
  withStops,
} from './extendLine';
import { FieldIssues, Hint, LineSelect, Segmented } from './fields';
import { takenStationIds } from './ids';
import { coordLookup, LAYER_DEFAULTS } from './lineDefaults';
import { RunTimes } from './RunTimes';
import { StopList } from './StopList';
import { beginGesture, endGesture } from './session';
import {
  addExistingStop,
  moveStop,
  placeStop,
  removeStop,
  renameStop,
  reorderStop,
  type StopEnv,
  stopId,
} from './stops';

/** A line continued beyond one of its ends: new stops placed on the map outward from the terminus. */
export function ExtendLineEditor({ mod, modKey, network, scenario, issues }: EditorProps<ExtendLine>) {
  const update = updater<ExtendLine>(modKey);
  const line = network.lines.find((l) => l.id === mod.line);
  const layer = line?.layer ?? 'suburban';
  const a = resolveAssumptions(network.assumptions);
  const terminus = terminusOf(line, mod.end);
  const env = { stations: network.stations, routeFactor: a.layers[layer].routeFactor, ...(line && { line }) };
  const stopEnv = (snapMeters: number): StopEnv => ({
    stations: network.stations,
    taken: takenStationIds(network, scenario),
    snapMeters,
    idPrefix: mod.line || 'ext',
  });
  const coordOf = coordLookup(network.stations, mod.stops);
  const ids = [...(terminus ? [terminus] : []), ...mod.stops.map(stopId)];
  const drag = useRef('');
  const color = line?.color ?? '#444444';
  const route = line ? (referencePattern(line, 0)?.stops ?? []) : [];
  const extendable = network.lines.filter((l) => terminusOf(l, 'last') !== undefined);
  const withStopsAt = (m: ExtendLine, stops: ExtendLine['stops']) =>
    terminus ? withStops(m, stops, terminus, env) : { ...m, stops };

  useMapTool({
    lines: [
      { coords: route.map(coordOf).filter((c) => c !== undefined), color, width: 9 },
      { coords: ids.map(coordOf).filter((c) => c !== undefined), color },
    ],
    points: [
      ...(terminus
        ? [{ coord: coordOf(terminus) ?? ([0, 0] as [number, number]), role: 'end' as const }]
        : []),
      ...mod.stops.map((r, k) => ({
        coord: coordOf(stopId(r)) ?? ([0, 0] as [number, number]),
        role: typeof r === 'string' ? ('existing' as const) : ('new' as const),
        color,
        handle: k,
        draggable: typeof r !== 'string',
      })),
    ],
    stations: network.stations,
    onClick: ({ coord, snapMeters, line: clicked }) => {
      // Before any stop is placed, a click on another line switches the line being extended.
      if (
        mod.stops.length === 0 &&
        clicked &&
        clicked !== mod.line &&
        extendable.some((l) => l.id === clicked)
      ) {
        update((m) => withLine(m, clicked));
        return;
      }
      update((m) => withStopsAt(m, placeStop(m.stops, coord, stopEnv(snapMeters))));
    },
    onDragStart: () => {
      drag.current = newGestureKey();
      beginGesture();
    },
    onDrag: (k, coord, snapMeters) =>
      update((m) => withStopsAt(m, moveStop(m.stops, k, coord, stopEnv(snapMeters))), drag.current),
    onDragEnd: endGesture,
    onRemove: (k) => update((m) => withStopsAt(m, removeStop(m.stops, k))),
  });

  const nameOf = (id: string) => {
    const own = mod.stops.find((r) => typeof r !== 'string' && r.id === id);
    if (own && typeof own !== 'string') return nameIn(own.name, lang.value);
    const s = network.stations.find((x) => x.id === id);
    return s ? nameIn(s.name, lang.value) : id;
  };
  const hops = ids.slice(1).map((id, k) => `${nameOf(ids[k]!)} → ${nameOf(id)}`);

  return (
    <div class="mod-editor" data-testid="editor-extend-line">
      <Hint>{t('ed.extendLine.hint')}</Hint>
      <LineSelect
        label={t('ed.line')}
        lines={extendable}
        value={mod.line}
        testid="extend-line"
        onChange={(id) => update((m) => withLine(m, id))}
        issues={issues}
        field=".line"
      />
      <Segmented
        legend={t('ed.end')}
        name="extend-end"
        options={['first', 'last'] as const}
        value={mod.end}
        label={(end) =>
          `${t(`ed.end.${end}`)} ${line && terminusOf(line, end) ? `(${nameOf(terminusOf(line, end)!)})` : ''}`
        }
        onChange={(end) => update((m) => withEnd(m, end))}
      />
      <FieldIssues issues={issues} field=".end" />
      <StopList
        stops={mod.stops}
        network={network}
        issues={issues}
        field=".stops"
        testid="ext-stops"
        {...(terminus && { before: terminus })}
        onRemove={(k) => update((m) => withStopsAt(m, removeStop(m.stops, k)))}
        onMove={(k, by) => update((m) => withStopsAt(m, reorderStop(m.stops, k, by)))}
        onRename={(k, text, key) =>
          update((m) => ({ ...m, stops: renameStop(m.stops, k, lang.value, text) }), key)
        }
        onAddStation={(id) => update((m) => withStopsAt(m, addExistingStop(m.stops, id)))}
        onAddCoord={(coord) => update((m) => withStopsAt(m, placeStop(m.stops, coord, stopEnv(0))))}
      />
      <RunTimes
        speedKmh={mod.speedKmh}
        runSeconds={mod.runSeconds}
        dwellSeconds={mod.dwellSeconds}
        defaultDwell={a.layers[layer].dwellSeconds}
        hops={hops}
        issues={issues}
        testid="ext-run"
        onSpeed={(v, key) => update((m) => withSpeed(m, v), key)}
        onUseSpeed={() => update((m) => withSpeed(m, m.speedKmh ?? LAYER_DEFAULTS[layer].speedKmh))}
        onUseRuns={() => terminus && update((m) => withExplicitRuns(m, terminus, env))}
        onRun={(k, v, key) => update((m) => withRunMinutes(m, k, v), key)}
        onDwell={(v, key) => update((m) => withDwell(m, v), key)}
      />
    </div>
  );
}
