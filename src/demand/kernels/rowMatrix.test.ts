import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeSums } from '../calibrate';
import { expNonPositive } from '../exp';
import { deterrenceRow } from '../gravity';
import { RowMatrix } from './rowMatrix';

/** Fixed seed: CI is stable; on a failure fast-check prints the seed and the shrunk case. */
const runs = (numRuns: number) => ({ seed: 20261205, numRuns, endOnFailure: false });

/**
 * The half-step in plain scalar code, in the order rowMatrix.wat documents: a row's sum by columns four at a
 * time into lanes (j mod 4), lanes added as (s₀ + s₁) + (s₂ + s₃), then the last z mod 4 columns in order;
 * column sums four rows at a time from the block's first, then one at a time.
 */
function reference(
  f: Float32Array,
  n: number,
  z: number,
  b: ArrayLike<number>,
  workers: ArrayLike<number>,
  given: ArrayLike<number>,
) {
  const rows = new Float64Array(n);
  const columns = Float64Array.from(given);
  const z4 = z & ~3;
  const factor = (w: number, s: number) => (w > 0 && s > 0 ? w / s : 0);
  for (let i = 0; i < n; i++) {
    const lane = [0, 0, 0, 0];
    for (let j = 0; j < z4; j++) lane[j % 4] += f[i * z + j]! * b[j]!;
    let s = lane[0]! + lane[1]! + (lane[2]! + lane[3]!);
    for (let j = z4; j < z; j++) s += f[i * z + j]! * b[j]!;
    rows[i] = s;
  }
  const a = Float64Array.from(rows, (s, i) => factor(workers[i]!, s));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    if (a[i] === 0 && a[i + 1] === 0 && a[i + 2] === 0 && a[i + 3] === 0) continue;
    for (let j = 0; j < z; j++)
      columns[j] +=
        a[i]! * f[i * z + j]! +
        a[i + 1]! * f[(i + 1) * z + j]! +
        a[i + 2]! * f[(i + 2) * z + j]! +
        a[i + 3]! * f[(i + 3) * z + j]!;
  }
  for (; i < n; i++) if (a[i] !== 0) for (let j = 0; j < z; j++) columns[j] += a[i]! * f[i * z + j]!;
  return { rows, columns };
}

/** A block of a deterrence matrix: values in (0, 1] or 0, some rows without workers, factors positive. */
const block = fc
  .record({ n: fc.integer({ min: 0, max: 23 }), z: fc.integer({ min: 1, max: 37 }) })
  .chain(({ n, z }) =>
    fc.record({
      n: fc.constant(n),
      z: fc.constant(z),
      f: fc.array(fc.oneof(fc.constant(0), fc.float({ min: Math.fround(1e-30), max: 1, noNaN: true })), {
        minLength: n * z,
        maxLength: n * z,
      }),
      b: fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: z, maxLength: z }),
      workers: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true })), {
        minLength: n,
        maxLength: n,
      }),
      columns: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: z, maxLength: z }),
      cut: fc.nat(),
    }),
  );

/** Composite costs as mode choice leaves them (+∞ where no mode), jobs per zone (some none), a β, workers. */
const costs = fc
  .record({ n: fc.integer({ min: 0, max: 9 }), z: fc.integer({ min: 1, max: 41 }) })
  .chain(({ n, z }) =>
    fc.record({
      n: fc.constant(n),
      z: fc.constant(z),
      cost: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.float({ min: 0, max: Math.fround(2e6), noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
        ),
        { minLength: n * z, maxLength: n * z },
      ),
      attractors: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e5, noNaN: true })), {
        minLength: z,
        maxLength: z,
      }),
      workers: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true })), {
        minLength: n,
        maxLength: n,
      }),
      // Per generalized minute, as the schema allows (> 0, ≤ 1), from flat to steep.
      betaPerMinute: fc.double({ min: 1e-6, max: 1, noNaN: true }),
    }),
  );

describe('RowMatrix.deterrence (the SIMD kernel)', () => {
  it('gives deterrenceRow’s F bit for bit, and zero rows without workers', () => {
    fc.assert(
      fc.property(costs, (r) => {
        const m = new RowMatrix(r.n, r.z);
        m.cost.set(r.cost);
        m.f.fill(Number.NaN);
        const beta = r.betaPerMinute / 60;
        m.deterrence(r.attractors, r.workers, beta);
        const want = new Float32Array(r.n * r.z);
        for (let i = 0; i < r.n; i++)
          if (r.workers[i]! > 0)
            deterrenceRow(
              m.cost.subarray(i * r.z, (i + 1) * r.z),
              r.attractors,
              beta,
              want.subarray(i * r.z, (i + 1) * r.z),
            );
        expect(m.f).toEqual(want);
      }),
      runs(300),
    );
  });

  it('a one-row block’s trips: a·b_j·F_j in that order, and the row’s m, bit for bit', () => {
    fc.assert(
      fc.property(
        costs,
        fc.double({ min: 1e-9, max: 1e4, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 41, maxLength: 41 }),
        (r, a, factors) => {
          fc.pre(r.n >= 1);
          const m = new RowMatrix(1, r.z);
          const cost = Float32Array.from(r.cost.slice(0, r.z));
          m.cost.set(cost);
          const b = factors.slice(0, r.z);
          const beta = r.betaPerMinute / 60;
          const out = new Float64Array(r.z).fill(Number.NaN);
          const got = m.trips(r.attractors, beta, a, b, out);
          const f = new Float32Array(r.z);
          expect(got).toBe(deterrenceRow(cost, r.attractors, beta, f));
          expect(out).toEqual(Float64Array.from(f, (x, j) => a * b[j]! * x));
        },
      ),
      runs(300),
    );
    // A zero cost's sign: the kernel's m may be +0 where cheapestCost's is −0; the trips do not differ.
    const m = new RowMatrix(1, 4);
    m.cost.set([9, -0, 0, 9]);
    const out = new Float64Array(4);
    const f = new Float32Array(4);
    expect(
      m.trips([1, 1, 1, 1], 1e-3, 2, [1, 2, 3, 4], out) === deterrenceRow(m.cost, [1, 1, 1, 1], 1e-3, f),
    ).toBe(true);
    expect(out).toEqual(Float64Array.from(f, (x, j) => 2 * (j + 1) * x));
    expect(() => new RowMatrix(2, 3).trips([1, 1, 1], 1e-3, 1, [1, 1, 1], new Float64Array(3))).toThrowError(
      /one-row block/,
    );
  });

  it('takes e^x step for step as expNonPositive does: the same f64 before rounding to float32', () => {
    fc.assert(
      fc.property(costs, (r) => {
        fc.pre(r.n >= 2);
        const m = new RowMatrix(r.n, r.z);
        m.cost.set(r.cost);
        const beta = r.betaPerMinute / 60;
        const wide = m.deterrenceWide(0, r.attractors, beta);
        const row = m.cost.subarray(0, r.z);
        let cheapest = Number.POSITIVE_INFINITY;
        row.forEach((c, j) => {
          if (c < cheapest && r.attractors[j]! > 0) cheapest = c;
        });
        if (cheapest === Number.POSITIVE_INFINITY) cheapest = 0;
        const want = Float64Array.from(row, (c, j) =>
          r.attractors[j]! > 0 ? expNonPositive(-beta * (c - cheapest)) : 0,
        );
        expect(wide).toEqual(want);
      }),
      runs(300),
    );
  });
});

describe('RowMatrix.balanceRows (the SIMD kernel)', () => {
  it('gives the scalar reference’s row sums and column sums bit for bit, added to the columns given', () => {
    fc.assert(
      fc.property(block, (r) => {
        const m = new RowMatrix(r.n, r.z);
        m.f.set(r.f);
        const rows = new Float64Array(r.n);
        const columns = Float64Array.from(r.columns);
        m.balanceRows(Float64Array.from(r.b), Float64Array.from(r.workers), rows, columns);
        const want = reference(m.f, r.n, r.z, r.b, r.workers, r.columns);
        expect(rows).toEqual(want.rows);
        // And against the definitions summed plainly (a misreading shared by kernel and mirror shows here):
        // s_i = Σ_j F_ij b_j; columns gain Σ_i (O_i / s_i) F_ij.
        for (let i = 0; i < r.n; i++) {
          let plain = 0;
          for (let j = 0; j < r.z; j++) plain += m.f[i * r.z + j]! * r.b[j]!;
          expect(Math.abs(rows[i]! - plain)).toBeLessThanOrEqual(1e-12 * plain);
        }
        for (let j = 0; j < r.z; j++) {
          let plain = r.columns[j]!;
          for (let i = 0; i < r.n; i++)
            if (r.workers[i]! > 0 && rows[i]! > 0) plain += (r.workers[i]! / rows[i]!) * m.f[i * r.z + j]!;
          expect(Math.abs(columns[j]! - plain)).toBeLessThanOrEqual(1e-12 * plain);
        }
        expect(columns).toEqual(want.columns);
      }),
      runs(200),
    );
  });

  it('a row’s sum has the same bits in any block; column parts of blocks add up to the whole', () => {
    fc.assert(
      fc.property(block, (r) => {
        const whole = new RowMatrix(r.n, r.z);
        whole.f.set(r.f);
        const rows = new Float64Array(r.n);
        const columns = new Float64Array(r.z);
        whole.balanceRows(r.b, r.workers, rows, columns);
        const cut = r.cut % (r.n + 1);
        const parts = [
          [0, cut],
          [cut, r.n],
        ].map(([from, to]) => {
          const m = new RowMatrix(to! - from!, r.z);
          m.f.set(r.f.slice(from! * r.z, to! * r.z));
          const out = { rows: new Float64Array(to! - from!), columns: new Float64Array(r.z) };
          m.balanceRows(r.b, r.workers.slice(from, to), out.rows, out.columns);
          return out;
        });
        expect(Float64Array.of(...parts[0]!.rows, ...parts[1]!.rows)).toEqual(rows);
        for (let j = 0; j < r.z; j++)
          expect(Math.abs(parts[0]!.columns[j]! + parts[1]!.columns[j]! - columns[j]!)).toBeLessThanOrEqual(
            1e-12 * columns[j]!,
          );
      }),
      runs(100),
    );
  });

  it('rejects vectors of the wrong length, naming them', () => {
    const m = new RowMatrix(2, 3);
    expect(() => m.balanceRows([1, 1], [1, 1], new Float64Array(2), new Float64Array(3))).toThrowError(
      /balancing 2 rows of 3 zones with 2 column factors/,
    );
    expect(() => new RowMatrix(-1, 3)).toThrowError(RangeError);
    expect(() => new RowMatrix(1, 3, { costs: false }).deterrence([1, 1, 1], [1], 1e-3)).toThrowError(
      /without its costs/,
    );
  });
});

describe('RowMatrix.timeSums (the SIMD kernel)', () => {
  /** A block as the calibration has it: F (some cells 0), times (+∞ where F is 0: no mode), factors. */
  const timed = block.chain((r) =>
    fc.record({
      r: fc.constant(r),
      time: fc.array(fc.float({ min: 0, max: Math.fround(4e5), noNaN: true }), {
        minLength: r.n * r.z,
        maxLength: r.n * r.z,
      }),
      rowFactor: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e3, noNaN: true })), {
        minLength: r.n,
        maxLength: r.n,
      }),
      listed: fc.array(fc.boolean(), { minLength: r.n, maxLength: r.n }),
    }),
  );

  it('gives calibrate.ts timeSums over the rows listed bit for bit, cells without trips left out', () => {
    fc.assert(
      fc.property(timed, ({ r, time, rowFactor, listed }) => {
        const m = new RowMatrix(r.n, r.z, { times: true });
        m.f.set(r.f);
        m.time.set(time.map((t, k) => (r.f[k] === 0 ? Number.POSITIVE_INFINITY : t)));
        const rows = listed.flatMap((on, k) => (on ? [k] : []));
        const got = m.timeSums(r.b, rows, rowFactor);
        const balance = { rowFactor: Float64Array.from(rowFactor), columnFactor: Float64Array.from(r.b) };
        expect(got).toEqual(timeSums(m.f, r.z, balance, m.time, rows));
        // And against the definition summed plainly: Σ a_i b_j F_ij t_ij and Σ a_i b_j F_ij.
        let trips = 0;
        let weighted = 0;
        for (const i of rows)
          for (let j = 0; j < r.z; j++) {
            const w = rowFactor[i]! * r.b[j]! * m.f[i * r.z + j]!;
            if (w === 0) continue;
            trips += w;
            weighted += w * m.time[i * r.z + j]!;
          }
        expect(Math.abs(got.trips - trips)).toBeLessThanOrEqual(1e-12 * trips);
        expect(Math.abs(got.weighted - weighted)).toBeLessThanOrEqual(1e-12 * weighted);
      }),
      runs(300),
    );
  });

  it('needs a block made with its times, and rows of the block', () => {
    expect(() => new RowMatrix(2, 3).timeSums([1, 1, 1], [0], [1, 1])).toThrowError(/without its times/);
    const m = new RowMatrix(2, 3, { times: true });
    expect(() => m.timeSums([1, 1, 1], [2], [1, 1])).toThrowError(/row 2 of a block of 2/);
    expect(() => m.timeSums([1, 1], [0], [1, 1])).toThrowError(/2 column and 2 row factors/);
  });
});
