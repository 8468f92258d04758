import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { CompactGraph, TripDetail } from '../engine/types';

/** What the UI shows of a route: the engine's types, handed on by the workers (the UI's only way in). */
export type { Leg, LegPlace, SurfaceLeg, TripDetail, TripModeName } from '../engine/types';

import type { CalibrationStep } from '../demand/calibrate';
import type { CarTable } from '../demand/car';
import type { MatrixAsk } from '../demand/gravity';
import type { CommuteTally, TallyLayout } from '../demand/tally';
import type { LogitParams } from '../domain/demand';
import type { LoadUnits } from '../engine/railLoads';
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

/** What mode choice needs besides a graph: the logit and the period's car (demand/setup.ts). */
export interface DemandContext {
  /** Identifies the zones (e.g. the network's checksum): workers keep intrazonal distances under it. */
  zonesKey: string;
  logit: LogitParams;
  car: CarTable;
}

/**
 * Composite cost and expected time rows of `origins` on graph `key` (pass 1 of DESIGN.md §3.1), kept in the
 * worker under the generation as one row block of the matrices the distribution balances (GravityRequest),
 * until released.
 */
export interface CompositeRequest {
  key: string;
  generation: number;
  origins: Int32Array;
  /** Position of the block's first origin in the run's: blocks are answered in this order. */
  offset: number;
  context: DemandContext;
}

/** `stationSearches`: station rows this request searched (the rest the worker had already). */
export type CompositeResponse =
  | { cancelled: true }
  | { cancelled: false; ms: number; stationSearches: number };

/** One ask of balancing or calibration (demand/gravity.ts MatrixAsk), put to every block a worker holds. */
export interface GravityRequest {
  generation: number;
  ask: MatrixAsk;
  /** For `deterrence`: the gravity's workers (rows without any stay 0) and attractors. */
  workers?: Float64Array;
  attractors?: Float64Array;
  /** For `meanTime`: 1 for the calibration population's zones. */
  population?: Uint8Array;
}

/**
 * Per block held, by offset: balanceRows → the block's row sums (one per origin) followed by its part of
 * every column sum (zones); meanTime → [Σ T t, Σ T] over its calibration rows; deterrence → nothing.
 */
export interface GravityResponse {
  blocks: { offset: number; origins: Int32Array; values: Float64Array }[];
  ms: number;
}

/** A balanced distribution as workers apply it to one origin's composite row: T_ij = a_i b_j F_ij. */
export interface DistributionFactors {
  betaPerSecond: number;
  rowFactor: Float64Array;
  columnFactor: Float64Array;
}

/** A distribution found: its factors, how well it balances, and with calibration how β was found. */
export interface DistributeResponse extends DistributionFactors {
  furnessIterations: number;
  rowError: number;
  columnError: number;
  /** With calibration: the target, the mean reached and the β values tried. */
  calibration?: {
    targetSeconds: number;
    meanSeconds: number;
    relativeError: number;
    iterations: number;
    trace: CalibrationStep[];
  };
  ms: number;
}

/**
 * Trips, modes, tallies and rail loads of `origins` (pass 3): the baseline's on graph `keys.baseline`, and
 * with `keys.scenario` the scenario's (its trips: `scenario` factors in the long term, the baseline's trips
 * in the short term), with where its rail riders come from. Rail loads stay in the worker, under the
 * generation, until collected (CollectResponse).
 */
export interface AssignRequest {
  keys: { baseline: string; scenario?: string };
  generation: number;
  origins: Int32Array;
  context: DemandContext;
  attractors: Float64Array;
  baseline: DistributionFactors;
  scenario?: DistributionFactors;
  layout: TallyLayout;
  /** Also return each side's trips by mode (for an OMX export). */
  tripsByMode?: boolean;
  /**
   * The baseline's side as an earlier run of the same distribution left it (short term only): its tally and
   * rail loads are known, so they are not made again, and the scenario's side needs only these of it. Without
   * it and with `keepBaseline`, the response carries them (`baselineKept`) for the next run.
   */
  baselineKnown?: KeptBaseline;
  keepBaseline?: boolean;
}

/** What the short-term scenario side of pass 3 needs of the baseline's side, for a block of origins. */
export interface KeptBaseline {
  /** Rail riders per destination (ridersAt: float32), origins × zones. */
  riders: Float32Array;
  /** Each origin's cheapest composite cost to a zone with jobs (the m of its deterrence row). */
  cheapest: Float64Array;
  /** The baseline's tally rows of these origins (rows 0, 1, … in the block's order). */
  tally: CommuteTally;
}

/** The steps of pass 3, in the order they run for each origin (AssignResponse.steps: milliseconds each). */
export const ASSIGN_STEPS = [
  'baselineOptions',
  'baselineChoice',
  'baselineTally',
  'baselineLoads',
  'scenarioOptions',
  'changes',
  'scenarioChoice',
  'scenarioTally',
  'riderClasses',
  'scenarioLoads',
] as const;
export type AssignStep = (typeof ASSIGN_STEPS)[number];

export type AssignResponse =
  | { cancelled: true }
  | {
      cancelled: false;
      /** Per origin of the chunk, in its order (tally rows 0, 1, …); with baselineKnown, those rows. */
      baseline: CommuteTally;
      /** With keepBaseline: the block's KeptBaseline, for runs after this one. */
      baselineKept?: KeptBaseline;
      scenario?: CommuteTally;
      /** The scenario's rail riders by source class per origin: origins × SOURCE_CLASSES. */
      sources?: Float64Array;
      /** Per origin, the perceived one-way commuter-seconds the scenario saves (demand/benefit.ts). */
      benefit?: Float64Array;
      /** With tripsByMode: per side, mode-major blocks of origins × zones (DEMAND_MODES order), float32. */
      trips?: { baseline: Float32Array; scenario?: Float32Array };
      ms: number;
      /** Milliseconds per step (ASSIGN_STEPS order): where the time went, for benchmarks. */
      steps: Float64Array;
      /** Station rows this request searched, both graphs (the rest the worker had already). */
      stationSearches: number;
    };

/** A worker's part of an assignment's rail loads (fixed point: parts add up exactly). */
export interface CollectResponse {
  baseline: LoadUnits;
  /** Classes: where the riders come from (SOURCE_CLASSES), per demand/sources.ts. */
  scenario?: LoadUnits;
}

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
  composite(request: CompositeRequest): Promise<CompositeResponse>;
  gravity(request: GravityRequest): Promise<GravityResponse>;
  /** Drop the row blocks composite() kept under `generation`. */
  release(generation: number): Promise<void>;
  assign(request: AssignRequest): Promise<AssignResponse>;
  /** The rail loads assign() accumulated under `generation` (then forgotten); null if none. */
  collect(generation: number): Promise<CollectResponse | null>;
  /**
   * Let go of the memory kept between demand runs (the rail loads' memories, kept for the next run's
   * edit): the planner has left the Ridership view. Returns the bytes let go; a run under way keeps its own.
   */
  releaseDemandMemory(): Promise<number>;
}
