import type { ComponentType } from 'preact';
import type { Language, LocalizedName } from '../../domain/names';
import { nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { Modification, ModificationType, Scenario } from '../../domain/scenario';
import { AddFeederEditor } from './AddFeederEditor';
import { AddLineEditor } from './AddLineEditor';
import { AddPatternEditor } from './AddPatternEditor';
import { AdjustSpeedEditor } from './AdjustSpeedEditor';
import { newAddFeeder } from './addFeeder';
import { newAddLine } from './addLine';
import { lineStops, newAddPattern } from './addPattern';
import { newAdjustSpeed } from './adjustSpeed';
import { CloseStationEditor } from './CloseStationEditor';
import { newCloseStation } from './closeStation';
import { ExtendLineEditor } from './ExtendLineEditor';
import type { EditorProps } from './editorProps';
import { newExtendLine, terminusOf } from './extendLine';
import { RemoveLineEditor } from './RemoveLineEditor';
import { newRemoveLine } from './removeLine';
import { SetHeadwayEditor } from './SetHeadwayEditor';
import { SetProcessingEditor } from './SetProcessingEditor';
import { SetTransferEditor } from './SetTransferEditor';
import { newSetHeadway } from './setHeadway';
import { newSetProcessing } from './setProcessing';
import { newSetTransfer } from './setTransfer';
import { ThroughRunEditor } from './ThroughRunEditor';
import { junctions, newThroughRun } from './throughRun';
import { secondsToMinutes } from './units';

/** What a new modification starts from. */
export interface CreateContext {
  scenario: Scenario;
  /** The scenario's network so far (what additions and changes pick from). */
  network: Network;
  /** The network as loaded (what removals and closures pick from: they apply first). */
  base: Network;
  /** The network's lines by id. */
  sortedLines: Network['lines'];
}

/** Names for ids in a description, from the first network that has them; unknown ids as they are. */
export interface Namer {
  line(id: string): string;
  station(id: string): string;
  hub(id: string): string;
  name(name: LocalizedName | undefined): string;
  headways(h: Record<string, number> | undefined): string;
  tr(key: string): string;
}

/** Everything the editor knows about one modification type. */
export interface EditorEntry<M extends Modification> {
  Editor: ComponentType<EditorProps<M>>;
  /** Place in the list of types a planner can add (what planners add most first). */
  offer: number;
  /** A new one with its first sensible target, or undefined when the network has nothing it could apply to. */
  create(ctx: CreateContext): M | undefined;
  /** One line saying what it does, for the list ("Metro 2: am-peak 2′"). */
  describe(mod: M, names: Namer): string;
}

type Registry = { [T in ModificationType]: EditorEntry<Extract<Modification, { type: T }>> };

/** One entry per modification type (a type missing here does not compile). */
export const EDITORS: Registry = {
  'add-line': {
    Editor: AddLineEditor,
    offer: 1,
    create: ({ network, scenario }) => newAddLine(network, scenario),
    describe: (mod, n) => `${n.name(mod.line?.name) || mod.line?.id} · ${mod.stops?.length ?? 0} ⦿`,
  },
  'extend-line': {
    Editor: ExtendLineEditor,
    offer: 2,
    create: ({ scenario, sortedLines }) => {
      const line = sortedLines.find((l) => terminusOf(l, 'last') !== undefined);
      return line && newExtendLine(scenario, line);
    },
    describe: (mod, n) => `${n.line(mod.line)} +${mod.stops?.length ?? 0} ⦿`,
  },
  'set-headway': {
    Editor: SetHeadwayEditor,
    offer: 3,
    create: ({ scenario, sortedLines }) => sortedLines[0] && newSetHeadway(scenario, sortedLines[0]),
    describe: (mod, n) => `${n.line(mod.line)}: ${n.headways(mod.headways)}`,
  },
  'adjust-speed': {
    Editor: AdjustSpeedEditor,
    offer: 4,
    create: ({ scenario, sortedLines }) => sortedLines[0] && newAdjustSpeed(scenario, sortedLines[0].id),
    describe: (mod, n) =>
      `${n.line(mod.line)} ×${mod.speedFactor}${mod.from !== undefined ? ` (${n.station(mod.from)}–${mod.to === undefined ? '?' : n.station(mod.to)})` : ''}`,
  },
  'add-pattern': {
    Editor: AddPatternEditor,
    offer: 5,
    create: ({ scenario, sortedLines }) => {
      const line = sortedLines.find((l) => lineStops(l).length >= 3);
      return line && newAddPattern(scenario, line);
    },
    describe: (mod, n) => `${n.line(mod.line)} ${mod.pattern?.id}: ${mod.pattern?.stops?.length ?? 0} ⦿`,
  },
  'through-run': {
    Editor: ThroughRunEditor,
    offer: 6,
    create: ({ scenario, network }) => {
      const j = junctions(network)[0];
      return j && newThroughRun(scenario, j);
    },
    describe: (mod, n) => `${n.line(mod.from)} → ${n.line(mod.to)} @ ${n.station(mod.station)}`,
  },
  'add-feeder': {
    Editor: AddFeederEditor,
    offer: 7,
    create: ({ scenario, network }) => newAddFeeder(network, scenario),
    describe: (mod, n) =>
      `${n.station(mod.station)}: ${((mod.radiusMeters ?? 0) / 1000).toFixed(1)} km, ${n.headways(mod.headways)}`,
  },
  'set-transfer': {
    Editor: SetTransferEditor,
    offer: 8,
    create: ({ scenario, network }) => {
      const hub = network.hubs[0];
      const station = network.stations[0];
      return hub
        ? newSetTransfer(scenario, { hub: hub.id })
        : station && newSetTransfer(scenario, { station: station.id });
    },
    describe: (mod, n) => {
      const at = mod.at;
      const where =
        'station' in at
          ? n.station(at.station)
          : 'stations' in at
            ? at.stations.map(n.station).join(' ↔ ')
            : n.hub(at.hub);
      const parts = [
        mod.walkSeconds !== undefined ? `${n.tr('ed.walk')} ${secondsToMinutes(mod.walkSeconds)}′` : '',
        mod.processingSeconds !== undefined
          ? `${n.tr('ed.processing')} ${secondsToMinutes(mod.processingSeconds)}′`
          : '',
      ].filter(Boolean);
      return `${where}: ${parts.join(', ')}`;
    },
  },
  'set-processing': {
    Editor: SetProcessingEditor,
    offer: 9,
    create: ({ scenario, network }) => newSetProcessing(network, scenario),
    describe: (mod, n) => {
      const target =
        mod.layer !== undefined
          ? n.tr(`layer.${mod.layer}`)
          : mod.hub !== undefined
            ? n.hub(mod.hub)
            : (mod.stations ?? []).map(n.station).join(', ');
      const parts = [
        mod.entrySeconds !== undefined ? `${n.tr('ed.entry')} ${secondsToMinutes(mod.entrySeconds)}′` : '',
        mod.exitSeconds !== undefined ? `${n.tr('ed.exit')} ${secondsToMinutes(mod.exitSeconds)}′` : '',
      ].filter(Boolean);
      return `${target}: ${parts.join(', ')}`;
    },
  },
  'remove-line': {
    Editor: RemoveLineEditor,
    offer: 10,
    create: ({ scenario, base }) => {
      const line = [...base.lines].sort((a, b) => a.id.localeCompare(b.id))[0];
      return line && newRemoveLine(scenario, line.id);
    },
    describe: (mod, n) => n.line(mod.line),
  },
  'close-station': {
    Editor: CloseStationEditor,
    offer: 11,
    create: ({ scenario, base }) => {
      const station = [...base.stations].sort((a, b) => a.id.localeCompare(b.id))[0];
      return station && newCloseStation(scenario, station.id);
    },
    describe: (mod, n) => n.station(mod.station),
  },
};

/** The types in the order they are offered. */
export const OFFERED: readonly ModificationType[] = (Object.keys(EDITORS) as ModificationType[]).sort(
  (a, b) => EDITORS[a].offer - EDITORS[b].offer,
);

/** The registry entry of a modification's own type (the map is keyed by type, so they always match). */
export function entryOf<M extends Modification>(mod: M): EditorEntry<M> {
  return EDITORS[mod.type] as unknown as EditorEntry<M>;
}

/** A namer over networks, the first that has an id naming it. */
export function namer(networks: readonly Network[], lang: Language, tr: (key: string) => string): Namer {
  const named = (find: (n: Network) => { name: LocalizedName } | undefined, id: string) => {
    for (const n of networks) {
      const x = find(n);
      if (x) return nameIn(x.name, lang);
    }
    return id;
  };
  return {
    line: (id) => named((n) => n.lines.find((x) => x.id === id), id),
    station: (id) => named((n) => n.stations.find((x) => x.id === id), id),
    hub: (id) => named((n) => n.hubs.find((x) => x.id === id), id),
    name: (name) => nameIn(name ?? {}, lang),
    headways: (h) =>
      Object.entries(h ?? {})
        .map(([p, s]) => `${p} ${secondsToMinutes(s)}′`)
        .join(', '),
    tr,
  };
}
