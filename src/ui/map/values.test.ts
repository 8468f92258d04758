import { describe, expect, it } from 'vitest';
import { metricLabel, metricsFor } from '../../domain/metrics';
import type { ComparisonReport } from '../../metrics/report';
import { offered } from '../state/metrics';
import { classify, scaleFor } from './classes';
import { zoneValues } from './values';

const INF = Number.POSITIVE_INFINITY;
const metrics = metricsFor({ accessibilityMinutes: [40, 20] });
const metric = (id: string) => metrics.find((m) => m.id === id)!;

/** Three zones' routing tables before and after (seconds; jobs within 20 and 40 min). */
const table = (toCore: number[], jobs20: number[], jobs40: number[]) => ({
  timeToCore: Float64Array.from(toCore),
  modeToCore: Uint8Array.of(3, 3, 3),
  meanTimeToJobs: Float64Array.of(600, Number.NaN, 1200),
  jobsWithin: [Float64Array.from(jobs20), Float64Array.from(jobs40)],
});
const report = {
  baseline: { table: table([600, 1200, INF], [10, 20, 0], [30, 40, 0]) },
  scenario: { table: table([600, 900, 3000], [10, 25, 5], [30, 45, 7]) },
} as unknown as ComparisonReport;
const sources = { report, capMinutes: 180 };

describe('the values a map shows, by the metric registry', () => {
  it('reads a table metric from its column: jobs within 20 and 40 min from their own arrays', () => {
    expect(Array.from(zoneValues(metric('jobs-20'), 'before', 'before', sources)!)).toEqual([10, 20, 0]);
    expect(Array.from(zoneValues(metric('jobs-40'), 'after', 'after', sources)!)).toEqual([30, 45, 7]);
    // Times in minutes; no value (NaN: no jobs) and no path drawn as no path.
    expect(Array.from(zoneValues(metric('time-to-core'), 'before', 'before', sources)!)).toEqual([
      10,
      20,
      INF,
    ]);
    expect(Array.from(zoneValues(metric('mean-time-to-jobs'), 'before', 'before', sources)!)).toEqual([
      10,
      INF,
      20,
    ]);
  });

  it('differences follow the results: no path counts as the time cap for time to the core', () => {
    // Zone 2: no path → 50 min is 180 → 50: 130 min quicker.
    expect(Array.from(zoneValues(metric('time-to-core'), 'after', 'difference', sources)!)).toEqual([
      0, -5, -130,
    ]);
    expect(Array.from(zoneValues(metric('jobs-40'), 'after', 'difference', sources)!)).toEqual([0, 5, 7]);
  });

  it('a provided metric (e.g. the demand model’s) is offered and drawn once its provider has values', () => {
    expect(offered(metrics, {}).map((m) => m.id)).not.toContain('commute-minutes');
    const provided = { demand: { before: Float64Array.of(35, 50, INF), after: Float64Array.of(35, 41, 62) } };
    expect(offered(metrics, provided).map((m) => m.id)).toContain('commute-minutes');
    const m = metric('commute-minutes');
    expect(metricLabel(m, 'en')).toBe('Mean commute of resident workers (estimate)');
    const all = { ...sources, provided };
    expect(zoneValues(m, 'after', 'after', all)).toBe(provided.demand.after);
    // No value before: no difference to class (uncapped), drawn as no path.
    const change = zoneValues(m, 'after', 'difference', all)!;
    expect(Array.from(change)).toEqual([0, -9, -INF]);
    const scale = scaleFor(m, 'difference');
    expect(scale.labels[classify(change[1]!, scale)]).toBe('5–10 min quicker');
    // Without its values there is nothing to draw (the map shows no data, not zeros).
    expect(zoneValues(m, 'before', 'before', sources)).toBeUndefined();
  });
});
