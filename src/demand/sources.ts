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
 * The rail riders of pair j, T·s_rail, held at float32 (7 significant digits; loads count 2^-20 trips): so
 * a baseline's riders kept between runs (demand after an edit) are the very numbers a new run would make.
 */
export function ridersAt(side: Side, j: number): number {
  const t = side.trips[j]!;
  const s = side.shares[RAIL]![j]!;
  return t > 0 && s > 0 ? Math.fround(t * s) : 0;
}

/** Every destination's rail riders (ridersAt) into `out`. */
export function ridersRow(side: Side, out: Float64Array | Float32Array): void {
  for (let j = 0; j < out.length; j++) out[j] = ridersAt(side, j);
}

/**
 * Pair j's `r` scenario rail riders by class: into out[c][j] and `totals` (SOURCE_CLASSES entries) for those
 * who came from another mode or a new pair; returns those who were on rail before (all of them where the
 * pair's trips and rail share did not change: most pairs).
 */
function classifyPair(
  before: Side,
  after: Side,
  j: number,
  r: number,
  out: readonly Float64Array[],
  totals: Float64Array,
  scratch: Float64Array,
): number {
  if (before.trips[j] === after.trips[j] && before.shares[RAIL]![j] === after.shares[RAIL]![j]) return r;
  scratch.fill(0);
  splitPair(before, after, j, 1, scratch, 0);
  let rail = 0;
  for (let m = 0; m < SOURCE_CLASSES; m++) {
    const c = CLASS_OF_SOURCE[m]!;
    if (c < 0) rail += scratch[m]!;
    else {
      out[c]![j] = scratch[m]!;
      totals[m] += scratch[m]!;
    }
  }
  return rail;
}

/**
 * The scenario's rail riders per destination by RIDER_CLASSES (`out[c][j]`, overwritten), and added to
 * `totals` (SOURCE_CLASSES entries, as addSources) for the origin. `scratch`: SOURCE_CLASSES entries.
 *
 * With `unchanged` (the short term: the same trips, and modes chosen again only where rail changed), only the
 * pairs listed in `changed[0 … count)` (ascending) are read from `before` and `after`, and classes past the
 * first are written there only (elsewhere they are zero, whatever `out` holds); every other pair's
 * riders are `unchanged.riders[j]` — the baseline's (ridersAt), all of them on rail before. The same numbers
 * as without it, from the baseline's riders alone: a run after an edit need not make the baseline's rows again.
 */
export function riderClassRows(
  before: Side,
  after: Side,
  out: readonly Float64Array[],
  totals: Float64Array,
  scratch: Float64Array,
  unchanged?: { riders: ArrayLike<number>; changed: Int32Array; count: number },
): void {
  const n = out[0]!.length;
  // Classes past the first are zero wherever the pair's riders were on rail before; with `unchanged`, they
  // are written (and so read: RailLoads.addByLink's `sparse`) at the listed pairs only.
  if (unchanged)
    for (let q = 0; q < unchanged.count; q++)
      for (let c = 1; c < out.length; c++) out[c]![unchanged.changed[q]!] = 0;
  else for (let c = 1; c < out.length; c++) out[c]!.fill(0);
  const riders = out[0]!;
  const kept = unchanged?.riders;
  const changed = unchanged?.changed;
  const count = unchanged ? unchanged.count : n;
  let railBefore = 0;
  let next = 0;
  for (let j = 0; j < n; j++) {
    let r: number;
    let listed = true;
    if (kept && (next >= count || changed![next] !== j)) {
      r = kept[j]!;
      listed = false;
    } else {
      if (kept) next++;
      r = ridersAt(after, j);
    }
    riders[j] = r;
    if (r === 0) continue;
    railBefore += listed ? classifyPair(before, after, j, r, out, totals, scratch) : r;
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
