import type { PerceivedWeights } from '../domain/assumptions';

/** Physical parts of an edge, whole seconds: their sum is the edge's time. */
export interface EdgeParts {
  walk: number;
  bike: number;
  /** In a bus. */
  bus: number;
  wait: number;
  ride: number;
  transfer: number;
  processing: number;
  boardings: number;
}

export const NO_PARTS: EdgeParts = {
  walk: 0,
  bike: 0,
  bus: 0,
  wait: 0,
  ride: 0,
  transfer: 0,
  processing: 0,
  boardings: 0,
};

/**
 * Perceived costs are rounded to 1/64 s. Dyadic values add exactly in binary floating point, so a path's
 * cost does not depend on the order it is summed in (engine and reference agree bit for bit), and rounding
 * is monotone (a cheaper option never rounds dearer).
 */
export function roundCost(cost: number): number {
  return Math.round(cost * 64) / 64;
}

export function wholeSeconds(seconds: number): number {
  return Math.round(seconds);
}

export function partsTime(p: EdgeParts): number {
  return p.walk + p.bike + p.bus + p.wait + p.ride + p.transfer + p.processing;
}

/** Perceived cost of physical parts, before any boarding penalty. */
export function perceivedCost(p: EdgeParts, w: PerceivedWeights): number {
  return roundCost(
    w.walk * p.walk +
      w.bike * p.bike +
      w.bus * p.bus +
      w.wait * p.wait +
      w.inVehicle * p.ride +
      w.transferWalk * p.transfer +
      w.processing * p.processing,
  );
}
