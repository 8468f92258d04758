import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perceivedSecondsSaved } from './benefit';

describe('perceivedSecondsSaved', () => {
  it('is the trips times the fall of the composite, worked out by hand', () => {
    // Destinations 0–3; the options changed at 1, 2 and 3 only.
    //   1: 100 trips, composite 1,800 → 1,500 s: 100 × 300 = 30,000 s saved.
    //   2: 40 trips, 2,400 → 2,460 s (dearer: a line cut): 40 × −60 = −2,400 s.
    //   3: no trips (no jobs there): nothing, whatever its composite.
    //   0 is not listed: its change (were there one) is not the scenario's.
    const before = { composite: [600, 1800, 2400, 3000], trips: [10, 100, 40, 0] };
    const after = { composite: [0, 1500, 2460, 1000], trips: [10, 100, 40, 0] };
    expect(perceivedSecondsSaved(before, after, [1, 2, 3], 3)).toBe(30_000 - 2_400);
  });

  it('takes the rule of a half where the trips move (the long term), and leaves out pairs without an option', () => {
    // 1: trips 100 → 140, composite 1,800 → 1,500: ½ (100 + 140) × 300 = 36,000 s.
    // 2: a pair with no option before (+∞) that has one now: no finite gain by the rule, left out.
    const before = { composite: [0, 1800, Number.POSITIVE_INFINITY], trips: [0, 100, 0] };
    const after = { composite: [0, 1500, 2000], trips: [0, 140, 25] };
    expect(perceivedSecondsSaved(before, after, [1, 2], 2)).toBe(36_000);
  });

  it('is never negative where no composite rises, and 0 where none changes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            trips: fc.double({ min: 0, max: 1e4, noNaN: true }),
            composite: fc.double({ min: 0, max: 1e5, noNaN: true }),
            fall: fc.double({ min: 0, max: 1e4, noNaN: true }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (pairs) => {
          const before = { composite: pairs.map((p) => p.composite), trips: pairs.map((p) => p.trips) };
          const after = { composite: pairs.map((p) => p.composite - p.fall), trips: before.trips };
          const list = pairs.map((_, j) => j);
          expect(perceivedSecondsSaved(before, after, list, list.length)).toBeGreaterThanOrEqual(0);
          expect(perceivedSecondsSaved(before, before, list, list.length)).toBe(0);
        },
      ),
      { seed: 20261205 },
    );
  });
});
