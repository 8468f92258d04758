import { describe, expect, it } from 'vitest';
import { scenario } from '../../test/support/fixtures';
import { twoZoneResults } from '../../test/support/twoZones';
import { checkResults } from './results';

// Two zones, one core zone; metrics tables written by hand (test/support/twoZones.ts).
const doc = (timeToCore: [number, number]) => twoZoneResults(timeToCore);

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
    const d = twoZoneResults([1500, 0], { timeToCore: [1200, 0], scenario: faster, before: slower });
    expect(checkResults(d)).toEqual([]);
    expect([d.before?.id, d.scenario?.id]).toEqual(['slower', 'faster']);
    expect(d.zones[0]!.baseline.timeToCoreMinutes).toBe(25);
    expect(d.zones[0]!.delta!.timeToCoreMinutes).toBe(-5);
    // Against the baseline there is no `before` at all (files as they always were).
    expect('before' in doc([1500, 0])).toBe(false);
  });
});
