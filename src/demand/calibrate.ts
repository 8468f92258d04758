import { DemandError } from './errors';
import {
  type Balance,
  checkSize,
  type Distribution,
  deterrence,
  FURNESS_TOLERANCE,
  type FurnessOptions,
  furnessSteps,
  type GravityInput,
  localAnswers,
  type MatrixSteps,
  runSteps,
} from './gravity';
import { RowMatrix } from './kernels/rowMatrix';
import { portableLog } from './log';

/**
 * Mean physical commute of the trips produced by `origins`: Σ_{i∈origins, j} T_ij t_ij ÷ Σ T_ij, with t the
 * expected physical time per OD (mode-choice weighted, seconds). Cells without trips are skipped (their time
 * may be +Infinity).
 */
export function meanTime(
  f: Float32Array,
  z: number,
  balance: Pick<Balance, 'rowFactor' | 'columnFactor'>,
  time: Float32Array,
  origins: ArrayLike<number>,
): { seconds: number; trips: number } {
  const { weighted, trips } = timeSums(f, z, balance, time, origins);
  return { seconds: trips > 0 ? weighted / trips : Number.NaN, trips };
}

/**
 * The sums meanTime divides (row blocks held apart add them up first): Σ T_ij t_ij and Σ T_ij. A row's sums
 * take its columns four at a time into lanes (j mod 4), added as (l₀ + l₁) + (l₂ + l₃), then the last z mod 4
 * columns in order — the lanes the SIMD kernel keeps (RowMatrix.timeSums: the same bits); rows are added
 * in the order given, each times its a_i.
 */
export function timeSums(
  f: Float32Array,
  z: number,
  balance: Pick<Balance, 'rowFactor' | 'columnFactor'>,
  time: Float32Array,
  origins: ArrayLike<number>,
): { weighted: number; trips: number } {
  const b = balance.columnFactor;
  const z4 = z & ~3;
  let weighted = 0;
  let trips = 0;
  for (let k = 0; k < origins.length; k++) {
    const i = origins[k]!;
    const a = balance.rowFactor[i]!;
    if (a === 0) continue;
    const base = i * z;
    // Lanes of trips (t) and of commuter-seconds (s); a cell without trips adds nothing (its time may be +∞).
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < z4; j += 4) {
      const w0 = b[j]! * f[base + j]!;
      const w1 = b[j + 1]! * f[base + j + 1]!;
      const w2 = b[j + 2]! * f[base + j + 2]!;
      const w3 = b[j + 3]! * f[base + j + 3]!;
      t0 += w0;
      t1 += w1;
      t2 += w2;
      t3 += w3;
      if (w0 !== 0) s0 += w0 * time[base + j]!;
      if (w1 !== 0) s1 += w1 * time[base + j + 1]!;
      if (w2 !== 0) s2 += w2 * time[base + j + 2]!;
      if (w3 !== 0) s3 += w3 * time[base + j + 3]!;
    }
    let rowTrips = t0 + t1 + (t2 + t3);
    let rowWeighted = s0 + s1 + (s2 + s3);
    for (let j = z4; j < z; j++) {
      const w = b[j]! * f[base + j]!;
      if (w === 0) continue;
      rowTrips += w;
      rowWeighted += w * time[base + j]!;
    }
    trips += a * rowTrips;
    weighted += a * rowWeighted;
  }
  return { weighted, trips };
}

export interface CalibrationOptions {
  /**
   * Relative tolerance on the mean: |mean − target| ≤ tolerance × target. Default 1e-3 (3 s on 47 min):
   * published means are whole minutes (±1 %), and each tenfold tighter costs a β evaluation or two (JJJ:
   * 1e-4 takes 5 evaluations and 65 Furness iterations, 1e-3 takes 4 and 60).
   */
  tolerance?: number;
  /**
   * Furness's tolerance while searching (default: a hundredth of the last β's relative miss of the target,
   * between a tenth of `tolerance` and 1e-3): a β far from the answer needs its mean only roughly, one close to it well; the
   * β found is balanced again to `furness.tolerance` (FURNESS_TOLERANCE) from where it stood.
   */
  searchFurnessTolerance?: number;
  /** β evaluations (each a full Furness). */
  maxIterations?: number;
  /** Search range for β, per generalized second. */
  minBeta?: number;
  maxBeta?: number;
  furness?: FurnessOptions;
}

/** One β tried: the mean it gave (null: Furness could not balance at it), and Furness's iterations. */
export interface CalibrationStep {
  betaPerSecond: number;
  meanSeconds: number | null;
  furnessIterations: number;
}

export interface CalibrationResult extends Distribution {
  targetSeconds: number;
  meanSeconds: number;
  /** (mean − target) ÷ target. */
  relativeError: number;
  /** β values evaluated. */
  iterations: number;
  /** Furness iterations over all of them. */
  furnessIterations: number;
  trace: CalibrationStep[];
}

/**
 * β such that the modelled mean physical commute of the calibration population (trips from `origins`,
 * weighted by T_ij) equals the target, by Hyman's method safeguarded with a bracket:
 *
 *   1. β₀ = 1/target and β₁ = β₀·mean₀/target (Hyman's first two estimates);
 *   2. until two βs give means either side of the target, expand from the outermost β tried in the
 *      direction a mean usually goes (down as β rises: too long → steeper), by the secant stretched by a
 *      fifth where it points that way (at most ×8 per step), else ×4; at the end of the range (or where
 *      Furness cannot balance),
 *      the other direction — a mean that rises with β, where physical time and perceived cost disagree,
 *      is found there;
 *   3. inside the bracket: the secant (Hyman's step) when it falls strictly inside, else regula falsi,
 *      and the geometric midpoint after two steps that did not halve the miss.
 *
 * So it converges whether or not the mean is monotone in β. Each Furness starts from the last column
 * factors. Throws DemandError `no-calibration-population` (no workers in `origins`) and `target-unreachable`
 * (no β in range brackets the target: the message gives the longest or shortest mean found, and where).
 */
export function calibrateBeta(
  cost: Float32Array,
  time: Float32Array,
  g: GravityInput,
  origins: ArrayLike<number>,
  targetSeconds: number,
  options: CalibrationOptions = {},
): CalibrationResult {
  const z = g.zoneCount;
  checkSize(cost, z * z, 'cost');
  checkSize(time, z * z, 'time');
  const buffer = new RowMatrix(z, z, { costs: false });
  const fixed = localAnswers(buffer);
  const found = runSteps(calibrationSteps(g, origins, targetSeconds, options), (ask) => {
    if (ask.op === 'deterrence') {
      deterrence(cost, g, ask.betaPerSecond, buffer.f);
      return undefined;
    }
    if (ask.op === 'meanTime') {
      const balance = { rowFactor: ask.rowFactor, columnFactor: ask.columnFactor };
      return meanTime(buffer.f, z, balance, time, origins);
    }
    return fixed(ask);
  });
  return { ...found, deterrence: buffer.f };
}

/** A calibration's result wherever the matrix is (CalibrationResult less the deterrence matrix). */
export type CalibrationFound = Omit<CalibrationResult, 'deterrence'>;

/** calibrateBeta as steps (see gravity.ts MatrixAsk): deterrence at each β, Furness, the mean. */
export function* calibrationSteps(
  g: GravityInput,
  origins: ArrayLike<number>,
  targetSeconds: number,
  options: CalibrationOptions = {},
): MatrixSteps<CalibrationFound> {
  if (!(targetSeconds > 0))
    throw new DemandError('target-unreachable', `the target ${targetSeconds} s is not a time`);
  let population = 0;
  for (let k = 0; k < origins.length; k++) population += g.workers[origins[k]!]!;
  if (!(population > 0))
    throw new DemandError(
      'no-calibration-population',
      `the calibration population has no workers (${origins.length} zones)`,
    );
  const tol = options.tolerance ?? 1e-3;
  const fullTolerance = options.furness?.tolerance ?? FURNESS_TOLERANCE;
  /** The last β's relative miss of the target (its mean's), which sets how closely the next is balanced. */
  let lastMiss = 1;
  const searchTolerance = () =>
    Math.max(
      fullTolerance,
      options.searchFurnessTolerance ?? Math.min(1e-3, Math.max(tol / 10, lastMiss / 100)),
    );
  const maxIterations = options.maxIterations ?? 40;
  const range = { low: options.minBeta ?? 1e-7, high: options.maxBeta ?? 0.05 };
  const trace: CalibrationStep[] = [];
  /** Steps whose Furness balanced, by β. */
  const points: Point[] = [];
  let furnessIterations = 0;
  let start: Float64Array | undefined;
  let balance: Balance | null = null;

  function* evaluate(beta: number, final = false): MatrixSteps<CalibrationStep> {
    if (!final) yield { op: 'deterrence', betaPerSecond: beta };
    let step: CalibrationStep;
    try {
      balance = yield* furnessSteps(g, {
        ...options.furness,
        ...(final ? {} : { tolerance: searchTolerance() }),
        ...(start ? { start } : {}),
      });
      start = balance.columnFactor;
      const answer = (yield { op: 'meanTime', ...balance }) as { seconds: number };
      const mean = answer.seconds;
      step = { betaPerSecond: beta, meanSeconds: mean, furnessIterations: balance.iterations };
      points.push({ betaPerSecond: beta, meanSeconds: mean });
      points.sort((a, b) => a.betaPerSecond - b.betaPerSecond);
    } catch (e) {
      if (!(e instanceof DemandError && (e.problem === 'not-balanced' || e.problem === 'unreachable')))
        throw e;
      // Too steep for Furness (near-empty rows): the range ends below this β, halfway (geometrically) to
      // the steepest β that balanced.
      step = { betaPerSecond: beta, meanSeconds: null, furnessIterations: 0 };
      const good = points.findLast((p) => p.betaPerSecond < beta)?.betaPerSecond;
      range.high = Math.min(range.high, good ? Math.sqrt(beta * good) : beta / 4);
    }
    furnessIterations += step.furnessIterations;
    trace.push(step);
    return step;
  }
  const clamp = (x: number) => Math.min(range.high, Math.max(range.low, x));
  const near = (a: number, b: number) => Math.abs(portableLog(a / b)) < 0.005;
  const miss = (m: number) => Math.abs(m - targetSeconds);
  const exhausted = { up: false, down: false };
  let stalled = 0;
  let last: CalibrationStep | null = null;
  let beta = clamp(1 / targetSeconds);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let step = yield* evaluate(beta);
    let m = step.meanSeconds;
    if (m !== null) lastMiss = miss(m) / targetSeconds;
    // Close enough on a loose balance: balance fully (a few more iterations from here) and judge again.
    if (m !== null && miss(m) <= tol * targetSeconds && searchTolerance() > fullTolerance) {
      trace.pop();
      points.splice(
        points.findIndex((p) => p.betaPerSecond === beta),
        1,
      );
      const loose = step.furnessIterations;
      step = yield* evaluate(beta, true);
      step.furnessIterations += loose;
      m = step.meanSeconds;
    }
    if (m !== null && miss(m) <= tol * targetSeconds)
      return {
        betaPerSecond: beta,
        balance: balance!,
        targetSeconds,
        meanSeconds: m,
        relativeError: (m - targetSeconds) / targetSeconds,
        iterations: trace.length,
        furnessIterations,
        trace,
      };
    const previous = last;
    if (m !== null) last = step;
    let next = Number.NaN;
    const bracket = points.findIndex(
      (p, k) =>
        k > 0 &&
        Math.sign(p.meanSeconds - targetSeconds) !== Math.sign(points[k - 1]!.meanSeconds - targetSeconds),
    );
    if (bracket > 0) {
      const [a, b] = [points[bracket - 1]!, points[bracket]!];
      stalled =
        m !== null && previous?.meanSeconds != null && miss(m) > 0.5 * miss(previous.meanSeconds)
          ? stalled + 1
          : 0;
      const secantStep = m !== null && previous ? secant(step, previous, targetSeconds) : Number.NaN;
      const falsi = secant(a, b, targetSeconds);
      const inside = (x: number) => x > a.betaPerSecond && x < b.betaPerSecond;
      if (stalled >= 2) stalled = 0;
      else if (inside(secantStep)) next = secantStep;
      else if (inside(falsi)) next = falsi;
      if (Number.isNaN(next)) next = Math.sqrt(a.betaPerSecond * b.betaPerSecond);
    } else if (points.length === 1 && m !== null) {
      next = clamp((beta * m) / targetSeconds); // Hyman's second estimate
      if (near(next, beta)) next = clamp(m > targetSeconds ? beta * 4 : beta / 4);
    } else if (points.length === 0) {
      next = clamp(beta / 4); // the first β could not be balanced: flatter
      if (near(next, beta)) break;
    } else {
      // Every mean so far on one side: too long asks for steeper β, too short for flatter; at an end of the
      // range, the other way.
      const tooLong = points[0]!.meanSeconds > targetSeconds;
      for (const up of tooLong ? [true, false] : [false, true]) {
        if (exhausted[up ? 'up' : 'down']) continue;
        const from = up ? points.at(-1)! : points[0]!;
        const end = up ? range.high : range.low;
        if (near(from.betaPerSecond, end) || (up ? from.betaPerSecond > end : from.betaPerSecond < end)) {
          exhausted[up ? 'up' : 'down'] = true;
          continue;
        }
        // A secant step too small to tell apart still moves (the target is close).
        const x = clamp(expand(from, points, targetSeconds, up));
        next = x !== from.betaPerSecond ? x : up ? Math.min(end, x * 1.001) : Math.max(end, x / 1.001);
        break;
      }
      if (Number.isNaN(next)) throw unreachable(points, targetSeconds, range);
    }
    beta = next;
  }
  throw new DemandError(
    'target-unreachable',
    `β calibration did not reach the target ${minutes(targetSeconds)} within ${maxIterations} evaluations${points.length ? ` (closest: ${minutes(closestOf(points, targetSeconds).meanSeconds)})` : ''}`,
  );
}

type Point = { betaPerSecond: number; meanSeconds: number };

/** Secant (Hyman's step) through two means; NaN when it cannot be taken. */
function secant(a: CalibrationStep | Point, b: CalibrationStep | Point, target: number): number {
  if (a.meanSeconds === null || b.meanSeconds === null || a.meanSeconds === b.meanSeconds) return Number.NaN;
  const slope = (a.meanSeconds - b.meanSeconds) / (a.betaPerSecond - b.betaPerSecond);
  const x = a.betaPerSecond + (target - a.meanSeconds) / slope;
  return x > 0 ? x : Number.NaN;
}

/**
 * The next β beyond the outermost one tried, `from`, going up or down: the secant through the two outermost
 * means when it points that way, stretched by a fifth so the step tends to cross the target and make a
 * bracket (at most ×8); else ×4.
 */
function expand(from: Point, points: readonly Point[], target: number, up: boolean): number {
  const neighbour = up ? points.at(-2) : points[1];
  const x = neighbour ? secant(from, neighbour, target) : Number.NaN;
  const b = from.betaPerSecond;
  const stretched = b + 1.2 * (x - b);
  if (up) return x > b ? Math.min(b * 8, stretched) : b * 4;
  return x < b ? Math.max(b / 8, stretched > 0 ? stretched : b / 8) : b / 4;
}

function closestOf(points: readonly Point[], target: number): Point {
  return points.reduce((a, b) =>
    Math.abs(b.meanSeconds - target) < Math.abs(a.meanSeconds - target) ? b : a,
  );
}

function unreachable(
  points: readonly Point[],
  target: number,
  range: { low: number; high: number },
): DemandError {
  const at = closestOf(points, target);
  const which = at.meanSeconds < target ? 'longest' : 'shortest';
  const perMinute = (b: number) => (b * 60).toPrecision(3);
  return new DemandError(
    'target-unreachable',
    `no β gives the calibration target ${minutes(target)}: the ${which} mean commute the model gives the calibration population is ${minutes(at.meanSeconds)} (at β = ${perMinute(at.betaPerSecond)} per generalized minute; β from ${perMinute(range.low)} to ${perMinute(range.high)} tried)`,
  );
}

function minutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}
