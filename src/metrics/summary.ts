import { TRIP_MODES } from '../domain/modes';
import type { ZoneMetricsTable } from './originMetrics';

export interface ZoneWeights {
  population: Float64Array;
  jobs: Float64Array;
}

/** Regional figures for one scenario and period (times in seconds). */
export interface Summary {
  zones: number;
  population: number;
  jobs: number;
  /** Population-weighted mean time to the core, unreachable counted as the cap; null without a core. */
  meanTimeToCore: number | null;
  meanTimeToJobs: number | null;
  /** Population-weighted mean jobs reachable within each threshold. */
  jobsWithin: number[];
  commuteCircle: { zones: number; population: number; jobs: number };
  /** People with no path to the core at all. */
  populationWithoutPathToCore: number;
  /** People by how their trip to the core travels, by mode code (TRIP_MODES index); no path left out. */
  modeToCore: number[];
  /** Population per band of time to the core: [0, w), [w, 2w), …, up to the cap, then ≥ cap or no path. */
  timeToCoreHistogram: { bandSeconds: number; population: number[] };
}

export interface SummaryOptions {
  capSeconds: number;
  circleSeconds: number;
  hasCore: boolean;
  bandSeconds?: number;
}

export function summarize(t: ZoneMetricsTable, w: ZoneWeights, o: SummaryOptions): Summary {
  const n = w.population.length;
  const band = o.bandSeconds ?? 600;
  const bands = Math.ceil(o.capSeconds / band);
  const histogram = new Array<number>(bands + 1).fill(0);
  let population = 0;
  let jobs = 0;
  let toCore = 0;
  let toJobs = 0;
  let toJobsWeight = 0;
  const within = t.jobsWithin.map(() => 0);
  const circle = { zones: 0, population: 0, jobs: 0 };
  let noPath = 0;
  const modes = TRIP_MODES.map(() => 0);
  for (let z = 0; z < n; z++) {
    const p = w.population[z]!;
    const mode = t.modeToCore[z]!;
    if (mode < modes.length) modes[mode]! += p;
    population += p;
    jobs += w.jobs[z]!;
    const c = t.timeToCore[z]!;
    toCore += p * Math.min(c, o.capSeconds);
    if (!Number.isFinite(c)) noPath += p;
    if (c <= o.circleSeconds) {
      circle.zones++;
      circle.population += p;
      circle.jobs += w.jobs[z]!;
    }
    histogram[Math.min(Math.floor(c / band), bands)]! += p;
    const m = t.meanTimeToJobs[z]!;
    if (!Number.isNaN(m)) {
      toJobs += p * m;
      toJobsWeight += p;
    }
    for (let k = 0; k < within.length; k++) within[k]! += p * t.jobsWithin[k]![z]!;
  }
  return {
    zones: n,
    population,
    jobs,
    meanTimeToCore: o.hasCore && population > 0 ? toCore / population : null,
    meanTimeToJobs: toJobsWeight > 0 ? toJobs / toJobsWeight : null,
    jobsWithin: within.map((x) => (population > 0 ? x / population : 0)),
    commuteCircle: o.hasCore ? circle : { zones: 0, population: 0, jobs: 0 },
    populationWithoutPathToCore: o.hasCore ? noPath : 0,
    modeToCore: o.hasCore ? modes : modes.map(() => 0),
    timeToCoreHistogram: { bandSeconds: band, population: o.hasCore ? histogram : histogram.map(() => 0) },
  };
}
