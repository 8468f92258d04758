import { WASM } from './balance.wasm';

let compiled: WebAssembly.Module | undefined;

/** The kernel, compiled once per thread (about 1 kB: synchronous compilation is allowed everywhere). */
function balanceModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

const PAGE = 65536;
/** WebAssembly's 32-bit memories stop at 4 GiB (65,536 pages); browsers may stop sooner. */
const MAX_PAGES = 65536;

type BalanceRows = (
  f: number,
  z: number,
  n: number,
  b: number,
  workers: number,
  rows: number,
  columns: number,
) => void;

/**
 * Rows of a deterrence matrix F (n rows × z zones, row-major float32) in a WebAssembly memory of their
 * own, so that Furness's half-step runs over them in 128-bit SIMD (balance.wat) without copying F: the
 * kernel reads it where `f` writes. The memory is sized once and never grows, so `f` stays valid.
 */
export class RowMatrix {
  /** F, to fill (deterrence rows) and read. */
  readonly f: Float32Array;
  private readonly b: Float64Array;
  private readonly workers: Float64Array;
  private readonly sums: Float64Array;
  private readonly columns: Float64Array;
  private readonly run: () => void;

  constructor(
    readonly rows: number,
    readonly zoneCount: number,
  ) {
    const n = rows;
    const z = zoneCount;
    if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(z) && z >= 0))
      throw new RangeError(`a matrix of ${n} × ${z} rows and zones`);
    // F, then the f64 vectors, each on a 16-byte boundary.
    const at = (bytes: number) => Math.ceil(bytes / 16) * 16;
    const fEnd = at(4 * n * z);
    const bEnd = at(fEnd + 8 * z);
    const wEnd = at(bEnd + 8 * n);
    const sEnd = at(wEnd + 8 * n);
    const end = sEnd + 8 * z;
    const pages = Math.max(1, Math.ceil(end / PAGE));
    if (pages > MAX_PAGES)
      throw new RangeError(
        `a ${n} × ${z} deterrence block needs ${Math.ceil(end / 2 ** 20)} MiB, over WebAssembly's 4 GiB`,
      );
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const buffer = memory.buffer;
    this.f = new Float32Array(buffer, 0, n * z);
    this.b = new Float64Array(buffer, fEnd, z);
    this.workers = new Float64Array(buffer, bEnd, n);
    this.sums = new Float64Array(buffer, wEnd, n);
    this.columns = new Float64Array(buffer, sEnd, z);
    const instance = new WebAssembly.Instance(balanceModule(), { env: { memory } });
    const kernel = instance.exports.balanceRows as BalanceRows;
    this.run = () => kernel(0, z, n, fEnd, bEnd, wEnd, sEnd);
  }

  /**
   * Furness's half-step over these rows in a single pass over memory: each row's sum
   * s_i = Σ_j F_ij b_j into `rows[i]`, its factor a_i = O_i / s_i (0 without workers or reach), and a_i F_ij
   * added to `columns[j]` (zero it first, or add blocks in order) while the rows are still in cache.
   * A row's sum has the same bits however the rows are split into blocks; the column sums group rows by
   * four from the block's first, so a block's part is the same wherever it is computed (balance.wat).
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
    this.run();
    rows.set(this.sums);
    columns.set(this.columns);
  }
}
