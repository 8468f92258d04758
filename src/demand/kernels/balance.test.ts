import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelSources, wasmModuleText } from '../../../scripts/wasm-kernels';
import { RowMatrix } from './balance';
import { WASM } from './balance.wasm';

/** Fixed seed: CI is stable; on a failure fast-check prints the seed and the shrunk case. */
const runs = (numRuns: number) => ({ seed: 20261205, numRuns, endOnFailure: false });

/**
 * The half-step in plain scalar code, in the order balance.wat documents: a row's sum by columns four at a
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
  });

  it('is compiled from its WebAssembly text as committed (npm run build:kernels)', async () => {
    const [source] = (await kernelSources()).filter((s) => s.endsWith('balance.wat'));
    const text = await wasmModuleText(source!, await readFile(source!, 'utf8'));
    expect(text).toBe(await readFile(source!.replace(/\.wat$/, '.wasm.ts'), 'utf8'));
    expect(text).toContain(WASM.slice(0, 64));
  });
});
