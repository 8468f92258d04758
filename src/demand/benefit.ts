/**
 * What a scenario is worth to commuters, in the model's own currency: perceived (generalized) time. The
 * composite cost of a pair (the logit's logsum, DESIGN.md §3.1 step 3) is what its commuters expect to
 * pay over the modes they may choose; its fall is their gain, consumer surplus in perceived seconds
 * (Williams 1977). Physical commute time can rise while it falls — a new line draws drivers onto a slower
 * but cheaper train — so physical hours saved alone can call an improvement a loss.
 *
 * Where the trips move too (the long term), the gain of a pair is taken by the rule of a half:
 * ½ (T₀ + T₁)(c₀ − c₁); in the short term T₀ = T₁ and it is exactly T (c₀ − c₁). A pair that had no
 * option on one side (a composite of +∞) has no finite gain by that rule and is left out.
 */

/** The composite costs (perceived seconds) and trips of one origin's row, on one side. */
export interface BenefitSide {
  composite: ArrayLike<number>;
  trips: ArrayLike<number>;
}

/**
 * One origin's perceived commuter-seconds saved, one way, at destinations list[0 … count) — the pairs
 * whose options changed (elsewhere c₀ = c₁ and the gain is 0). Summed in list order.
 */
export function perceivedSecondsSaved(
  before: BenefitSide,
  after: BenefitSide,
  list: ArrayLike<number>,
  count: number,
): number {
  let saved = 0;
  for (let q = 0; q < count; q++) {
    const j = list[q]!;
    const trips = 0.5 * (before.trips[j]! + after.trips[j]!);
    if (!(trips > 0)) continue;
    const c0 = before.composite[j]!;
    const c1 = after.composite[j]!;
    if (!(Number.isFinite(c0) && Number.isFinite(c1))) continue;
    saved += trips * (c0 - c1);
  }
  return saved;
}
