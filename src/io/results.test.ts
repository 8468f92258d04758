import { describe, expect, it } from 'vitest';
import { at, line, network, scenario, station, zone } from '../../test/support/fixtures';
import { DEFAULT_ASSUMPTIONS } from '../domain/assumptions';
import { metricsFor } from '../domain/metrics';
import { buildReport } from '../metrics/report';
import { buildResults, checkResults } from './results';

// Two zones, one core zone; metrics tables written by hand (what workers would send back).
const net = network({
  id: 'two',
  zones: [zone('O', at(0, 100), 1000, 10), zone('D', at(6000, 100), 2000, 20)],
  stations: [station('A', at(0)), station('B', at(6000))],
  lines: [line('L', 'metro', ['A', 'B'], [600], 300)],
  core: ['D'],
});
const weights = { population: Float64Array.of(1000, 2000), jobs: Float64Array.of(10, 20) };
const options = {
  capSeconds: 10_800,
  circleSeconds: 3600,
  hasCore: true,
  metrics: metricsFor(DEFAULT_ASSUMPTIONS.metrics),
};

function doc(timeToCore: [number, number]) {
  const table = {
    timeToCore: Float64Array.from(timeToCore),
    modeToCore: Uint8Array.of(3, 3),
    meanTimeToJobs: Float64Array.of(1200, 600),
    jobsWithin: [0, 1, 2, 3].map(() => Float64Array.of(30, 30)),
  };
  return buildResults({
    network: net,
    checksum: `sha256:${'0'.repeat(64)}`,
    scenario: null,
    period: 'am-peak',
    report: buildReport(weights, options, table),
    generatedAt: new Date('2030-01-01T00:00:00Z'),
    engineVersion: 'test',
  });
}

describe('checkResults (the document against its own schema)', () => {
  it('a document of finite times ≥ 0, and a matrix of whole seconds or no path, has no problem', () => {
    // 1500 s from O to the core; D is in it. No path from D to O: +Infinity, written null.
    const matrix = { baseline: Float32Array.of(0, 1500, Number.POSITIVE_INFINITY, 0) };
    expect(checkResults(doc([1500, 0]), matrix)).toEqual([]);
    expect(checkResults(doc([Number.POSITIVE_INFINITY, 0]))).toEqual([]);
  });

  it('a negative time (what an Int32 that wrapped gives) is a problem at its path', () => {
    // −600 s to the core would be −10 min in the file, and the zone inside the 1-hour circle.
    const issues = checkResults(doc([-600, 0]));
    expect(issues).toContainEqual({
      path: '$.zones[0].baseline.timeToCoreMinutes',
      message: 'must be ≥ 0, got -10',
    });
    expect(issues.map((i) => i.path)).toContain('$.summary.baseline.meanTimeToCoreMinutes');
  });

  it('matrix cells that are negative, fractional or NaN are problems at their cell', () => {
    const matrix = { baseline: Float32Array.of(0, -5, 0.5, Number.NaN) };
    expect(checkResults(doc([0, 0]), matrix)).toEqual([
      { path: '$.matrix.baseline[0][1]', message: 'travel time -5 s is not whole seconds ≥ 0' },
      { path: '$.matrix.baseline[1][0]', message: 'travel time 0.5 s is not whole seconds ≥ 0' },
      { path: '$.matrix.baseline[1][1]', message: 'travel time NaN s is not whole seconds ≥ 0' },
    ]);
    expect(checkResults(doc([0, 0]), { baseline: Float32Array.of(0) })).toEqual([
      { path: '$.matrix.baseline', message: 'has 1 cells for 2 zones' },
    ]);
  });

  it('an infinite population sum (what 1e308 people gave) is a problem, not a null in the file', () => {
    const d = doc([0, 0]);
    d.summary.baseline.population = Number.POSITIVE_INFINITY;
    expect(checkResults(d)).toEqual([
      { path: '$.summary.baseline.population', message: 'expected number, got Infinity' },
    ]);
  });
});

describe('a comparison of two scenarios', () => {
  it('names the scenario on the before side `before`; baseline_… figures are its, and the document is valid', () => {
    const slower = {
      ...scenario([{ type: 'adjust-speed', line: 'L', speedFactor: 0.8 }], 'two'),
      id: 'slower',
    };
    const faster = {
      ...scenario([{ type: 'adjust-speed', line: 'L', speedFactor: 1.25 }], 'two'),
      id: 'faster',
    };
    // Zone O: 1500 s to the core with the slower line, 1200 s with the faster (D is in the core).
    const table = (toCore: number) => ({
      timeToCore: Float64Array.of(toCore, 0),
      modeToCore: Uint8Array.of(3, 3),
      meanTimeToJobs: Float64Array.of(1200, 600),
      jobsWithin: [0, 1, 2, 3].map(() => Float64Array.of(30, 30)),
    });
    const d = buildResults({
      network: net,
      checksum: `sha256:${'0'.repeat(64)}`,
      scenario: faster,
      before: slower,
      period: 'am-peak',
      report: buildReport(weights, options, table(1500), table(1200)),
      generatedAt: new Date('2030-01-01T00:00:00Z'),
      engineVersion: 'test',
    });
    expect(checkResults(d)).toEqual([]);
    expect([d.before?.id, d.scenario?.id]).toEqual(['slower', 'faster']);
    expect(d.zones[0]!.baseline.timeToCoreMinutes).toBe(25);
    expect(d.zones[0]!.delta!.timeToCoreMinutes).toBe(-5);
    // Against the baseline there is no `before` at all (files as they always were).
    expect('before' in doc([1500, 0])).toBe(false);
  });
});
