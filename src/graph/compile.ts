import type {
  CompactGraph,
  EDGE_KIND,
  NODE_KIND,
  PatternRef,
  ServiceInfo,
  SurfaceTable,
} from '../engine/types';
import type { EdgeAttributes, EdgeKind, GraphSpec } from './build';
import { GraphError } from './build';
import { type CommuteGraph, fromGraphology } from './graphology';
import { checkLimits } from './limits';
import type { NodeAttributes } from './nodes';
import type { RideUse } from './rides';

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
  const nodeLineList: number[] = [];
  const lineIndex = new Map<string, number>();
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
      let line = -1;
      if (attrs.line !== undefined && (attrs.kind === 'platform' || attrs.kind === 'alighted')) {
        line = lineIndex.get(attrs.line) ?? lineIndex.size;
        lineIndex.set(attrs.line, line);
      }
      nodeLineList.push(line);
    }
  });
  const Z = zones.length;
  const N = nodeStationList.length;

  const out: EdgeAttributes[][] = Array.from({ length: N }, () => []);
  const outTarget: number[][] = Array.from({ length: N }, () => []);
  const access: { node: number; e: EdgeAttributes }[][] = Array.from({ length: Z }, () => []);
  const egress: { node: number; e: EdgeAttributes }[][] = Array.from({ length: Z }, () => []);

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
    // Direct surface trips are the table's, not edges (a reference graph may carry them as edges).
    if (sa.kind === 'origin' && ta.kind === 'destination') return;
    if (sa.kind === 'origin') access[zoneIndex.get(sa.ref)!]!.push({ node: nodeIndexOf[target]!, e });
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
    edgeRail: new Uint8Array(E),
    edgeUseStart: new Int32Array(E + 1),
    usePattern: new Int32Array(0),
    useFrom: new Int32Array(0),
    useHops: new Int32Array(0),
    useShare: new Float64Array(0),
    patterns: [],
    ...accessLinks(zoneLinks(access)),
    ...egressLinks(zoneLinks(egress)),
    zoneUnit: Float64Array.from(spec.surface.zoneUnit),
    zoneClass: Uint8Array.from(spec.surface.zoneClass),
    surface: copyTable(spec.surface.table),
    nodeStation: Int32Array.from(nodeStationList),
    nodeKind: Uint8Array.from(nodeKindList),
    nodeLine: Int32Array.from(nodeLineList),
    lines: [...lineIndex.keys()],
    zones,
    stations,
    services: [],
    feeders: [...spec.feeders],
  };
  const services: ServiceInfo[] = c.services;
  const uses = new UseTable();
  let k = 0;
  for (let n = 0; n < N; n++) {
    c.edgeStart[n] = k;
    const list = out[n]!;
    for (let i = 0; i < list.length; i++, k++) {
      const e = list[i]!;
      c.edgeUseStart[k] = uses.count;
      for (const u of e.uses ?? []) uses.add(u);
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
        if (e.service.rail) c.edgeRail[k] = 1;
      }
    }
  }
  c.edgeStart[N] = k;
  c.edgeUseStart[k] = uses.count;
  Object.assign(c, uses.arrays());
  return c;
}

/** Ride uses as flat arrays, patterns numbered in the order first used. */
class UseTable {
  private readonly index = new Map<string, number>();
  readonly patterns: PatternRef[] = [];
  private readonly pattern: number[] = [];
  private readonly from: number[] = [];
  private readonly hops: number[] = [];
  private readonly share: number[] = [];

  get count(): number {
    return this.pattern.length;
  }

  add(u: RideUse): void {
    const key = `${u.line}\u0000${u.direction}\u0000${u.pattern}`;
    let p = this.index.get(key);
    if (p === undefined) {
      p = this.patterns.length;
      this.index.set(key, p);
      this.patterns.push({ line: u.line, direction: u.direction, pattern: u.pattern, stops: u.stops });
    }
    this.pattern.push(p);
    this.from.push(u.from);
    this.hops.push(u.hops);
    this.share.push(u.share);
  }

  arrays() {
    return {
      usePattern: Int32Array.from(this.pattern),
      useFrom: Int32Array.from(this.from),
      useHops: Int32Array.from(this.hops),
      useShare: Float64Array.from(this.share),
      patterns: this.patterns,
    };
  }
}

const MODE_CODE = { walk: 0, bike: 1, bus: 2 } as const satisfies Record<string, number>;

/** Zone links (access or egress) as flat arrays, zone by zone. */
function zoneLinks(lists: { node: number; e: EdgeAttributes }[][]) {
  const total = lists.reduce((s, l) => s + l.length, 0);
  const links = {
    start: new Int32Array(lists.length + 1),
    node: new Int32Array(total),
    cost: new Float64Array(total),
    time: new Int32Array(total),
    walk: new Int32Array(total),
    bike: new Int32Array(total),
    bus: new Int32Array(total),
    wait: new Int32Array(total),
    processing: new Int32Array(total),
    mode: new Uint8Array(total),
    meters: new Int32Array(total),
    feeder: new Int32Array(total).fill(-1),
  };
  let k = 0;
  lists.forEach((list, z) => {
    links.start[z] = k;
    for (const { node: n, e } of list) {
      if (!e.leg) throw new GraphError('a zone link without its surface leg');
      links.node[k] = n;
      links.cost[k] = e.weight;
      links.time[k] = e.time;
      links.walk[k] = e.walk;
      links.bike[k] = e.bike;
      links.bus[k] = e.bus;
      links.wait[k] = e.wait;
      links.processing[k] = e.processing;
      links.mode[k] = MODE_CODE[e.leg.mode];
      links.meters[k] = e.leg.meters;
      links.feeder[k] = e.leg.feeder ?? -1;
      k++;
    }
  });
  links.start[lists.length] = k;
  return links;
}

type ZoneLinks = ReturnType<typeof zoneLinks>;

function accessLinks(l: ZoneLinks) {
  return {
    accessStart: l.start,
    accessNode: l.node,
    accessCost: l.cost,
    accessTime: l.time,
    accessWalk: l.walk,
    accessBike: l.bike,
    accessBus: l.bus,
    accessWait: l.wait,
    accessProcessing: l.processing,
    accessMode: l.mode,
    accessMeters: l.meters,
    accessFeeder: l.feeder,
  };
}

function egressLinks(l: ZoneLinks) {
  return {
    egressStart: l.start,
    egressNode: l.node,
    egressCost: l.cost,
    egressTime: l.time,
    egressWalk: l.walk,
    egressBike: l.bike,
    egressBus: l.bus,
    egressWait: l.wait,
    egressMode: l.mode,
    egressMeters: l.meters,
    egressFeeder: l.feeder,
  };
}

function copyTable(t: SurfaceTable): SurfaceTable {
  return {
    maxMeters: Float64Array.from(t.maxMeters),
    secondsPerMeter: Float64Array.from(t.secondsPerMeter),
    beyondMeters: Float64Array.from(t.beyondMeters),
    extraPerMeter: Float64Array.from(t.extraPerMeter),
    fixedTime: Int32Array.from(t.fixedTime),
    fixedCost: Float64Array.from(t.fixedCost),
    movingWeight: Float64Array.from(t.movingWeight),
    fixedWalk: Int32Array.from(t.fixedWalk),
    fixedWait: Int32Array.from(t.fixedWait),
    fixedBike: Int32Array.from(t.fixedBike),
  };
}
