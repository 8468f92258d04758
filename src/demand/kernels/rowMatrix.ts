import { EXP_CONSTANTS } from '../exp';
import { kernelMemory, kernelModule } from './module';
import { WASM } from './rowMatrix.wasm';

interface Kernels {
  balanceRows(
    f: number,
    z: number,
    n: number,
    b: number,
    workers: number,
    rows: number,
    columns: number,
  ): void;
  deterrence(
    cost: number,
    f: number,
    z: number,
    n: number,
    betaPerSecond: number,
    attractors: number,
    workers: number,
    exp: number,
  ): void;
  timeSums(f: number, t: number, z: number, b: number, list: number, count: number, out: number): void;
  trips(
    cost: number,
    f: number,
    z: number,
    betaPerSecond: number,
    attractors: number,
    exp: number,
    a: number,
    b: number,
    out: number,
  ): number;
  deterrenceRowWide(
    cost: number,
    out: number,
    z: number,
    betaPerSecond: number,
    attractors: number,
    exp: number,
  ): void;
}

/**
 * A block of rows of the distribution's matrices (n origins × z zones, row-major float32): the composite
 * costs and the deterrence F, in a WebAssembly memory of their own, so that the deterrence and Furness's
 * half-step run over them in 128-bit SIMD (rowMatrix.wat) without copying: the kernels read them where
 * `cost` and `f` write. The memory is sized once and never grows, so the views stay valid.
 */
export class RowMatrix {
  /** Composite costs c_ij (generalized seconds), to fill (mode choice) and read. */
  readonly cost: Float32Array;
  /** F, filled by deterrence() (or by a caller), read by balanceRows(). */
  readonly f: Float32Array;
  /** Expected physical times t_ij, seconds, to fill (mode choice) and sum (timeSums); empty without them. */
  readonly time: Float32Array;
  private readonly list: Int32Array;
  private readonly pairs: Float64Array;
  /** A one-row block's column factors and its trips (trips()). */
  private readonly factors: Float64Array;
  private readonly tripsRow: Float64Array;
  private readonly b: Float64Array;
  private readonly workers: Float64Array;
  private readonly sums: Float64Array;
  private readonly columns: Float64Array;
  private readonly kernels: Kernels;
  private readonly hasCosts: boolean;
  private readonly at: {
    cost: number;
    f: number;
    b: number;
    workers: number;
    sums: number;
    columns: number;
    time: number;
    list: number;
    pairs: number;
    factors: number;
    trips: number;
    exp: number;
  };

  /**
   * `options.costs: false`: no room for the costs (`cost` is empty and deterrence() is not available) — for a
   * caller that fills F itself from costs it holds (the single-thread path, gravity.ts and calibrate.ts).
   * `options.times: true`: room for the expected times too, for timeSums (the workers' blocks).
   */
  constructor(
    readonly rows: number,
    readonly zoneCount: number,
    options: { costs?: boolean; times?: boolean } = {},
  ) {
    const n = rows;
    const z = zoneCount;
    if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(z) && z >= 0))
      throw new RangeError(`a matrix of ${n} × ${z} rows and zones`);
    // Each part on a 16-byte boundary.
    const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
    const at = {
      cost: 0,
      f: 0,
      b: 0,
      workers: 0,
      sums: 0,
      columns: 0,
      time: 0,
      list: 0,
      pairs: 0,
      factors: 0,
      trips: 0,
      exp: 0,
    };
    const times = options.times ?? false;
    this.hasCosts = options.costs ?? true;
    at.f = this.hasCosts ? align(4 * n * z) : 0;
    at.b = align(at.f + 4 * n * z);
    at.workers = align(at.b + 8 * z);
    at.sums = align(at.workers + 8 * n);
    at.columns = align(at.sums + 8 * n);
    at.time = align(at.columns + 8 * z);
    at.list = align(at.time + (times ? 4 * n * z : 0));
    at.pairs = align(at.list + (times ? 4 * n : 0));
    // A one-row block makes trips too (pass 3's, per origin).
    at.factors = align(at.pairs + (times ? 16 * n : 0));
    at.trips = align(at.factors + (n === 1 ? 8 * z : 0));
    at.exp = align(at.trips + (n === 1 ? 8 * z : 0));
    // The module first: without WebAssembly (or its SIMD) that is what says so.
    const module = kernelModule(WASM);
    const memory = kernelMemory(
      at.exp + EXP_CONSTANTS.byteLength,
      `a block of ${n} × ${z} costs and deterrence`,
    );
    const buffer = memory.buffer;
    this.cost = new Float32Array(buffer, at.cost, this.hasCosts ? n * z : 0);
    this.f = new Float32Array(buffer, at.f, n * z);
    this.b = new Float64Array(buffer, at.b, z);
    this.workers = new Float64Array(buffer, at.workers, n);
    this.sums = new Float64Array(buffer, at.sums, n);
    this.columns = new Float64Array(buffer, at.columns, z);
    this.time = new Float32Array(buffer, at.time, times ? n * z : 0);
    this.list = new Int32Array(buffer, at.list, times ? n : 0);
    this.pairs = new Float64Array(buffer, at.pairs, times ? 2 * n : 0);
    this.factors = new Float64Array(buffer, at.factors, n === 1 ? z : 0);
    this.tripsRow = new Float64Array(buffer, at.trips, n === 1 ? z : 0);
    new Float64Array(buffer, at.exp, EXP_CONSTANTS.length).set(EXP_CONSTANTS);
    this.at = at;
    this.kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Kernels;
  }

  /**
   * F from the costs: F_ij = exp(−β (c_ij − m_i)) as float32, m_i the row's cheapest cost to a zone with
   * jobs — bit for bit gravity.ts's deterrenceRow, row by row (0 in rows without workers).
   */
  deterrence(attractors: ArrayLike<number>, workers: ArrayLike<number>, betaPerSecond: number): void {
    const n = this.rows;
    const z = this.zoneCount;
    if (!this.hasCosts)
      throw new Error('this block was made without its costs: it cannot make its deterrence');
    if (attractors.length !== z || workers.length !== n)
      throw new RangeError(
        `deterrence of ${n} rows of ${z} zones with ${attractors.length} attractors and ${workers.length} workers`,
      );
    this.b.set(attractors);
    this.workers.set(workers);
    const at = this.at;
    this.kernels.deterrence(at.cost, at.f, z, n, betaPerSecond, at.b, at.workers, at.exp);
  }

  /**
   * Row i's deterrence as the kernel has it before rounding to float32 (f64: expNonPositive's bits, which
   * the tests check), z values. Uses the memory of f's rows i and i + 1 as scratch: testing only.
   */
  deterrenceWide(i: number, attractors: ArrayLike<number>, betaPerSecond: number): Float64Array {
    const z = this.zoneCount;
    if (!this.hasCosts || !(i >= 0 && i + 2 <= this.rows))
      throw new RangeError(`row ${i} and the next of ${this.rows}`);
    this.b.set(attractors);
    const at = this.at;
    const out = at.f + 4 * z * i;
    this.kernels.deterrenceRowWide(at.cost + 4 * z * i, out, z, betaPerSecond, at.b, at.exp);
    return new Float64Array(this.f.buffer, out, z).slice();
  }

  /**
   * Furness's half-step over these rows in a single pass over memory: each row's sum
   * s_i = Σ_j F_ij b_j into `rows[i]`, its factor a_i = O_i / s_i (0 without workers or reach), and a_i F_ij
   * added to `columns[j]` (zero it first, or add blocks in order) while the rows are still in cache.
   * A row's sum has the same bits however the rows are split into blocks; the column sums group rows by
   * four from the block's first, so a block's part is the same wherever it is computed (rowMatrix.wat).
   * The whole JJJ matrix (4,716 zones, one thread, best of 7): 13.5 ms a pass, against 31 ms for the scalar
   * loop it replaces.
   */
  balanceRows(
    columnFactor: ArrayLike<number>,
    workers: ArrayLike<number>,
    rows: Float64Array,
    columns: Float64Array,
  ): void {
    const n = this.rows;
    const z = this.zoneCount;
    if (columnFactor.length !== z || columns.length !== z || workers.length !== n || rows.length !== n)
      throw new RangeError(
        `balancing ${n} rows of ${z} zones with ${columnFactor.length} column factors, ${workers.length} workers, ${rows.length} row sums and ${columns.length} column sums`,
      );
    this.b.set(columnFactor);
    this.workers.set(workers);
    this.columns.set(columns);
    const at = this.at;
    this.kernels.balanceRows(at.f, z, n, at.b, at.workers, at.sums, at.columns);
    rows.set(this.sums);
    columns.set(this.columns);
  }

  /**
   * The calibration's sums over the block's rows listed in `rows` (each a row index here, at most one per
   * row): Σ_k a_k Σ_j w_kj and Σ_k a_k Σ_j w_kj t_kj with w_kj = b_j F_kj, a_k = `rowFactor[k]` —
   * calibrate.ts's timeSums over these rows, bit for bit (a row's sums in the kernel, in timeSums' lanes;
   * rows added in the order listed). Needs a block made with its times.
   */
  timeSums(
    columnFactor: ArrayLike<number>,
    rows: ArrayLike<number>,
    rowFactor: ArrayLike<number>,
  ): { weighted: number; trips: number } {
    const n = this.rows;
    const z = this.zoneCount;
    if (this.time.length !== n * z)
      throw new Error('this block was made without its times: it cannot sum them');
    if (columnFactor.length !== z || rowFactor.length !== n || rows.length > n)
      throw new RangeError(
        `time sums over ${rows.length} rows of a block of ${n} × ${z} with ${columnFactor.length} column and ${rowFactor.length} row factors`,
      );
    // Rows without a factor add nothing (timeSums skips them): not summed at all.
    let count = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (!(Number.isInteger(r) && r >= 0 && r < n)) throw new RangeError(`row ${r} of a block of ${n}`);
      if (rowFactor[r] !== 0) this.list[count++] = r;
    }
    this.b.set(columnFactor);
    const at = this.at;
    this.kernels.timeSums(at.f, at.time, z, at.b, at.list, count, at.pairs);
    let weighted = 0;
    let trips = 0;
    for (let k = 0; k < count; k++) {
      const a = rowFactor[this.list[k]!]!;
      trips += a * this.pairs[2 * k]!;
      weighted += a * this.pairs[2 * k + 1]!;
    }
    return { weighted, trips };
  }

  /**
   * A one-row block's trips T_j = a·b_j·F_j into `out`, F made from its costs as deterrence() makes it
   * (kept in `f`), b the column factors: `out[j] = a * b[j] * F[j]` in that order, bit for bit. Returns the
   * row's m (gravity.ts cheapestCost's value; a zero may come back +0 where that says −0, which c − m does
   * not see), with which deterrenceAt gives any one cell again.
   */
  trips(
    attractors: ArrayLike<number>,
    betaPerSecond: number,
    a: number,
    columnFactor: ArrayLike<number>,
    out: Float64Array,
  ): number {
    const z = this.zoneCount;
    if (this.rows !== 1 || !this.hasCosts)
      throw new Error(`trips are made by a one-row block with its costs, not ${this.rows} rows`);
    if (attractors.length !== z || columnFactor.length !== z || out.length !== z)
      throw new RangeError(
        `trips to ${z} zones from ${attractors.length} attractors and ${columnFactor.length} column factors into ${out.length}`,
      );
    this.b.set(attractors);
    this.factors.set(columnFactor);
    const at = this.at;
    const m = this.kernels.trips(at.cost, at.f, z, betaPerSecond, at.b, at.exp, a, at.factors, at.trips);
    out.set(this.tripsRow);
    return m;
  }
}
