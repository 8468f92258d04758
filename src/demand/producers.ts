import type { Zone } from '../domain/zone';
import { DemandError } from './errors';

/** Producers and attractors of commute trips (DESIGN.md §3.1 step 1), per zone in network order. */
export interface Producers {
  /** Employed residents per zone: trips produced. */
  workers: Float64Array;
  /** Jobs per zone as the network gives them. */
  jobs: Float64Array;
  /**
   * Jobs scaled to the workers' total (jobs × jobsScale): a doubly-constrained model needs equal totals.
   * The region's jobs and its resident workers differ (in-commuters from outside, people working from
   * home, estimates): the scale keeps where jobs are and lets every worker have one.
   */
  attractors: Float64Array;
  /** The scale of the zones outside every net-inflow region (all zones when there is none). */
  jobsScale: number;
  /** The scale of each net-inflow region's jobs, by region id. */
  jobsScaleByRegion?: Record<string, number>;
  /** How many zones carried `workers`; the others took population × employmentRate. */
  zonesWithWorkers: number;
}

/** A region whose jobs total its resident workers plus `commuters` (net in-commuters). */
export interface RegionInflow {
  region: string;
  /** Its zones (indices in network order). */
  zones: readonly number[];
  commuters: number;
}

/**
 * Workers and jobs per zone. A zone's workers are its `workers` where given, else population ×
 * employmentRate. Jobs are scaled to total the workers: each `inflow` region's to its own workers plus its
 * net in-commuters, the other zones' by one scale to what is left. Throws a DemandError (`no-workers`,
 * `no-jobs`, `net-inflow`) rather than producing zeros.
 */
export function producers(
  zones: readonly Zone[],
  employmentRate: number,
  inflow: readonly RegionInflow[] = [],
): Producers {
  const n = zones.length;
  const workers = new Float64Array(n);
  const jobs = new Float64Array(n);
  let given = 0;
  for (let k = 0; k < n; k++) {
    const z = zones[k]!;
    if (z.workers !== undefined) given++;
    workers[k] = z.workers ?? z.population * employmentRate;
    jobs[k] = z.jobs;
  }
  const totalWorkers = sum(workers);
  const totalJobs = sum(jobs);
  if (!(totalWorkers > 0))
    throw new DemandError(
      'no-workers',
      `no zone has workers: ${n} zones, ${sum(zones.map((z) => z.population))} residents, employment rate ${employmentRate} — give zones population or workers`,
    );
  if (!(totalJobs > 0))
    throw new DemandError(
      'no-jobs',
      `no zone has jobs (${n} zones): commutes need a place to go — give zones jobs`,
    );
  const regionOf = new Int32Array(n).fill(-1);
  for (const [r, x] of inflow.entries())
    for (const k of x.zones) {
      if (regionOf[k]! >= 0)
        throw new DemandError(
          'net-inflow',
          `zone ${zones[k]!.id} is in both "${inflow[regionOf[k]!]!.region}" and "${x.region}": net-inflow regions must not overlap`,
        );
      regionOf[k] = r;
    }
  // Each region's jobs total its workers plus its inflow; the zones outside them fill what is left.
  let restWorkers = totalWorkers;
  const scales = inflow.map((x) => {
    const w = sum(x.zones.map((k) => workers[k]!));
    const j = sum(x.zones.map((k) => jobs[k]!));
    const target = w + x.commuters;
    if (!(j > 0) || !(target > 0))
      throw new DemandError(
        'net-inflow',
        `region "${x.region}" has ${Math.round(j)} jobs for ${Math.round(w)} resident workers and a net inflow of ${x.commuters}: its jobs cannot total ${Math.round(target)}`,
      );
    restWorkers -= target;
    return target / j;
  });
  let restJobs = 0;
  for (let k = 0; k < n; k++) if (regionOf[k]! < 0) restJobs += jobs[k]!;
  if (inflow.length > 0 && restJobs > 0 !== restWorkers > 0)
    throw new DemandError(
      'net-inflow',
      `the zones outside the net-inflow regions have ${Math.round(restJobs)} jobs and ${Math.round(restWorkers)} jobs to fill after the inflows: the inflows do not fit the workers' total`,
    );
  const jobsScale =
    inflow.length === 0 ? totalWorkers / totalJobs : restJobs > 0 ? restWorkers / restJobs : 1;
  const attractors = jobs.map((j, k) => j * (regionOf[k]! >= 0 ? scales[regionOf[k]!]! : jobsScale));
  const out: Producers = { workers, jobs, attractors, jobsScale, zonesWithWorkers: given };
  if (inflow.length > 0)
    out.jobsScaleByRegion = Object.fromEntries(inflow.map((x, r) => [x.region, scales[r]!]));
  return out;
}

/** Sum in index order (deterministic). */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}
