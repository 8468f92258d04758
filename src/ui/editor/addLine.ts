import type { LayerId } from '../../domain/layer';
import type { LocalizedName } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { AddLine, Scenario, StopRef } from '../../domain/scenario';
import type { Station } from '../../domain/station';
import { nextModificationId, takenLineIds, uniqueId } from './ids';
import { coordLookup, everyPeriod, LAYER_DEFAULTS, PALETTE } from './lineDefaults';
import { estimateRun, estimateRuns, syncRuns } from './runTimes';

export { withDwell, withRunMinutes, withSpeed } from './runTimes';

import { stopId } from './stops';
import { withHeadway } from './units';

/** Where the line is drawn: stations to look positions up in, and the layer's route factor. */
export interface LineEnv {
  stations: readonly Station[];
  routeFactor: number;
}

/** A new line with no stops yet: the planner places them on the map. */
export function newAddLine(network: Network, scenario: Scenario, layer: LayerId = 'suburban'): AddLine {
  const lines = scenario.modifications.filter((m) => m.type === 'add-line').length;
  const id = uniqueId(`new-${layer}`, takenLineIds(network, scenario));
  const n = lines + 1;
  return {
    type: 'add-line',
    id: nextModificationId(scenario),
    line: {
      id,
      name: { en: `New line ${n}`, zh: `新线路${n}` },
      layer,
      color: PALETTE[lines % PALETTE.length]!,
    },
    stops: [],
    speedKmh: LAYER_DEFAULTS[layer].speedKmh,
    headways: everyPeriod(network, LAYER_DEFAULTS[layer].headwayMinutes),
  };
}

/** The stop list changed (placed, moved, removed, reordered); explicit run times follow the hops. */
export function withStops(mod: AddLine, stops: StopRef[], env: LineEnv): AddLine {
  if (mod.runSeconds === undefined) return { ...mod, stops };
  const coordOf = coordLookup(env.stations, mod.stops, stops);
  const speed = LAYER_DEFAULTS[mod.line.layer]?.speedKmh ?? 80;
  const runSeconds = syncRuns(mod.runSeconds, mod.stops.map(stopId), stops.map(stopId), (a, b) => {
    const ca = coordOf(a);
    const cb = coordOf(b);
    return ca && cb ? Math.max(1, estimateRun(ca, cb, speed, env.routeFactor)) : 60;
  });
  return { ...mod, stops, runSeconds };
}

export function withLineName(mod: AddLine, lang: keyof LocalizedName, text: string): AddLine {
  const name: LocalizedName = { ...mod.line.name };
  if (text.trim()) name[lang] = text;
  else delete name[lang];
  return { ...mod, line: { ...mod.line, name } };
}

export function withLayer(mod: AddLine, layer: LayerId): AddLine {
  return { ...mod, line: { ...mod.line, layer } };
}

export function withColor(mod: AddLine, color: string): AddLine {
  return { ...mod, line: { ...mod.line, color } };
}

export function withLineId(mod: AddLine, id: string): AddLine {
  return { ...mod, line: { ...mod.line, id } };
}

export function withHeadwayMinutes(mod: AddLine, period: string, minutes: number | null): AddLine {
  return { ...mod, headways: withHeadway(mod.headways, period, minutes) };
}

/**
 * Switch to explicit run times, starting from what the current speed gives, so the switch itself changes
 * nothing and the planner edits from there.
 */
export function withExplicitRuns(mod: AddLine, env: LineEnv): AddLine {
  const { speedKmh, ...rest } = mod;
  const speed = speedKmh ?? LAYER_DEFAULTS[mod.line.layer].speedKmh;
  const ids = mod.stops.map(stopId);
  return {
    ...rest,
    runSeconds: estimateRuns(ids, coordLookup(env.stations, mod.stops), speed, env.routeFactor),
  };
}

/** One direction only (`false`) or both (the default, so the field is left out). */
export function withBidirectional(mod: AddLine, both: boolean): AddLine {
  const { bidirectional: _b, ...rest } = mod;
  return both ? rest : { ...rest, bidirectional: false };
}
