/**
 * The engine's input: the graph compiled to flat typed arrays (CSR). Station-side nodes form the graph the
 * shortest-path search runs on; zones are handled at its edges: origins seed it through access links and
 * destinations read it through egress links, and short trips walk zone to zone directly. All times are
 * whole seconds; costs are perceived seconds (multiples of 1/64).
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

  /** Access links of origin zone z: accessStart[z] … accessStart[z+1]−1, each to an entered-station node. */
  accessStart: Int32Array;
  accessNode: Int32Array;
  accessCost: Float64Array;
  /** Access time: walk (or feeder) + feeder wait + entry processing. */
  accessTime: Int32Array;
  accessWalk: Int32Array;
  accessWait: Int32Array;
  accessProcessing: Int32Array;

  /** Egress links into destination zone z, each from an exited-station node. */
  egressStart: Int32Array;
  egressNode: Int32Array;
  egressCost: Float64Array;
  /** Egress time: walk (or feeder) + feeder wait. */
  egressTime: Int32Array;
  egressWalk: Int32Array;
  egressWait: Int32Array;

  /** Direct walks from origin zone z. */
  walkStart: Int32Array;
  walkZone: Int32Array;
  walkCost: Float64Array;
  walkTime: Int32Array;

  /** Station index of each node (into `stations`). */
  nodeStation: Int32Array;
  /** NODE_KIND of each node. */
  nodeKind: Uint8Array;

  zones: string[];
  stations: string[];
  services: ServiceInfo[];
}

/** A ride edge's line and patterns, for path detail. */
export interface ServiceInfo {
  line: string;
  direction: 0 | 1;
  towards?: string;
  stops: number;
  patterns: string[];
  headwaySeconds: number;
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
  wait: number;
  ride: number;
  transfer: number;
  processing: number;
  boardings: number;
  /** Perceived cost, generalized seconds (the boarding penalty of the first boarding excluded). */
  cost: number;
}

export type Leg =
  /** Walking, or with `feederWaitSeconds` a feeder bus or bike (seconds: its travel; the wait is extra). */
  | { kind: 'walk'; from: LegPlace; to: LegPlace; seconds: number; feederWaitSeconds?: number }
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
