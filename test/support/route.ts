import type { Network } from '../../src/domain/network';
import { Router } from '../../src/engine/router';
import { StationRows } from '../../src/engine/stationRows';
import type { CompactGraph, TripDetail } from '../../src/engine/types';
import { buildSpec, type GraphSpec } from '../../src/graph/build';
import { compile } from '../../src/graph/compile';
import { type CommuteGraph, toGraphology } from '../../src/graph/graphology';

/** One O→D result as the engine reports it through `row()`. */
export interface OD {
  time: number;
  cost: number;
}

/**
 * A network built, compiled and routed for one period as the workers do it (buildSpec → compile, rows by
 * Router and by StationRows), with the graphology graph of the same spec for the reference, and look-ups
 * by zone id.
 */
export interface Routed {
  spec: GraphSpec;
  graph: CommuteGraph;
  compact: CompactGraph;
  router: Router;
  zone(id: string): number;
  /** Time and cost O→D from `row()`. */
  od(o: string, d: string): OD;
  /** The route O→D from `trip()`. */
  trip(o: string, d: string): TripDetail | undefined;
  /** Every row from Router.row: times[o][d] and costs[o][d], zone order of the compiled graph. */
  matrix(): { times: Float64Array[]; costs: Float64Array[] };
  /** Every row from StationRows.row (what the workers compute). */
  stationMatrix(): { times: Float64Array[]; costs: Float64Array[] };
}

export function route(network: Network, period = 'am-peak'): Routed {
  const spec = buildSpec(network, period);
  const graph = toGraphology(spec, 'all');
  const compact = compile(spec);
  const router = new Router(compact);
  const zone = (id: string) => {
    const k = compact.zones.indexOf(id);
    if (k < 0) throw new Error(`no zone "${id}" in the compiled graph`);
    return k;
  };
  const Z = compact.zoneCount;
  const rowsOf = (row: (o: number, t: Float64Array, c: Float64Array) => void) => {
    const times: Float64Array[] = [];
    const costs: Float64Array[] = [];
    for (let o = 0; o < Z; o++) {
      const t = new Float64Array(Z);
      const c = new Float64Array(Z);
      row(o, t, c);
      times.push(t);
      costs.push(c);
    }
    return { times, costs };
  };
  return {
    spec,
    graph,
    compact,
    router,
    zone,
    od(o, d) {
      const time = new Float64Array(Z);
      const cost = new Float64Array(Z);
      router.row(zone(o), time, cost);
      return { time: time[zone(d)]!, cost: cost[zone(d)]! };
    },
    trip: (o, d) => router.trip(zone(o), zone(d)),
    matrix: () => rowsOf((o, t, c) => router.row(o, t, c)),
    stationMatrix() {
      const rows = new StationRows(new Router(compact));
      return rowsOf((o, t, c) => rows.row(o, t, c));
    },
  };
}

/** Object.freeze, all the way down: a test that mutates its input throws instead of passing silently. */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<string | symbol, unknown>)[key], seen);
  }
  return value;
}
