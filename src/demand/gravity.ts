import { DemandError } from './errors';

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
   * Over-relaxation of the column factors in log space, b ← b·(b̂/b)^ω with b̂ Furness's own update:
   * 1 is plain Furness. The balance reached is the same (both totals are checked against the tolerance);
   * it is reached in fewer iterations — JJJ to 1e-6 at β 0.0213, 0.03, 0.0444, 0.08 per minute: 31, 63, 119,
   * 223 plain; 18, 39, 76, 174 at ω = 1.6. Each time the rows' error grows, ω moves halfway back to 1;
   * within 100 × the tolerance it is 1, so a balance ends as plain Furness's: columns exact.
   */
  relaxation?: number;
}

/** The default over-relaxation (see FurnessOptions.relaxation). */
export const FURNESS_RELAXATION = 1.6;

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
 * row (Float32, as stored) to get the same trips without the matrix.
 */
export function deterrenceRow(
  cost: ArrayLike<number>,
  attractors: ArrayLike<number>,
  betaPerSecond: number,
  out: Float32Array,
): Float32Array {
  const z = out.length;
  let m = Number.POSITIVE_INFINITY;
  for (let j = 0; j < z; j++) {
    const c = cost[j]!;
    if (c < m && attractors[j]! > 0) m = c;
  }
  if (m === Number.POSITIVE_INFINITY) m = 0;
  for (let j = 0; j < z; j++) out[j] = attractors[j]! > 0 ? Math.exp(-betaPerSecond * (cost[j]! - m)) : 0;
  return out;
}

/**
 * One Furness half-step over rows [from, to) of F, in a single pass over memory: each row's sum
 * s_i = Σ_j F_ij b_j into `rows[i − from]`, its factor a_i = O_i / s_i (0 without workers or reach), and
 * a_i F_ij added to `columns[j]` (zero it first, or add blocks in order) while the rows are still in cache.
 * Four rows at a time: four sums in flight and each pass over `columns` does four rows' work (best of 5 at
 * 4,716 zones: 35 ms, against 53 ms for the row sums and the column sums as two passes). Each row's sum
 * runs over j in order, so it has the same bits however the rows are split into blocks; the column sums
 * group rows by four from `from`, so a block's part is the same wherever it is computed.
 */
export function balanceRows(
  f: Float32Array,
  z: number,
  columnFactor: Float64Array,
  workers: ArrayLike<number>,
  rows: Float64Array,
  columns: Float64Array,
  from = 0,
  to = z,
): void {
  const b = columnFactor;
  const factor = (w: number, sum: number) => (w > 0 && sum > 0 ? w / sum : 0);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const r0 = i * z;
    const r1 = r0 + z;
    const r2 = r1 + z;
    const r3 = r2 + z;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < z; j++) {
      const bj = b[j]!;
      s0 += f[r0 + j]! * bj;
      s1 += f[r1 + j]! * bj;
      s2 += f[r2 + j]! * bj;
      s3 += f[r3 + j]! * bj;
    }
    const k = i - from;
    rows[k] = s0;
    rows[k + 1] = s1;
    rows[k + 2] = s2;
    rows[k + 3] = s3;
    const a0 = factor(workers[k]!, s0);
    const a1 = factor(workers[k + 1]!, s1);
    const a2 = factor(workers[k + 2]!, s2);
    const a3 = factor(workers[k + 3]!, s3);
    if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
    for (let j = 0; j < z; j++)
      columns[j] += a0 * f[r0 + j]! + a1 * f[r1 + j]! + a2 * f[r2 + j]! + a3 * f[r3 + j]!;
  }
  for (; i < to; i++) {
    const r = i * z;
    let sum = 0;
    for (let j = 0; j < z; j++) sum += f[r + j]! * b[j]!;
    rows[i - from] = sum;
    const a = factor(workers[i - from]!, sum);
    if (a === 0) continue;
    for (let j = 0; j < z; j++) columns[j] += a * f[r + j]!;
  }
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
export function localAnswers(f: Float32Array, z: number): (ask: MatrixAsk) => MatrixAnswer {
  return (ask) => {
    if (ask.op === 'balanceRows') {
      const rows = new Float64Array(z);
      const columns = new Float64Array(z);
      balanceRows(f, z, ask.columnFactor, ask.workers, rows, columns);
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
export function furness(f: Float32Array, g: GravityInput, options: FurnessOptions = {}): Balance {
  checkSize(f, g.zoneCount * g.zoneCount, 'deterrence');
  return runSteps(furnessSteps(g, options), localAnswers(f, g.zoneCount));
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
  let rowError = Number.POSITIVE_INFINITY;
  let columnError = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let omega = options.relaxation ?? FURNESS_RELAXATION;
  for (;;) {
    const pass = (yield { op: 'balanceRows', columnFactor: b, workers: o }) as {
      rows: Float64Array;
      columns: Float64Array;
    };
    const s = pass.rows;
    if (iterations > 0) {
      const previous = rowError;
      rowError = 0;
      for (let i = 0; i < z; i++)
        if (o[i]! > 0) rowError = Math.max(rowError, Math.abs((a[i]! * s[i]!) / o[i]! - 1));
      if (rowError <= tol && columnError <= tol) break;
      if (rowError > previous) omega = 1 + (omega - 1) / 2;
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
    const col = pass.columns;
    // Plain near the end, so a balance ends as Furness's does: columns exact, rows within the tolerance.
    const relax = iterations > 0 && omega !== 1 && rowError > 100 * tol;
    columnError = 0;
    for (let j = 0; j < z; j++) {
      if (!(d[j]! > 0)) continue;
      if (!(col[j]! > 0))
        throw new DemandError(
          'unreachable',
          `zone ${name(g, j)} has jobs but no zone with workers reaches it (or only so far above their cheapest trip that exp(−β·Δcost) underflows)`,
        );
      const fitted = d[j]! / col[j]!;
      b[j] = relax ? b[j]! * (fitted / b[j]!) ** omega : fitted;
      columnError = Math.max(columnError, Math.abs((b[j]! * col[j]!) / d[j]! - 1));
    }
    iterations++;
  }
  return { rowFactor: a, columnFactor: b, iterations, rowError, columnError };
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
  options: FurnessOptions & { buffer?: Float32Array } = {},
): Distribution {
  const f = deterrence(cost, g, betaPerSecond, options.buffer);
  return { betaPerSecond, deterrence: f, balance: furness(f, g, options) };
}

function name(g: GravityInput, k: number): string {
  return g.ids?.[k] !== undefined ? `"${g.ids[k]}"` : `#${k}`;
}

export function checkSize(values: ArrayLike<number>, expected: number, what: string): void {
  if (values.length !== expected)
    throw new DemandError('size', `${what} has ${values.length} values, expected ${expected}`);
}
