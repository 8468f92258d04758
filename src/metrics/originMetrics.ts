import { NO_TRIP } from '../domain/modes';

/** What every origin's row is reduced to, in the worker, as the row is computed. */
export interface MetricContext {
  /** Jobs per destination zone. */
  jobs: Float64Array;
  /** Zone indices of the core. */
  core: Int32Array;
  /** Cumulative-opportunity thresholds, seconds, ascending. */
  thresholds: Float64Array;
  /** Unreachable or longer trips count as this long in means, seconds. */
  cap: number;
}

/** Per-zone metrics for one scenario and period, one entry per zone (seconds; +Infinity = no path). */
export interface ZoneMetricsTable {
  /** Quickest time to any core zone. */
  timeToCore: Float64Array;
  /** How that trip travels: a domain TRIP_MODES index (the engine's codes), NO_TRIP without a path. */
  modeToCore: Uint8Array;
  /** Jobs-weighted mean time to all jobs, each trip capped. NaN when the region has no jobs. */
  meanTimeToJobs: Float64Array;
  /** Jobs reachable within each threshold: jobsWithin[k][zone]. */
  jobsWithin: Float64Array[];
}

/** No trip (mode code of an unreachable zone). */
export const NO_MODE = NO_TRIP;

export function emptyMetricsTable(zones: number, thresholds: number): ZoneMetricsTable {
  return {
    timeToCore: new Float64Array(zones),
    modeToCore: new Uint8Array(zones),
    meanTimeToJobs: new Float64Array(zones),
    jobsWithin: Array.from({ length: thresholds }, () => new Float64Array(zones)),
  };
}

/**
 * Reduce origin `o`'s row of times (and, with `modes`, how each best trip travels) into `into` at
 * position `at`.
 */
export function reduceRow(
  times: Float64Array,
  modes: Uint8Array | undefined,
  ctx: MetricContext,
  into: ZoneMetricsTable,
  at: number,
): void {
  let toCore = Number.POSITIVE_INFINITY;
  let mode = NO_MODE;
  for (let k = 0; k < ctx.core.length; k++) {
    const t = times[ctx.core[k]!]!;
    if (t < toCore) {
      toCore = t;
      mode = modes ? modes[ctx.core[k]!]! : NO_MODE;
    }
  }
  into.timeToCore[at] = toCore;
  into.modeToCore[at] = mode;

  const thresholds = ctx.thresholds;
  const within = new Float64Array(thresholds.length);
  let weighted = 0;
  let jobsTotal = 0;
  const jobs = ctx.jobs;
  const cap = ctx.cap;
  for (let d = 0; d < times.length; d++) {
    const j = jobs[d]!;
    if (j === 0) continue;
    const t = times[d]!;
    jobsTotal += j;
    weighted += j * Math.min(t, cap);
    for (let k = thresholds.length - 1; k >= 0 && t <= thresholds[k]!; k--) within[k]! += j;
  }
  into.meanTimeToJobs[at] = jobsTotal > 0 ? weighted / jobsTotal : Number.NaN;
  for (let k = 0; k < thresholds.length; k++) into.jobsWithin[k]![at] = within[k]!;
}
