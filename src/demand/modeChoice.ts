import type { LogitParams } from '../domain/demand';

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
 * One origin's choice over destinations [from, to): `cost[m]` and `time[m]` are mode m's perceived cost and
 * physical time to every destination (+Infinity where m is not available). Writes into `out` (preallocated,
 * e.g. subarrays of the full matrices); allocates nothing per destination.
 */
export function chooseModes(
  cost: readonly ArrayLike<number>[],
  time: readonly ArrayLike<number>[],
  p: LogitParams,
  out: ModeChoiceOut,
  from = 0,
  to = out.composite.length,
): void {
  const modes = cost.length;
  const theta = p.thetaPerSecond;
  const k = p.constants;
  const v = new Float64Array(modes);
  const shares = out.shares;
  for (let j = from; j < to; j++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let m = 0; m < modes; m++) {
      const c = cost[m]![j]!;
      const u = c < Number.POSITIVE_INFINITY ? -theta * c + k[m]! : Number.NEGATIVE_INFINITY;
      v[m] = u;
      if (u > best) best = u;
    }
    if (best === Number.NEGATIVE_INFINITY) {
      out.composite[j] = Number.POSITIVE_INFINITY;
      out.expectedTime[j] = Number.POSITIVE_INFINITY;
      if (shares) for (let m = 0; m < modes; m++) shares[m]![j] = 0;
      continue;
    }
    // Shifted by the best utility: no overflow, and the best mode's term is exactly 1.
    let sum = 0;
    let timed = 0;
    for (let m = 0; m < modes; m++) {
      const u = v[m]!;
      const e = u === best ? 1 : u === Number.NEGATIVE_INFINITY ? 0 : Math.exp(u - best);
      v[m] = e;
      sum += e;
      if (e > 0) timed += e * time[m]![j]!;
    }
    out.composite[j] = -(best + Math.log(sum)) / theta;
    out.expectedTime[j] = timed / sum;
    if (shares) for (let m = 0; m < modes; m++) shares[m]![j] = v[m]! / sum;
  }
}
