import { type Metric, type TableMetric, tableColumn } from '../domain/metrics';
import { TRIP_MODES } from '../domain/modes';
import type { ZoneMetricsTable } from './originMetrics';

/** A metric the routing table holds and the summary aggregates (domain/metrics.ts). */
export type SummarisedMetric = TableMetric & { summary: NonNullable<Metric['summary']> };

/** The metrics of `metrics` with a regional figure from the routing table, in order. */
export function summarised(metrics: readonly Metric[]): SummarisedMetric[] {
  return metrics.filter((m): m is SummarisedMetric => m.source.kind === 'table' && m.summary !== undefined);
}

export interface ZoneWeights {
  population: Float64Array;
  jobs: Float64Array;
}

/** Regional figures for one scenario and period (times in seconds). */
export interface Summary {
  zones: number;
  population: number;
  jobs: number;
  /**
   * Each summarised metric's regional figure by its id (in table units: seconds, jobs), by its summary
   * rule: e.g. the population-weighted mean time to the core, no path counted as the cap (null without a
   * core), or the mean jobs reachable within 45 min per resident.
   */
  metrics: Record<string, number | null>;
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
  /** The metrics to summarise (those without a summary rule or not in the table are left out). */
  metrics: readonly Metric[];
  bandSeconds?: number;
}

/**
 * One metric's regional figure: the population-weighted mean of its zone values over the zones that
 * have one (NaN is none), capped at the time cap where its rule says, and the rule's `empty` figure
 * where nobody counts (or null where it needs a core and there is none).
 */
function aggregate(m: SummarisedMetric, t: ZoneMetricsTable, w: ZoneWeights, o: SummaryOptions) {
  const rule = m.summary;
  if (rule.needsCore && !o.hasCore) return null;
  const values = tableColumn(m, t);
  let sum = 0;
  let weight = 0;
  for (let z = 0; z < values.length; z++) {
    const v = values[z]!;
    if (Number.isNaN(v)) continue;
    const p = w.population[z]!;
    sum += p * (rule.capped ? Math.min(v, o.capSeconds) : v);
    weight += p;
  }
  return weight > 0 ? sum / weight : rule.empty;
}

export function summarize(t: ZoneMetricsTable, w: ZoneWeights, o: SummaryOptions): Summary {
  const n = w.population.length;
  const band = o.bandSeconds ?? 600;
  const bands = Math.ceil(o.capSeconds / band);
  const histogram = new Array<number>(bands + 1).fill(0);
  let population = 0;
  let jobs = 0;
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
    if (!Number.isFinite(c)) noPath += p;
    if (c <= o.circleSeconds) {
      circle.zones++;
      circle.population += p;
      circle.jobs += w.jobs[z]!;
    }
    histogram[Math.min(Math.floor(c / band), bands)]! += p;
  }
  return {
    zones: n,
    population,
    jobs,
    metrics: Object.fromEntries(summarised(o.metrics).map((m) => [m.id, aggregate(m, t, w, o)])),
    commuteCircle: o.hasCore ? circle : { zones: 0, population: 0, jobs: 0 },
    populationWithoutPathToCore: o.hasCore ? noPath : 0,
    modeToCore: o.hasCore ? modes : modes.map(() => 0),
    timeToCoreHistogram: { bandSeconds: band, population: o.hasCore ? histogram : histogram.map(() => 0) },
  };
}
