import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsFor } from '../domain/metrics';
import { NO_TRIP } from '../domain/modes';
import { compareSummaries, peopleChanging, zoneDeltas } from './comparison';
import { areaReports, areaUnits } from './districts';
import type { ZoneMetricsTable } from './originMetrics';
import { buildReport } from './report';
import { summarised, summarize } from './summary';

const MIN = 60;
// One accessibility threshold, 45 min: the table's single jobsWithin array.
const options = {
  capSeconds: 180 * MIN,
  circleSeconds: 60 * MIN,
  hasCore: true,
  metrics: metricsFor({ accessibilityMinutes: [45] }),
};

/**
 * Four zones in two districts, A (zones 0, 1) and B (zones 2, 3); zone 3 has no path before and 50 min
 * after. Subdistrict A1 holds zone 0 (and an unknown zone id, left out); A2 holds no known zone.
 */
const zones = [
  { id: 'z0', district: 'A' },
  { id: 'z1', district: 'A' },
  { id: 'z2', district: 'B' },
  { id: 'z3', district: 'B' },
];
const weights = {
  population: Float64Array.from([1000, 3000, 2000, 500]),
  jobs: Float64Array.from([100, 100, 100, 100]),
};
const table = (toCore: number[], within45: number[]): ZoneMetricsTable => ({
  timeToCore: Float64Array.from(toCore),
  // Every trip to the core by rail (code 3), none where there is no path.
  modeToCore: Uint8Array.from(toCore, (t) => (Number.isFinite(t) ? 3 : NO_TRIP)),
  meanTimeToJobs: Float64Array.from(toCore),
  jobsWithin: [Float64Array.from(within45)],
});
const before = table([20 * MIN, 40 * MIN, 70 * MIN, Number.POSITIVE_INFINITY], [300, 200, 100, 0]);
const after = table([20 * MIN, 34 * MIN, 58 * MIN, 50 * MIN], [300, 260, 150, 50]);

describe('areaUnits', () => {
  it('lists the districts the zones carry, in code order, named where names are given, then subdistricts', () => {
    const units = areaUnits([zones[2]!, zones[0]!, zones[1]!, zones[3]!, { id: 'free' }], {
      districts: [{ code: 'B', name: { en: 'Bee' } }],
      subdistricts: [
        { code: 'A2', district: 'A', zones: ['nowhere'] },
        { code: 'A1', district: 'A', name: { zh: '甲一' }, zones: ['z0', 'nowhere'] },
      ],
    });
    expect(units).toEqual([
      { level: 'district', id: 'A', zones: [1, 2] },
      { level: 'district', id: 'B', name: { en: 'Bee' }, zones: [0, 3] },
      { level: 'subdistrict', id: 'A1', parent: 'A', name: { zh: '甲一' }, zones: [1] },
    ]);
  });

  it('has nothing to break down when no zone carries a district', () => {
    expect(areaUnits([{ id: 'a' }, { id: 'b' }])).toEqual([]);
  });
});

describe('areaReports', () => {
  const units = areaUnits(zones, {
    districts: [],
    subdistricts: [{ code: 'A1', district: 'A', zones: ['z0'] }],
  });
  const deltas = zoneDeltas(summarised(options.metrics), before, after, options.capSeconds);
  const [a, b, a1] = areaReports(units, weights, options, before, after);

  it('gives each area the figures of its zones by the summary rules', () => {
    // A: (1000 × 20 + 3000 × 40) / 4000 = 35 min before; (1000 × 20 + 3000 × 34) / 4000 = 30.5 after.
    expect(a!.baseline.metrics['time-to-core']).toBe(35 * MIN);
    expect(a!.scenario!.metrics['time-to-core']).toBe(30.5 * MIN);
    expect(a!.delta!.metrics['time-to-core']).toBe(-4.5 * MIN);
    // Jobs within 45: (1000 × 300 + 3000 × 200) / 4000 = 225 → (300 000 + 780 000) / 4000 = 270.
    expect(a!.baseline.metrics['jobs-45']).toBe(225);
    expect(a!.delta!.metrics['jobs-45']).toBe(45);
    // The mean time to jobs is not broken down by district (no district key in the registry).
    expect(Object.keys(a!.baseline.metrics)).toEqual(['time-to-core', 'jobs-45']);
    // B: zone 3 has no path before, counted as the cap (180): (2000 × 70 + 500 × 180) / 2500 = 92.
    expect(b!.baseline.metrics['time-to-core']).toBe(92 * MIN);
    expect(b!.baseline.populationWithoutPathToCore).toBe(500);
    expect(b!.scenario!.populationWithoutPathToCore).toBe(0);
    // (2000 × 58 + 500 × 50) / 2500 = 56.4.
    expect(b!.scenario!.metrics['time-to-core']).toBeCloseTo(56.4 * MIN, 9);
    expect(a1).toMatchObject({ level: 'subdistrict', id: 'A1', parent: 'A', zones: 1 });
    expect(a1!.baseline.population).toBe(1000);
  });

  it('counts people gaining and losing by the region’s rule (peopleChanging)', () => {
    // A: zone 1 gains 6 min (≥ 5, not ≥ 10). B: zone 2 gains 12; zone 3 had no path (newly connected at
    // 50 min: not a gain of the 180-min cap).
    expect(a!.delta!.peopleGaining).toEqual([
      { minutes: 5, population: 3000, switchedMode: 0 },
      { minutes: 10, population: 0, switchedMode: 0 },
    ]);
    expect(b!.delta!.peopleGaining).toEqual([
      { minutes: 5, population: 2000, switchedMode: 0 },
      { minutes: 10, population: 2000, switchedMode: 0 },
    ]);
    expect(a1!.delta!.peopleGaining.map((g) => g.population)).toEqual([0, 0]);
    const region = compareSummaries(
      summarize(before, weights, options),
      summarize(after, weights, options),
      deltas,
      weights,
      { base: before, scen: after },
      { metrics: summarised(options.metrics) },
    );
    expect(region.peopleGaining).toEqual(
      peopleChanging({ base: before, scen: after }, weights.population).gaining,
    );
  });

  it('has no scenario figures without a scenario', () => {
    const [only] = areaReports(units, weights, options, before);
    expect(only!.scenario).toBeUndefined();
    expect(only!.delta).toBeUndefined();
  });

  it('comes with the report when areas are given, and not otherwise', () => {
    expect(buildReport(weights, options, before, after).areas).toBeUndefined();
    expect(buildReport(weights, options, before, after, units).areas).toHaveLength(3);
  });
});

describe('districts add up to the region (property)', () => {
  it('population and people gaining summed over the districts equal the region’s', () => {
    const zone = fc.record({
      district: fc.constantFrom('A', 'B', 'C'),
      population: fc.integer({ min: 0, max: 10_000 }),
      before: fc.option(fc.integer({ min: 0, max: 250 }), { nil: undefined }),
      after: fc.option(fc.integer({ min: 0, max: 250 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(zone, { minLength: 1, maxLength: 30 }), (list) => {
        const seconds = (m: number | undefined) => (m === undefined ? Number.POSITIVE_INFINITY : m * MIN);
        const base = table(
          list.map((z) => seconds(z.before)),
          list.map(() => 0),
        );
        const scen = table(
          list.map((z) => seconds(z.after)),
          list.map(() => 0),
        );
        const w = {
          population: Float64Array.from(list, (z) => z.population),
          jobs: Float64Array.from(list, () => 1),
        };
        const report = buildReport(
          w,
          options,
          base,
          scen,
          areaUnits(list.map((z, k) => ({ id: `z${k}`, district: z.district }))),
        );
        const sum = (f: (a: NonNullable<typeof report.areas>[number]) => number) =>
          report.areas!.reduce((s, a) => s + f(a), 0);
        expect(sum((a) => a.baseline.population)).toBe(report.baseline.summary.population);
        for (const [k, g] of report.delta!.summary.peopleGaining.entries())
          expect(sum((a) => a.delta!.peopleGaining[k]!.population)).toBe(g.population);
        for (const [k, l] of report.delta!.summary.peopleLosing.entries())
          expect(sum((a) => a.delta!.peopleLosing[k]!.population)).toBe(l.population);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
