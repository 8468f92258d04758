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
  jobsScale: number;
  /** How many zones carried `workers`; the others took population × employmentRate. */
  zonesWithWorkers: number;
}

/**
 * Workers and jobs per zone. A zone's workers are its `workers` where given, else population ×
 * employmentRate. Throws a DemandError (`no-workers`, `no-jobs`) rather than producing zeros.
 */
export function producers(zones: readonly Zone[], employmentRate: number): Producers {
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
  const jobsScale = totalWorkers / totalJobs;
  const attractors = jobs.map((j) => j * jobsScale);
  return { workers, jobs, attractors, jobsScale, zonesWithWorkers: given };
}

/** Sum in index order (deterministic). */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}
