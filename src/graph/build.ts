import { DirectedGraph } from 'graphology';
import { type Assumptions, resolveAssumptions } from '../domain/assumptions';
import type { Direction, Line } from '../domain/line';
import { indexNetwork, type Network } from '../domain/network';
import { directWalks, stationLinks } from './access';
import { type EdgeParts, NO_PARTS, partsTime, perceivedCost, roundCost } from './cost';
import { type NodeAttributes, nodeKey } from './nodes';
import { type RideMeta, rideEdges } from './rides';
import { entrySeconds, exitSeconds, TransferResolver } from './transfers';

export type EdgeKind = 'access' | 'board' | 'ride' | 'exit' | 'egress' | 'transfer' | 'walk';

/** Every edge carries its perceived cost (`weight`, what routes minimise) and its physical time in parts. */
export interface EdgeAttributes extends EdgeParts {
  weight: number;
  time: number;
  kind: EdgeKind;
  /** On ride edges: the line and patterns taken. */
  service?: RideMeta;
}

export type CommuteGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** An edge with a weight that is not a finite number ≥ 0: a bug, never silently a weight of 1. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
}

/**
 * The network for one period as a graphology graph with explicit numeric weights on every edge:
 *
 *   origin zone ─access─▶ entered(s) ─board─▶ platform(s, line-dir) ─ride─▶ alighted(s', line-dir)
 *   alighted ─transfer─▶ platform(s'' in the same station or hub, …)   alighted ─exit─▶ exited(s') ─egress─▶ destination zone
 *   origin zone ─walk─▶ destination zone (short trips)
 *
 * Only stations served in the period get nodes. Insertion order is fixed by the network's order, so the
 * same network gives the same graph.
 */
export function buildGraph(network: Network, period: string): CommuteGraph {
  if (!network.periods.some((p) => p.id === period))
    throw new GraphError(`network "${network.id}" has no period "${period}"`);
  const a = resolveAssumptions(network.assumptions);
  const index = indexNetwork(network);
  const g: CommuteGraph = new DirectedGraph();
  const addEdge = (
    from: string,
    to: string,
    kind: EdgeKind,
    parts: EdgeParts,
    weight: number,
    service?: RideMeta,
  ) => {
    if (!(Number.isFinite(weight) && weight >= 0))
      throw new GraphError(`edge ${from} → ${to} has weight ${weight}`);
    const attrs: EdgeAttributes = { ...parts, weight, time: partsTime(parts), kind };
    if (service) attrs.service = service;
    g.addDirectedEdge(from, to, attrs);
  };

  for (const z of network.zones) g.addNode(nodeKey.origin(z.id), { kind: 'origin', ref: z.id });
  for (const z of network.zones) g.addNode(nodeKey.destination(z.id), { kind: 'destination', ref: z.id });

  const rides = rideEdges(network, period, a);
  const served = new Set(rides.flatMap((r) => [r.fromStation, r.toStation]));
  const stations = network.stations.filter((s) => served.has(s.id));
  for (const s of stations) {
    g.addNode(nodeKey.entered(s.id), { kind: 'entered', ref: s.id });
    g.addNode(nodeKey.exited(s.id), { kind: 'exited', ref: s.id });
  }

  const platforms = new Map<string, string[]>();
  const platform = (station: string, label: string): string => {
    const key = nodeKey.platform(station, label);
    if (!g.hasNode(key)) {
      const [line, dir] = label.split('#');
      g.addNode(key, { kind: 'platform', ref: station, line: line!, direction: Number(dir) as Direction });
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
    if (!g.hasNode(key)) {
      const [line, dir] = label.split('#');
      g.addNode(key, { kind: 'alighted', ref: station, line: line!, direction: Number(dir) as Direction });
      const s = index.station.get(station)!;
      const parts = { ...NO_PARTS, processing: Math.round(exitSeconds(s, a)) };
      addEdge(key, nodeKey.exited(station), 'exit', parts, perceivedCost(parts, a.weights));
      alightedLabels.push([station, label]);
    }
    return key;
  };
  for (const r of rides) {
    addEdge(
      platform(r.fromStation, r.fromLabel),
      alighted(r.toStation, r.toLabel),
      'ride',
      r.parts,
      r.cost,
      r.meta,
    );
  }

  addTransfers(network, a, alightedLabels, platforms, addEdge);

  for (const link of stationLinks(network.zones, stations, a)) {
    const zone = network.zones[link.zone]!.id;
    const station = stations[link.station]!;
    const access = { ...NO_PARTS, walk: link.seconds, processing: Math.round(entrySeconds(station, a)) };
    addEdge(
      nodeKey.origin(zone),
      nodeKey.entered(station.id),
      'access',
      access,
      perceivedCost(access, a.weights),
    );
    const egress = { ...NO_PARTS, walk: link.seconds };
    addEdge(
      nodeKey.exited(station.id),
      nodeKey.destination(zone),
      'egress',
      egress,
      perceivedCost(egress, a.weights),
    );
  }
  for (const w of directWalks(network.zones, a)) {
    const parts = { ...NO_PARTS, walk: w.seconds };
    addEdge(
      nodeKey.origin(network.zones[w.from]!.id),
      nodeKey.destination(network.zones[w.to]!.id),
      'walk',
      parts,
      perceivedCost(parts, a.weights),
    );
  }
  return g;
}

function addTransfers(
  network: Network,
  a: Assumptions,
  alightedLabels: [string, string][],
  platforms: Map<string, string[]>,
  addEdge: (from: string, to: string, kind: EdgeKind, parts: EdgeParts, weight: number) => void,
): void {
  const index = indexNetwork(network);
  const resolver = new TransferResolver(network.transfers, (s) => index.hubOfStation.get(s), a);
  const end = (station: string, label: string) => {
    const [line, dir] = label.split('#');
    return {
      station: index.station.get(station)!,
      line: index.line.get(line!) as Line,
      direction: Number(dir) as Direction,
    };
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
