import { DEMAND_MODES, type LogitParams } from '../domain/demand';
import { expNonPositive } from './exp';
import { logOneToEight } from './log';

/**
 * Mode choice (DESIGN.md §3.1 step 3): a multinomial logit over walk, bike, bus, rail and car per O→D pair,
 * with utilities V_m = −θ·cost_m + constant_m:
 *
 *     share_m = exp(V_m) / Σ_k exp(V_k)
 *     composite c = −(1/θ) ln Σ_k exp(V_k)          (the logsum, generalized seconds)
 *     expected time = Σ_m share_m · time_m           (physical seconds)
 *
 * The distribution's cost c_ij is this logsum, not the best perceived cost: it is the expected maximum
 * utility of the same choice model, so destination and mode choice are consistent (a second good mode
 * makes a destination more attractive; the best cost alone would ignore it), and it is never above the best
 * mode's cost less its constant. Adding an option or cheapening one never raises it.
 */
export type Row = Float32Array | Float64Array;

export interface ModeChoiceOut {
  /** The logsum composite cost per destination, generalized seconds; +Infinity where no mode is available. */
  composite: Row;
  /** The share-weighted physical time, seconds; +Infinity where no mode is available. */
  expectedTime: Row;
  /** Shares per mode (DEMAND_MODES order), each a row; all 0 where no mode is available. */
  shares?: readonly Row[];
}

/**
 * One origin's choice over destinations [from, to) — or, with `list`, over destinations list[from … to) (a
 * scenario's changed pairs: the same arithmetic per destination, without a call per destination):
 * `cost[m]` and `time[m]` are mode m's perceived cost and physical time to every destination (+Infinity
 * where m is not available), one row per DEMAND_MODES entry. Writes into `out` (preallocated, e.g.
 * subarrays of the full matrices); allocates nothing per destination. The loop is written out for the five
 * modes (a loop over the modes took 74 ns a destination against 61); it takes e^x and ln x by
 * expNonPositive and logOneToEight, whose steps the kernel (kernels/logit.ts: whole rows and lists, used
 * by the workers) repeats, so both give the same bits. This is the definition the kernel is tested
 * against, and the single-thread reference (demand/model.ts).
 */
export function chooseModes(
  cost: readonly ArrayLike<number>[],
  time: readonly ArrayLike<number>[],
  p: LogitParams,
  out: ModeChoiceOut,
  from = 0,
  to = out.composite.length,
  list?: Int32Array,
): void {
  if (
    cost.length !== DEMAND_MODES.length ||
    time.length !== DEMAND_MODES.length ||
    p.constants.length !== DEMAND_MODES.length
  )
    throw new Error(`mode choice needs ${DEMAND_MODES.length} modes (${DEMAND_MODES.join(', ')})`);
  const theta = p.thetaPerSecond;
  const [c0, c1, c2, c3, c4] = cost as Rows5;
  const [t0, t1, t2, t3, t4] = time as Rows5;
  const [k0, k1, k2, k3, k4] = p.constants as readonly number[] as Five;
  const composite = out.composite;
  const expected = out.expectedTime;
  const shares = out.shares as readonly Row[] | undefined;
  const NO = Number.NEGATIVE_INFINITY;
  const INF = Number.POSITIVE_INFINITY;
  for (let q = from; q < to; q++) {
    const j = list ? list[q]! : q;
    const u0 = c0[j]! < INF ? k0 - theta * c0[j]! : NO;
    const u1 = c1[j]! < INF ? k1 - theta * c1[j]! : NO;
    const u2 = c2[j]! < INF ? k2 - theta * c2[j]! : NO;
    const u3 = c3[j]! < INF ? k3 - theta * c3[j]! : NO;
    const u4 = c4[j]! < INF ? k4 - theta * c4[j]! : NO;
    const best = Math.max(u0, u1, u2, u3, u4);
    if (best === NO) {
      composite[j] = INF;
      expected[j] = INF;
      if (shares) for (let m = 0; m < 5; m++) shares[m]![j] = 0;
      continue;
    }
    // Shifted by the best utility: no overflow, the best mode's term is exactly 1, a missing mode's 0 (and
    // no exp for it: beyond walking and cycling range, most pairs miss two modes).
    const e0 = u0 === NO ? 0 : expNonPositive(u0 - best);
    const e1 = u1 === NO ? 0 : expNonPositive(u1 - best);
    const e2 = u2 === NO ? 0 : expNonPositive(u2 - best);
    const e3 = u3 === NO ? 0 : expNonPositive(u3 - best);
    const e4 = u4 === NO ? 0 : expNonPositive(u4 - best);
    const sum = e0 + e1 + e2 + e3 + e4;
    composite[j] = -(best + logOneToEight(sum)) / theta;
    // A missing mode's time is +Infinity: leave it out rather than multiply it by 0.
    expected[j] =
      ((e0 > 0 ? e0 * t0[j]! : 0) +
        (e1 > 0 ? e1 * t1[j]! : 0) +
        (e2 > 0 ? e2 * t2[j]! : 0) +
        (e3 > 0 ? e3 * t3[j]! : 0) +
        (e4 > 0 ? e4 * t4[j]! : 0)) /
      sum;
    if (shares) {
      shares[0]![j] = e0 / sum;
      shares[1]![j] = e1 / sum;
      shares[2]![j] = e2 / sum;
      shares[3]![j] = e3 / sum;
      shares[4]![j] = e4 / sum;
    }
  }
}

type Five = [number, number, number, number, number];
type Rows5 = [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
