import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_CONSTANTS, portableLog } from './log';

describe('portableLog', () => {
  it('is within 4 ulp of Math.log (absolute below 1) over the positive doubles, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(portableLog(x) - want)).toBeLessThanOrEqual(
          4 * 2 ** -52 * Math.max(1, Math.abs(want)),
        );
      }),
      { seed: 20261205, numRuns: 20_000 },
    );
  });

  it('takes the logarithm of factors near 1 as closely: within 4 ulp on [1/4, 4]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 4, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(portableLog(x) - want)).toBeLessThanOrEqual(
          4 * 2 ** -52 * Math.max(1, Math.abs(want)),
        );
      }),
      { seed: 17, numRuns: 20_000 },
    );
  });

  it('is exact at powers of two times whole table points, −∞ at 0, NaN below 0, +∞ at +∞', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
    expect(portableLog(0.5)).toBe(-Math.LN2);
    expect(portableLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.NaN)).toBeNaN();
    expect(portableLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(portableLog(Number.MIN_VALUE)).toBeCloseTo(Math.log(Number.MIN_VALUE), 10);
  });
});

describe('the table of ln(1 + i/64) the kernels and logOneToEight share', () => {
  it('holds the very doubles Math.log gives in V8 (literals: every engine reads the same bits)', () => {
    const points = LOG_CONSTANTS.slice(9);
    expect(points).toHaveLength(64);
    points.forEach((v, i) => {
      expect(v).toBe(Math.log(1 + i / 64));
    });
  });
});
