import { describe, expect, it } from 'vitest';
import {
  accessibilityThresholds,
  headlineThresholds,
  inHeadline,
  METRIC_FAMILIES,
  type MetricFamily,
  metricLabel,
  metricsFor,
  metricText,
  tableColumn,
  tableMetrics,
} from './metrics';

const ids = (minutes: number[]) => metricsFor({ accessibilityMinutes: minutes }).map((m) => m.id);

describe('the metrics of a network', () => {
  it('expand jobs within N min from its own thresholds, ascending, each once', () => {
    expect(ids([30, 45, 60, 90])).toEqual([
      'time-to-core',
      'time-from-zone',
      'mean-time-to-jobs',
      'jobs-30',
      'jobs-45',
      'jobs-60',
      'jobs-90',
      'commute-minutes',
    ]);
    expect(ids([40, 20])).toEqual([
      'time-to-core',
      'time-from-zone',
      'mean-time-to-jobs',
      'jobs-20',
      'jobs-40',
      'commute-minutes',
    ]);
    expect(ids([15, 30, 45, 60, 75, 90]).filter((id) => id.startsWith('jobs-'))).toHaveLength(6);
    // A threshold stated twice is one metric (and one array in the routing table).
    expect(accessibilityThresholds({ accessibilityMinutes: [60, 30, 60] })).toEqual([30, 60]);
    expect(ids([60, 30, 60]).filter((id) => id.startsWith('jobs-'))).toEqual(['jobs-30', 'jobs-60']);
  });

  it('label each threshold in both languages, and read its own array of the table', () => {
    const [j20, j40] = metricsFor({ accessibilityMinutes: [40, 20] }).filter((m) => m.minutes !== undefined);
    expect(metricLabel(j20!, 'en')).toBe('Jobs within 20 min');
    expect(metricLabel(j40!, 'zh')).toBe('40分钟可达岗位');
    expect(metricText(j40!, j40!.summaryLabel!, 'en')).toBe('Jobs within 40 min (mean per resident)');
    // jobsWithin[k] is the k-th threshold ascending (what the workers fill, metrics/originMetrics.ts).
    const table = {
      timeToCore: Float64Array.of(1),
      meanTimeToJobs: Float64Array.of(2),
      jobsWithin: [Float64Array.of(20), Float64Array.of(40)],
    };
    const [toCore, , jobs20, jobs40] = tableMetrics(metricsFor({ accessibilityMinutes: [40, 20] }));
    expect([toCore!, jobs20!, jobs40!].map((m) => tableColumn(m, table)[0])).toEqual([1, 20, 40]);
    const jobs90 = tableMetrics(metricsFor({ accessibilityMinutes: [30, 45, 60, 90] })).at(-1)!;
    expect(() => tableColumn(jobs90, table)).toThrow(
      /metric jobs-90: the table has no column 3 of jobsWithin/,
    );
  });

  it('show two thresholds in compact views: the largest two within the commute circle, else the smallest', () => {
    expect(headlineThresholds({ accessibilityMinutes: [30, 45, 60, 90], commuteCircleMinutes: 60 })).toEqual([
      45, 60,
    ]);
    expect(headlineThresholds({ accessibilityMinutes: [40, 20], commuteCircleMinutes: 60 })).toEqual([
      20, 40,
    ]);
    expect(
      headlineThresholds({ accessibilityMinutes: [15, 30, 45, 60, 75, 90], commuteCircleMinutes: 60 }),
    ).toEqual([45, 60]);
    expect(headlineThresholds({ accessibilityMinutes: [90, 120, 150], commuteCircleMinutes: 60 })).toEqual([
      90, 120,
    ]);
    const a = { accessibilityMinutes: [30, 45, 60, 90], commuteCircleMinutes: 60 };
    expect(
      metricsFor(a)
        .filter((m) => inHeadline(m, a))
        .map((m) => m.id),
    ).toEqual([
      'time-to-core',
      'time-from-zone',
      'mean-time-to-jobs',
      'jobs-45',
      'jobs-60',
      'commute-minutes',
    ]);
  });

  it('every family is complete: both languages, four classes of change the better way and three the worse', () => {
    const families: readonly MetricFamily[] = METRIC_FAMILIES;
    for (const f of families) {
      expect(f.label.en, f.id).not.toBe('');
      expect(f.label.zh, f.id).not.toBe('');
      expect(f.change.better, f.id).toHaveLength(4);
      expect(f.change.worse, f.id).toHaveLength(3);
      if (f.perThreshold) expect(f.label.en, f.id).toContain('{minutes}');
    }
  });
});
