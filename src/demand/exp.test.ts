import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXP_CONSTANTS, expNonPositive, portableExp } from './exp';

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

describe('portableExp', () => {
  it('is within 2 ulp of Math.exp over [−708, 708]: expNonPositive, and its reciprocal above 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 708, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(portableExp(x) - want)).toBeLessThanOrEqual(2 * 2 ** -52 * want);
      }),
      { seed: 20261205, numRuns: 20_000 },
    );
  });

  it('is +∞ above 708, 0 below −708 and NaN for NaN', () => {
    expect(portableExp(708.5)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(-709)).toBe(0);
    expect(portableExp(Number.NaN)).toBeNaN();
    expect(portableExp(Math.LN2)).toBe(2);
  });
});

describe('the table of 2^(f/32) the kernels and expNonPositive share', () => {
  it('holds the very doubles 2 ** (f / 32) gives in V8 (literals: every engine reads the same bits)', () => {
    const fraction = EXP_CONSTANTS.slice(10);
    expect(fraction).toHaveLength(32);
    fraction.forEach((v, f) => {
      expect(v).toBe(2 ** (f / 32));
    });
  });
});
