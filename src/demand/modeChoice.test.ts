import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMAND, DEMAND_MODES, type LogitParams, logitParams } from '../domain/demand';
import { TRIP_MODES } from '../domain/modes';
import { chooseModes } from './modeChoice';

const runs = (numRuns: number) => ({ seed: 20260511, numRuns, endOnFailure: false });
const M = DEMAND_MODES.length;

/** One destination's options: a cost (generalized s) and time per mode, or unavailable. */
const option = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 4,
    arbitrary: fc.record({
      cost: fc.integer({ min: 0, max: 20_000 }),
      time: fc.integer({ min: 0, max: 10_000 }),
    }),
  },
);
const destination = fc.array(option, { minLength: M, maxLength: M });
const params = fc.record({
  thetaPerSecond: fc.double({ min: 0.01 / 60, max: 0.2 / 60, noNaN: true }),
  constants: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: M, maxLength: M }),
});

type Dest = ({ cost: number; time: number } | null)[];

function choose(dests: Dest[], p: LogitParams) {
  const n = dests.length;
  const cost = DEMAND_MODES.map((_, m) =>
    Float64Array.from(dests, (d) => d[m]?.cost ?? Number.POSITIVE_INFINITY),
  );
  const time = DEMAND_MODES.map((_, m) =>
    Float64Array.from(dests, (d) => d[m]?.time ?? Number.POSITIVE_INFINITY),
  );
  const out = {
    composite: new Float64Array(n),
    expectedTime: new Float64Array(n),
    shares: DEMAND_MODES.map(() => new Float64Array(n)),
  };
  chooseModes(cost, time, p, out);
  return out;
}

describe('mode choice (properties)', () => {
  it('modes share every commuter: shares sum to 1 where any mode exists, 0 where none', () => {
    fc.assert(
      fc.property(fc.array(destination, { minLength: 1, maxLength: 8 }), params, (dests, p) => {
        const out = choose(dests, p);
        dests.forEach((d, j) => {
          const total = out.shares.reduce((a, s) => a + s[j]!, 0);
          const any = d.some((o) => o !== null);
          expect(total).toBeCloseTo(any ? 1 : 0, 12);
          d.forEach((o, m) => {
            if (o === null) expect(out.shares[m]![j]).toBe(0);
          });
          if (!any) {
            expect(out.composite[j]).toBe(Number.POSITIVE_INFINITY);
            expect(out.expectedTime[j]).toBe(Number.POSITIVE_INFINITY);
          }
        });
      }),
      runs(200),
    );
  });

  it('a cheaper mode never loses share, and the composite cost never rises', () => {
    fc.assert(
      fc.property(destination, params, fc.nat(M - 1), fc.integer({ min: 1, max: 5000 }), (d, p, m, cut) => {
        const o = d[m];
        fc.pre(o !== null && o !== undefined);
        const cheaper = d.map((x, k) => (k === m && x ? { ...x, cost: Math.max(0, x.cost - cut) } : x));
        const [before, after] = [choose([d], p), choose([cheaper], p)];
        expect(after.shares[m]![0]!).toBeGreaterThanOrEqual(before.shares[m]![0]!);
        expect(after.composite[0]!).toBeLessThanOrEqual(before.composite[0]!);
      }),
      runs(200),
    );
  });

  it('the logsum lies below every mode’s cost less its constant; the expected time within the modes’ times', () => {
    fc.assert(
      fc.property(destination, params, (d, p) => {
        fc.pre(d.some((o) => o !== null));
        const out = choose([d], p);
        const c = out.composite[0]!;
        const times = d.flatMap((o) => (o ? [o.time] : []));
        d.forEach((o, m) => {
          if (o) expect(c).toBeLessThanOrEqual(o.cost - p.constants[m]! / p.thetaPerSecond + 1e-6);
        });
        expect(out.expectedTime[0]!).toBeGreaterThanOrEqual(Math.min(...times) - 1e-9);
        expect(out.expectedTime[0]!).toBeLessThanOrEqual(Math.max(...times) + 1e-9);
      }),
      runs(200),
    );
  });

  it('huge costs neither overflow nor underflow: shifted by the best utility', () => {
    const p = logitParams(DEFAULT_DEMAND);
    const far = [null, null, { cost: 1e7, time: 9e6 }, { cost: 1e7 + 600, time: 8e6 }, null];
    const out = choose([far], p);
    // c = 1e7 − (1/θ) ln(1 + e^(−θ·600)), 1/θ = 2400 s: 1e7 − 1382.2.
    expect(out.composite[0]!).toBeCloseTo(1e7 - 2400 * Math.log(1 + Math.exp(-0.25)), 6);
    expect(out.shares[2]![0]! + out.shares[3]![0]!).toBeCloseTo(1, 12);
    // 600 generalized s at θ = 0.025/min: e^(−0.25) = 0.7788 times the bus's weight.
    expect(out.shares[3]![0]! / out.shares[2]![0]!).toBeCloseTo(Math.exp(-0.25), 12);
  });

  it('writes a range of destinations only, into Float32 rows too', () => {
    const p = logitParams(DEFAULT_DEMAND);
    const cost = DEMAND_MODES.map(() => Float64Array.from([600, 600, 600]));
    const time = DEMAND_MODES.map(() => Float64Array.from([300, 300, 300]));
    const composite = new Float32Array(3).fill(-1);
    const expectedTime = new Float32Array(3).fill(-1);
    chooseModes(cost, time, p, { composite, expectedTime }, 1, 2);
    expect([composite[0], composite[2], expectedTime[0], expectedTime[2]]).toEqual([-1, -1, -1, -1]);
    expect(expectedTime[1]).toBe(300);
  });

  it('refuses rows that are not one per demand mode', () => {
    const rows = [new Float64Array(1), new Float64Array(1)];
    const out = { composite: new Float64Array(1), expectedTime: new Float64Array(1) };
    expect(() => chooseModes(rows, rows, logitParams(DEFAULT_DEMAND), out)).toThrowError(
      /needs 5 modes \(walk, bike, bus, rail, car\)/,
    );
  });

  it('the first four demand modes are the trip modes, with the same codes', () => {
    expect(DEMAND_MODES.slice(0, TRIP_MODES.length)).toEqual([...TRIP_MODES]);
    expect(DEMAND_MODES[4]).toBe('car');
  });
});
