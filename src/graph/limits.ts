import type { EdgeAttributes, GraphSpec } from './build';
import { GraphError } from './build';
import type { NodeAttributes } from './nodes';

/**
 * The engine's arithmetic limits. The compact graph holds each edge's time and parts as whole seconds in
 * Int32 arrays and its perceived cost as a float64 multiple of 1/64; paths add them up in float64. Within
 * these maxima nothing can wrap an Int32, and every sum along any path is exact (so engine, station rows
 * and the reference agree bit for bit).
 *
 * The maxima sit far beyond anything a valid file can describe — the schemas bound a run to a day, a dwell
 * to 2 h and a pattern to 1,000 stops, so the longest ride (999 runs and 998 dwells) is 9.4e7 s — and are
 * reached only when scenario changes compound (adjust-speed factors multiply). `checkLimits` runs where
 * the parts are compiled and says then, in a planner's words, which leg is out of bounds.
 */

/** Greatest time of one edge and of each of its parts: 2^27 s (4.25 years), 16 × inside Int32. */
export const MAX_LEG_SECONDS = 2 ** 27;
/** Greatest perceived cost of one edge: weights ≤ 10 and a boarding penalty ≤ 1 h keep a valid edge below. */
export const MAX_LEG_COST = 2 ** 31;
/**
 * Greatest perceived cost of any path: below 2^47, multiples of 1/64 add exactly in float64. A shortest
 * path leaves each node at most once, so Σ over nodes of the dearest out-edge (plus the dearest zone
 * links) bounds every path; compiling checks that bound.
 */
export const MAX_PATH_COST = 2 ** 47;

const PARTS = ['walk', 'bike', 'bus', 'wait', 'ride', 'transfer', 'processing'] as const;

/**
 * Every edge of the spec within the limits above, and the path bound below MAX_PATH_COST; otherwise a
 * GraphError naming the leg (line, stations, zones), how long it is and what to check.
 */
export function checkLimits(spec: GraphSpec): void {
  const dearest = new Float64Array(spec.nodes.length);
  let dearestAccess = 0;
  let dearestEgress = 0;
  spec.edges.forEach((e, k) => {
    const source = spec.nodes[spec.edgeSource[k]!]!;
    const target = spec.nodes[spec.edgeTarget[k]!]!;
    const problem = edgeProblem(e);
    if (problem) throw new GraphError(`${describeLeg(e, source, target)} ${problem}`);
    if (source.kind === 'origin') dearestAccess = Math.max(dearestAccess, e.weight);
    else if (target.kind === 'destination') dearestEgress = Math.max(dearestEgress, e.weight);
    else dearest[spec.edgeSource[k]!] = Math.max(dearest[spec.edgeSource[k]!]!, e.weight);
  });
  let bound = dearestAccess + dearestEgress;
  for (const c of dearest) bound += c;
  if (bound >= MAX_PATH_COST) {
    throw new GraphError(
      `the network is too large for exact sums: a path could cost up to ${bound.toExponential(2)} generalized seconds, more than the engine adds exactly (2^47); split the network`,
    );
  }
}

/** What is wrong with an edge's numbers, or undefined. */
function edgeProblem(e: EdgeAttributes): string | undefined {
  for (const part of PARTS) {
    const v = e[part];
    if (!(Number.isInteger(v) && v >= 0))
      return `has a ${part} time of ${String(v)} s: not whole seconds ≥ 0 (an internal error)`;
    if (v > MAX_LEG_SECONDS)
      return `takes ${duration(v)} (${part}), more than the ${duration(MAX_LEG_SECONDS)} the engine allows for one leg: ${HINTS[part]}`;
  }
  if (!(Number.isInteger(e.boardings) && e.boardings >= 0 && e.boardings <= 1))
    return `counts ${String(e.boardings)} boardings (an internal error)`;
  if (!(typeof e.weight === 'number' && Number.isFinite(e.weight) && e.weight >= 0))
    return `has a perceived cost of ${String(e.weight)}: not a finite number ≥ 0 (an internal error)`;
  if (e.weight > MAX_LEG_COST)
    return `is perceived as ${duration(e.weight)}, more than the ${duration(MAX_LEG_COST)} the engine allows for one leg: check the perceived weights and the boarding penalty`;
  if (e.time > MAX_LEG_SECONDS)
    return `takes ${duration(e.time)} in all, more than the ${duration(MAX_LEG_SECONDS)} the engine allows for one leg: check its run, wait and processing times`;
  return undefined;
}

const HINTS: Record<(typeof PARTS)[number], string> = {
  walk: 'check walking and access speeds and distances',
  bike: 'check the bike speed and distances (assumptions.surface.bike)',
  bus: 'check the bus and feeder speeds and distances (assumptions.surface.bus, feeders)',
  wait: 'check the headways and the cap on waiting',
  ride: 'check its run and dwell times and speeds (adjust-speed factors multiply when several apply to one line)',
  transfer: 'check the transfer rules',
  processing: 'check the station processing times',
};

/** The leg in words: "the run of line m1 (direction 0) from station old-town to station centre". */
function describeLeg(e: EdgeAttributes, from: NodeAttributes, to: NodeAttributes): string {
  const line = (n: NodeAttributes) =>
    n.line === undefined
      ? ''
      : ` of line "${n.line}"${n.direction === undefined ? '' : ` (direction ${n.direction})`}`;
  const station = (n: NodeAttributes) => `station "${n.ref}"`;
  switch (e.kind) {
    case 'run':
    case 'ride':
      return `The ${e.kind === 'run' ? 'run' : 'ride'}${line(from)} from ${station(from)} to ${station(to)}`;
    case 'dwell':
      return `The dwell${line(from)} at ${station(from)}`;
    case 'board-train':
    case 'board':
      return `Boarding${line(from)} at ${station(from)}`;
    case 'alight':
      return `Alighting${line(to)} at ${station(to)}`;
    case 'transfer':
      return `The change at ${station(from)} from line "${from.line}" to line "${to.line}" at ${station(to)}`;
    case 'exit':
      return `Leaving ${station(to)}`;
    case 'access':
      return `The way from zone "${from.ref}" into ${station(to)}`;
    case 'egress':
      return `The way from ${station(from)} to zone "${to.ref}"`;
    case 'surface':
      return `The direct ${e.leg?.mode ?? 'surface'} trip from zone "${from.ref}" to zone "${to.ref}"`;
  }
}

/** Seconds in the largest fitting unit: "12 s", "3.5 h", "41 days", "4.3 years". */
function duration(seconds: number): string {
  const units: [number, string][] = [
    [365.25 * 86_400, 'years'],
    [86_400, 'days'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const v = seconds / size;
      return `${v >= 1000 ? v.toExponential(2) : v.toFixed(v >= 10 ? 0 : 1)} ${name}`;
    }
  }
  return `${seconds} s`;
}
