import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { travelSeconds } from '../../domain/units';

/** Where a stop is, by station id (existing or new); undefined for an unknown id. */
export type CoordOf = (id: string) => LonLat | undefined;

/** Run time of one hop at `speedKmh`, as the resolver computes it from positions (length × route factor). */
export function estimateRun(a: LonLat, b: LonLat, speedKmh: number, routeFactor: number): number {
  return Math.round(travelSeconds(greatCircleMeters(a, b) * routeFactor, speedKmh));
}

/** Run times for consecutive stops at a speed; a hop with an unknown end gets 60 s. */
export function estimateRuns(
  ids: string[],
  coordOf: CoordOf,
  speedKmh: number,
  routeFactor: number,
): number[] {
  const runs: number[] = [];
  for (let k = 0; k + 1 < ids.length; k++) {
    const a = coordOf(ids[k]!);
    const b = coordOf(ids[k + 1]!);
    runs.push(a && b ? Math.max(1, estimateRun(a, b, speedKmh, routeFactor)) : 60);
  }
  return runs;
}

/**
 * Explicit run times after the stop list changed from `before` to `after` (station ids): a hop between the
 * same two stations keeps the time the planner gave it; a new hop gets an estimate.
 */
export function syncRuns(
  runs: readonly number[],
  before: readonly string[],
  after: readonly string[],
  estimate: (from: string, to: string) => number,
): number[] {
  const kept = new Map<string, number>();
  for (let k = 0; k + 1 < before.length; k++) {
    if (runs[k] !== undefined) kept.set(`${before[k]}\u0000${before[k + 1]}`, runs[k]!);
  }
  const out: number[] = [];
  for (let k = 0; k + 1 < after.length; k++) {
    const a = after[k]!;
    const b = after[k + 1]!;
    out.push(kept.get(`${a}\u0000${b}`) ?? estimate(a, b));
  }
  return out;
}
