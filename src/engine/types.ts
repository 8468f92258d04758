/** How a trip or a surface leg travels: codes in `accessMode`, `egressMode` and mode rows. */
export const TRIP_MODE = { walk: 0, bike: 1, bus: 2, rail: 3, none: 255 } as const;
export type TripModeName = Exclude<keyof typeof TRIP_MODE, 'none'>;
export const TRIP_MODE_NAMES: readonly TripModeName[] = ['walk', 'bike', 'bus', 'rail'];

/**
 * Direct surface trips between zones (walk, bike, the area-wide bus), closed-form in the great-circle
 * distance d: moving = floor(d × secondsPerMeter + max(0, d − beyondMeters) × extraPerMeter + 0.5) (express
 * running of long bus trips: extraPerMeter ≤ 0), time = fixedTime + moving, cost = fixedCost + movingWeight ×
 * moving, offered when d ≤ maxMeters. Entry ((mode × 2) + origin class) × 2 + destination
 * class, modes walk 0, bike 1, bus 2, classes urban 0, rural 1. A mode not offered has maxMeters −1.
 */
export interface SurfaceTable {
  maxMeters: Float64Array;
  secondsPerMeter: Float64Array;
  beyondMeters: Float64Array;
  extraPerMeter: Float64Array;
  fixedTime: Int32Array;
  fixedCost: Float64Array;
  movingWeight: Float64Array;
  /** The fixed time's parts, for trip detail: walk to and from stops, the wait, unlocking and parking. */
  fixedWalk: Int32Array;
  fixedWait: Int32Array;
  fixedBike: Int32Array;
}

/**
 * The engine's input: the graph compiled to flat typed arrays (CSR). Station-side nodes form the graph the
 * shortest-path search runs on; zones are handled at its edges: origins seed it through access links and
 * destinations read it through egress links, and direct surface trips go zone to zone in closed form. All
 * times are whole seconds; costs are perceived seconds (multiples of 1/64).
 */
export interface CompactGraph {
  zoneCount: number;
  nodeCount: number;

  /** Out-edges of node n are edgeStart[n] … edgeStart[n+1]−1. */
  edgeStart: Int32Array;
  edgeTarget: Int32Array;
  edgeCost: Float64Array;
  edgeTime: Int32Array;
  edgeWalk: Int32Array;
  edgeWait: Int32Array;
  edgeRide: Int32Array;
  edgeTransfer: Int32Array;
  edgeProcessing: Int32Array;
  edgeBoardings: Uint8Array;
  edgeKind: Uint8Array;
  /** Index into `services` for ride edges, −1 otherwise. */
  edgeService: Int32Array;
  /** 1 on edges that board a train (a rail layer's service), 0 elsewhere (bus routes board too: 0). */
  edgeRail: Uint8Array;
  /**
   * Which trains an edge's riders are on: uses edgeUseStart[e] … edgeUseStart[e+1]−1, each `useHops` hops
   * of pattern `usePattern` (into `patterns`) from stop index `useFrom`, for a `useShare` of the riders.
   * Ride edges board at their uses' first stop and ride all their hops; run edges ride their one hop;
   * board-train edges board (0 hops).
   */
  edgeUseStart: Int32Array;
  usePattern: Int32Array;
  useFrom: Int32Array;
  useHops: Int32Array;
  useShare: Float64Array;
  /** The patterns uses refer to (owning line, direction, pattern id). */
  patterns: PatternRef[];

  /**
   * Access links of origin zone z: accessStart[z] … accessStart[z+1]−1, each to an entered-station node by
   * the best surface mode (accessMode) with its parts; time includes the entry processing.
   */
  accessStart: Int32Array;
  accessNode: Int32Array;
  accessCost: Float64Array;
  accessTime: Int32Array;
  accessWalk: Int32Array;
  accessBike: Int32Array;
  accessBus: Int32Array;
  accessWait: Int32Array;
  accessProcessing: Int32Array;
  accessMode: Uint8Array;
  accessMeters: Int32Array;
  /** Index into `feeders` when the link is a feeder bus, −1 otherwise. */
  accessFeeder: Int32Array;

  /** Egress links into destination zone z, each from an exited-station node; as access, no processing. */
  egressStart: Int32Array;
  egressNode: Int32Array;
  egressCost: Float64Array;
  egressTime: Int32Array;
  egressWalk: Int32Array;
  egressBike: Int32Array;
  egressBus: Int32Array;
  egressWait: Int32Array;
  egressMode: Uint8Array;
  egressMeters: Int32Array;
  egressFeeder: Int32Array;

  /** Zone centroids as unit vectors (x, y, z per zone) and classes (0 urban, 1 rural), for direct trips. */
  zoneUnit: Float64Array;
  zoneClass: Uint8Array;
  surface: SurfaceTable;

  /** Station index of each node (into `stations`). */
  nodeStation: Int32Array;
  /** NODE_KIND of each node. */
  nodeKind: Uint8Array;
  /** Line (index into `lines`) whose riders a platform or alighted node holds; −1 for other nodes. */
  nodeLine: Int32Array;
  /** Ids of the lines with platforms, in first-seen order. */
  lines: string[];

  zones: string[];
  stations: string[];
  services: ServiceInfo[];
  /** Feeder bus ids, for trip detail. */
  feeders: string[];
}

/** A service pattern by its owning line, direction and id. */
export interface PatternRef {
  line: string;
  direction: 0 | 1;
  pattern: string;
  /** Its number of stops (hop k runs from stop k to stop k + 1, round a loop). */
  stops: number;
}

/** A ride edge's line and patterns, for path detail. */
export interface ServiceInfo {
  line: string;
  direction: 0 | 1;
  towards?: string;
  stops: number;
  patterns: string[];
  headwaySeconds: number;
  /** A train (rail layers) rather than a bus route: what makes a trip a rail trip. */
  rail: boolean;
}

/** Node kinds as stored in `nodeKind`. */
export const NODE_KIND = { entered: 0, exited: 1, platform: 2, alighted: 3, 'on-board': 4 } as const;

/** Edge kinds as stored in `edgeKind`. */
export const EDGE_KIND = {
  board: 0,
  ride: 1,
  exit: 2,
  transfer: 3,
  'board-train': 4,
  run: 5,
  dwell: 6,
  alight: 7,
} as const;

/** Travel time and its parts for one O→D, whole seconds. */
export interface TripParts {
  time: number;
  walk: number;
  bike: number;
  /** In a bus (the area-wide service or a feeder). */
  bus: number;
  /** Waiting for trains and buses. */
  wait: number;
  /** In a train. */
  ride: number;
  transfer: number;
  processing: number;
  /** Trains and buses boarded. */
  boardings: number;
  /** Perceived cost, generalized seconds (the boarding penalty of the first boarding excluded). */
  cost: number;
  /** Rail when the trip rides a train, otherwise its surface mode. */
  mode: TripModeName;
}

/**
 * A surface leg: walking, a bike (seconds include unlocking and parking: bikeSeconds of them on the bike) or a
 * bus (walk to and from the stops, the wait, then busSeconds on board; `feeder` names a feeder bus). `seconds`
 * is the whole leg.
 */
export interface SurfaceLeg {
  kind: 'walk' | 'bike' | 'bus';
  from: LegPlace;
  to: LegPlace;
  /** Great-circle distance, metres (rounded). */
  meters: number;
  seconds: number;
  walkSeconds: number;
  waitSeconds: number;
  bikeSeconds: number;
  busSeconds: number;
  feeder?: string;
}

export type Leg =
  | SurfaceLeg
  | { kind: 'enter'; station: string; seconds: number }
  | {
      kind: 'ride';
      line: string;
      direction: 0 | 1;
      towards?: string;
      from: string;
      to: string;
      stops: number;
      patterns: string[];
      headwaySeconds: number;
      waitSeconds: number;
      rideSeconds: number;
    }
  | { kind: 'transfer'; from: string; to: string; walkSeconds: number; processingSeconds: number }
  | { kind: 'exit'; station: string; seconds: number };

export type LegPlace = { zone: string } | { station: string };

export interface TripDetail extends TripParts {
  origin: string;
  destination: string;
  legs: Leg[];
}
