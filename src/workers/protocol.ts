import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { CompactGraph, TripDetail } from '../engine/types';

/** What the UI shows of a route: the engine's types, handed on by the workers (the UI's only way in). */
export type { Leg, LegPlace, SurfaceLeg, TripDetail, TripModeName } from '../engine/types';

import type { MetricContext, ZoneMetricsTable } from '../metrics/originMetrics';

/** A network as workers need it: everything but zone geometry. */
export type ModelNetwork = Network;

/** Build the graph of `network` with `scenario` applied (null: the baseline) for one period. */
export interface BuildRequest {
  key: string;
  network: ModelNetwork;
  scenario: Scenario | null;
  period: string;
}

export interface GraphStats {
  zones: number;
  nodes: number;
  edges: number;
  accessLinks: number;
  buildMs: number;
  compileMs: number;
}

export type BuildResponse =
  | { ok: true; key: string; graph: CompactGraph; context: MetricContext; stats: GraphStats }
  | { ok: false; key: string; issues: Issue[] };

/**
 * What a rows request can return per origin besides its metrics: a value per destination zone, as float32
 * (+Infinity = no path). `time`: seconds, whole, exact to 2^24 s (194 days). `cost`: perceived (generalized)
 * seconds, multiples of 1/64, exact below 2^18 s (72.8 h) and rounded to float32 above.
 */
export type RowField = 'time' | 'cost';

/** Rows of several origins, one float32 array per field asked for: origins × zones, row-major. */
export type RowArrays = Partial<Record<RowField, Float32Array>>;

/** Compute the rows of `origins` on graph `key` and reduce them to per-origin metrics. */
export interface RowsRequest {
  key: string;
  generation: number;
  origins: Int32Array;
  /** Also return these rows (none: metrics only). */
  fields: readonly RowField[];
}

export type RowsResponse =
  | { cancelled: true }
  | {
      cancelled: false;
      metrics: ZoneMetricsTable;
      rows: RowArrays;
      ms: number;
      stationSearches: number;
    };

/** The routing worker's API, the same in the browser and in Node (comlink exposes it). */
export interface RoutingApi {
  build(request: BuildRequest): Promise<BuildResponse>;
  load(key: string, graph: CompactGraph, context: MetricContext): Promise<void>;
  unload(key: string): Promise<void>;
  rows(request: RowsRequest): Promise<RowsResponse>;
  /** Times from one origin to every zone (an isochrone). */
  row(key: string, origin: number): Promise<Float64Array>;
  trip(key: string, origin: number, destination: number): Promise<TripDetail | null>;
  /** Rows requests of this generation that have not started return `{ cancelled: true }`. */
  cancel(generation: number): Promise<void>;
}
