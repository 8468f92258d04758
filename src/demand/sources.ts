import { DEMAND_MODES, type DemandMode } from '../domain/demand';

/**
 * Where a scenario's rail riders come from (DESIGN.md §3.1 step 5), OD by OD, comparing the baseline
 * (trips T⁰, shares s⁰) with the scenario (T¹, s¹; T¹ = T⁰ in the short term). The scenario's rail riders of
 * an OD, R = T¹·s¹_rail, split exactly into:
 *
 *   - newPairs: (T¹ − T⁰)⁺ · s¹_rail — commuters the long-term redistribution brings to this OD;
 *   - of the rest, min(T⁰, T¹) · s¹_rail: those who rode rail before (`rail`: min(s⁰, s¹)_rail of them),
 *     and the gain, shared among the modes that lost share in proportion to their losses (walk, bike, bus,
 *     car; with only rail changed, each loses exactly what it gives).
 *
 * With `weight[j]` (the share of the OD's scenario rail riders who ride a given line; the assignment's),
 * the split is that line's: `rail` then counts riders who were on rail before, on other lines or on this
 * path. Sums are exactly R (to rounding), so sources add up to ridership.
 */
export type RiderSources = Record<DemandMode | 'newPairs', number>;

/** Accumulator: one entry per mode (DEMAND_MODES order), then new pairs. */
export function emptySources(): Float64Array {
  return new Float64Array(DEMAND_MODES.length + 1);
}

const RAIL = DEMAND_MODES.indexOf('rail');

export function addSources(
  acc: Float64Array,
  before: { trips: ArrayLike<number>; shares: readonly ArrayLike<number>[] },
  after: { trips: ArrayLike<number>; shares: readonly ArrayLike<number>[] },
  weight?: ArrayLike<number>,
  from = 0,
  to = after.trips.length,
): void {
  const modes = DEMAND_MODES.length;
  for (let j = from; j < to; j++) {
    const w = weight ? weight[j]! : 1;
    const t1 = after.trips[j]!;
    const s1 = after.shares[RAIL]![j]!;
    if (!(w > 0 && t1 > 0 && s1 > 0)) continue;
    const t0 = before.trips[j]!;
    const s0 = before.shares[RAIL]![j]!;
    const base = Math.min(t0, t1);
    acc[modes] += w * Math.max(0, t1 - t0) * s1;
    acc[RAIL] += w * base * Math.min(s0, s1);
    if (!(s1 > s0 && base > 0)) continue;
    let lost = 0;
    for (let m = 0; m < modes; m++)
      if (m !== RAIL) lost += Math.max(0, before.shares[m]![j]! - after.shares[m]![j]!);
    if (!(lost > 0)) continue;
    const gained = (w * base * (s1 - s0)) / lost;
    for (let m = 0; m < modes; m++)
      if (m !== RAIL) acc[m] += gained * Math.max(0, before.shares[m]![j]! - after.shares[m]![j]!);
  }
}

export function sourcesRecord(acc: Float64Array): RiderSources {
  return Object.fromEntries([
    ...DEMAND_MODES.map((m, k) => [m, acc[k]!]),
    ['newPairs', acc[DEMAND_MODES.length]!],
  ]) as RiderSources;
}
