import { type CompactGraph, EDGE_KIND } from './types';

/** Riders per pattern of the compact graph (same order as `g.patterns`). */
export interface PatternLoads {
  /** Boardings at each stop. */
  boardings: Float64Array[];
  /** Riders on each hop (hop k: stop k to stop k + 1, round a loop). */
  hops: Float64Array[];
}

/**
 * Edge flows (RailLoads) as riders on the patterns: a ride edge's riders board at each use's first stop and
 * ride its hops, a run edge's ride its hop, a board-train edge's board; each use takes its share.
 */
export function patternLoads(g: CompactGraph, edgeFlow: Float64Array): PatternLoads {
  const boardings = g.patterns.map((p) => new Float64Array(p.stops));
  const hops = g.patterns.map((p) => new Float64Array(p.stops));
  for (let e = 0; e < edgeFlow.length; e++) {
    const f = edgeFlow[e]!;
    if (f === 0) continue;
    const kind = g.edgeKind[e];
    for (let u = g.edgeUseStart[e]!; u < g.edgeUseStart[e + 1]!; u++) {
      const p = g.usePattern[u]!;
      const riders = f * g.useShare[u]!;
      const n = g.patterns[p]!.stops;
      const from = g.useFrom[u]!;
      if (kind === EDGE_KIND.ride || kind === EDGE_KIND['board-train']) boardings[p]![from]! += riders;
      for (let h = 0; h < g.useHops[u]!; h++) hops[p]![(from + h) % n]! += riders;
    }
  }
  return { boardings, hops };
}
