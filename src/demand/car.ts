import type { CarParams } from '../domain/demand';
import { chordMeters, type LonLat, unitVector } from '../domain/geo';
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
export function zoneMeters(unit: Float64Array, a: number, b: number): number {
  return chordMeters(
    unit[3 * a]!,
    unit[3 * a + 1]!,
    unit[3 * a + 2]!,
    unit[3 * b]!,
    unit[3 * b + 1]!,
    unit[3 * b + 2]!,
  );
}

/**
 * The length of a trip within a zone: half the distance to the nearest other zone's centroid. For a grid of
 * regular hexagons that is half the centre spacing s, close to the mean distance between two random points
 * of the cell (0.826 × its side s/√3 = 0.48 s, by simulation). The engine prices a zone to itself at 0;
 * the demand model must not, or every zone would keep its own workers.
 */
export function intrazonalMeters(unit: Float64Array): Float64Array {
  const n = unit.length / 3;
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let nearest = Number.POSITIVE_INFINITY;
    for (let b = 0; b < n; b++) if (b !== a) nearest = Math.min(nearest, zoneMeters(unit, a, b));
    out[a] = n > 1 ? nearest / 2 : 0;
  }
  return out;
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
