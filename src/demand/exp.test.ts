import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expNonPositive } from './exp';

describe('expNonPositive', () => {
  it('is within 2 ulp of Math.exp over [−708, 0]', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 0, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositive(x) - want)).toBeLessThanOrEqual(2 * 2 ** -52 * want);
      }),
      { seed: 20261205, numRuns: 20_000 },
    );
  });

  it('is exact at 0 and at whole multiples of ln2/32 near it; 0 below −708; NaN stays NaN', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-Math.LN2)).toBe(0.5);
    expect(expNonPositive(-708)).toBeGreaterThan(2.2e-308);
    expect(expNonPositive(-708.5)).toBe(0);
    expect(expNonPositive(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(expNonPositive(Number.NaN)).toBeNaN();
  });
});
