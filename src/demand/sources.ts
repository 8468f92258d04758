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
  return new Float64Array(SOURCE_CLASSES);
}

const RAIL = DEMAND_MODES.indexOf('rail');

type Side = { trips: ArrayLike<number>; shares: readonly ArrayLike<number>[] };

/**
 * Pair j's split of w × its scenario rail riders into `out` (DEMAND_MODES order, then new pairs), added to
 * what `out` holds from `at` on.
 */
function splitPair(before: Side, after: Side, j: number, w: number, out: Float64Array, at: number): void {
  const modes = DEMAND_MODES.length;
  const t1 = after.trips[j]!;
  const s1 = after.shares[RAIL]![j]!;
  if (!(w > 0 && t1 > 0 && s1 > 0)) return;
  const t0 = before.trips[j]!;
  const s0 = before.shares[RAIL]![j]!;
  const base = Math.min(t0, t1);
  out[at + modes] += w * Math.max(0, t1 - t0) * s1;
  out[at + RAIL] += w * base * Math.min(s0, s1);
  if (!(s1 > s0 && base > 0)) return;
  let lost = 0;
  for (let m = 0; m < modes; m++)
    if (m !== RAIL) lost += Math.max(0, before.shares[m]![j]! - after.shares[m]![j]!);
  if (!(lost > 0)) return;
  const gained = (w * base * (s1 - s0)) / lost;
  for (let m = 0; m < modes; m++)
    if (m !== RAIL) out[at + m] += gained * Math.max(0, before.shares[m]![j]! - after.shares[m]![j]!);
}

/** Add the split of destinations [from, to) (each weighted by `weight[j]`, default 1) into `acc`. */
export function addSources(
  acc: Float64Array,
  before: Side,
  after: Side,
  weight?: ArrayLike<number>,
  from = 0,
  to = after.trips.length,
): void {
  for (let j = from; j < to; j++) splitPair(before, after, j, weight ? weight[j]! : 1, acc, 0);
}

/** Number of source classes: the modes, then new pairs. */
export const SOURCE_CLASSES = DEMAND_MODES.length + 1;

/**
 * The classes rail loads carry for a scenario (RailLoads classes, in this order): all its rail riders, then
 * those who came from each other mode and the new pairs. Riders who were on rail before are the rest — so
 * every class but the first is zero wherever a pair's rail share and trips did not change (most pairs):
 * the loads of those classes stay sparse.
 */
export const RIDER_CLASSES = ['riders', 'walk', 'bike', 'bus', 'car', 'newPairs'] as const;
const CLASS_OF_SOURCE = [1, 2, 3, -1, 4, 5] as const satisfies readonly number[];

/**
 * The scenario's rail riders per destination by RIDER_CLASSES (`out[c][j]`, overwritten), and added to
 * `totals` (SOURCE_CLASSES entries, as addSources) for the origin. `scratch`: SOURCE_CLASSES entries.
 */
export function riderClassRows(
  before: Side,
  after: Side,
  out: readonly Float64Array[],
  totals: Float64Array,
  scratch: Float64Array,
): void {
  const n = after.trips.length;
  for (let c = 1; c < out.length; c++) out[c]!.fill(0);
  const riders = out[0]!;
  const s0 = before.shares[RAIL]!;
  const s1 = after.shares[RAIL]!;
  const t0 = before.trips;
  const t1 = after.trips;
  let railBefore = 0;
  for (let j = 0; j < n; j++) {
    const r = t1[j]! > 0 && s1[j]! > 0 ? t1[j]! * s1[j]! : 0;
    riders[j] = r;
    if (r === 0) continue;
    // Most pairs: the same trips and rail share as before — all riders were on rail already.
    if (t0[j] === t1[j] && s0[j] === s1[j]) {
      railBefore += r;
      continue;
    }
    scratch.fill(0);
    splitPair(before, after, j, 1, scratch, 0);
    for (let m = 0; m < SOURCE_CLASSES; m++) {
      const c = CLASS_OF_SOURCE[m]!;
      if (c < 0) railBefore += scratch[m]!;
      else {
        out[c]![j] = scratch[m]!;
        totals[m] += scratch[m]!;
      }
    }
  }
  totals[RAIL] += railBefore;
}

/** Rider-class loads (RIDER_CLASSES) of one thing (a line, a station) as where its riders come from. */
export function sourcesOfClasses(classes: ArrayLike<number>): RiderSources {
  const acc = emptySources();
  let rest = classes[0]!;
  CLASS_OF_SOURCE.forEach((c, m) => {
    if (c < 0) return;
    acc[m] = classes[c]!;
    rest -= classes[c]!;
  });
  acc[RAIL] = Math.max(0, rest);
  return sourcesRecord(acc);
}

export function sourcesRecord(acc: ArrayLike<number>): RiderSources {
  return Object.fromEntries([
    ...DEMAND_MODES.map((m, k) => [m, acc[k]!]),
    ['newPairs', acc[DEMAND_MODES.length]!],
  ]) as RiderSources;
}
