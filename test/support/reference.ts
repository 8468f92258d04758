import { dijkstra } from 'graphology-shortest-path';
import type { CommuteGraph } from '../../src/graph/graphology';
import { nodeKey } from '../../src/graph/nodes';
import type { Routed } from './route';

/**
 * The plain reference of DESIGN.md §2 invariant 4: graphology-shortest-path's Dijkstra on the same graphology
 * graph, by the `weight` attribute. Each path's cost is the sum of the weights of its edges (costs are
 * multiples of 1/64, so the sum is exact whatever the order). costs[o][d] is +Infinity without a path.
 */
export function referenceCosts(g: CommuteGraph, zones: readonly string[]): number[][] {
  return zones.map((o) => {
    const paths = dijkstra.singleSource(g, nodeKey.origin(o), 'weight');
    return zones.map((d) => {
      const path = paths[nodeKey.destination(d)];
      return path ? pathCost(g, path) : Number.POSITIVE_INFINITY;
    });
  });
}

/** Sum of the edge weights along a node path; an edge without a numeric weight is an error, not 1. */
export function pathCost(g: CommuteGraph, path: readonly string[]): number {
  let cost = 0;
  for (let k = 0; k + 1 < path.length; k++) {
    const edge = g.edge(path[k]!, path[k + 1]!);
    if (edge === undefined) throw new Error(`no edge ${path[k]} → ${path[k + 1]}`);
    const w = g.getEdgeAttribute(edge, 'weight');
    if (typeof w !== 'number' || !Number.isFinite(w))
      throw new Error(`edge ${path[k]} → ${path[k + 1]} has weight ${String(w)}`);
    cost += w;
  }
  return cost;
}

/**
 * Every O→D of a routed network where Router.row, StationRows.row and the reference disagree (costs; and
 * times between the two engine paths), as readable lines: empty when they all agree.
 */
export function disagreements(r: Routed): string[] {
  const zones = r.compact.zones;
  const reference = referenceCosts(r.graph, zones);
  const rows = r.matrix();
  const station = r.stationMatrix();
  const out: string[] = [];
  zones.forEach((o, i) => {
    zones.forEach((d, j) => {
      const c = rows.costs[i]![j]!;
      if (c !== reference[i]![j]) out.push(`${o}→${d}: row cost ${c}, reference ${reference[i]![j]}`);
      if (station.costs[i]![j] !== c)
        out.push(`${o}→${d}: row cost ${c}, station rows ${station.costs[i]![j]}`);
      if (station.times[i]![j] !== rows.times[i]![j]) {
        out.push(`${o}→${d}: row time ${rows.times[i]![j]}, station rows ${station.times[i]![j]}`);
      }
    });
  });
  return out;
}
