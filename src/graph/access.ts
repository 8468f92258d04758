import type { Feeder } from '../domain/feeder';
import type { LonLat } from '../domain/geo';
import { LAYERS, type LayerId } from '../domain/layer';
import type { Station } from '../domain/station';
import type { BusParams } from '../domain/surface';
import type { Zone } from '../domain/zone';
import type { EdgeParts } from './cost';
import { SpatialGrid } from './spatialGrid';
import {
  chordMeters,
  type LegSpec,
  legCost,
  legParts,
  lexLess,
  type SurfaceModel,
  unitVector,
} from './surface';

/** A zone's way to or from a station by its best surface mode (the same both ways). */
export interface StationLink {
  zone: number;
  station: number;
  leg: LegSpec;
  meters: number;
  /** The leg's parts, without station processing. */
  parts: EdgeParts;
  /** Perceived cost of the parts, with the boarding penalty of a bus leg to or from a train. */
  cost: number;
  time: number;
  /** Index into the period's feeders when the leg is a feeder bus, −1 otherwise. */
  feeder: number;
}

/** A feeder running in the period, at a served station. */
export interface ActiveFeeder {
  feeder: Feeder;
  station: number;
  headwaySeconds: number;
}

/**
 * Zone ↔ station links (DESIGN.md §2.1): for each zone and each station within some mode's reach, the best
 * leg (perceived cost, then time; walk before bike before bus before feeders on a tie) of
 *  - walking, to stations within the station layer's walking distance;
 *  - a bike, to stations within the zone class's bike-and-ride distance;
 *  - the area-wide bus, to the stations of each layer no farther than the zone's `accessNearest`-th nearest
 *    of the network's own (busRadius);
 *  - a feeder bus, to the feeder's station from zones within its radius.
 * Sorted by zone, then station order.
 */
export function stationLinks(
  zones: readonly Zone[],
  stations: readonly Station[],
  ownStations: readonly Station[],
  feeders: readonly ActiveFeeder[],
  surface: SurfaceModel,
): StationLink[] {
  const a = surface.a;
  const reach = Math.max(
    1,
    ...Object.values(a.layers).map((l) => l.accessMaxMeters),
    ...Object.values(surface.params).flatMap((p) => [
      p.bike?.accessMaxMeters ?? 0,
      p.bus?.accessMaxMeters ?? 0,
    ]),
    ...feeders.map((f) => f.feeder.radiusMeters),
  );
  const grid = new SpatialGrid(
    stations.map((s) => s.coord),
    reach,
    zones[0]?.centroid[1] ?? 0,
  );
  const stationUnit = stations.map((s) => unitVector(s.coord));
  const own = {
    stations: ownStations,
    unit: ownStations.map((s) => unitVector(s.coord)),
    grid: new SpatialGrid(
      ownStations.map((s) => s.coord),
      Math.max(1, ...Object.values(surface.params).map((p) => p.bus?.accessMaxMeters ?? 0)),
      zones[0]?.centroid[1] ?? 0,
    ),
  };
  const feedersAt = new Map<number, number[]>();
  feeders.forEach((f, k) => {
    const list = feedersAt.get(f.station);
    if (list) list.push(k);
    else feedersAt.set(f.station, [k]);
  });
  const links: StationLink[] = [];
  zones.forEach((zone, z) => {
    const cls = zone.class ?? 'urban';
    const walk = surface.walkLeg(0);
    const bike = surface.bikeLeg(cls, 'station', 'accessMaxMeters');
    const bus = surface.busLeg(cls, 'station');
    const [zx, zy, zz] = unitVector(zone.centroid);
    const near = grid
      .near(zone.centroid)
      .map((k) => ({ k, d: chordMeters(zx, zy, zz, ...stationUnit[k]!) }))
      .filter(({ d }) => d <= reach);
    const busParams = surface.params[cls].bus;
    const radius = busParams ? busRadius([zx, zy, zz], own, zone.centroid, busParams) : undefined;
    const mine: StationLink[] = [];
    for (const { k, d } of near) {
      const options: { leg: LegSpec; feeder: number }[] = [];
      if (d <= a.layers[stations[k]!.layer].accessMaxMeters) options.push({ leg: walk, feeder: -1 });
      if (bike && d <= bike.maxMeters) options.push({ leg: bike, feeder: -1 });
      if (bus && d <= radius!.get(stations[k]!.layer)!) options.push({ leg: bus, feeder: -1 });
      for (const f of feedersAt.get(k) ?? []) {
        const active = feeders[f]!;
        if (d <= active.feeder.radiusMeters)
          options.push({
            leg: surface.feederLeg(cls, active.feeder.speedKmh, active.headwaySeconds),
            feeder: f,
          });
      }
      let best: StationLink | undefined;
      for (const { leg, feeder } of options) {
        const parts = legParts(leg, d);
        const cost = legCost(leg, parts, a.weights);
        const time = parts.walk + parts.bike + parts.bus + parts.wait;
        if (!best || lexLess(cost, time, best.cost, best.time))
          best = { zone: z, station: k, leg, meters: d, parts, cost, time, feeder };
      }
      if (best) mine.push(best);
    }
    mine.sort((x, y) => x.station - y.station);
    links.push(...mine);
  });
  return links;
}

/**
 * How far the area-wide bus takes a zone to stations of each layer: to its `accessNearest`-th nearest
 * station of the layer among the network's own (not added by a scenario; served in the period or not),
 * at most the bus's reach. Measured that way so that neither a scenario's new station nor a removed
 * line's idle stations move it: a new station adds a way to rail and never displaces one, and removing a
 * line never opens a way that was not there.
 */
function busRadius(
  zone: readonly [number, number, number],
  own: { grid: SpatialGrid; unit: [number, number, number][]; stations: readonly Station[] },
  centroid: LonLat,
  bus: BusParams,
): Map<LayerId, number> {
  const byLayer = new Map<LayerId, number[]>();
  for (const k of own.grid.near(centroid)) {
    const d = chordMeters(...zone, ...own.unit[k]!);
    if (d > bus.accessMaxMeters) continue;
    const layer = own.stations[k]!.layer;
    const list = byLayer.get(layer);
    if (list) list.push(d);
    else byLayer.set(layer, [d]);
  }
  const radius = new Map<LayerId, number>();
  for (const layer of LAYERS) {
    if (bus.accessNearest === 0) radius.set(layer, -1);
    else {
      const ds = (byLayer.get(layer) ?? []).sort((x, y) => x - y);
      radius.set(layer, ds.length >= bus.accessNearest ? ds[bus.accessNearest - 1]! : bus.accessMaxMeters);
    }
  }
  return radius;
}
