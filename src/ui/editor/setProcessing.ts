import { resolveAssumptions } from '../../domain/assumptions';
import type { LayerId } from '../../domain/layer';
import type { Network } from '../../domain/network';
import type { Scenario, SetProcessing } from '../../domain/scenario';
import { nextModificationId } from './ids';
import { optionalSeconds } from './units';

export type ProcessingTarget = { layer: LayerId } | { stations: string[] } | { hub: string };
export type TargetKind = 'layer' | 'stations' | 'hub';

export function targetKind(mod: SetProcessing): TargetKind {
  return mod.stations !== undefined ? 'stations' : mod.hub !== undefined ? 'hub' : 'layer';
}

function withoutTarget(mod: SetProcessing): SetProcessing {
  const { layer: _l, stations: _s, hub: _h, ...rest } = mod;
  return rest;
}

/**
 * Walk-on operation (公交化运营) of suburban rail: entry as quick as the metro's. Starts from the network's
 * metro entry time, which the planner then adjusts.
 */
export function newSetProcessing(network: Network, scenario: Scenario): SetProcessing {
  const a = resolveAssumptions(network.assumptions);
  return {
    type: 'set-processing',
    id: nextModificationId(scenario),
    layer: 'suburban',
    entrySeconds: a.layers.metro.entrySeconds,
  };
}

export function withTarget(mod: SetProcessing, target: ProcessingTarget): SetProcessing {
  return { ...withoutTarget(mod), ...target };
}

/** Change the kind of target, keeping nothing that belongs to another kind. */
export function withTargetKind(mod: SetProcessing, kind: TargetKind, network: Network): SetProcessing {
  if (targetKind(mod) === kind) return mod;
  if (kind === 'layer') return withTarget(mod, { layer: 'suburban' });
  if (kind === 'hub') return withTarget(mod, { hub: network.hubs[0]?.id ?? '' });
  return withTarget(mod, { stations: [] });
}

/** Tick or untick a station of a station list (a station clicked on the map). */
export function toggleStation(mod: SetProcessing, station: string): SetProcessing {
  const list = mod.stations ?? [];
  const stations = list.includes(station) ? list.filter((s) => s !== station) : [...list, station];
  return withTarget(mod, { stations });
}

export function withEntryMinutes(mod: SetProcessing, minutes: number | null): SetProcessing {
  const { entrySeconds: _e, ...rest } = mod;
  const s = optionalSeconds(minutes);
  return s === undefined ? rest : { ...rest, entrySeconds: s };
}

export function withExitMinutes(mod: SetProcessing, minutes: number | null): SetProcessing {
  const { exitSeconds: _e, ...rest } = mod;
  const s = optionalSeconds(minutes);
  return s === undefined ? rest : { ...rest, exitSeconds: s };
}
