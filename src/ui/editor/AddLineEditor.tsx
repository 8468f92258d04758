import { useRef } from 'preact/hooks';
import { resolveAssumptions } from '../../domain/assumptions';
import { LAYERS, type LayerId } from '../../domain/layer';
import { nameIn } from '../../domain/names';
import type { AddLine } from '../../domain/scenario';
import { t } from '../i18n';
import { lang } from '../state/store';
import {
  type LineEnv,
  withBidirectional,
  withColor,
  withDwell,
  withExplicitRuns,
  withHeadwayMinutes,
  withLayer,
  withLineId,
  withLineName,
  withRunMinutes,
  withSpeed,
  withStops,
} from './addLine';
import { type EditorProps, newGestureKey, updater, useMapTool } from './editorProps';
import { FieldIssues, HeadwaysField, Hint, LayerSelect, TextField } from './fields';
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

/** A new line drawn on the map: stops, name, layer, colour, headways, speed or run times. */
export function AddLineEditor({ mod, modKey, network, scenario, issues }: EditorProps<AddLine>) {
  const update = updater<AddLine>(modKey);
  const layer: LayerId = LAYERS.includes(mod.line.layer) ? mod.line.layer : 'suburban';
  const a = resolveAssumptions(network.assumptions);
  const lineEnv: LineEnv = { stations: network.stations, routeFactor: a.layers[layer].routeFactor };
  const stopEnv = (snapMeters: number): StopEnv => ({
    stations: network.stations,
    taken: takenStationIds(network, scenario),
    snapMeters,
    idPrefix: mod.line.id || 'new',
  });
  const coordOf = coordLookup(network.stations, mod.stops);
  const ids = mod.stops.map(stopId);
  const drag = useRef('');

  useMapTool({
    lines: [{ coords: ids.map(coordOf).filter((c) => c !== undefined), color: mod.line.color }],
    points: mod.stops.map((r, k) => ({
      coord: coordOf(stopId(r)) ?? [0, 0],
      role: typeof r === 'string' ? 'existing' : 'new',
      color: mod.line.color,
      handle: k,
      draggable: typeof r !== 'string',
    })),
    stations: network.stations,
    onClick: ({ coord, snapMeters }) =>
      update((m) => withStops(m, placeStop(m.stops, coord, stopEnv(snapMeters)), lineEnv)),
    onDragStart: () => {
      drag.current = newGestureKey();
      beginGesture();
    },
    onDrag: (k, coord, snapMeters) =>
      update((m) => withStops(m, moveStop(m.stops, k, coord, stopEnv(snapMeters)), lineEnv), drag.current),
    onDragEnd: endGesture,
    onRemove: (k) => update((m) => withStops(m, removeStop(m.stops, k), lineEnv)),
  });

  const hops = ids.slice(1).map((id, k) => `${nameOf(ids[k]!)} → ${nameOf(id)}`);
  function nameOf(id: string): string {
    const own = mod.stops.find((r) => typeof r !== 'string' && r.id === id);
    if (own && typeof own !== 'string') return nameIn(own.name, lang.value);
    const s = network.stations.find((x) => x.id === id);
    return s ? nameIn(s.name, lang.value) : id;
  }

  return (
    <div class="mod-editor" data-testid="editor-add-line">
      <Hint>{t('ed.addLine.hint')}</Hint>
      <div class="row">
        <TextField
          label={t('ed.lineName')}
          value={nameIn(mod.line.name, lang.value)}
          testid="line-name"
          onValue={(v, key) => update((m) => withLineName(m, lang.value, v), key)}
        />
        <TextField
          label={t('ed.lineId')}
          value={mod.line.id}
          testid="line-id"
          onValue={(v, key) => v.trim() && update((m) => withLineId(m, v.trim()), key)}
        />
      </div>
      <FieldIssues issues={issues} field=".line" />
      <div class="row">
        <LayerSelect
          label={t('ed.layer')}
          value={layer}
          testid="line-layer"
          onChange={(l) => update((m) => withLayer(m, l))}
        />
        <label class="field">
          <span>{t('ed.color')}</span>
          <input
            type="color"
            value={mod.line.color}
            data-testid="line-color"
            onChange={(e) => update((m) => withColor(m, (e.target as HTMLInputElement).value))}
          />
        </label>
      </div>
      <StopList
        stops={mod.stops}
        network={network}
        issues={issues}
        field=".stops"
        testid="stops"
        onRemove={(k) => update((m) => withStops(m, removeStop(m.stops, k), lineEnv))}
        onMove={(k, by) => update((m) => withStops(m, reorderStop(m.stops, k, by), lineEnv))}
        onRename={(k, text, key) =>
          update((m) => ({ ...m, stops: renameStop(m.stops, k, lang.value, text) }), key)
        }
        onAddStation={(id) => update((m) => withStops(m, addExistingStop(m.stops, id), lineEnv))}
        onAddCoord={(coord) => update((m) => withStops(m, placeStop(m.stops, coord, stopEnv(0)), lineEnv))}
      />
      <HeadwaysField
        periods={network.periods}
        headways={mod.headways}
        issues={issues}
        field=".headways"
        testid="headways"
        onChange={(period, minutes, key) => update((m) => withHeadwayMinutes(m, period, minutes), key)}
      />
      <RunTimes
        speedKmh={mod.speedKmh}
        runSeconds={mod.runSeconds}
        dwellSeconds={mod.dwellSeconds}
        defaultDwell={a.layers[layer].dwellSeconds}
        hops={hops}
        issues={issues}
        testid="run"
        onSpeed={(v, key) => update((m) => withSpeed(m, v), key)}
        onUseSpeed={() => update((m) => withSpeed(m, m.speedKmh ?? LAYER_DEFAULTS[layer].speedKmh))}
        onUseRuns={() => update((m) => withExplicitRuns(m, lineEnv))}
        onRun={(k, v, key) => update((m) => withRunMinutes(m, k, v), key)}
        onDwell={(v, key) => update((m) => withDwell(m, v), key)}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={mod.bidirectional !== false}
          data-testid="line-both-ways"
          onChange={(e) => update((m) => withBidirectional(m, (e.target as HTMLInputElement).checked))}
        />
        {t('ed.bothWays')}
      </label>
    </div>
  );
}
