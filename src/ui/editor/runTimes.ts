import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { travelSeconds } from '../../domain/units';
import { minutesToSeconds } from './units';

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

/** What a new line and an extension share: a commercial speed or explicit run times, and a dwell. */
interface RunTimed {
  speedKmh?: number;
  runSeconds?: number[];
  dwellSeconds?: number;
}

/** Run times from the geometry at a commercial speed (explicit run times are dropped). */
export function withSpeed<M extends RunTimed>(mod: M, speedKmh: number): M {
  const { runSeconds: _r, ...rest } = mod;
  return { ...rest, speedKmh } as M;
}

/** Run time of hop k (stop k → k+1) in minutes. */
export function withRunMinutes<M extends RunTimed>(mod: M, k: number, minutes: number): M {
  if (!mod.runSeconds) return mod;
  const runSeconds = [...mod.runSeconds];
  runSeconds[k] = minutesToSeconds(minutes);
  return { ...mod, runSeconds };
}

/** Dwell at the intermediate (or new) stops; null: the layer's default. */
export function withDwell<M extends RunTimed>(mod: M, seconds: number | null): M {
  const { dwellSeconds: _d, ...rest } = mod;
  return (seconds === null ? rest : { ...rest, dwellSeconds: seconds }) as M;
}
