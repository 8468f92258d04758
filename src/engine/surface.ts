import { type CompactGraph, type SurfaceLeg, TRIP_MODE, TRIP_MODE_NAMES, type TripModeName } from './types';

/** Mean earth radius in metres; domain/geo.ts has the same (the engine imports only itself). */
export const EARTH_RADIUS_M = 6371008.8;

/** originEntries' values: 3 modes × 2 destination classes × 7. */
export const ORIGIN_ENTRIES = 42;

/** Great-circle metres between zones a and b from their unit vectors (domain/geo.ts chordMeters' expression). */
export function zoneMeters(g: CompactGraph, a: number, b: number): number {
  const u = g.zoneUnit;
  const dx = u[3 * a]! - u[3 * b]!;
  const dy = u[3 * a + 1]! - u[3 * b + 1]!;
  const dz = u[3 * a + 2]! - u[3 * b + 2]!;
  const c2 = dx * dx + dy * dy + dz * dz;
  return EARTH_RADIUS_M * Math.sqrt(c2) * (1 + c2 / 24);
}

/** The best direct surface trip o → d: its table entry, cost, time and moving seconds (entry −1: none). */
export interface DirectTrip {
  entry: number;
  cost: number;
  time: number;
  moving: number;
  meters: number;
}

/**
 * The best direct surface trip between two zones, by the same arithmetic as the row loop in router.ts
 * (cheapest, then quickest; walk before bike before bus on a tie). A zone to itself is 0: trips within a
 * zone are not modelled.
 */
export function directTrip(g: CompactGraph, o: number, d: number): DirectTrip {
  if (o === d) return { entry: 0, cost: 0, time: 0, moving: 0, meters: 0 };
  const t = g.surface;
  const meters = zoneMeters(g, o, d);
  const co = g.zoneClass[o]!;
  const cd = g.zoneClass[d]!;
  let best: DirectTrip = {
    entry: -1,
    cost: Number.POSITIVE_INFINITY,
    time: Number.POSITIVE_INFINITY,
    moving: 0,
    meters,
  };
  for (let m = 0; m < 3; m++) {
    const k = (m * 2 + co) * 2 + cd;
    if (!(meters <= t.maxMeters[k]!)) continue;
    const moving = Math.floor(
      meters * t.secondsPerMeter[k]! + Math.max(0, meters - t.beyondMeters[k]!) * t.extraPerMeter[k]! + 0.5,
    );
    const cost = t.fixedCost[k]! + t.movingWeight[k]! * moving;
    const time = t.fixedTime[k]! + moving;
    if (cost < best.cost || (cost === best.cost && time < best.time))
      best = { entry: k, cost, time, moving, meters };
  }
  return best;
}

/** Mode of a table entry. */
export function entryMode(entry: number): TripModeName {
  return TRIP_MODE_NAMES[entry >> 2]!;
}

/** A direct trip as a surface leg between two zones. */
export function directLeg(g: CompactGraph, trip: DirectTrip, from: string, to: string): SurfaceLeg {
  const t = g.surface;
  const k = trip.entry;
  const mode = entryMode(k) as SurfaceLeg['kind'];
  return {
    kind: mode,
    from: { zone: from },
    to: { zone: to },
    meters: Math.round(trip.meters),
    seconds: trip.time,
    walkSeconds: t.fixedWalk[k]! + (mode === 'walk' ? trip.moving : 0),
    waitSeconds: t.fixedWait[k]!,
    bikeSeconds: t.fixedBike[k]! + (mode === 'bike' ? trip.moving : 0),
    busSeconds: mode === 'bus' ? trip.moving : 0,
  };
}

export const SURFACE_MODE_OF_CODE: readonly SurfaceLeg['kind'][] = ['walk', 'bike', 'bus'];
export { TRIP_MODE };

/**
 * Every surface mode's direct trips from zone `o` (walk, bike, bus: one row each in `outCost[m]`,
 * `outTime[m]`; +Infinity beyond the mode's reach), by directTrip's arithmetic, given the great-circle
 * metres to every zone (`meters`: zoneMeters, with the zone itself at its intrazonal distance — the demand
 * model prices a commute within a zone, which routing leaves at 0). With `only`, the listed destinations alone.
 */
export function directModes(
  g: CompactGraph,
  o: number,
  meters: Float64Array,
  outCost: readonly Float64Array[],
  outTime: readonly Float64Array[],
  only?: { list: Int32Array; count: number },
): void {
  const cls = g.zoneClass;
  const n = only ? only.count : g.zoneCount;
  // The origin's six table entries in a scratch, so that one pass over the destinations serves every mode.
  const p = originEntries(g, o, directScratch);
  const [c0, c1, c2] = outCost as [Float64Array, Float64Array, Float64Array];
  const [t0, t1, t2] = outTime as [Float64Array, Float64Array, Float64Array];
  for (let q = 0; q < n; q++) {
    const d = only ? only.list[q]! : q;
    const x = meters[d]!;
    const b = cls[d]! * 21;
    directMode(p, b, x, d, c0, t0);
    directMode(p, b + 7, x, d, c1, t1);
    directMode(p, b + 14, x, d, c2, t2);
  }
}

const directScratch = new Float64Array(ORIGIN_ENTRIES);

/** One mode's direct trip of `x` metres to zone d, with its parameters at p[at …] (originEntries' layout). */
function directMode(
  p: Float64Array,
  at: number,
  x: number,
  d: number,
  cost: Float64Array,
  time: Float64Array,
): void {
  if (!(x <= p[at]!)) {
    cost[d] = Number.POSITIVE_INFINITY;
    time[d] = Number.POSITIVE_INFINITY;
    return;
  }
  const moving = Math.floor(x * p[at + 1]! + Math.max(0, x - p[at + 5]!) * p[at + 6]! + 0.5);
  cost[d] = p[at + 2]! + p[at + 3]! * moving;
  time[d] = p[at + 4]! + moving;
}

/**
 * Origin o's six entries of the surface table (3 modes × 2 destination classes) into `out` (42 values), so
 * that a loop over destinations reads no table: mode m to a class-cd zone at cd × 21 + m × 7, as max metres,
 * seconds per metre, fixed cost, moving weight, fixed time, express from (metres), extra seconds per metre.
 */
export function originEntries(g: CompactGraph, o: number, out: Float64Array): Float64Array {
  const t = g.surface;
  const co = g.zoneClass[o]!;
  for (let cd = 0; cd < 2; cd++)
    for (let m = 0; m < 3; m++) {
      const k = (m * 2 + co) * 2 + cd;
      const at = cd * 21 + m * 7;
      out[at] = t.maxMeters[k]!;
      out[at + 1] = t.secondsPerMeter[k]!;
      out[at + 2] = t.fixedCost[k]!;
      out[at + 3] = t.movingWeight[k]!;
      out[at + 4] = t.fixedTime[k]!;
      out[at + 5] = t.beyondMeters[k]!;
      out[at + 6] = t.extraPerMeter[k]!;
    }
  return out;
}
