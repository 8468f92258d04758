import { type Metric, tableColumn } from '../../domain/metrics';
import { zoneChange } from '../../metrics/comparison';
import type { ComparisonReport } from '../../metrics/report';
import type { ViewMode } from '../state/store';

const MINUTE = 60;

/** Where the values of each kind of metric source are, for the map. */
export interface ValueSources {
  report?: ComparisonReport | undefined;
  /** Times (seconds) from the selected zone, before and after. */
  isochrone?: { baseline: Float64Array; scenario?: Float64Array } | undefined;
  /** Values of provided metrics by provider (in the metric's unit). */
  provided?: Record<string, { before?: Float64Array; after?: Float64Array }>;
  capMinutes: number;
}

/** A side's values of a metric, as its source has them, in the metric's unit (times: minutes). */
function sideValues(metric: Metric, side: 'before' | 'after', s: ValueSources): Float64Array | undefined {
  const source = metric.source;
  if (source.kind === 'provided') return s.provided?.[source.provider]?.[side];
  const seconds =
    source.kind === 'isochrone'
      ? side === 'after'
        ? s.isochrone?.scenario
        : s.isochrone?.baseline
      : (() => {
          const table = side === 'after' ? s.report?.scenario?.table : s.report?.baseline.table;
          return table && tableColumn({ ...metric, source }, table);
        })();
  if (!seconds || metric.unit !== 'min') return seconds;
  // NaN (no value: a region without jobs) is drawn as no path.
  return seconds.map((x) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x / MINUTE));
}

/**
 * The values a map shows: one per zone, in the metric's unit (minutes or jobs), +Infinity where there is no
 * path, or undefined when the data for this view is not there yet (no scenario, no selected zone).
 */
export function zoneValues(
  metric: Metric,
  side: 'before' | 'after',
  mode: ViewMode,
  sources: ValueSources,
): Float64Array | undefined {
  if (mode !== 'difference') return sideValues(metric, side, sources);
  const before = sideValues(metric, 'before', sources);
  const after = sideValues(metric, 'after', sources);
  if (!before || !after || before === after) return undefined;
  // The results' rule (metrics/comparison.ts), in the map's unit; a zone with no value on either side
  // has no difference to show.
  return before.map((b, z) => {
    const a = after[z]!;
    return Number.isFinite(b) || Number.isFinite(a)
      ? zoneChange(metric.capChange, b, a, sources.capMinutes)
      : Number.POSITIVE_INFINITY;
  });
}
