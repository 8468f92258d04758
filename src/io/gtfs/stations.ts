import type { LonLat } from '../../domain/geo';
import { LAYERS, type LayerId } from '../../domain/layer';
import type { Station } from '../../domain/station';
import { Ids, plural } from './ids';
import type { RouteImport } from './lines';
import type { StopTable } from './stops';
import type { Names } from './translations';

/** The network's stations and how feed stops map to them. */
export interface StationSet {
  stations: Station[];
  /** The station of a feed station (its stop index) for one layer. */
  id(base: number, layer: LayerId): string;
  /** Links between the parts of a station split by layer (they form a hub). */
  splitLinks: [string, string][];
  /** Feed stations split by layer. */
  split: number;
  /** Feed stations (stop indices) that became stations. */
  served: Set<number>;
  /**
   * The stations of a stop (a platform, a parent, an entrance): of `layer` when given (a transfers.txt
   * row naming a route); for a platform, of the layers of the lines calling there; else every part.
   */
  ofStop(stop: number, layer: LayerId | undefined, layersCallingAt: (stop: number) => Set<LayerId>): string[];
}

/**
 * One station per feed station (a parent, or a stop without one) that an imported line calls at, and per
 * layer calling there: a parent served by metro and rail becomes `P~suburban` and `P~metro`, because a
 * station's layer sets its processing (a metro rider does not pass rail security). In stops.txt order.
 */
export function buildStations(imported: readonly RouteImport[], stops: StopTable, names: Names): StationSet {
  const layersAt = new Map<number, Set<LayerId>>();
  for (const r of imported) {
    for (const p of r.patterns) {
      for (const s of p.stations) {
        const set = layersAt.get(s);
        if (set) set.add(r.layer);
        else layersAt.set(s, new Set([r.layer]));
      }
    }
  }
  const platformsOf = new Map<number, number[]>();
  stops.station.forEach((s, k) => {
    if (s >= 0 && s !== k && stops.stops[k]!.type === 0) {
      const list = platformsOf.get(s);
      if (list) list.push(k);
      else platformsOf.set(s, [k]);
    }
  });
  const ids = new Ids();
  const byKey = new Map<string, string>();
  const stations: Station[] = [];
  const splitLinks: [string, string][] = [];
  let split = 0;
  for (const base of [...layersAt.keys()].sort((a, b) => a - b)) {
    const stop = stops.stops[base]!;
    const present = LAYERS.filter((l) => layersAt.get(base)!.has(l));
    const platforms = platformsOf.get(base) ?? [];
    // Trips only call where a position is known (checked when patterns are built).
    const coord = stops.stationCoord(base, platforms)!;
    const name = stop.name || platforms.map((p) => stops.stops[p]!.name).find((n) => n !== '') || stop.id;
    if (present.length > 1) split++;
    for (const layer of present) {
      const id = ids.make(present.length > 1 ? `${stop.id}~${layer}` : stop.id);
      byKey.set(`${base}/${layer}`, id);
      const parts = present.length > 1 ? ` (its ${layer} part)` : '';
      stations.push({
        id,
        name: names.stop(stop.id, name),
        coord: [coord[0], coord[1]] as LonLat,
        layer,
        source: `GTFS stop ${stop.id}${platforms.length > 0 ? ` with ${plural(platforms.length, 'platform')}` : ''}${parts}`,
      });
      if (layer !== present[0]) splitLinks.push([byKey.get(`${base}/${present[0]}`)!, id]);
    }
  }
  return {
    stations,
    id: (base, layer) => byKey.get(`${base}/${layer}`)!,
    splitLinks,
    split,
    served: new Set(layersAt.keys()),
    ofStop(stop, layer, layersCallingAt) {
      const base = stops.station[stop] ?? -1;
      if (base < 0) return [];
      const calling = layersCallingAt(stop);
      const wanted =
        layer !== undefined
          ? [layer]
          : stop !== base && calling.size > 0
            ? LAYERS.filter((l) => calling.has(l))
            : LAYERS;
      return wanted.map((l) => byKey.get(`${base}/${l}`)).filter((id): id is string => id !== undefined);
    },
  };
}
