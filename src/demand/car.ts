import type { CarParams } from '../domain/demand';
import { type LonLat, unitVector, zoneMeters } from '../domain/geo';
import { ZONE_CLASSES, type ZoneClass } from '../domain/surface';

/**
 * The car's cost and time rows from zone distances (DESIGN.md §3.1: distance × detour ÷ congested speed per
 * period and zone class, plus parking). Distances are great-circle metres between zone centroids computed as
 * the engine does (domain/geo.ts unitVector and chordMeters, the engine's expressions, tested equal), so the
 * car and the surface modes see the same distance.
 */

/** Zone centroids as unit vectors, 3 per zone (x, y, z), as the engine's `zoneUnit`. */
export function zoneUnitVectors(centroids: readonly LonLat[]): Float64Array {
  const out = new Float64Array(3 * centroids.length);
  centroids.forEach((centroid, k) => {
    out.set(unitVector(centroid), 3 * k);
  });
  return out;
}

/** Great-circle metres between zones a and b: 2R·asin(chord/2) to its cubic term, as the engine's hot loop. */
export { zoneMeters };

/**
 * The length of a trip within a zone: half the distance to the nearest other zone's centroid. For a grid of
 * regular hexagons that is half the centre spacing s, close to the mean distance between two random points
 * of the cell (0.826 × its side s/√3 = 0.48 s, by simulation). The engine prices a zone to itself at 0;
 * the demand model must not, or every zone would keep its own workers.
 */
export function intrazonalMeters(unit: Float64Array): Float64Array {
  const n = unit.length / 3;
  const out = new Float64Array(n);
  if (n < 2) return out;
  // Each zone's nearest by a sweep along the axis the centroids spread most on (every pair was 22 million
  // distances on JJJ, 120 ms a worker at the first demand run): zones in order of that coordinate, each
  // looking outward in both directions until the gap along the axis alone exceeds the nearest chord found.
  // chordMeters rises with the squared chord c² as computed (every step of it is monotone), so the
  // zone of least c² is at the least distance, and the result is the brute force's, bit for bit (tested).
  const axis = widestAxis(unit, n);
  const order = Int32Array.from({ length: n }, (_, k) => k).sort(
    (p, q) => unit[3 * p + axis]! - unit[3 * q + axis]! || p - q,
  );
  for (let r = 0; r < n; r++) {
    const a = order[r]!;
    const ax = unit[3 * a]!;
    const ay = unit[3 * a + 1]!;
    const az = unit[3 * a + 2]!;
    const along = unit[3 * a + axis]!;
    let best = Number.POSITIVE_INFINITY;
    let nearest = -1;
    for (const step of [1, -1]) {
      for (let s = r + step; s >= 0 && s < n; s += step) {
        const b = order[s]!;
        const gap = unit[3 * b + axis]! - along;
        // c² ≥ gap², computed within a few units in the last place: a margin far above them.
        if (gap * gap > best * (1 + 1e-9)) break;
        const dx = ax - unit[3 * b]!;
        const dy = ay - unit[3 * b + 1]!;
        const dz = az - unit[3 * b + 2]!;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 < best) {
          best = c2;
          nearest = b;
        }
      }
    }
    out[a] = zoneMeters(unit, a, nearest) / 2;
  }
  return out;
}

/** The coordinate (0, 1, 2) of the unit vectors with the widest range. */
function widestAxis(unit: Float64Array, n: number): number {
  let axis = 0;
  let widest = -1;
  for (let c = 0; c < 3; c++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      lo = Math.min(lo, unit[3 * k + c]!);
      hi = Math.max(hi, unit[3 * k + c]!);
    }
    if (hi - lo > widest) {
      widest = hi - lo;
      axis = c;
    }
  }
  return axis;
}

/** The car of one period by class pair (origin class × 2 + destination class; codes are ZONE_CLASSES indices). */
export interface CarTable {
  /** Seconds per great-circle metre: half the distance at each end's speed, × detour. */
  secondsPerMeter: Float64Array;
  /** Access at the origin + parking at the destination, seconds. */
  terminalSeconds: Float64Array;
  /** Perceived cost of the terminal parts and the parking fee. */
  terminalCost: Float64Array;
  driveWeight: number;
}

export function carTable(p: CarParams): CarTable {
  const n = ZONE_CLASSES.length;
  const t: CarTable = {
    secondsPerMeter: new Float64Array(n * n),
    terminalSeconds: new Float64Array(n * n),
    terminalCost: new Float64Array(n * n),
    driveWeight: p.driveWeight,
  };
  for (const [a, from] of ZONE_CLASSES.entries()) {
    for (const [b, to] of ZONE_CLASSES.entries()) {
      const k = a * n + b;
      t.secondsPerMeter[k] = (p.detour * (3.6 / p.speedKmh[from] + 3.6 / p.speedKmh[to])) / 2;
      t.terminalSeconds[k] = p.accessSeconds[from] + p.parkSeconds[to];
      t.terminalCost[k] = p.terminalWeight * t.terminalSeconds[k]! + p.parkingCostSeconds[to];
    }
  }
  return t;
}

/** Great-circle metres from zone o to every zone, the zone itself at its intrazonal distance. */
export function metersRow(
  o: number,
  unit: Float64Array,
  intrazonal: Float64Array,
  out: Float64Array,
  only?: ZoneList,
): Float64Array {
  const count = only ? only.count : out.length;
  for (let q = 0; q < count; q++) {
    const d = only ? only.list[q]! : q;
    out[d] = d === o ? intrazonal[o]! : zoneMeters(unit, o, d);
  }
  return out;
}

/** Destinations list[0 … count): a row's functions fill those only (the same value each as the whole row). */
export interface ZoneList {
  list: Int32Array;
  count: number;
}

/**
 * Origin o's car row: time (whole seconds: the driven part rounded half up, as the engine rounds legs) and
 * perceived cost to every zone; the zone itself at its intrazonal distance.
 */
export function carRow(
  o: number,
  unit: Float64Array,
  zoneClass: Uint8Array,
  intrazonal: Float64Array,
  t: CarTable,
  outCost: Float64Array,
  outTime: Float64Array,
): void {
  carRowByMeters(
    o,
    metersRow(o, unit, intrazonal, new Float64Array(zoneClass.length)),
    zoneClass,
    t,
    outCost,
    outTime,
  );
}

/** carRow from the distances to every zone (metersRow), for callers that need them for other modes too. */
export function carRowByMeters(
  o: number,
  meters: Float64Array,
  zoneClass: Uint8Array,
  t: CarTable,
  outCost: Float64Array,
  outTime: Float64Array,
  only?: ZoneList,
): void {
  const n = only ? only.count : zoneClass.length;
  const co = zoneClass[o]! * ZONE_CLASSES.length;
  for (let q = 0; q < n; q++) {
    const d = only ? only.list[q]! : q;
    const k = co + zoneClass[d]!;
    const driving = Math.floor(meters[d]! * t.secondsPerMeter[k]! + 0.5);
    outTime[d] = t.terminalSeconds[k]! + driving;
    outCost[d] = t.terminalCost[k]! + t.driveWeight * driving;
  }
}

/** Zone classes as codes (ZONE_CLASSES index; zones without a class are urban). */
export function zoneClassCodes(classes: readonly (ZoneClass | undefined)[]): Uint8Array {
  return Uint8Array.from(classes, (c) => ZONE_CLASSES.indexOf(c ?? 'urban'));
}
