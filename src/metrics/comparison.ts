import type { ZoneMetricsTable } from './originMetrics';
import type { Summary, ZoneWeights } from './summary';

/** Per-zone scenario − baseline, times capped (an unreachable zone counts as the cap), seconds. */
export interface ZoneDeltas {
  timeToCore: Float64Array;
  meanTimeToJobs: Float64Array;
  jobsWithin: Float64Array[];
}

export interface Gainer {
  zone: number;
  /** Change in time to the core (negative = quicker), seconds. */
  timeToCore: number;
  population: number;
}

export interface DeltaSummary {
  meanTimeToCore: number | null;
  meanTimeToJobs: number | null;
  jobsWithin: number[];
  commuteCircle: { zones: number; population: number; jobs: number };
  /** People whose time to the core falls (gaining) or rises (losing) by at least each step. */
  peopleGaining: { minutes: number; population: number }[];
  peopleLosing: { minutes: number; population: number }[];
  zonesChanged: number;
  /** Zones whose time to the core falls most (population > 0), at most `topN`. */
  topGainers: Gainer[];
}

const capped = (x: number, cap: number) => Math.min(x, cap);

/** Scenario − baseline for every zone. Same engine, same inputs: an unchanged zone's delta is exactly 0. */
export function zoneDeltas(base: ZoneMetricsTable, scen: ZoneMetricsTable, capSeconds: number): ZoneDeltas {
  const n = base.timeToCore.length;
  const timeToCore = new Float64Array(n);
  const meanTimeToJobs = new Float64Array(n);
  for (let z = 0; z < n; z++) {
    timeToCore[z] = capped(scen.timeToCore[z]!, capSeconds) - capped(base.timeToCore[z]!, capSeconds);
    const b = base.meanTimeToJobs[z]!;
    const s = scen.meanTimeToJobs[z]!;
    meanTimeToJobs[z] = Number.isNaN(b) || Number.isNaN(s) ? 0 : s - b;
  }
  const jobsWithin = base.jobsWithin.map((b, k) => {
    const s = scen.jobsWithin[k]!;
    return b.map((x, z) => s[z]! - x);
  });
  return { timeToCore, meanTimeToJobs, jobsWithin };
}

/** The steps (minutes) at which people gaining and losing time to the core are counted. */
export const GAIN_STEPS = [5, 10];

/**
 * People whose time to the core falls (gaining) or rises (losing) by at least each step, over `zones`
 * (all zones when omitted): the one rule for the region and for its districts.
 */
export function peopleChanging(
  deltas: ZoneDeltas,
  population: ArrayLike<number>,
  steps: readonly number[] = GAIN_STEPS,
  zones?: Iterable<number>,
): { gaining: { minutes: number; population: number }[]; losing: { minutes: number; population: number }[] } {
  const gaining = steps.map((minutes) => ({ minutes, population: 0 }));
  const losing = steps.map((minutes) => ({ minutes, population: 0 }));
  const count = (z: number) => {
    const d = deltas.timeToCore[z]!;
    const p = population[z]!;
    for (const g of gaining) if (-d >= g.minutes * 60) g.population += p;
    for (const l of losing) if (d >= l.minutes * 60) l.population += p;
  };
  if (zones) for (const z of zones) count(z);
  else for (let z = 0; z < deltas.timeToCore.length; z++) count(z);
  return { gaining, losing };
}

export function compareSummaries(
  base: Summary,
  scen: Summary,
  deltas: ZoneDeltas,
  w: ZoneWeights,
  options: { gainSteps?: number[]; topN?: number } = {},
): DeltaSummary {
  const { gaining, losing } = peopleChanging(deltas, w.population, options.gainSteps);
  let changed = 0;
  const gainers: Gainer[] = [];
  for (let z = 0; z < deltas.timeToCore.length; z++) {
    const d = deltas.timeToCore[z]!;
    const p = w.population[z]!;
    if (d !== 0 || deltas.meanTimeToJobs[z] !== 0) changed++;
    if (d < 0 && p > 0) gainers.push({ zone: z, timeToCore: d, population: p });
  }
  gainers.sort((a, b) => a.timeToCore - b.timeToCore || b.population - a.population || a.zone - b.zone);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    meanTimeToCore: diff(base.meanTimeToCore, scen.meanTimeToCore),
    meanTimeToJobs: diff(base.meanTimeToJobs, scen.meanTimeToJobs),
    jobsWithin: base.jobsWithin.map((x, k) => scen.jobsWithin[k]! - x),
    commuteCircle: {
      zones: scen.commuteCircle.zones - base.commuteCircle.zones,
      population: scen.commuteCircle.population - base.commuteCircle.population,
      jobs: scen.commuteCircle.jobs - base.commuteCircle.jobs,
    },
    peopleGaining: gaining,
    peopleLosing: losing,
    zonesChanged: changed,
    topGainers: gainers.slice(0, options.topN ?? 10),
  };
}
