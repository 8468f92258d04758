/**
 * The portable sine, cosine and arcsine against V8's Math (an fdlibm port, within 1 ulp of the truth): within
 * 2 ulp of it over the angles the model takes (latitudes, longitudes and their differences in radians) and
 * beyond, exact at the points where the answer is exact, with the symmetries the functions have.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableAsin, portableCos, portableSin } from './portableMath';

/** The distance between two doubles in units in the last place of the larger. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const m = Math.max(Math.abs(a), Math.abs(b));
  const exponent = Math.floor(Math.log2(m));
  return Math.abs(a - b) / 2 ** (exponent - 52);
}

/** Doubles in [lo, hi], every exponent represented (fc.double spreads over the bit patterns). */
const within = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });

describe('portableSin and portableCos', () => {
  it('are within 2 ulp of Math.sin and Math.cos on [−2π, 2π], or within 2⁻⁵² absolutely near a zero', () => {
    fc.assert(
      fc.property(within(-2 * Math.PI, 2 * Math.PI), (x) => {
        for (const [mine, theirs] of [
          [portableSin(x), Math.sin(x)],
          [portableCos(x), Math.cos(x)],
        ] as const)
          if (Math.abs(theirs) > 2 ** -20) expect(ulps(mine, theirs)).toBeLessThanOrEqual(2);
          else expect(Math.abs(mine - theirs)).toBeLessThanOrEqual(2 ** -52);
      }),
      { seed: 20261205, numRuns: 20000 },
    );
  });

  it('are within 2 ulp of Math on angles in degrees times π/180, as the model forms them', () => {
    const rad = Math.PI / 180;
    fc.assert(
      fc.property(within(-180, 180), (deg) => {
        const x = deg * rad;
        if (Math.abs(Math.sin(x)) > 2 ** -20)
          expect(ulps(portableSin(x), Math.sin(x))).toBeLessThanOrEqual(2);
        if (Math.abs(Math.cos(x)) > 2 ** -20)
          expect(ulps(portableCos(x), Math.cos(x))).toBeLessThanOrEqual(2);
      }),
      { seed: 7, numRuns: 20000 },
    );
  });

  it('are odd and even exactly, exact at 0, and NaN beyond their range', () => {
    fc.assert(
      fc.property(within(0, 1000), (x) => {
        expect(portableSin(-x)).toBe(-portableSin(x));
        expect(portableCos(-x)).toBe(portableCos(x));
      }),
      { seed: 3, numRuns: 2000 },
    );
    expect(Object.is(portableSin(0), 0)).toBe(true);
    expect(Object.is(portableSin(-0), -0)).toBe(true);
    expect(portableCos(0)).toBe(1);
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 2 ** 21]) {
      expect(portableSin(x)).toBeNaN();
      expect(portableCos(x)).toBeNaN();
    }
  });

  it('keep sin² + cos² within 4 ulp of 1', () => {
    fc.assert(
      fc.property(within(-10, 10), (x) => {
        const s = portableSin(x);
        const c = portableCos(x);
        expect(Math.abs(s * s + c * c - 1)).toBeLessThanOrEqual(4 * 2 ** -53);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
});

describe('portableAsin', () => {
  it('is within 2 ulp of Math.asin on [−1, 1]', () => {
    fc.assert(
      fc.property(within(-1, 1), (x) => {
        if (x !== 0) expect(ulps(portableAsin(x), Math.asin(x))).toBeLessThanOrEqual(2);
      }),
      { seed: 5, numRuns: 20000 },
    );
  });

  it('is odd exactly, exact at 0, π/2 at 1 to the double, and NaN outside [−1, 1]', () => {
    fc.assert(
      fc.property(within(0, 1), (x) => {
        expect(portableAsin(-x)).toBe(-portableAsin(x));
      }),
      { seed: 9, numRuns: 2000 },
    );
    expect(Object.is(portableAsin(-0), -0)).toBe(true);
    expect(portableAsin(1)).toBe(Math.PI / 2);
    expect(portableAsin(0.5)).toBeCloseTo(Math.PI / 6, 15);
    for (const x of [1.0000000000000002, -1.5, Number.NaN]) expect(portableAsin(x)).toBeNaN();
  });

  it('inverts portableSin on [−π/2, π/2] to within 4 ulp', () => {
    fc.assert(
      fc.property(within(-1.5, 1.5), (x) => {
        if (Math.abs(x) > 1e-300) expect(ulps(portableAsin(portableSin(x)), x)).toBeLessThanOrEqual(4);
      }),
      { seed: 13, numRuns: 5000 },
    );
  });
});
