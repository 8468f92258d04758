import { NodeHeap } from './heap';
import {
  directLeg,
  directTrip,
  EARTH_RADIUS_M,
  ORIGIN_ENTRIES,
  originEntries,
  SURFACE_MODE_OF_CODE,
} from './surface';
import {
  type CompactGraph,
  EDGE_KIND,
  type Leg,
  NODE_KIND,
  type SurfaceLeg,
  TRIP_MODE,
  type TripDetail,
} from './types';

/** Marks a label reached straight from the origin through access link k: pred = −(k + 2). */
const fromAccess = (k: number) => -(k + 2);

/**
 * Shortest paths by perceived cost (ties: quicker first) from one origin zone at a time, on the compact
 * graph. Label arrays are allocated once and reused; nothing is allocated per edge. Not thread-safe: one
 * router per worker.
 */
export class Router {
  /** Per station-side node: perceived cost, time, and the edge it was reached by (−1 none). */
  readonly cost: Float64Array;
  readonly time: Float64Array;
  readonly pred: Int32Array;
  /** Per node: 1 when its best path boards a train (else it rides only bus routes, or nothing yet). */
  readonly rail: Uint8Array;
  private readonly heap: NodeHeap;
  /** Per node: 0 = through the heap, 1 = relaxed on the spot (on-board), 2 = sink (never queued). */
  private readonly immediate: Uint8Array;
  private readonly queued: Uint8Array;
  private readonly stack: Int32Array;
  /**
   * Nodes in the order the last search processed them (a node relaxed again appears again). A node's last
   * processing comes after its predecessor's last, so the log read backwards from each node's last entry
   * lists children before parents: what pushing flows down the tree needs, with no sort (RailLoads).
   */
  private log: Int32Array;
  private logLength = 0;
  /** The origin's direct-trip table entries, for directSurface. */
  private readonly surfaceScratch = new Float64Array(ORIGIN_ENTRIES);
  private origin = -1;

  constructor(readonly g: CompactGraph) {
    const n = g.nodeCount;
    this.cost = new Float64Array(n);
    this.time = new Float64Array(n);
    this.pred = new Int32Array(n);
    this.rail = new Uint8Array(n);
    this.heap = new NodeHeap(n, this.cost, this.time);
    this.immediate = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      if (g.edgeStart[v] === g.edgeStart[v + 1]) this.immediate[v] = 2;
      else if (g.nodeKind[v] === NODE_KIND['on-board'] || g.nodeKind[v] === NODE_KIND.platform)
        this.immediate[v] = 1;
    }
    this.queued = new Uint8Array(n);
    this.stack = new Int32Array(n);
    this.log = new Int32Array(Math.max(16, n));
  }

  /** The processing log of the last search (see `log`): valid until the next search. */
  processed(): Int32Array {
    return this.log.subarray(0, this.logLength);
  }

  /**
   * Label every station-side node from origin zone `o`: Dijkstra on (cost, time). On-board nodes of
   * pattern chains never enter the heap: each has one way in besides boarding, so it is relaxed on the spot
   * (label-correcting along the chain). That stays exact — a node that does enter the heap is settled only
   * when popped, and any cheaper boarding upstream comes from a platform popped before it. Sinks (nodes
   * without out-edges) are labelled but never queued.
   */
  search(o: number): void {
    this.searchFrom(o, -1);
  }

  /** Label every node from a single entered-station node (cost 0), as if a zone sat at its gates. */
  searchFromStation(entered: number): void {
    this.searchFrom(-1, entered);
  }

  private searchFrom(o: number, entered: number): void {
    const g = this.g;
    const cost = this.cost;
    const time = this.time;
    const pred = this.pred;
    const rail = this.rail;
    const edgeRail = g.edgeRail;
    const immediate = this.immediate;
    const queued = this.queued;
    const stack = this.stack;
    cost.fill(Number.POSITIVE_INFINITY);
    time.fill(Number.POSITIVE_INFINITY);
    pred.fill(-1);
    rail.fill(0);
    const heap = this.heap;
    heap.clear();
    let top = 0;
    let logged = 0;
    let log = this.log;
    const start = g.edgeStart;
    const target = g.edgeTarget;
    const edgeCost = g.edgeCost;
    const edgeTime = g.edgeTime;
    // Seeds go where relaxed nodes go: on-board and platform nodes on the stack, the others in the heap.
    const seed = (v: number) => {
      if (immediate[v] === 1) {
        if (queued[v] === 0) {
          queued[v] = 1;
          stack[top++] = v;
        }
      } else if (immediate[v] === 0) heap.push(v);
    };
    if (o >= 0) {
      for (let k = g.accessStart[o]!; k < g.accessStart[o + 1]!; k++) {
        const n = g.accessNode[k]!;
        const c = g.accessCost[k]!;
        const t = g.accessTime[k]!;
        if (c < cost[n]! || (c === cost[n]! && t < time[n]!)) {
          cost[n] = c;
          time[n] = t;
          pred[n] = fromAccess(k);
          seed(n);
        }
      }
    } else {
      cost[entered] = 0;
      time[entered] = 0;
      seed(entered);
    }
    // The hot loop, flat: take the next node (stack first, then the heap) and relax its edges.
    for (;;) {
      let u: number;
      if (top > 0) {
        u = stack[--top]!;
        queued[u] = 0;
      } else if (heap.length > 0) u = heap.pop();
      else break;
      if (logged === log.length) {
        const grown = new Int32Array(2 * log.length);
        grown.set(log);
        log = grown;
        this.log = grown;
      }
      log[logged++] = u;
      const cu = cost[u]!;
      const tu = time[u]!;
      for (let e = start[u]!, end = start[u + 1]!; e < end; e++) {
        const v = target[e]!;
        const c = cu + edgeCost[e]!;
        const cv = cost[v]!;
        if (c > cv) continue;
        const t = tu + edgeTime[e]!;
        if (c < cv || t < time[v]!) {
          cost[v] = c;
          time[v] = t;
          pred[v] = e;
          rail[v] = rail[u]! | edgeRail[e]!;
          const mode = immediate[v];
          if (mode === 1) {
            if (queued[v] === 0) {
              queued[v] = 1;
              stack[top++] = v;
            }
          } else if (mode === 0) heap.push(v);
        }
      }
    }
    this.logLength = logged;
    this.origin = o;
  }

  /**
   * Times (and costs) from origin `o` to every zone into `outTime` / `outCost`, and with `outMode` how the best
   * trip travels (TRIP_MODE); +Infinity where no path exists. Each destination takes its cheapest way: a
   * direct surface trip or an egress from a station.
   */
  row(o: number, outTime: Float64Array, outCost: Float64Array, outMode?: Uint8Array): void {
    this.search(o);
    this.directSurface(o, outTime, outCost, outMode);
    this.destinations(outTime, outCost, outMode);
  }

  /**
   * Set `out` to the direct surface trips from origin `o` (walk, bike or bus: the best per destination, in
   * closed form; see directTrip, whose arithmetic this loop repeats for speed).
   */
  directSurface(o: number, outTime: Float64Array, outCost: Float64Array, outMode?: Uint8Array): void {
    const g = this.g;
    const u = g.zoneUnit;
    const cls = g.zoneClass;
    // The origin's six table entries (3 modes × 2 destination classes) in a scratch: the loop reads no table.
    const p = originEntries(g, o, this.surfaceScratch);
    const ox = u[3 * o]!;
    const oy = u[3 * o + 1]!;
    const oz = u[3 * o + 2]!;
    for (let d = 0, Z = g.zoneCount; d < Z; d++) {
      const dx = ox - u[3 * d]!;
      const dy = oy - u[3 * d + 1]!;
      const dz = oz - u[3 * d + 2]!;
      const c2 = dx * dx + dy * dy + dz * dz;
      const meters = EARTH_RADIUS_M * Math.sqrt(c2) * (1 + c2 / 24);
      const b = cls[d]! * 21;
      let bc = Number.POSITIVE_INFINITY;
      let bt = Number.POSITIVE_INFINITY;
      let bm: number = TRIP_MODE.none;
      // Walk, bike, bus (entries b, b + 7, b + 14): walk and bike never run express (beyond = Infinity).
      if (meters <= p[b]!) {
        const moving = Math.floor(meters * p[b + 1]! + Math.max(0, meters - p[b + 5]!) * p[b + 6]! + 0.5);
        bc = p[b + 2]! + p[b + 3]! * moving;
        bt = p[b + 4]! + moving;
        bm = TRIP_MODE.walk;
      }
      if (meters <= p[b + 7]!) {
        const moving = Math.floor(meters * p[b + 8]! + Math.max(0, meters - p[b + 12]!) * p[b + 13]! + 0.5);
        const c = p[b + 9]! + p[b + 10]! * moving;
        const tt = p[b + 11]! + moving;
        if (c < bc || (c === bc && tt < bt)) {
          bc = c;
          bt = tt;
          bm = TRIP_MODE.bike;
        }
      }
      if (meters <= p[b + 14]!) {
        const moving = Math.floor(meters * p[b + 15]! + Math.max(0, meters - p[b + 19]!) * p[b + 20]! + 0.5);
        const c = p[b + 16]! + p[b + 17]! * moving;
        const tt = p[b + 18]! + moving;
        if (c < bc || (c === bc && tt < bt)) {
          bc = c;
          bt = tt;
          bm = TRIP_MODE.bus;
        }
      }
      if (d === o) {
        bc = 0;
        bt = 0;
        bm = TRIP_MODE.walk;
      }
      outCost[d] = bc;
      outTime[d] = bt;
      if (outMode) outMode[d] = bm;
    }
  }

  /**
   * Lower `out` to the ways into each zone from the stations labelled by the last search (mode rail, or bus
   * where the way rides bus routes only), and with `outEgress` the egress link each way leaves by where it
   * lowered (the rule loads follow: RailLoads).
   */
  destinations(
    outTime: Float64Array,
    outCost: Float64Array,
    outMode?: Uint8Array,
    outEgress?: Int32Array,
  ): void {
    const g = this.g;
    const cost = this.cost;
    const time = this.time;
    const node = g.egressNode;
    const egressCost = g.egressCost;
    const egressTime = g.egressTime;
    const start = g.egressStart;
    for (let d = 0; d < g.zoneCount; d++) {
      const c0 = outCost[d]!;
      const t0 = outTime[d]!;
      let bc = c0;
      let bt = t0;
      let bk = -1;
      for (let k = start[d]!, end = start[d + 1]!; k < end; k++) {
        const n = node[k]!;
        const c = cost[n]! + egressCost[k]!;
        if (c > bc) continue;
        const t = time[n]! + egressTime[k]!;
        if (c < bc || t < bt) {
          bc = c;
          bt = t;
          bk = k;
        }
      }
      if (bk >= 0) {
        outCost[d] = bc;
        outTime[d] = bt;
        if (outMode) outMode[d] = this.rail[node[bk]!] ? TRIP_MODE.rail : TRIP_MODE.bus;
        if (outEgress) outEgress[d] = bk;
      }
    }
  }

  /** The route from `o` to `d` as legs with its time in parts, or undefined when there is none. */
  trip(o: number, d: number): TripDetail | undefined {
    if (this.origin !== o) this.search(o);
    const g = this.g;
    const direct = directTrip(g, o, d);
    let best: { cost: number; time: number; egress: number } | undefined;
    for (let k = g.egressStart[d]!; k < g.egressStart[d + 1]!; k++) {
      const n = g.egressNode[k]!;
      const c = this.cost[n]! + g.egressCost[k]!;
      const t = this.time[n]! + g.egressTime[k]!;
      const [bc, bt] = best ? [best.cost, best.time] : [direct.cost, direct.time];
      if (Number.isFinite(c) && (c < bc || (c === bc && t < bt))) best = { cost: c, time: t, egress: k };
    }
    if (best) return this.traceStations(o, d, best.egress, best.cost);
    if (direct.entry < 0) return undefined;
    const origin = g.zones[o]!;
    const destination = g.zones[d]!;
    const leg = directLeg(g, direct, origin, destination);
    return {
      origin,
      destination,
      time: direct.time,
      walk: leg.walkSeconds,
      bike: leg.bikeSeconds,
      bus: leg.busSeconds,
      wait: leg.waitSeconds,
      ride: 0,
      transfer: 0,
      processing: 0,
      boardings: leg.kind === 'bus' ? 1 : 0,
      cost: direct.cost,
      mode: leg.kind,
      legs: o === d ? [] : [leg],
    };
  }

  /** The surface leg of access link k (from its zone) or egress link k (to its zone). */
  private zoneLeg(side: 'access' | 'egress', k: number, zone: string, station: string): SurfaceLeg {
    const g = this.g;
    const [mode, walk, bike, bus, wait, meters, feeder] =
      side === 'access'
        ? [
            g.accessMode,
            g.accessWalk,
            g.accessBike,
            g.accessBus,
            g.accessWait,
            g.accessMeters,
            g.accessFeeder,
          ]
        : [
            g.egressMode,
            g.egressWalk,
            g.egressBike,
            g.egressBus,
            g.egressWait,
            g.egressMeters,
            g.egressFeeder,
          ];
    const leg: SurfaceLeg = {
      kind: SURFACE_MODE_OF_CODE[mode[k]!]!,
      from: side === 'access' ? { zone } : { station },
      to: side === 'access' ? { station } : { zone },
      meters: meters[k]!,
      seconds: walk[k]! + bike[k]! + bus[k]! + wait[k]!,
      walkSeconds: walk[k]!,
      waitSeconds: wait[k]!,
      bikeSeconds: bike[k]!,
      busSeconds: bus[k]!,
    };
    if (feeder[k]! >= 0) leg.feeder = g.feeders[feeder[k]!]!;
    return leg;
  }

  private traceStations(o: number, d: number, egress: number, cost: number): TripDetail {
    const g = this.g;
    const station = (n: number) => g.stations[g.nodeStation[n]!]!;
    // The path's edges, origin side first, each with the node it leaves.
    const steps: { e: number; from: number; to: number }[] = [];
    let n = g.egressNode[egress]!;
    while (this.pred[n]! >= 0) {
      const e = this.pred[n]!;
      const from = this.sourceOf(e);
      steps.push({ e, from, to: n });
      n = from;
    }
    steps.reverse();
    const access = -this.pred[n]! - 2;
    const first = this.zoneLeg('access', access, g.zones[o]!, station(n));
    const last = this.zoneLeg('egress', egress, g.zones[d]!, station(g.egressNode[egress]!));
    const parts = {
      walk: first.walkSeconds + last.walkSeconds,
      bike: first.bikeSeconds + last.bikeSeconds,
      bus: first.busSeconds + last.busSeconds,
      wait: first.waitSeconds + last.waitSeconds,
      ride: 0,
      transfer: 0,
      processing: g.accessProcessing[access]!,
      boardings: (first.kind === 'bus' ? 1 : 0) + (last.kind === 'bus' ? 1 : 0),
    };
    const legs: Leg[] = [first, { kind: 'enter', station: station(n), seconds: g.accessProcessing[access]! }];
    let chain: { from: number; e: number; ride: number; stops: number } | undefined;
    for (const { e, from, to } of steps) {
      parts.walk += g.edgeWalk[e]!;
      parts.wait += g.edgeWait[e]!;
      parts.ride += g.edgeRide[e]!;
      parts.transfer += g.edgeTransfer[e]!;
      parts.processing += g.edgeProcessing[e]!;
      parts.boardings += g.edgeBoardings[e]!;
      switch (g.edgeKind[e]) {
        case EDGE_KIND.ride:
          legs.push(
            this.rideLeg(e, station(from), station(to), g.edgeRide[e]!, g.services[g.edgeService[e]!]!.stops),
          );
          break;
        case EDGE_KIND['board-train']:
          chain = { from, e, ride: 0, stops: 0 };
          break;
        case EDGE_KIND.run:
          chain!.ride += g.edgeRide[e]!;
          chain!.stops++;
          break;
        case EDGE_KIND.dwell:
          chain!.ride += g.edgeRide[e]!;
          break;
        case EDGE_KIND.alight:
          legs.push(this.rideLeg(chain!.e, station(chain!.from), station(to), chain!.ride, chain!.stops));
          chain = undefined;
          break;
        case EDGE_KIND.transfer:
          legs.push({
            kind: 'transfer',
            from: station(from),
            to: station(to),
            walkSeconds: g.edgeTransfer[e]!,
            processingSeconds: g.edgeProcessing[e]!,
          });
          break;
        case EDGE_KIND.exit:
          legs.push({ kind: 'exit', station: station(to), seconds: g.edgeProcessing[e]! });
          break;
      }
    }
    legs.push(last);
    const time =
      parts.walk + parts.bike + parts.bus + parts.wait + parts.ride + parts.transfer + parts.processing;
    const mode = this.rail[g.egressNode[egress]!] ? 'rail' : 'bus';
    return { origin: g.zones[o]!, destination: g.zones[d]!, time, ...parts, cost, mode, legs };
  }

  /** A ride leg from the edge that boards (pooled ride or chain boarding), which carries the wait and the service. */
  private rideLeg(boardEdge: number, from: string, to: string, rideSeconds: number, stops: number): Leg {
    const g = this.g;
    const s = g.services[g.edgeService[boardEdge]!]!;
    return {
      kind: 'ride',
      line: s.line,
      direction: s.direction,
      ...(s.towards !== undefined && { towards: s.towards }),
      from,
      to,
      stops,
      patterns: s.patterns,
      headwaySeconds: s.headwaySeconds,
      waitSeconds: g.edgeWait[boardEdge]!,
      rideSeconds,
    };
  }

  /** Source node of edge e (CSR stores targets only): binary search of the start offsets. */
  private sourceOf(e: number): number {
    const start = this.g.edgeStart;
    let lo = 0;
    let hi = this.g.nodeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid]! <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
