import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMAND_MODES } from '../../domain/demand';
import { logOneToEight } from '../log';
import { chooseModes } from '../modeChoice';
import { LogitKernel } from './logit';
import { KernelWorkspace } from './workspace';

const runs = (numRuns: number) => ({ seed: 20261205, numRuns, endOnFailure: false });
const M = DEMAND_MODES.length;

/**
 * One origin's options over z destinations: per mode a perceived cost (generalized seconds; +∞ where the
 * mode is not available, as walking and cycling are beyond their range) and a physical time.
 */
const rows = fc.integer({ min: 1, max: 23 }).chain((z) =>
  fc.record({
    z: fc.constant(z),
    cost: fc.array(
      fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
          { weight: 4, arbitrary: fc.double({ min: 0, max: 200_000, noNaN: true }) },
        ),
        { minLength: z, maxLength: z },
      ),
      { minLength: M, maxLength: M },
    ),
    time: fc.array(
      fc.array(fc.double({ min: 0, max: 20_000, noNaN: true }), { minLength: z, maxLength: z }),
      {
        minLength: M,
        maxLength: M,
      },
    ),
    // The schema's domains (θ 1e-4 to 1 per minute, constants ±20), so that a mode's term underflows to 0
    // (below e^−708) as well as not.
    thetaPerSecond: fc.double({ min: 1e-4 / 60, max: 1 / 60, noNaN: true }),
    constants: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: M, maxLength: M }),
    f32: fc.boolean(),
  }),
);

describe('LogitKernel (the SIMD logit)', () => {
  it('gives chooseModes’ composite costs, expected times and shares bit for bit', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const cost = r.cost.map((c) => Float64Array.from(c));
        // A mode's time where it is not available is +∞, as the rows have it.
        const time = r.time.map((t, m) =>
          Float64Array.from(t, (x, j) => (cost[m]![j]! < Infinity ? x : Infinity)),
        );
        const p = { thetaPerSecond: r.thetaPerSecond, constants: r.constants };
        const Row = r.f32 ? Float32Array : Float64Array;
        const make = () => ({
          composite: new Row(r.z),
          expectedTime: new Row(r.z),
          shares: DEMAND_MODES.map(() => new Float64Array(r.z)),
        });
        const want = make();
        chooseModes(cost, time, p, want);
        const got = make();
        new LogitKernel(r.z).choose(cost, time, p, got);
        expect(got).toEqual(want);
        // Without shares: the same composite and expected time.
        const bare = { composite: new Row(r.z), expectedTime: new Row(r.z) };
        new LogitKernel(r.z).choose(cost, time, p, bare);
        expect(bare.composite).toEqual(want.composite);
        expect(bare.expectedTime).toEqual(want.expectedTime);
        // Rows in its workspace, read and written where they lie (the worker's way): the same.
        const workspace = new KernelWorkspace(r.z, 3 * M + 2 + 2 * M + 2 + M, 512);
        const kernel = new LogitKernel(r.z, workspace);
        const inPlace = (rows: Float64Array[]) =>
          rows.map((row) => {
            const view = workspace.row();
            view.set(row);
            return view;
          });
        const placed = {
          composite: r.f32 ? new Float32Array(r.z) : workspace.row(),
          expectedTime: r.f32 ? new Float32Array(r.z) : workspace.row(),
          shares: DEMAND_MODES.map(() => workspace.row()),
        };
        kernel.choose(inPlace(cost), inPlace(time), p, placed);
        expect(placed).toEqual(want);
      }),
      runs(400),
    );
  });

  it('over a list of destinations gives chooseModes’ values there bit for bit, and leaves the others', () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.boolean(), { minLength: 23, maxLength: 23 }),
        fc.boolean(),
        (r, pick, inPlace) => {
          const cost = r.cost.map((c) => Float64Array.from(c));
          const time = r.time.map((t, m) =>
            Float64Array.from(t, (x, j) => (cost[m]![j]! < Infinity ? x : Infinity)),
          );
          const p = { thetaPerSecond: r.thetaPerSecond, constants: r.constants };
          const listed = Int32Array.from(Array.from({ length: r.z }, (_, j) => j).filter((j) => pick[j]));
          const workspace = new KernelWorkspace(r.z, 3 * M + 2 + 1 + 3 * M + 3, 512);
          const kernel = new LogitKernel(r.z, workspace);
          const place = (row: Float64Array) => {
            if (!inPlace) return row;
            const view = workspace.row();
            view.set(row);
            return view;
          };
          // Outputs that hold something already: the destinations not listed must keep it.
          const make = (ws: boolean) => {
            const fill = (v: number) => {
              const row = ws && inPlace ? workspace.row() : new Float64Array(r.z);
              return row.fill(v);
            };
            return {
              composite: new Float32Array(r.z).fill(7),
              expectedTime: fill(8),
              shares: DEMAND_MODES.map(() => fill(9)),
            };
          };
          const want = make(false);
          chooseModes(cost, time, p, want, 0, listed.length, listed);
          const got = make(true);
          const list = inPlace
            ? (() => {
                const f = workspace.f64(Math.ceil(r.z / 2) + 1);
                const l = new Int32Array(f.buffer, f.byteOffset, listed.length);
                l.set(listed);
                return l;
              })()
            : listed;
          kernel.chooseList(cost.map(place), time.map(place), p, got, list, listed.length);
          expect(got).toEqual(want);
        },
      ),
      runs(400),
    );
  });

  it('gives a mode far dearer than the best exactly no share (its term below e^−708), as chooseModes does', () => {
    const inf = Number.POSITIVE_INFINITY;
    // θ 1 per minute: car 100,000 s dearer than walking is e^(−1,667) against 1.
    const cost = [[600], [inf], [inf], [inf], [100_600]].map((r) => Float64Array.from(r));
    const p = { thetaPerSecond: 1 / 60, constants: [0, 0, 0, 0, 0] };
    const want = {
      composite: new Float64Array(1),
      expectedTime: new Float64Array(1),
      shares: cost.map(() => new Float64Array(1)),
    };
    chooseModes(cost, cost, p, want);
    const got = {
      composite: new Float64Array(1),
      expectedTime: new Float64Array(1),
      shares: cost.map(() => new Float64Array(1)),
    };
    new LogitKernel(1).choose(cost, cost, p, got);
    expect(got).toEqual(want);
    expect(Object.is(got.shares[4]![0], 0)).toBe(true);
    expect(got.shares[0]![0]).toBe(1);
  });

  it('reuses its scratch origin after origin: a second choice does not see the first', () => {
    const kernel = new LogitKernel(3);
    const p = { thetaPerSecond: 0.05 / 60, constants: [0, 0, 0, 0, 0] };
    const inf = Number.POSITIVE_INFINITY;
    const a = DEMAND_MODES.map(() => Float64Array.of(600, 1200, 1800));
    const none = DEMAND_MODES.map(() => Float64Array.of(inf, inf, inf));
    const out = { composite: new Float64Array(3), expectedTime: new Float64Array(3) };
    kernel.choose(a, a, p, out);
    expect(out.composite[0]).toBeLessThan(600);
    kernel.choose(none, none, p, out);
    expect([...out.composite, ...out.expectedTime]).toEqual([inf, inf, inf, inf, inf, inf]);
  });
});

describe('logOneToEight', () => {
  it('is within 4 ulp of Math.log over [1, 8) (absolute: the logit adds it to utilities of order 1 and more)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 8, maxExcluded: true, noNaN: true }), (x) => {
        expect(Math.abs(logOneToEight(x) - Math.log(x))).toBeLessThanOrEqual(
          4 * 2 ** -52 * Math.max(1, Math.log(x)),
        );
      }),
      { seed: 20261205, numRuns: 20_000 },
    );
    expect(logOneToEight(1)).toBe(0);
    expect(logOneToEight(2)).toBe(Math.LN2);
    expect(logOneToEight(0.5)).toBeNaN();
    expect(logOneToEight(8)).toBeNaN();
  });
});
