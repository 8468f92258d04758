import { NodeHeap } from './heap';
import { type CompactGraph, EDGE_KIND, type Leg, NODE_KIND, type TripDetail } from './types';

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
  private readonly heap: NodeHeap;
  /** Per node: 0 = through the heap, 1 = relaxed on the spot (on-board), 2 = sink (never queued). */
  private readonly immediate: Uint8Array;
  private readonly queued: Uint8Array;
  private readonly stack: Int32Array;
  private origin = -1;

  constructor(readonly g: CompactGraph) {
    const n = g.nodeCount;
    this.cost = new Float64Array(n);
    this.time = new Float64Array(n);
    this.pred = new Int32Array(n);
    this.heap = new NodeHeap(n, this.cost, this.time);
    this.immediate = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      if (g.edgeStart[v] === g.edgeStart[v + 1]) this.immediate[v] = 2;
      else if (g.nodeKind[v] === NODE_KIND['on-board'] || g.nodeKind[v] === NODE_KIND.platform)
        this.immediate[v] = 1;
    }
    this.queued = new Uint8Array(n);
    this.stack = new Int32Array(n);
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
    const immediate = this.immediate;
    const queued = this.queued;
    const stack = this.stack;
    cost.fill(Number.POSITIVE_INFINITY);
    time.fill(Number.POSITIVE_INFINITY);
    pred.fill(-1);
    const heap = this.heap;
    heap.clear();
    let top = 0;
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
    this.origin = o;
  }

  /**
   * Times (and costs) from origin `o` to every zone into `outTime` / `outCost`; +Infinity where no path
   * exists. Each destination takes its cheapest way in: a direct walk or an egress from a station.
   */
  row(o: number, outTime: Float64Array, outCost: Float64Array): void {
    this.search(o);
    outCost.fill(Number.POSITIVE_INFINITY);
    outTime.fill(Number.POSITIVE_INFINITY);
    this.directWalks(o, outTime, outCost);
    this.destinations(outTime, outCost);
  }

  /** Lower `out` to the direct walks from origin `o` where they are better. */
  directWalks(o: number, outTime: Float64Array, outCost: Float64Array): void {
    const g = this.g;
    for (let k = g.walkStart[o]!; k < g.walkStart[o + 1]!; k++) {
      const d = g.walkZone[k]!;
      const c = g.walkCost[k]!;
      const t = g.walkTime[k]!;
      if (c < outCost[d]! || (c === outCost[d]! && t < outTime[d]!)) {
        outCost[d] = c;
        outTime[d] = t;
      }
    }
  }

  /** Lower `out` to the ways into each zone from the stations labelled by the last search. */
  destinations(outTime: Float64Array, outCost: Float64Array): void {
    const g = this.g;
    const cost = this.cost;
    const time = this.time;
    const node = g.egressNode;
    const egressCost = g.egressCost;
    const egressTime = g.egressTime;
    const start = g.egressStart;
    for (let d = 0; d < g.zoneCount; d++) {
      let bc = outCost[d]!;
      let bt = outTime[d]!;
      for (let k = start[d]!, end = start[d + 1]!; k < end; k++) {
        const n = node[k]!;
        const c = cost[n]! + egressCost[k]!;
        if (c > bc) continue;
        const t = time[n]! + egressTime[k]!;
        if (c < bc || t < bt) {
          bc = c;
          bt = t;
        }
      }
      outCost[d] = bc;
      outTime[d] = bt;
    }
  }

  /** The route from `o` to `d` as legs with its time in parts, or undefined when there is none. */
  trip(o: number, d: number): TripDetail | undefined {
    if (this.origin !== o) this.search(o);
    const g = this.g;
    let best: { cost: number; time: number; walk?: number; egress?: number } | undefined;
    const better = (c: number, t: number) => !best || c < best.cost || (c === best.cost && t < best.time);
    for (let k = g.walkStart[o]!; k < g.walkStart[o + 1]!; k++) {
      if (g.walkZone[k] === d && better(g.walkCost[k]!, g.walkTime[k]!))
        best = { cost: g.walkCost[k]!, time: g.walkTime[k]!, walk: k };
    }
    for (let k = g.egressStart[d]!; k < g.egressStart[d + 1]!; k++) {
      const n = g.egressNode[k]!;
      const c = this.cost[n]! + g.egressCost[k]!;
      const t = this.time[n]! + g.egressTime[k]!;
      if (Number.isFinite(c) && better(c, t)) best = { cost: c, time: t, egress: k };
    }
    if (!best) return undefined;
    const origin = g.zones[o]!;
    const destination = g.zones[d]!;
    if (best.walk !== undefined) {
      const t = g.walkTime[best.walk]!;
      return {
        origin,
        destination,
        time: t,
        walk: t,
        wait: 0,
        ride: 0,
        transfer: 0,
        processing: 0,
        boardings: 0,
        cost: g.walkCost[best.walk]!,
        legs:
          o === d ? [] : [{ kind: 'walk', from: { zone: origin }, to: { zone: destination }, seconds: t }],
      };
    }
    return this.traceStations(o, d, best.egress!, best.cost);
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
    const parts = {
      walk: g.accessWalk[access]! + g.egressWalk[egress]!,
      wait: g.accessWait[access]! + g.egressWait[egress]!,
      ride: 0,
      transfer: 0,
      processing: g.accessProcessing[access]!,
      boardings: 0,
    };
    const legs: Leg[] = [
      {
        kind: 'walk',
        from: { zone: g.zones[o]! },
        to: { station: station(n) },
        seconds: g.accessWalk[access]!,
        ...(g.accessWait[access]! > 0 && { feederWaitSeconds: g.accessWait[access]! }),
      },
      { kind: 'enter', station: station(n), seconds: g.accessProcessing[access]! },
    ];
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
    const last = g.egressNode[egress]!;
    legs.push({
      kind: 'walk',
      from: { station: station(last) },
      to: { zone: g.zones[d]! },
      seconds: g.egressWalk[egress]!,
      ...(g.egressWait[egress]! > 0 && { feederWaitSeconds: g.egressWait[egress]! }),
    });
    const time = parts.walk + parts.wait + parts.ride + parts.transfer + parts.processing;
    return { origin: g.zones[o]!, destination: g.zones[d]!, time, ...parts, cost, legs };
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
