import { type Assumptions, resolveAssumptions } from '../domain/assumptions';
import { unitVector } from '../domain/geo';
import type { Line } from '../domain/line';
import { indexNetwork, type Network } from '../domain/network';
import type { SurfaceTable } from '../engine/types';
import { type ActiveFeeder, stationLinks } from './access';
import { type EdgeParts, NO_PARTS, perceivedCost, roundCost } from './cost';
import { type NodeAttributes, nodeKey, parseLabel, SEP } from './nodes';
import { type PatternChain, type RideMeta, type RideUse, rides } from './rides';
import { CLASS_CODES, type LegSpec, SurfaceModel } from './surface';
import { entrySeconds, exitSeconds, TransferResolver } from './transfers';

export type EdgeKind =
  | 'access'
  | 'board'
  | 'ride'
  | 'exit'
  | 'egress'
  | 'transfer'
  /** Reference graphs only: a direct surface trip between zones (the engine computes them in closed form). */
  | 'surface'
  /** Pattern chains: wait and board at a stop, run to the next, dwell through a stop, alight. */
  | 'board-train'
  | 'run'
  | 'dwell'
  | 'alight';

/** Every edge carries its perceived cost (`weight`, what routes minimise) and its physical time in parts. */
export interface EdgeAttributes extends EdgeParts {
  weight: number;
  time: number;
  kind: EdgeKind;
  /** On ride edges: the line and patterns taken. */
  service?: RideMeta;
  /** On access, egress and surface edges: the surface leg. */
  leg?: SurfaceLegMeta;
  /** On ride, run and board-train edges: which trains the riders are on (loading trips onto lines). */
  uses?: RideUse[];
}

/** How an access, egress or direct surface edge travels. */
export interface SurfaceLegMeta {
  mode: LegSpec['mode'];
  meters: number;
  /** Index into the spec's feeders. */
  feeder?: number;
}

/**
 * Direct surface trips between zones, implicit: every zone pair has one, so they are not edges but a
 * closed-form table over the zones' positions and classes (engine/types.ts SurfaceTable). Reference graphs
 * materialise them as edges for the origins they search (toGraphology).
 */
export interface SurfaceSpec {
  /** Unit vectors of the zone centroids, x y z per zone, in origin order. */
  zoneUnit: Float64Array;
  /** 0 urban, 1 rural. */
  zoneClass: Uint8Array;
  table: SurfaceTable;
}

/** A node key readable in a message: its parts joined by " · " instead of NUL. */
export function readableKey(key: string): string {
  return key.split(SEP).join(' · ');
}

/** An edge with a weight that is not a finite number ≥ 0: a bug, never silently a weight of 1. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
}

/**
 * The graph as an explicit list: nodes in insertion order, edges as (source, target, attributes). Built
 * once; graphology holds it for the reference search and analysis (toGraphology), and the engine's
 * arrays are compiled from it (compile) — both from the same list, so they are the same graph.
 */
export interface GraphSpec {
  nodeKeys: string[];
  nodes: NodeAttributes[];
  edgeSource: number[];
  edgeTarget: number[];
  edges: EdgeAttributes[];
  surface: SurfaceSpec;
  /** Feeder bus ids running in the period. */
  feeders: string[];
}

const NO_SURFACE: SurfaceSpec = {
  zoneUnit: new Float64Array(0),
  zoneClass: new Uint8Array(0),
  table: new SurfaceModel(resolveAssumptions(undefined), '').table(),
};

/** Adds nodes and validated edges to a spec. */
class SpecBuilder {
  readonly spec: GraphSpec = {
    nodeKeys: [],
    nodes: [],
    edgeSource: [],
    edgeTarget: [],
    edges: [],
    surface: NO_SURFACE,
    feeders: [],
  };
  private readonly index = new Map<string, number>();

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** Adds a node; returns its index. */
  addNode(key: string, attrs: NodeAttributes): number {
    if (this.index.has(key)) throw new GraphError(`node ${readableKey(key)} added twice`);
    const n = this.spec.nodeKeys.length;
    this.index.set(key, n);
    this.spec.nodeKeys.push(key);
    this.spec.nodes.push(attrs);
    return n;
  }

  indexOf(key: string): number {
    const n = this.index.get(key);
    if (n === undefined) throw new GraphError(`no node ${readableKey(key)}`);
    return n;
  }

  addEdge(
    from: string,
    to: string,
    kind: EdgeKind,
    parts: EdgeParts,
    weight: number,
    service?: RideMeta,
    uses?: RideUse[],
  ): void {
    if (!(Number.isFinite(weight) && weight >= 0))
      throw new GraphError(`edge ${readableKey(from)} → ${readableKey(to)} has weight ${weight}`);
    const s = this.index.get(from);
    const t = this.index.get(to);
    if (s === undefined || t === undefined)
      throw new GraphError(`edge ${readableKey(from)} → ${readableKey(to)} joins a missing node`);
    this.addEdgeAt(s, t, kind, parts, weight, service, undefined, uses);
  }

  /** addEdge by node indices: the bulk of the edges (zone links) come here without building keys. */
  addEdgeAt(
    s: number,
    t: number,
    kind: EdgeKind,
    p: EdgeParts,
    weight: number,
    service?: RideMeta,
    leg?: SurfaceLegMeta,
    uses?: RideUse[],
  ): void {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new GraphError(
        `edge ${readableKey(this.spec.nodeKeys[s]!)} → ${readableKey(this.spec.nodeKeys[t]!)} has weight ${weight}`,
      );
    }
    // One object literal of a fixed shape per edge (no spreads): hundreds of thousands are made.
    const attrs: EdgeAttributes = {
      walk: p.walk,
      bike: p.bike,
      bus: p.bus,
      wait: p.wait,
      ride: p.ride,
      transfer: p.transfer,
      processing: p.processing,
      boardings: p.boardings,
      weight,
      time: p.walk + p.bike + p.bus + p.wait + p.ride + p.transfer + p.processing,
      kind,
    };
    if (service) attrs.service = service;
    if (leg) attrs.leg = leg;
    if (uses) attrs.uses = uses;
    this.spec.edgeSource.push(s);
    this.spec.edgeTarget.push(t);
    this.spec.edges.push(attrs);
  }
}

type AddEdge = SpecBuilder['addEdge'];

/**
 * The network for one period as a graph with explicit numeric weights on every edge:
 *
 *   origin zone ─access─▶ entered(s) ─board─▶ platform(s, line-dir) ─ride─▶ alighted(s', line-dir)
 *   alighted ─transfer─▶ platform(s'' in the same station or hub, …)   alighted ─exit─▶ exited(s') ─egress─▶ destination zone
 *   origin zone ─surface─▶ destination zone (walk, bike or bus: implicit, see SurfaceSpec)
 *
 * Access and egress take each zone's best surface leg to each station in reach (graph/access.ts).
 * A ride is either one pooled edge platform → alighted (several patterns serve the platform: riders take
 * the best common-lines strategy for their destination) or a chain of on-board nodes of one pattern
 *   platform ─board-train─▶ departing(p, i) ─run─▶ arriving(p, i+1) ─dwell─▶ departing(p, i+1) …
 *   arriving(p, j) ─alight─▶ alighted(s_j, line-dir)
 * Only stations served in the period get nodes. Insertion order is fixed by the network's order, so the
 * same network gives the same graph. Perceived weights are used to 1/64 (costs then add exactly).
 */
export function buildSpec(network: Network, period: string): GraphSpec {
  if (!network.periods.some((p) => p.id === period))
    throw new GraphError(`network "${network.id}" has no period "${period}"`);
  const a = quantizeWeights(resolveAssumptions(network.assumptions));
  const index = indexNetwork(network);
  const g = new SpecBuilder();
  const addEdge: AddEdge = (...args) => g.addEdge(...args);

  const origins = network.zones.map((z) => g.addNode(nodeKey.origin(z.id), { kind: 'origin', ref: z.id }));
  const destinations = network.zones.map((z) =>
    g.addNode(nodeKey.destination(z.id), { kind: 'destination', ref: z.id }),
  );

  const { pooled, chains } = rides(network, period, a);
  const served = new Set([
    ...pooled.flatMap((r) => [r.fromStation, r.toStation]),
    ...chains.flatMap((c) => c.pattern.stops),
  ]);
  const stations = network.stations.filter((s) => served.has(s.id));
  for (const s of stations) {
    g.addNode(nodeKey.entered(s.id), { kind: 'entered', ref: s.id });
    g.addNode(nodeKey.exited(s.id), { kind: 'exited', ref: s.id });
  }

  const platforms = new Map<string, string[]>();
  const platform = (station: string, label: string): string => {
    const key = nodeKey.platform(station, label);
    if (!g.has(key)) {
      const { line, direction } = parseLabel(label);
      g.addNode(key, { kind: 'platform', ref: station, line, direction });
      addEdge(nodeKey.entered(station), key, 'board', NO_PARTS, 0);
      const list = platforms.get(station);
      if (list) list.push(label);
      else platforms.set(station, [label]);
    }
    return key;
  };
  const alightedLabels: [string, string][] = [];
  const alighted = (station: string, label: string): string => {
    const key = nodeKey.alighted(station, label);
    if (!g.has(key)) {
      const { line, direction } = parseLabel(label);
      g.addNode(key, { kind: 'alighted', ref: station, line, direction });
      const s = index.station.get(station)!;
      const parts = { ...NO_PARTS, processing: Math.round(exitSeconds(s, a)) };
      addEdge(key, nodeKey.exited(station), 'exit', parts, perceivedCost(parts, a.weights));
      alightedLabels.push([station, label]);
    }
    return key;
  };
  for (const r of pooled) {
    addEdge(
      platform(r.fromStation, r.fromLabel),
      alighted(r.toStation, r.toLabel),
      'ride',
      r.parts,
      r.cost,
      r.meta,
      r.uses,
    );
  }
  for (const chain of chains) addChain(g, chain, platform, alighted, addEdge, a);

  addTransfers(network, a, alightedLabels, platforms, addEdge);

  const surface = new SurfaceModel(a, period);
  const feeders = activeFeeders(network, period, stations);
  g.spec.feeders = feeders.map((f) => f.feeder.id);
  g.spec.surface = {
    zoneUnit: Float64Array.from(network.zones.flatMap((z) => unitVector(z.centroid))),
    zoneClass: Uint8Array.from(network.zones, (z) => CLASS_CODES[z.class ?? 'urban']),
    table: surface.table(),
  };
  const enteredAt = new Map(stations.map((st) => [st.id, g.indexOf(nodeKey.entered(st.id))]));
  const exitedAt = new Map(stations.map((st) => [st.id, g.indexOf(nodeKey.exited(st.id))]));
  for (const link of stationLinks(network.zones, stations, network.stations, feeders, surface)) {
    const station = stations[link.station]!;
    const leg: SurfaceLegMeta = { mode: link.leg.mode, meters: Math.round(link.meters) };
    if (link.feeder >= 0) leg.feeder = link.feeder;
    const processing = Math.round(entrySeconds(station, a));
    const access = { ...link.parts, processing };
    g.addEdgeAt(
      origins[link.zone]!,
      enteredAt.get(station.id)!,
      'access',
      access,
      roundCost(link.cost + a.weights.processing * processing),
      undefined,
      leg,
    );
    g.addEdgeAt(
      exitedAt.get(station.id)!,
      destinations[link.zone]!,
      'egress',
      link.parts,
      link.cost,
      undefined,
      leg,
    );
  }
  return g.spec;
}

function addTransfers(
  network: Network,
  a: Assumptions,
  alightedLabels: [string, string][],
  platforms: Map<string, string[]>,
  addEdge: AddEdge,
): void {
  const index = indexNetwork(network);
  const resolver = new TransferResolver(network.transfers, (s) => index.hubOfStation.get(s), a);
  const end = (station: string, label: string) => {
    const { line, direction } = parseLabel(label);
    return { station: index.station.get(station)!, line: index.line.get(line) as Line, direction };
  };
  for (const [station, label] of alightedLabels) {
    const from = end(station, label);
    const hub = index.hubOfStation.get(station);
    const places = hub ? [station, ...hub.stations.filter((s) => s !== station)] : [station];
    for (const place of places) {
      for (const toLabel of platforms.get(place) ?? []) {
        const t = resolver.resolve(from, end(place, toLabel));
        const parts = {
          ...NO_PARTS,
          transfer: Math.round(t.walkSeconds),
          processing: Math.round(t.processingSeconds),
        };
        // The boarding penalty sits on the transfer: every boarding after the first follows exactly one.
        addEdge(
          nodeKey.alighted(station, label),
          nodeKey.platform(place, toLabel),
          'transfer',
          parts,
          roundCost(perceivedCost(parts, a.weights) + a.boardingPenaltySeconds),
        );
      }
    }
  }
}

/** Feeders with a headway in the period whose station is served (a feeder to a closed station runs nowhere). */
function activeFeeders(
  network: Network,
  period: string,
  stations: readonly { id: string }[],
): ActiveFeeder[] {
  const at = new Map(stations.map((s, k) => [s.id, k]));
  return (network.feeders ?? []).flatMap((feeder) => {
    const station = at.get(feeder.station);
    const headwaySeconds = feeder.headways[period];
    return station === undefined || headwaySeconds === undefined ? [] : [{ feeder, station, headwaySeconds }];
  });
}

/** Perceived weights to 1/64, so a weight times whole seconds is exact in binary floating point. */
function quantizeWeights(a: Assumptions): Assumptions {
  const q = (w: number) => Math.max(1, Math.round(w * 64)) / 64;
  const w = a.weights;
  return {
    ...a,
    weights: {
      walk: q(w.walk),
      wait: q(w.wait),
      inVehicle: q(w.inVehicle),
      processing: q(w.processing),
      transferWalk: q(w.transferWalk),
      bike: q(w.bike),
      bus: q(w.bus),
    },
  };
}

function addChain(
  g: SpecBuilder,
  chain: PatternChain,
  platform: (station: string, label: string) => string,
  alighted: (station: string, label: string) => string,
  addEdge: AddEdge,
  a: Assumptions,
): void {
  const p = chain.pattern;
  const n = p.stops.length;
  const dep = (k: number) => nodeKey.onBoard(chain.line.id, p.direction, p.id, k, false);
  const arr = (k: number) => nodeKey.onBoard(chain.line.id, p.direction, p.id, k, true);
  const hops = p.loop ? n : n - 1;
  for (let k = 0; k < n; k++) {
    const attrs = {
      kind: 'on-board' as const,
      ref: p.stops[k]!,
      line: chain.line.id,
      direction: p.direction,
    };
    if (k < hops) g.addNode(dep(k), attrs);
    if (k > 0 || p.loop) g.addNode(arr(k), attrs);
  }
  const ride = (seconds: number) => ({ ...NO_PARTS, ride: seconds });
  const use = (from: number, hopCount: number): RideUse[] => [
    {
      line: chain.line.id,
      direction: p.direction,
      pattern: p.id,
      stops: p.stops.length,
      from,
      hops: hopCount,
      share: 1,
    },
  ];
  for (let k = 0; k < hops; k++) {
    const next = (k + 1) % n;
    addEdge(
      dep(k),
      arr(next),
      'run',
      ride(chain.runs[k]!),
      a.weights.inVehicle * chain.runs[k]!,
      undefined,
      use(k, 1),
    );
  }
  for (let k = 0; k < n; k++) {
    if (k > 0 || p.loop) {
      if (k < hops)
        addEdge(arr(k), dep(k), 'dwell', ride(chain.dwells[k]!), a.weights.inVehicle * chain.dwells[k]!);
      addEdge(arr(k), alighted(p.stops[k]!, chain.labels[k]!), 'alight', NO_PARTS, 0);
    }
    if (chain.boardable[k]) {
      const wait = chain.waitAt(k);
      addEdge(
        platform(p.stops[k]!, chain.labels[k]!),
        dep(k),
        'board-train',
        { ...NO_PARTS, wait: wait.seconds, boardings: 1 },
        wait.cost,
        chain.metaAt(k),
        use(k, 0),
      );
    }
  }
}
