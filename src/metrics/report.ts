import { compareSummaries, type DeltaSummary, type ZoneDeltas, zoneDeltas } from './comparison';
import { type AreaReport, type AreaUnit, areaReports } from './districts';
import type { ZoneMetricsTable } from './originMetrics';
import { type Summary, type SummaryOptions, summarised, summarize, type ZoneWeights } from './summary';

export interface ScenarioMetrics {
  table: ZoneMetricsTable;
  summary: Summary;
}

/** Baseline, scenario and their difference: everything the app shows and the results file holds. */
export interface ComparisonReport {
  baseline: ScenarioMetrics;
  scenario?: ScenarioMetrics;
  delta?: { zones: ZoneDeltas; summary: DeltaSummary };
  /** The same figures per district and subdistrict, when the zones carry them. */
  areas?: AreaReport[];
}

/** One function for baseline-only and baseline-vs-scenario reports: the scenario is optional, not mirrored. */
export function buildReport(
  weights: ZoneWeights,
  options: SummaryOptions,
  baseline: ZoneMetricsTable,
  scenario?: ZoneMetricsTable,
  areas: readonly AreaUnit[] = [],
): ComparisonReport {
  const report: ComparisonReport = {
    baseline: { table: baseline, summary: summarize(baseline, weights, options) },
  };
  if (scenario) {
    const summary = summarize(scenario, weights, options);
    const metrics = summarised(options.metrics);
    const zones = zoneDeltas(metrics, baseline, scenario, options.capSeconds);
    report.scenario = { table: scenario, summary };
    report.delta = {
      zones,
      summary: compareSummaries(
        report.baseline.summary,
        summary,
        zones,
        weights,
        { base: baseline, scen: scenario },
        { metrics },
      ),
    };
  }
  if (areas.length > 0) report.areas = areaReports(areas, weights, options, baseline, scenario);
  return report;
}
