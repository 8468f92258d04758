import type { Feeder } from '../domain/feeder';
import { chordMeters, unitVector } from '../domain/geo';
import { LAYERS } from '../domain/layer';
import type { Station } from '../domain/station';
import type { Zone } from '../domain/zone';
import type { EdgeParts } from './cost';
import { SpatialGrid } from './spatialGrid';
import { type LegSpec, legCost, legParts, lexLess, type SurfaceModel } from './surface';

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
 * Zone ↔ station links (DESIGN.md §2.1): for each zone and each served station within some mode's reach,
 * the best leg (perceived cost, then time; walk before bike before bus before feeders on a tie) of
 *  - walking, to stations within the station layer's walking distance;
 *  - a bike, to stations within the zone class's bike-and-ride distance;
 *  - the area-wide bus, to the stations of each layer no farther than the zone's `accessNearest`-th nearest
 *    of the network's own stations (see busRadius below), within the bus's reach;
 *  - a feeder bus, to the feeder's station from zones within its radius.
 * `stations` are the served ones (link indices refer to them); `all` every station of the network, whose
 * own (not added by a scenario) set the bus's reach. Sorted by zone, then station order.
 */
export function stationLinks(
  zones: readonly Zone[],
  stations: readonly Station[],
  all: readonly Station[],
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
  // One table over every station of the network: position, layer, whether it is the network's own, and
  // its index among the served stations (−1: not served in the period).
  const served = new Map(stations.map((s, k) => [s, k]));
  const unit = Float64Array.from(all.flatMap((s) => unitVector(s.coord)));
  const layerOf = Uint8Array.from(all, (s) => LAYERS.indexOf(s.layer));
  const own = Uint8Array.from(all, (s) => (s.added ? 0 : 1));
  const servedAs = Int32Array.from(all, (s) => served.get(s) ?? -1);
  const grid = new SpatialGrid(
    all.map((s) => s.coord),
    reach,
    zones[0]?.centroid[1] ?? 0,
  );
  const feedersAt = new Map<number, number[]>();
  feeders.forEach((f, k) => {
    const list = feedersAt.get(f.station);
    if (list) list.push(k);
    else feedersAt.set(f.station, [k]);
  });
  const walkMax = Float64Array.from(LAYERS, (l) => a.layers[l].accessMaxMeters);
  const walk = surface.walkLeg(0);
  const candidate = new Int32Array(all.length);
  const meters = new Float64Array(all.length);
  const links: StationLink[] = [];
  zones.forEach((zone, z) => {
    const cls = zone.class ?? 'urban';
    const bike = surface.bikeLeg(cls, 'station', 'accessMaxMeters');
    const bus = surface.busLeg(cls, 'station');
    const busParams = surface.params[cls].bus;
    const [zx, zy, zz] = unitVector(zone.centroid);
    let n = 0;
    const nearest = new BusRadius(busParams?.accessNearest ?? 0, busParams?.accessMaxMeters ?? 0);
    grid.forEachNear(zone.centroid, (k) => {
      const d = chordMeters(zx, zy, zz, unit[3 * k]!, unit[3 * k + 1]!, unit[3 * k + 2]!);
      if (d > reach) return;
      if (own[k]) nearest.add(layerOf[k]!, d);
      if (servedAs[k]! < 0) return;
      candidate[n] = k;
      meters[n++] = d;
    });
    const mine: StationLink[] = [];
    for (let i = 0; i < n; i++) {
      const k = candidate[i]!;
      const d = meters[i]!;
      const station = servedAs[k]!;
      // A function of its own, not a closure made for every zone and station (a third of the build's time).
      let best: StationLink | undefined;
      if (d <= walkMax[layerOf[k]!]!) best = better(best, z, station, walk, d, -1, a.weights);
      if (bike && d <= bike.maxMeters) best = better(best, z, station, bike, d, -1, a.weights);
      if (bus && d <= nearest.radius(layerOf[k]!)) best = better(best, z, station, bus, d, -1, a.weights);
      for (const f of feedersAt.get(station) ?? []) {
        const active = feeders[f]!;
        if (d <= active.feeder.radiusMeters) {
          const leg = surface.feederLeg(cls, active.feeder.speedKmh, active.headwaySeconds);
          best = better(best, z, station, leg, d, f, a.weights);
        }
      }
      if (best) mine.push(best);
    }
    mine.sort((x, y) => x.station - y.station);
    links.push(...mine);
  });
  return links;
}

/** Zone z's link to `station` by `leg` over `meters`, if it beats `best` (cost, then time); else `best`. */
function better(
  best: StationLink | undefined,
  zone: number,
  station: number,
  leg: LegSpec,
  meters: number,
  feeder: number,
  weights: Parameters<typeof legCost>[2],
): StationLink | undefined {
  const parts = legParts(leg, meters);
  const cost = legCost(leg, parts, weights);
  const time = parts.walk + parts.bike + parts.bus + parts.wait;
  if (best && !lexLess(cost, time, best.cost, best.time)) return best;
  return { zone, station, leg, meters, parts, cost, time, feeder };
}

/**
 * How far the area-wide bus takes a zone to stations of each layer: to its `nearest`-th nearest station of
 * the layer among the network's own (not added by a scenario; served in the period or not), at most the
 * bus's reach. Measured that way so that neither a scenario's new station nor a removed line's idle
 * stations move it: a new station adds a way to rail and never displaces one, and removing a line never
 * opens a way that was not there.
 */
class BusRadius {
  /** The `nearest` smallest distances seen per layer, ascending. */
  private readonly smallest: Float64Array[];

  constructor(
    private readonly nearest: number,
    private readonly reach: number,
  ) {
    this.smallest = LAYERS.map(() => new Float64Array(nearest).fill(Number.POSITIVE_INFINITY));
  }

  add(layer: number, d: number): void {
    if (d > this.reach || this.nearest === 0) return;
    const s = this.smallest[layer]!;
    if (d >= s[this.nearest - 1]!) return;
    let at = this.nearest - 1;
    while (at > 0 && s[at - 1]! > d) {
      s[at] = s[at - 1]!;
      at--;
    }
    s[at] = d;
  }

  /** The radius for a layer: the `nearest`-th distance, or the reach when fewer are within it; −1 none. */
  radius(layer: number): number {
    if (this.nearest === 0) return -1;
    const r = this.smallest[layer]![this.nearest - 1]!;
    return Number.isFinite(r) ? r : this.reach;
  }
}
