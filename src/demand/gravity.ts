import { DemandError } from './errors';
import { expNonPositive, portableExp } from './exp';
import { RowMatrix } from './kernels/rowMatrix';
import { portableLog } from './log';

/**
 * Distribution (DESIGN.md §3.1 step 2): the doubly-constrained gravity model
 *
 *     T_ij = A_i O_i · B_j D_j · exp(−β c_ij)
 *
 * balanced by Furness until every row total is within `tolerance` (relative) of O_i and every column total
 * of D_j. Matrices are row-major Z×Z typed arrays; nothing is allocated per cell, and the work goes row by
 * row (rowSums, columnSums take a row range, so workers can share it: column sums of row blocks add up).
 *
 * The deterrence is stored shifted per row, F_ij = exp(−β (c_ij − m_i)) with m_i the row's cheapest cost
 * to a zone with jobs: the factor exp(−β m_i) is absorbed by A_i, so T is unchanged, and no row underflows
 * Float32 however far the zone is from everything (nor overflows: zones without jobs are 0). Trips are T_ij = a_i · b_j · F_ij with a_i = A_i O_i e^{β m_i}
 * and b_j = B_j D_j (`Balance`).
 */
export interface GravityInput {
  zoneCount: number;
  /** O_i: workers (trips produced) per zone. */
  workers: Float64Array;
  /** D_j: jobs per zone scaled to the workers' total (producers().attractors). */
  attractors: Float64Array;
  /** Zone ids, to name zones in errors. */
  ids?: readonly string[];
}

export interface Balance {
  /** a_i, so that T_ij = a_i · b_j · F_ij (0 for zones without workers). */
  rowFactor: Float64Array;
  /** b_j (0 for zones without jobs). */
  columnFactor: Float64Array;
  /** Row and column passes made (one iteration = one of each). */
  iterations: number;
  /** Largest |row total − O_i| ÷ O_i at the end. */
  rowError: number;
  /** Largest |column total − D_j| ÷ D_j at the end. */
  columnError: number;
}

export interface FurnessOptions {
  /** Relative tolerance on every row and column total (DESIGN.md: 1e-6). */
  tolerance?: number;
  maxIterations?: number;
  /** Column factors to start from (a previous balance of the same zones, e.g. at another β). */
  start?: Float64Array;
  /**
   * Anderson acceleration of the column factors (in log space): how many past iterations it mixes; 0 is
   * plain Furness. Each pass over F still computes Furness's own update b̂ = D ÷ (column sums); the next b
   * is the combination of the last few updates whose residuals (log b̂ − log b) cancel best (least squares),
   * so the slow, nearly linear convergence of Furness at steep β is extrapolated away. The balance reached is
   * the same kind (both totals are checked against the tolerance). JJJ to 1e-6 at β 0.0213, 0.03, 0.0443,
   * 0.08 per minute: 23, 57, 121, 250 iterations with the earlier over-relaxation (ω = 1.6), 11, 16, 26, 57
   * with memory 8 (the dumped JJJ composite costs, single thread). The history is dropped (a restart) where
   * the pair's error — rows and columns — grows tenfold over its best or is not bettered for the memory's
   * length plus two, and where a step would move a hundred residuals from Furness's or leaves a row or column
   * without trips (an overshoot: that pass is done again from Furness's update); after three restarts with
   * no better pair between them, Furness alone for good. Over 2,382 random balances (3–120 zones, β 0.005 to
   * 0.3 per minute) it took 24 % of plain Furness's passes in all, at worst 41 more than plain in one.
   */
  anderson?: number;
}

/** The default Anderson memory (see FurnessOptions.anderson). */
export const FURNESS_ANDERSON = 8;

export const FURNESS_TOLERANCE = 1e-6;

/**
 * Fill rows [from, to) of `out` with exp(−β (c_ij − m_i)) (≤ 1); +Infinity costs, zones without jobs and
 * rows of zones without workers give 0.
 */
export function deterrence(
  cost: Float32Array,
  g: GravityInput,
  betaPerSecond: number,
  out: Float32Array = new Float32Array(g.zoneCount * g.zoneCount),
  from = 0,
  to = g.zoneCount,
): Float32Array {
  const z = g.zoneCount;
  checkSize(cost, z * z, 'cost');
  checkSize(out, z * z, 'deterrence');
  for (let i = from; i < to; i++) {
    const row = out.subarray(i * z, (i + 1) * z);
    // A zone without workers produces no trips: its row is never read with a non-zero factor.
    if (g.workers[i]! > 0) deterrenceRow(cost.subarray(i * z, (i + 1) * z), g.attractors, betaPerSecond, row);
    else row.fill(0);
  }
  return out;
}

/**
 * One origin's deterrence: out[j] = exp(−β (c_j − m)), m the row's cheapest cost to a zone with jobs
 * (attractors > 0); 0 for zones without jobs (no exp: their cost may lie below m and overflow it) and for
 * +Infinity costs. What deterrence() stores per row, and what a worker recomputes from the same composite
 * row (Float32, as stored) to get the same trips without the matrix. Returns m.
 */
export function deterrenceRow(
  cost: ArrayLike<number>,
  attractors: ArrayLike<number>,
  betaPerSecond: number,
  out: Float32Array,
): number {
  const z = out.length;
  const m = cheapestCost(cost, attractors);
  for (let j = 0; j < z; j++) out[j] = attractors[j]! > 0 ? deterrenceAt(cost[j]!, m, betaPerSecond) : 0;
  return m;
}

/** A row's cheapest cost to a zone with jobs: deterrenceRow's m (0 when it reaches none). */
export function cheapestCost(cost: ArrayLike<number>, attractors: ArrayLike<number>): number {
  let m = Number.POSITIVE_INFINITY;
  for (let j = 0; j < cost.length; j++) {
    const c = cost[j]!;
    if (c < m && attractors[j]! > 0) m = c;
  }
  return m === Number.POSITIVE_INFINITY ? 0 : m;
}

/** One cell of deterrenceRow, F_j = exp(−β (c_j − m)) as stored (float32), for a zone with jobs. */
export function deterrenceAt(cost: number, m: number, betaPerSecond: number): number {
  return Math.fround(expNonPositive(-betaPerSecond * (cost - m)));
}

/**
 * What balancing (and calibration, demand/calibrate.ts) asks of a deterrence matrix F, wherever its rows are:
 * here as one array (LocalMatrix), or in row blocks across the workers (workers/gravityBlocks.ts). The
 * algorithms are written once, as generators yielding these asks; a driver answers them (runSteps here,
 * synchronously; the workers' driver asynchronously, a round of messages per ask).
 */
export type MatrixAsk =
  /**
   * Furness's half-step (balanceRows): s_i = Σ_j F_ij b_j for every row i, and Σ_i a_i F_ij for every
   * column j with a_i = O_i / s_i (row blocks added in a fixed order: the same bits however they are held).
   */
  | { op: 'balanceRows'; columnFactor: Float64Array; workers: Float64Array }
  /** Recompute F at another β (from the composite costs the matrix keeps). */
  | { op: 'deterrence'; betaPerSecond: number }
  /** Σ T_ij t_ij and Σ T_ij over the calibration origins' rows (see calibrate.ts meanTime). */
  | { op: 'meanTime'; rowFactor: Float64Array; columnFactor: Float64Array };
export type MatrixAnswer =
  | { rows: Float64Array; columns: Float64Array }
  | { seconds: number; trips: number }
  | undefined;
export type MatrixSteps<T> = Generator<MatrixAsk, T, MatrixAnswer>;

/** Run `steps`, answering each ask at once. */
export function runSteps<T>(steps: MatrixSteps<T>, answer: (ask: MatrixAsk) => MatrixAnswer): T {
  let next = steps.next();
  while (!next.done) next = steps.next(answer(next.value));
  return next.value;
}

/** Run `steps`, answering each ask when its answer comes (a round of messages to the workers holding F). */
export async function runStepsAsync<T>(
  steps: MatrixSteps<T>,
  answer: (ask: MatrixAsk) => Promise<MatrixAnswer>,
): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await answer(next.value));
  return next.value;
}

/** A distribution at a given β as steps: F at β, then Furness. */
export function* distributionSteps(
  g: GravityInput,
  betaPerSecond: number,
  options: FurnessOptions = {},
): MatrixSteps<Balance> {
  yield { op: 'deterrence', betaPerSecond };
  return yield* furnessSteps(g, options);
}

/** A deterrence matrix held here, whole (row-major Z×Z), answering the asks of balancing. */
export function localAnswers(f: RowMatrix): (ask: MatrixAsk) => MatrixAnswer {
  const z = f.zoneCount;
  return (ask) => {
    if (ask.op === 'balanceRows') {
      const rows = new Float64Array(z);
      const columns = new Float64Array(z);
      f.balanceRows(ask.columnFactor, ask.workers, rows, columns);
      return { rows, columns };
    }
    throw new Error(`a fixed matrix cannot answer "${ask.op}"`);
  };
}

/**
 * Balance F to the workers (rows) and attractors (columns). Throws DemandError `unreachable` when a zone
 * with workers reaches no job (or jobs are reached by no worker), `not-balanced` when maxIterations pass
 * without reaching the tolerance.
 */
export function furness(f: Float32Array | RowMatrix, g: GravityInput, options: FurnessOptions = {}): Balance {
  const z = g.zoneCount;
  let matrix: RowMatrix;
  if (f instanceof RowMatrix) matrix = f;
  else {
    checkSize(f, z * z, 'deterrence');
    matrix = new RowMatrix(z, z, { costs: false });
    matrix.f.set(f);
  }
  checkSize(matrix.f, z * z, 'deterrence');
  return runSteps(furnessSteps(g, options), localAnswers(matrix));
}

/**
 * Furness as steps (see MatrixAsk): one pass over F per iteration. Its row sums test the previous
 * iteration's balance (rows within the tolerance: done) and give the new row factors; its column sums,
 * made with those same factors, give the new column factors.
 */
export function* furnessSteps(g: GravityInput, options: FurnessOptions = {}): MatrixSteps<Balance> {
  const z = g.zoneCount;
  const tol = options.tolerance ?? FURNESS_TOLERANCE;
  const maxIterations = options.maxIterations ?? 1000;
  const o = g.workers;
  const d = g.attractors;
  checkSize(o, z, 'workers');
  checkSize(d, z, 'attractors');
  const a = new Float64Array(z);
  const b = new Float64Array(z);
  for (let j = 0; j < z; j++) b[j] = d[j]! > 0 ? (options.start?.[j] ?? d[j]!) || d[j]! : 0;
  const columns = Int32Array.from(Array.from({ length: z }, (_, j) => j).filter((j) => d[j]! > 0));
  const anderson = new Anderson(columns.length, options.anderson ?? FURNESS_ANDERSON);
  const x = new Float64Array(columns.length);
  const next = new Float64Array(columns.length);
  let rowError = Number.POSITIVE_INFINITY;
  let bestError = Number.POSITIVE_INFINITY;
  let sinceBest = 0;
  let restarts = 0;
  let columnError = Number.POSITIVE_INFINITY;
  let iterations = 0;
  /** Furness's own update of the factors in `b`, kept while `b` holds an accelerated one. */
  let plain: Float64Array | null = null;
  for (;;) {
    const pass = (yield { op: 'balanceRows', columnFactor: b, workers: o }) as {
      rows: Float64Array;
      columns: Float64Array;
    };
    const s = pass.rows;
    const col = pass.columns;
    if (plain && (!rowsReach(o, s) || !columnsReached(columns, col))) {
      // An accelerated step left a row or column without trips (an overshoot): Furness's own update instead.
      for (let k = 0; k < columns.length; k++) b[columns[k]!] = plain[k]!;
      plain = null;
      anderson.restart();
      columnError = Number.POSITIVE_INFINITY;
      iterations++;
      continue;
    }
    if (iterations > 0) {
      rowError = 0;
      for (let i = 0; i < z; i++)
        if (o[i]! > 0) rowError = Math.max(rowError, Math.abs((a[i]! * s[i]!) / o[i]! - 1));
      if (rowError <= tol && columnError <= tol) break;
      // This pass checks the pair (a, b): its rows now, its columns when b was made. Growing, or not
      // bettered for a memory's length: the history no longer describes the iteration and is dropped;
      // after three such in a row, Furness alone for good (it gets there, slowly, wherever it can).
      const error = Math.max(rowError, columnError);
      if (error < bestError) {
        bestError = error;
        sinceBest = 0;
        restarts = 0;
      } else if (anderson.accelerating && (error > 10 * bestError || ++sinceBest > anderson.memory + 2)) {
        anderson.restart();
        sinceBest = 0;
        if (++restarts >= 3) anderson.stop();
      }
      if (iterations >= maxIterations)
        throw new DemandError(
          'not-balanced',
          `Furness did not balance trips in ${iterations} iterations: rows within ${rowError.toExponential(2)} (relative), the tolerance is ${tol}`,
        );
    }
    for (let i = 0; i < z; i++) {
      if (!(o[i]! > 0)) {
        a[i] = 0;
        continue;
      }
      if (!(s[i]! > 0))
        throw new DemandError(
          'unreachable',
          `zone ${name(g, i)} has ${o[i]} workers but reaches no zone with jobs`,
        );
      a[i] = o[i]! / s[i]!;
    }
    for (let k = 0; k < columns.length; k++) {
      const j = columns[k]!;
      if (!(col[j]! > 0))
        throw new DemandError(
          'unreachable',
          `zone ${name(g, j)} has jobs but no zone with workers reaches it (or only so far above their cheapest trip that exp(−β·Δcost) underflows)`,
        );
      x[k] = portableLog(b[j]!);
      next[k] = portableLog(d[j]! / col[j]!);
    }
    // The next factors: Furness's update, accelerated when the history allows.
    plain = anderson.step(x, next) ? Float64Array.from(anderson.plain, portableExp) : null;
    // Columns checked for the very factors the next pass uses (its rows are checked with these a).
    columnError = 0;
    for (let k = 0; k < columns.length; k++) {
      const j = columns[k]!;
      b[j] = portableExp(next[k]!);
      columnError = Math.max(columnError, Math.abs((b[j]! * col[j]!) / d[j]! - 1));
    }
    iterations++;
  }
  return { rowFactor: a, columnFactor: b, iterations, rowError, columnError };
}

function rowsReach(workers: ArrayLike<number>, rows: Float64Array): boolean {
  for (let i = 0; i < rows.length; i++)
    if (workers[i]! > 0 && !(rows[i]! > 0 && rows[i]! < Infinity)) return false;
  return true;
}

function columnsReached(columns: Int32Array, sums: Float64Array): boolean {
  for (let k = 0; k < columns.length; k++) {
    const c = sums[columns[k]!]!;
    if (!(c > 0 && c < Infinity)) return false;
  }
  return true;
}

/**
 * Anderson acceleration (type II) of a fixed-point iteration x ← G(x), with a memory of `memory` steps:
 * given x_k and G(x_k), the next x is G(x_k) − ΔG γ, with γ the least-squares fit of the residual
 * f_k = G(x_k) − x_k by the last differences of residuals ΔF (normal equations, slightly regularized so a
 * history of nearly equal residuals cannot blow the step up). Memory 0 is the plain iteration.
 */
export class Anderson {
  private readonly dF: Float64Array[];
  private readonly dG: Float64Array[];
  private readonly f: Float64Array;
  private readonly lastF: Float64Array;
  private readonly lastG: Float64Array;
  /** G(x_k) of the last step (Furness's own update, in log space). */
  readonly plain: Float64Array;
  private count = 0;
  private head = 0;
  private stopped = false;
  private started = false;

  constructor(
    private readonly n: number,
    readonly memory: number,
  ) {
    this.dF = Array.from({ length: memory }, () => new Float64Array(n));
    this.dG = Array.from({ length: memory }, () => new Float64Array(n));
    this.f = new Float64Array(n);
    this.lastF = new Float64Array(n);
    this.lastG = new Float64Array(n);
    this.plain = new Float64Array(n);
  }

  restart(): void {
    this.count = 0;
    this.head = 0;
    this.started = false;
  }

  /** Steps are accelerated (a memory, not stopped). */
  get accelerating(): boolean {
    return this.memory > 0 && !this.stopped;
  }

  /** Plain steps from now on. */
  stop(): void {
    this.restart();
    this.stopped = true;
  }

  /**
   * `x` is x_k, `gx` holds G(x_k) on entry and x_{k+1} on return. True when x_{k+1} is an accelerated step
   * (then `plain` holds G(x_k)); false when it is G(x_k) itself: no history yet, or a step that would move
   * further from G(x_k) than a hundred residuals (a history that no longer describes the iteration: dropped).
   */
  step(x: Float64Array, gx: Float64Array): boolean {
    const n = this.n;
    const f = this.f;
    let residual = 0;
    for (let k = 0; k < n; k++) {
      f[k] = gx[k]! - x[k]!;
      residual = Math.max(residual, Math.abs(f[k]!));
    }
    if (this.memory === 0 || this.stopped) return false;
    if (this.started) {
      const slot = this.head;
      const df = this.dF[slot]!;
      const dg = this.dG[slot]!;
      for (let k = 0; k < n; k++) {
        df[k] = f[k]! - this.lastF[k]!;
        dg[k] = gx[k]! - this.lastG[k]!;
      }
      this.head = (slot + 1) % this.memory;
      this.count = Math.min(this.count + 1, this.memory);
    }
    this.lastF.set(f);
    this.lastG.set(gx);
    this.started = true;
    const m = this.count;
    if (m === 0) return false;
    const gamma = this.fit(m);
    if (!gamma) return false;
    const step = this.plain;
    step.set(gx);
    let moved = 0;
    for (let c = 0; c < m; c++) {
      const dg = this.dG[c]!;
      const w = gamma[c]!;
      for (let k = 0; k < n; k++) gx[k] -= w * dg[k]!;
    }
    for (let k = 0; k < n; k++) moved = Math.max(moved, Math.abs(gx[k]! - step[k]!));
    if (moved <= 100 * residual) return true;
    gx.set(step);
    this.restart();
    return false;
  }

  /** γ minimizing |f − ΔF γ|²; null when the system cannot be solved (the plain step is taken). */
  private fit(m: number): Float64Array | null {
    const n = this.n;
    const A = new Float64Array(m * m);
    const r = new Float64Array(m);
    for (let p = 0; p < m; p++) {
      const fp = this.dF[p]!;
      let rhs = 0;
      for (let k = 0; k < n; k++) rhs += fp[k]! * this.f[k]!;
      r[p] = rhs;
      for (let q = 0; q <= p; q++) {
        const fq = this.dF[q]!;
        let dot = 0;
        for (let k = 0; k < n; k++) dot += fp[k]! * fq[k]!;
        A[p * m + q] = dot;
        A[q * m + p] = dot;
      }
    }
    let trace = 0;
    for (let p = 0; p < m; p++) trace += A[p * m + p]!;
    if (!(trace > 0)) return null;
    for (let p = 0; p < m; p++) A[p * m + p] += 1e-10 * trace;
    return solve(A, r, m);
  }
}

/** Solve the symmetric positive definite m × m system A x = r by Cholesky (null if not positive definite). */
function solve(A: Float64Array, r: Float64Array, m: number): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * m + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * m + k]! * L[j * m + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * m + i] = Math.sqrt(sum);
      } else L[i * m + j] = sum / L[j * m + j]!;
    }
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sum = r[i]!;
    for (let k = 0; k < i; k++) sum -= L[i * m + k]! * y[k]!;
    y[i] = sum / L[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < m; k++) sum -= L[k * m + i]! * y[k]!;
    y[i] = sum / L[i * m + i]!;
  }
  return y;
}

/** The trips of origin i: out[j] = T_ij. */
export function tripsRow(
  f: Float32Array,
  z: number,
  balance: Balance,
  i: number,
  out: Float64Array = new Float64Array(z),
): Float64Array {
  const a = balance.rowFactor[i]!;
  const b = balance.columnFactor;
  const base = i * z;
  if (a === 0) return out.fill(0);
  for (let j = 0; j < z; j++) out[j] = a * b[j]! * f[base + j]!;
  return out;
}

/** Deterrence and balance at a fixed β: the distribution. */
export interface Distribution {
  betaPerSecond: number;
  deterrence: Float32Array;
  balance: Balance;
}

export function distribute(
  cost: Float32Array,
  g: GravityInput,
  betaPerSecond: number,
  options: FurnessOptions & { buffer?: RowMatrix } = {},
): Distribution {
  const f = options.buffer ?? new RowMatrix(g.zoneCount, g.zoneCount, { costs: false });
  deterrence(cost, g, betaPerSecond, f.f);
  return { betaPerSecond, deterrence: f.f, balance: furness(f, g, options) };
}

function name(g: GravityInput, k: number): string {
  return g.ids?.[k] !== undefined ? `"${g.ids[k]}"` : `#${k}`;
}

export function checkSize(values: ArrayLike<number>, expected: number, what: string): void {
  if (values.length !== expected)
    throw new DemandError('size', `${what} has ${values.length} values, expected ${expected}`);
}
