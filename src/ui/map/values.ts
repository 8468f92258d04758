import type { ComparisonReport } from '../../metrics/report';
import type { MetricId, ViewMode } from '../state/store';

const MINUTE = 60;

/**
 * The values a map shows: one per zone, in the metric's unit (minutes or jobs), +Infinity where there is no
 * path, or undefined when the data for this view is not there yet (no scenario, no selected zone).
 */
export function zoneValues(
  metric: MetricId,
  side: 'before' | 'after',
  mode: ViewMode,
  report: ComparisonReport | undefined,
  iso: { baseline: Float64Array; scenario?: Float64Array } | undefined,
  capMinutes: number,
): Float64Array | undefined {
  if (mode === 'difference') {
    const before = zoneValues(metric, 'before', 'before', report, iso, capMinutes);
    const after = zoneValues(metric, 'after', 'after', report, iso, capMinutes);
    if (!before || !after || before === after) return undefined;
    const jobs = metric.startsWith('jobs-');
    // An unreachable zone counts as the time cap, as in the results file, so a newly served zone shows its gain.
    const cap = (x: number) => (jobs ? x : Math.min(x, capMinutes));
    return before.map((b, z) =>
      Number.isFinite(b) || Number.isFinite(after[z]!) ? cap(after[z]!) - cap(b) : Number.POSITIVE_INFINITY,
    );
  }
  if (metric === 'time-from-zone') {
    const row = side === 'after' ? iso?.scenario : iso?.baseline;
    return row?.map((s) => s / MINUTE);
  }
  const table = side === 'after' ? report?.scenario?.table : report?.baseline.table;
  if (!table) return undefined;
  if (metric === 'time-to-core') return table.timeToCore.map((s) => s / MINUTE);
  if (metric === 'mean-time-to-jobs')
    return table.meanTimeToJobs.map((s) => (Number.isNaN(s) ? Number.POSITIVE_INFINITY : s / MINUTE));
  const minutes = Number(metric.slice('jobs-'.length));
  const thresholds = [30, 45, 60, 90];
  const k = thresholds.indexOf(minutes);
  return k >= 0 ? table.jobsWithin[k] : undefined;
}
