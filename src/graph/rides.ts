import type { Assumptions } from '../domain/assumptions';
import type { Line, ServicePattern } from '../domain/line';
import type { Network } from '../domain/network';
import { frequency, servedAt } from '../domain/patternOps';
import { type EdgeParts, roundCost, wholeSeconds } from './cost';
import { lineLabel } from './nodes';
import { bestStrategy, type RideOption } from './strategy';

/** What a ride edge tells a rider: which line, towards where, how many stops, how often. */
export interface RideMeta {
  line: string;
  direction: 0 | 1;
  /** Last stop of the fastest chosen pattern; none on a loop (its direction name says where it goes). */
  towards?: string;
  /** Stops travelled on the fastest chosen pattern. */
  stops: number;
  /** Pattern ids the rider takes, whichever comes first. */
  patterns: string[];
  headwaySeconds: number;
}

/** Board at one station, alight at another, on one line-direction: one edge of the graph. */
export interface RideEdge {
  fromStation: string;
  fromLabel: string;
  toStation: string;
  toLabel: string;
  parts: EdgeParts;
  cost: number;
  meta: RideMeta;
}

interface Candidate extends RideOption {
  pattern: ServicePattern;
  line: Line;
  stops: number;
  towards: string | undefined;
}

/**
 * Every ride a rider can make in `period` — board at stop i, stay on through the dwells, alight at stop j
 * — pooled per (boarding platform, alighting platform) over all patterns serving both, and priced with the
 * best common-lines strategy. One edge per pair keeps the graph shallow: a trip's depth is its boardings.
 */
export function rideEdges(network: Network, period: string, a: Assumptions): RideEdge[] {
  const pools = new Map<string, { from: [string, string]; to: [string, string]; options: Candidate[] }>();
  for (const line of network.lines) {
    for (const pattern of line.patterns) {
      const f = frequency(pattern.headways[period]);
      if (f === 0) continue;
      const labels = pattern.stops.map((_, k) => {
        const s = servedAt(line, pattern, k);
        return lineLabel(s.line, s.direction);
      });
      forEachRide(pattern, (i, j, rideSeconds, stops) => {
        const si = pattern.stops[i]!;
        const sj = pattern.stops[j]!;
        if (si === sj) return;
        const key = `${si}\u0000${labels[i]}\u0000${sj}\u0000${labels[j]}`;
        let pool = pools.get(key);
        if (!pool) {
          pool = { from: [si, labels[i]!], to: [sj, labels[j]!], options: [] };
          pools.set(key, pool);
        }
        const last = pool.options.at(-1);
        // A pattern that visits the pair twice (a lasso) is still one service: keep its faster ride.
        if (last?.pattern === pattern) {
          if (rideSeconds < last.rideSeconds) Object.assign(last, { rideSeconds, stops });
          return;
        }
        pool.options.push({
          rideSeconds,
          frequency: f,
          pattern,
          line,
          stops,
          towards: pattern.loop ? undefined : pattern.stops.at(-1),
        });
      });
    }
  }
  const lineOf = new Map(network.lines.map((l) => [l.id, l]));
  const edges: RideEdge[] = [];
  for (const pool of pools.values()) {
    const [boardLine, boardDir] = pool.from[1].split('#') as [string, string];
    const layer = (lineOf.get(boardLine) ?? pool.options[0]!.line).layer;
    const s = bestStrategy(pool.options, a.weights, a.layers[layer].maxWaitSeconds);
    const fastest = pool.options[s.chosen[0]!]!;
    const wait = wholeSeconds(s.waitSeconds);
    const ride = wholeSeconds(s.rideSeconds);
    edges.push({
      fromStation: pool.from[0],
      fromLabel: pool.from[1],
      toStation: pool.to[0],
      toLabel: pool.to[1],
      parts: { walk: 0, wait, ride, transfer: 0, processing: 0, boardings: 1 },
      cost: roundCost(s.cost),
      meta: {
        line: boardLine,
        direction: Number(boardDir) as 0 | 1,
        ...(fastest.towards !== undefined && { towards: fastest.towards }),
        stops: fastest.stops,
        patterns: s.chosen.map((k) => pool.options[k]!.pattern.id),
        headwaySeconds: s.headwaySeconds,
      },
    });
  }
  return edges;
}

/**
 * Calls `visit(i, j, rideSeconds, stops)` for every stop pair a rider can ride between on `p`: departure
 * from i to arrival at j, paying the dwells of the stops in between. On a loop, j may be reached by going
 * round past the first stop (up to one full lap).
 */
export function forEachRide(
  p: ServicePattern,
  visit: (i: number, j: number, rideSeconds: number, stops: number) => void,
): void {
  const n = p.stops.length;
  const hops = p.loop ? n : n - 1;
  for (let i = 0; i < (p.loop ? n : n - 1); i++) {
    let t = 0;
    for (let step = 0; step < hops && (p.loop ? step < n - 1 : i + step < n - 1); step++) {
      const k = (i + step) % n;
      if (step > 0) t += p.dwellSeconds[k]!;
      t += p.runSeconds[k]!;
      visit(i, (k + 1) % n, t, step + 1);
    }
  }
}
