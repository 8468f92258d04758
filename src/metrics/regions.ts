import { TRIP_MODES } from '../domain/modes';
import type { ZoneMetricsTable } from './originMetrics';

/** Time-to-core bands for distributions, minutes: [0, 30), [30, 45), …, [120, ∞). */
export const DISTRIBUTION_MINUTES = [30, 45, 60, 90, 120] as const;

export interface RegionFigures {
  population: number;
  /** Population-weighted, among people with a path; null when nobody in it has one. */
  meanTimeToCore: number | null;
  withoutPath: number;
  /** People by the mode of their trip to the core (TRIP_MODES order). */
  byMode: number[];
  /** People per band of DISTRIBUTION_MINUTES (one more band than bounds: the last is open). */
  distribution: number[];
}

/** Figures of the zones listed (a region, or all): who gets to the core, how fast, by what. */
export function regionFigures(
  t: ZoneMetricsTable,
  population: Float64Array,
  zones: Iterable<number>,
): RegionFigures {
  const out: RegionFigures = {
    population: 0,
    meanTimeToCore: null,
    withoutPath: 0,
    byMode: TRIP_MODES.map(() => 0),
    distribution: [...DISTRIBUTION_MINUTES.map(() => 0), 0],
  };
  let weighted = 0;
  let reached = 0;
  for (const z of zones) {
    const p = population[z]!;
    const time = t.timeToCore[z]!;
    out.population += p;
    if (!Number.isFinite(time)) {
      out.withoutPath += p;
      continue;
    }
    weighted += p * time;
    reached += p;
    const mode = t.modeToCore[z]!;
    if (mode < out.byMode.length) out.byMode[mode]! += p;
    let band = DISTRIBUTION_MINUTES.findIndex((m) => time < m * 60);
    if (band < 0) band = DISTRIBUTION_MINUTES.length;
    out.distribution[band]! += p;
  }
  out.meanTimeToCore = reached > 0 ? weighted / reached : null;
  return out;
}
