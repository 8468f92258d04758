import type { PerceivedWeights } from '../domain/assumptions';

/** One pattern that serves a stop pair: its ride time and frequency (trains per second). */
export interface RideOption {
  rideSeconds: number;
  frequency: number;
}

export interface Strategy {
  /** Indices (into the options given) of the patterns the rider takes, whichever comes first. */
  chosen: number[];
  waitSeconds: number;
  /** Frequency-weighted mean ride time of the chosen patterns. */
  rideSeconds: number;
  /** Perceived cost, unrounded. */
  cost: number;
  /** Combined headway of the chosen patterns. */
  headwaySeconds: number;
}

/**
 * The rider's best way to go from one stop to another when several patterns serve the pair (common lines,
 * Chriqui & Robillard 1975): board the first train of an "attractive" set. With wait = min(H/2, maxWait)
 * for the set's combined headway H and the ride the frequency-weighted mean, the best set is always a
 * prefix of the patterns sorted by ride time, so scanning prefixes finds the optimum over all subsets.
 * Because the optimum is over all subsets, adding a pattern, raising a frequency or shortening a ride never
 * raises the cost (DESIGN.md §2, invariant 2).
 */
export function bestStrategy(
  options: readonly RideOption[],
  w: PerceivedWeights,
  maxWaitSeconds: number,
): Strategy {
  const order = options
    .map((_, k) => k)
    .sort(
      (a, b) =>
        options[a]!.rideSeconds - options[b]!.rideSeconds ||
        options[b]!.frequency - options[a]!.frequency ||
        a - b,
    );
  let best: Strategy | undefined;
  let f = 0;
  let sum = 0;
  for (let k = 0; k < order.length; k++) {
    const o = options[order[k]!]!;
    f += o.frequency;
    sum += o.frequency * o.rideSeconds;
    const wait = Math.min(1 / (2 * f), maxWaitSeconds);
    const ride = sum / f;
    const cost = w.wait * wait + w.inVehicle * ride;
    if (!best || cost < best.cost) {
      best = {
        chosen: order.slice(0, k + 1),
        waitSeconds: wait,
        rideSeconds: ride,
        cost,
        headwaySeconds: 1 / f,
      };
    }
  }
  if (!best) throw new RangeError('bestStrategy needs at least one option');
  return best;
}
