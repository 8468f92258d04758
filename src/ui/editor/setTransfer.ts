import type { Network } from '../../domain/network';
import type { Scenario, SetTransfer } from '../../domain/scenario';
import type { TransferPlace, TransferSide } from '../../domain/transfer';
import { nextModificationId } from './ids';
import { optionalSeconds } from './units';

export type PlaceKind = 'station' | 'stations' | 'hub';

export function placeKind(at: TransferPlace): PlaceKind {
  return 'station' in at ? 'station' : 'stations' in at ? 'stations' : 'hub';
}

/**
 * Security mutual recognition (安检互认) at a place: changing there costs no processing. The usual reason to
 * add this modification, so it is where the editor starts.
 */
export function newSetTransfer(scenario: Scenario, at: TransferPlace): SetTransfer {
  return { type: 'set-transfer', id: nextModificationId(scenario), at, processingSeconds: 0 };
}

/**
 * The place, by kind: switching kind keeps what it can (a hub's first station, a station's hub). A
 * station clicked on the map goes through here too.
 */
export function withPlaceKind(mod: SetTransfer, kind: PlaceKind, network: Network): SetTransfer {
  if (placeKind(mod.at) === kind) return mod;
  const stationOf = (at: TransferPlace) =>
    'station' in at
      ? at.station
      : 'stations' in at
        ? at.stations[0]
        : network.hubs.find((h) => h.id === at.hub)?.stations[0];
  const first = stationOf(mod.at) ?? network.stations[0]?.id ?? '';
  const hub = network.hubs.find((h) => h.stations.includes(first)) ?? network.hubs[0];
  if (kind === 'station') return { ...mod, at: { station: first } };
  if (kind === 'hub') return { ...mod, at: { hub: hub?.id ?? '' } };
  const other = hub?.stations.find((s) => s !== first) ?? first;
  return { ...mod, at: { stations: [first, other] } };
}

export function withPlace(mod: SetTransfer, at: TransferPlace): SetTransfer {
  return { ...mod, at };
}

/**
 * A station picked on the map: it becomes the place in the current kind — the station itself, its hub, or
 * the next end of a station pair (the first pick sets "from", the second "to").
 */
export function pickStation(mod: SetTransfer, station: string, network: Network): SetTransfer {
  const at = mod.at;
  if ('station' in at) return { ...mod, at: { station } };
  if ('hub' in at) {
    const hub = network.hubs.find((h) => h.stations.includes(station));
    return hub ? { ...mod, at: { hub: hub.id } } : mod;
  }
  const [a, b] = at.stations;
  return { ...mod, at: { stations: a === b ? [a, station] : [station, station === a ? b : a] } };
}

/** One side of the change: any line (undefined), every line of a layer, or one line. */
export function withSide(
  mod: SetTransfer,
  which: 'from' | 'to',
  side: TransferSide | undefined,
): SetTransfer {
  const { [which]: _old, ...rest } = mod;
  return side === undefined ? rest : { ...rest, [which]: side };
}

export function withWalkMinutes(mod: SetTransfer, minutes: number | null): SetTransfer {
  const { walkSeconds: _w, ...rest } = mod;
  const s = optionalSeconds(minutes);
  return s === undefined ? rest : { ...rest, walkSeconds: s };
}

export function withProcessingMinutes(mod: SetTransfer, minutes: number | null): SetTransfer {
  const { processingSeconds: _p, ...rest } = mod;
  const s = optionalSeconds(minutes);
  return s === undefined ? rest : { ...rest, processingSeconds: s };
}
