import { distance } from '@turf/turf';
import type { Assumptions } from '../domain/assumptions';
import type { Station } from '../domain/station';
import { travelSeconds } from '../domain/units';
import type { Zone } from '../domain/zone';
import { wholeSeconds } from './cost';
import { SpatialGrid } from './spatialGrid';

export interface StationLink {
  zone: number;
  station: number;
  /** Centroid ↔ station travel, whole seconds; the same both ways. */
  seconds: number;
  /** Feeder wait (0 for a walk), whole seconds. */
  waitSeconds: number;
}

export interface WalkLink {
  from: number;
  to: number;
  seconds: number;
}

function meters(a: [number, number], b: [number, number]): number {
  return distance(a, b, { units: 'meters' });
}

/**
 * Zone ↔ station links: great-circle distance × detour ÷ the station layer's access speed, for stations
 * within that layer's maximum access distance (DESIGN.md §2). With feeder access, a zone that has no
 * station of a layer within that distance also reaches the nearest few of the layer's stations within the
 * feeder distance, by feeder (a wait, then the feeder speed). Sorted by zone, then station order.
 */
export function stationLinks(
  zones: readonly Zone[],
  stations: readonly Station[],
  a: Assumptions,
): StationLink[] {
  const feeder = a.feeder;
  const radius = Math.max(
    ...Object.values(a.layers).map((l) => l.accessMaxMeters),
    feeder?.maxMeters ?? 0,
    1,
  );
  const grid = new SpatialGrid(
    stations.map((s) => s.coord),
    radius,
    zones[0]?.centroid[1] ?? 0,
  );
  const links: StationLink[] = [];
  zones.forEach((zone, z) => {
    const walkable = new Set<string>();
    const beyond: { k: number; d: number }[] = [];
    const mine: StationLink[] = [];
    for (const k of grid.near(zone.centroid)) {
      const station = stations[k]!;
      const layer = a.layers[station.layer];
      const d = meters(zone.centroid, station.coord);
      if (d <= layer.accessMaxMeters) {
        walkable.add(station.layer);
        mine.push({
          zone: z,
          station: k,
          seconds: wholeSeconds(travelSeconds(d * a.walkDetour, layer.accessSpeedKmh)),
          waitSeconds: 0,
        });
      } else if (feeder && d <= feeder.maxMeters) beyond.push({ k, d });
    }
    if (feeder) {
      beyond.sort((x, y) => x.d - y.d || x.k - y.k);
      const taken = new Map<string, number>();
      for (const { k, d } of beyond) {
        const layer = stations[k]!.layer;
        const n = taken.get(layer) ?? 0;
        if (walkable.has(layer) || n >= feeder.nearest) continue;
        taken.set(layer, n + 1);
        mine.push({
          zone: z,
          station: k,
          seconds: wholeSeconds(travelSeconds(d * a.walkDetour, feeder.speedKmh)),
          waitSeconds: wholeSeconds(feeder.waitSeconds),
        });
      }
      mine.sort((x, y) => x.station - y.station);
    }
    links.push(...mine);
  });
  return links;
}

/**
 * Walking directly between zones within the direct-walk distance, including each zone to itself (0 s: a
 * trip within a zone is not modelled). Sorted by origin, then destination.
 */
export function directWalks(zones: readonly Zone[], a: Assumptions): WalkLink[] {
  const grid = new SpatialGrid(
    zones.map((z) => z.centroid),
    a.directWalkMaxMeters,
    zones[0]?.centroid[1] ?? 0,
  );
  const links: WalkLink[] = [];
  zones.forEach((zone, from) => {
    for (const to of grid.near(zone.centroid)) {
      if (to === from) {
        links.push({ from, to, seconds: 0 });
        continue;
      }
      const d = meters(zone.centroid, zones[to]!.centroid);
      if (d <= a.directWalkMaxMeters)
        links.push({ from, to, seconds: wholeSeconds(travelSeconds(d * a.walkDetour, a.walkSpeedKmh)) });
    }
  });
  return links;
}
