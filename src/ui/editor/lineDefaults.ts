import type { LonLat } from '../../domain/geo';
import type { LayerId } from '../../domain/layer';
import type { Headways } from '../../domain/line';
import type { Network } from '../../domain/network';
import type { StopRef } from '../../domain/scenario';
import type { Station } from '../../domain/station';
import type { CoordOf } from './runTimes';
import { minutesToSeconds } from './units';

/** Starting values for a new line, typical of each network (DESIGN.md §1). */
export const LAYER_DEFAULTS: Record<LayerId, { speedKmh: number; headwayMinutes: number }> = {
  trunk: { speedKmh: 200, headwayMinutes: 30 },
  intercity: { speedKmh: 160, headwayMinutes: 20 },
  suburban: { speedKmh: 100, headwayMinutes: 10 },
  bus: { speedKmh: 20, headwayMinutes: 10 },
  metro: { speedKmh: 35, headwayMinutes: 4 },
};

/** Colours for new lines, distinct from one another on the basemap. */
export const PALETTE = ['#e4007f', '#0097e0', '#f39800', '#00964b', '#8f58a6', '#a0522d', '#00a3a1'];

/** The same headway in every period of the network. */
export function everyPeriod(network: Network, minutes: number): Headways {
  return Object.fromEntries(network.periods.map((p) => [p.id, minutesToSeconds(minutes)]));
}

/** Positions of stops: new stations from the list itself, existing ones from the network. */
export function coordLookup(stations: readonly Station[], ...lists: (readonly StopRef[])[]): CoordOf {
  const coords = new Map<string, LonLat>(stations.map((s) => [s.id, s.coord]));
  for (const list of lists) for (const r of list) if (typeof r !== 'string') coords.set(r.id, r.coord);
  return (id) => coords.get(id);
}
