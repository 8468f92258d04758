import type { Assumptions } from '../domain/assumptions';
import type { Line, ServicePattern } from '../domain/line';
import type { Network } from '../domain/network';
import { frequency, servedAt } from '../domain/patternOps';
import { type EdgeParts, NO_PARTS, roundCost, wholeSeconds } from './cost';
import { lineLabel, parseLabel } from './nodes';
import { bestStrategy, type RideOption } from './strategy';

/** What a ride tells a rider: which line, towards where, how often. */
export interface RideMeta {
  line: string;
  direction: 0 | 1;
  /** Last stop of the (fastest chosen) pattern; none on a loop (its direction name says where it goes). */
  towards?: string;
  /** Stops travelled on the fastest chosen pattern (pooled rides only; a chain ride counts its hops). */
  stops: number;
  /** Pattern ids the rider takes, whichever comes first. */
  patterns: string[];
  headwaySeconds: number;
  /** A rail layer's service (not a bus route). */
  rail: boolean;
}

/**
 * Which trains an in-vehicle edge's riders are on, for loading trips onto lines: of the line's pattern
 * (the line that owns it, in that direction), `hops` hops from stop index `from` (round a loop), a `share`
 * of the edge's riders — on a pooled ride each chosen pattern's share of the departures riders take.
 */
export interface RideUse {
  line: string;
  direction: 0 | 1;
  pattern: string;
  /** The pattern's number of stops (hops wrap round a loop). */
  stops: number;
  from: number;
  hops: number;
  share: number;
}

/** Board at one platform, alight at another, choosing among several patterns: one pooled edge. */
export interface PooledRide {
  fromStation: string;
  fromLabel: string;
  toStation: string;
  toLabel: string;
  parts: EdgeParts;
  cost: number;
  meta: RideMeta;
  uses: RideUse[];
}

/**
 * A pattern whose boarding platforms no other pattern serves, as a chain of on-board nodes: board (wait)
 * at stop i, run to i+1, dwell there or alight. Exactly the pooled ride with one pattern, with far fewer
 * edges: the rider's ride is the sum of the runs and of the dwells passed, whole seconds both ways.
 */
export interface PatternChain {
  line: Line;
  pattern: ServicePattern;
  /** Line-direction riders see at each stop. */
  labels: string[];
  /** Stops where riders board this chain (their platform is served by no other pattern). */
  boardable: boolean[];
  runs: number[];
  dwells: number[];
  /** Expected wait and its perceived cost when boarding at stop k (the layer riders board sets the cap). */
  waitAt(k: number): { seconds: number; cost: number };
  /** What riders boarding at stop k take: the line-direction of that stop's platform (servedAs). */
  metaAt(k: number): RideMeta;
}

export interface Rides {
  pooled: PooledRide[];
  chains: PatternChain[];
}

export interface Served {
  line: Line;
  pattern: ServicePattern;
  labels: string[];
  runs: number[];
  dwells: number[];
  frequency: number;
}

interface Candidate extends RideOption {
  served: Served;
  stops: number;
  /** Stop index the ride starts from on the pattern. */
  from: number;
  /** Line-direction riders see where this train arrives. */
  toLabel: string;
}

/**
 * Every ride a rider can make in `period`. Where one platform (station and line-direction) is served by
 * several patterns, riders take the best common-lines strategy for their destination, so rides from it
 * are pooled per (boarding platform, alighting platform); elsewhere each pattern is a chain.
 */
export function rides(network: Network, period: string, a: Assumptions): Rides {
  const served: Served[] = [];
  for (const line of network.lines) {
    for (const pattern of line.patterns) {
      const f = frequency(pattern.headways[period]);
      if (f === 0) continue;
      served.push({
        line,
        pattern,
        labels: pattern.stops.map((_, k) => {
          const s = servedAt(line, pattern, k);
          return lineLabel(s.line, s.direction);
        }),
        // Whole seconds, so rides add exactly and a chain and a one-pattern pooled ride agree to the bit.
        runs: pattern.runSeconds.map(wholeSeconds),
        dwells: pattern.dwellSeconds.map(wholeSeconds),
        frequency: f,
      });
    }
  }
  // Platforms (station + line-direction) and how many patterns riders can board there.
  const boarders = new Map<string, Set<Served>>();
  for (const s of served) {
    s.pattern.stops.forEach((station, k) => {
      if (!canBoard(s.pattern, k)) return;
      const key = `${station}\u0000${s.labels[k]}`;
      const set = boarders.get(key);
      if (set) set.add(s);
      else boarders.set(key, new Set([s]));
    });
  }
  const pooledAt = (s: Served, k: number) =>
    boarders.get(`${s.pattern.stops[k]}\u0000${s.labels[k]}`)!.size > 1;

  const lineOf = new Map(network.lines.map((l) => [l.id, l]));
  const layerOf = (label: string) => (lineOf.get(parseLabel(label).line) ?? network.lines[0]!).layer;
  const chains: PatternChain[] = [];
  const pools = new Map<string, { from: [string, string]; to: string; options: Candidate[] }>();
  for (const s of served) {
    const boardable = s.pattern.stops.map((_, k) => canBoard(s.pattern, k) && !pooledAt(s, k));
    if (boardable.some(Boolean)) {
      const h = 1 / s.frequency;
      chains.push({
        line: s.line,
        pattern: s.pattern,
        labels: s.labels,
        boardable,
        runs: s.runs,
        dwells: s.dwells,
        waitAt: (k) => {
          // The same expected wait as a pooled ride with this one pattern (bestStrategy with one option).
          const wait = Math.min(h / 2, a.layers[layerOf(s.labels[k]!)].maxWaitSeconds);
          return { seconds: wholeSeconds(wait), cost: roundCost(a.weights.wait * wait) };
        },
        metaAt: (k) => meta(s, s.labels[k]!, 0, h),
      });
    }
    forEachRide(s.pattern, s.runs, s.dwells, (i, j, rideSeconds, stops) => {
      if (!pooledAt(s, i)) return;
      const si = s.pattern.stops[i]!;
      const sj = s.pattern.stops[j]!;
      if (si === sj) return;
      // Pooled by boarding platform and alighting station: at a through-run junction the through trains
      // arrive as the next line, yet riders bound for the junction take whichever train comes first.
      const key = `${si}\u0000${s.labels[i]}\u0000${sj}`;
      let pool = pools.get(key);
      if (!pool) {
        pool = { from: [si, s.labels[i]!], to: sj, options: [] };
        pools.set(key, pool);
      }
      const last = pool.options.at(-1);
      // A pattern that visits the pair twice (a lasso) is still one service: keep its faster ride.
      if (last?.served === s) {
        if (rideSeconds < last.rideSeconds) Object.assign(last, { rideSeconds, stops, from: i });
        return;
      }
      pool.options.push({
        rideSeconds,
        frequency: s.frequency,
        served: s,
        stops,
        from: i,
        toLabel: s.labels[j]!,
      });
    });
  }

  const pooled: PooledRide[] = [];
  for (const pool of pools.values()) {
    const st = bestStrategy(pool.options, a.weights, a.layers[layerOf(pool.from[1])].maxWaitSeconds);
    const fastest = pool.options[st.chosen[0]!]!;
    const chosenFrequency = st.chosen.reduce((f, k) => f + pool.options[k]!.frequency, 0);
    const uses = st.chosen.map((k) => {
      const o = pool.options[k]!;
      return useOf(o.served, o.from, o.stops, o.frequency / chosenFrequency);
    });
    // One edge to each platform the pool's trains arrive at (usually one), all with the pooled strategy.
    for (const toLabel of new Set(pool.options.map((o) => o.toLabel)))
      pooled.push({
        fromStation: pool.from[0],
        fromLabel: pool.from[1],
        toStation: pool.to,
        toLabel,
        parts: {
          ...NO_PARTS,
          wait: wholeSeconds(st.waitSeconds),
          ride: wholeSeconds(st.rideSeconds),
          boardings: 1,
        },
        cost: roundCost(st.cost),
        meta: {
          ...meta(fastest.served, pool.from[1], fastest.stops, st.headwaySeconds),
          patterns: st.chosen.map((k) => pool.options[k]!.served.pattern.id),
        },
        uses,
      });
  }
  return { pooled, chains };
}

/** The use of `hops` hops of a served pattern from stop `from`. */
export function useOf(s: Served, from: number, hops: number, share: number): RideUse {
  return {
    line: s.line.id,
    direction: s.pattern.direction,
    pattern: s.pattern.id,
    stops: s.pattern.stops.length,
    from,
    hops,
    share,
  };
}

function meta(s: Served, label: string, stops: number, headwaySeconds: number): RideMeta {
  const { line, direction } = parseLabel(label);
  const m: RideMeta = {
    line,
    direction,
    stops,
    patterns: [s.pattern.id],
    headwaySeconds,
    rail: s.line.layer !== 'bus',
  };
  if (!s.pattern.loop) m.towards = s.pattern.stops.at(-1)!;
  return m;
}

/** Riders board anywhere on a loop; elsewhere anywhere but the last stop. */
function canBoard(p: ServicePattern, k: number): boolean {
  return p.loop === true || k < p.stops.length - 1;
}

/**
 * Calls `visit(i, j, rideSeconds, stops)` for every stop pair a rider can ride between on `p`: departure
 * from i to arrival at j, paying the dwells of the stops in between. On a loop, j may be reached by going
 * round past the first stop (up to one full lap).
 */
export function forEachRide(
  p: ServicePattern,
  runs: readonly number[],
  dwells: readonly number[],
  visit: (i: number, j: number, rideSeconds: number, stops: number) => void,
): void {
  const n = p.stops.length;
  for (let i = 0; i < (p.loop ? n : n - 1); i++) {
    let t = 0;
    for (let step = 0; p.loop ? step < n - 1 : i + step < n - 1; step++) {
      const k = (i + step) % n;
      if (step > 0) t += dwells[k]!;
      t += runs[k]!;
      visit(i, (k + 1) % n, t, step + 1);
    }
  }
}
