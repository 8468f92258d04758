import type { CompactGraph, EDGE_KIND, NODE_KIND, ServiceInfo } from '../engine/types';
import type { EdgeAttributes, EdgeKind, GraphSpec } from './build';
import { GraphError } from './build';
import { type CommuteGraph, fromGraphology } from './graphology';
import { checkLimits } from './limits';
import type { NodeAttributes } from './nodes';

const STATION_SIDE = new Set<NodeAttributes['kind']>([
  'entered',
  'exited',
  'platform',
  'alighted',
  'on-board',
]);
/**
 * The engine's node and edge codes. engine/types.ts owns them and graph may import its types only
 * (DESIGN.md §5), so these are copies that the compiler holds to be exactly the engine's.
 */
const NODE_CODE = {
  entered: 0,
  exited: 1,
  platform: 2,
  alighted: 3,
  'on-board': 4,
} as const satisfies typeof NODE_KIND;
const EDGE_CODE = {
  board: 0,
  ride: 1,
  exit: 2,
  transfer: 3,
  'board-train': 4,
  run: 5,
  dwell: 6,
  alight: 7,
} as const satisfies typeof EDGE_KIND;
const KIND_CODE: Partial<Record<EdgeKind, number>> = EDGE_CODE;

/** Compile a graphology graph (through its list form) into the engine's typed arrays. */
export function compileGraph(g: CommuteGraph): CompactGraph {
  return compile(fromGraphology(g));
}

/**
 * Compile a graph into the engine's typed arrays. Node and edge order follow the list's order, so the same
 * graph gives the same arrays. Every weight is checked again: not a finite number ≥ 0 is an error.
 */
export function compile(spec: GraphSpec): CompactGraph {
  checkLimits(spec);
  const zones: string[] = [];
  const zoneIndex = new Map<string, number>();
  const stationIndex = new Map<string, number>();
  const stations: string[] = [];
  const nodeStationList: number[] = [];
  const nodeKindList: number[] = [];
  const nodeIndexOf: number[] = [];
  spec.nodes.forEach((attrs, k) => {
    if (attrs.kind === 'origin') {
      zoneIndex.set(attrs.ref, zones.length);
      zones.push(attrs.ref);
    } else if (STATION_SIDE.has(attrs.kind)) {
      let s = stationIndex.get(attrs.ref);
      if (s === undefined) {
        s = stations.length;
        stationIndex.set(attrs.ref, s);
        stations.push(attrs.ref);
      }
      nodeIndexOf[k] = nodeStationList.length;
      nodeStationList.push(s);
      nodeKindList.push(NODE_CODE[attrs.kind as keyof typeof NODE_CODE]);
    }
  });
  const Z = zones.length;
  const N = nodeStationList.length;

  const out: EdgeAttributes[][] = Array.from({ length: N }, () => []);
  const outTarget: number[][] = Array.from({ length: N }, () => []);
  const access: { node: number; e: EdgeAttributes }[][] = Array.from({ length: Z }, () => []);
  const egress: { node: number; e: EdgeAttributes }[][] = Array.from({ length: Z }, () => []);
  const walks: { zone: number; e: EdgeAttributes }[][] = Array.from({ length: Z }, () => []);

  spec.edges.forEach((e, k) => {
    const source = spec.edgeSource[k]!;
    const target = spec.edgeTarget[k]!;
    if (!(typeof e.weight === 'number' && Number.isFinite(e.weight) && e.weight >= 0)) {
      throw new GraphError(
        `edge ${spec.nodeKeys[source]} → ${spec.nodeKeys[target]} has weight ${String(e.weight)}`,
      );
    }
    const sa = spec.nodes[source]!;
    const ta = spec.nodes[target]!;
    if (sa.kind === 'origin' && ta.kind === 'destination')
      walks[zoneIndex.get(sa.ref)!]!.push({ zone: zoneIndex.get(ta.ref)!, e });
    else if (sa.kind === 'origin') access[zoneIndex.get(sa.ref)!]!.push({ node: nodeIndexOf[target]!, e });
    else if (ta.kind === 'destination')
      egress[zoneIndex.get(ta.ref)!]!.push({ node: nodeIndexOf[source]!, e });
    else {
      const n = nodeIndexOf[source]!;
      out[n]!.push(e);
      outTarget[n]!.push(nodeIndexOf[target]!);
    }
  });

  const E = out.reduce((s, l) => s + l.length, 0);
  const c: CompactGraph = {
    zoneCount: Z,
    nodeCount: N,
    edgeStart: new Int32Array(N + 1),
    edgeTarget: new Int32Array(E),
    edgeCost: new Float64Array(E),
    edgeTime: new Int32Array(E),
    edgeWalk: new Int32Array(E),
    edgeWait: new Int32Array(E),
    edgeRide: new Int32Array(E),
    edgeTransfer: new Int32Array(E),
    edgeProcessing: new Int32Array(E),
    edgeBoardings: new Uint8Array(E),
    edgeKind: new Uint8Array(E),
    edgeService: new Int32Array(E).fill(-1),
    ...zoneLinks(access, 'access'),
    ...zoneLinks(egress, 'egress'),
    ...walkLinks(walks),
    nodeStation: Int32Array.from(nodeStationList),
    nodeKind: Uint8Array.from(nodeKindList),
    zones,
    stations,
    services: [],
  } as CompactGraph;
  const services: ServiceInfo[] = c.services;
  let k = 0;
  for (let n = 0; n < N; n++) {
    c.edgeStart[n] = k;
    const list = out[n]!;
    for (let i = 0; i < list.length; i++, k++) {
      const e = list[i]!;
      c.edgeTarget[k] = outTarget[n]![i]!;
      c.edgeCost[k] = e.weight;
      c.edgeTime[k] = e.time;
      c.edgeWalk[k] = e.walk;
      c.edgeWait[k] = e.wait;
      c.edgeRide[k] = e.ride;
      c.edgeTransfer[k] = e.transfer;
      c.edgeProcessing[k] = e.processing;
      c.edgeBoardings[k] = e.boardings;
      const code = KIND_CODE[e.kind];
      if (code === undefined) throw new GraphError(`a ${e.kind} edge between station-side nodes`);
      c.edgeKind[k] = code;
      if (e.service) {
        c.edgeService[k] = services.length;
        services.push({ ...e.service });
      }
    }
  }
  c.edgeStart[N] = k;
  return c;
}

function zoneLinks(lists: { node: number; e: EdgeAttributes }[][], prefix: 'access' | 'egress') {
  const total = lists.reduce((s, l) => s + l.length, 0);
  const start = new Int32Array(lists.length + 1);
  const node = new Int32Array(total);
  const cost = new Float64Array(total);
  const walk = new Int32Array(total);
  const wait = new Int32Array(total);
  const time = new Int32Array(total);
  const processing = new Int32Array(total);
  let k = 0;
  lists.forEach((list, z) => {
    start[z] = k;
    for (const { node: n, e } of list) {
      node[k] = n;
      cost[k] = e.weight;
      walk[k] = e.walk;
      wait[k] = e.wait;
      time[k] = e.time;
      processing[k] = e.processing;
      k++;
    }
  });
  start[lists.length] = k;
  return prefix === 'access'
    ? {
        accessStart: start,
        accessNode: node,
        accessCost: cost,
        accessTime: time,
        accessWalk: walk,
        accessWait: wait,
        accessProcessing: processing,
      }
    : {
        egressStart: start,
        egressNode: node,
        egressCost: cost,
        egressTime: time,
        egressWalk: walk,
        egressWait: wait,
      };
}

function walkLinks(lists: { zone: number; e: EdgeAttributes }[][]) {
  const total = lists.reduce((s, l) => s + l.length, 0);
  const walkStart = new Int32Array(lists.length + 1);
  const walkZone = new Int32Array(total);
  const walkCost = new Float64Array(total);
  const walkTime = new Int32Array(total);
  let k = 0;
  lists.forEach((list, z) => {
    walkStart[z] = k;
    for (const { zone, e } of list) {
      walkZone[k] = zone;
      walkCost[k] = e.weight;
      walkTime[k] = e.time;
      k++;
    }
  });
  walkStart[lists.length] = k;
  return { walkStart, walkZone, walkCost, walkTime };
}
