import { NodeHeap } from './heap';
import { type CompactGraph, EDGE_KIND, type Leg, type TripDetail } from './types';

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
  private origin = -1;

  constructor(readonly g: CompactGraph) {
    this.cost = new Float64Array(g.nodeCount);
    this.time = new Float64Array(g.nodeCount);
    this.pred = new Int32Array(g.nodeCount);
    this.heap = new NodeHeap(g.nodeCount, this.cost, this.time);
  }

  /** Label every station-side node from origin zone `o`. */
  search(o: number): void {
    const g = this.g;
    const cost = this.cost;
    const time = this.time;
    const pred = this.pred;
    cost.fill(Number.POSITIVE_INFINITY);
    time.fill(Number.POSITIVE_INFINITY);
    pred.fill(-1);
    const heap = this.heap;
    heap.clear();
    for (let k = g.accessStart[o]!; k < g.accessStart[o + 1]!; k++) {
      const n = g.accessNode[k]!;
      const c = g.accessCost[k]!;
      const t = g.accessWalk[k]! + g.accessProcessing[k]!;
      if (c < cost[n]! || (c === cost[n]! && t < time[n]!)) {
        cost[n] = c;
        time[n] = t;
        pred[n] = fromAccess(k);
        heap.push(n);
      }
    }
    const start = g.edgeStart;
    const target = g.edgeTarget;
    const edgeCost = g.edgeCost;
    const edgeTime = g.edgeTime;
    while (heap.length > 0) {
      const u = heap.pop();
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
          heap.push(v);
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
    const g = this.g;
    outCost.fill(Number.POSITIVE_INFINITY);
    outTime.fill(Number.POSITIVE_INFINITY);
    for (let k = g.walkStart[o]!; k < g.walkStart[o + 1]!; k++) {
      const d = g.walkZone[k]!;
      const c = g.walkCost[k]!;
      const t = g.walkTime[k]!;
      if (c < outCost[d]! || (c === outCost[d]! && t < outTime[d]!)) {
        outCost[d] = c;
        outTime[d] = t;
      }
    }
    const cost = this.cost;
    const time = this.time;
    const node = g.egressNode;
    const egressCost = g.egressCost;
    const egressWalk = g.egressWalk;
    const start = g.egressStart;
    for (let d = 0; d < g.zoneCount; d++) {
      let bc = outCost[d]!;
      let bt = outTime[d]!;
      for (let k = start[d]!, end = start[d + 1]!; k < end; k++) {
        const n = node[k]!;
        const c = cost[n]! + egressCost[k]!;
        if (c > bc) continue;
        const t = time[n]! + egressWalk[k]!;
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
      const t = this.time[n]! + g.egressWalk[k]!;
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
    const egressNode = g.egressNode[egress]!;
    const legs: Leg[] = [
      {
        kind: 'walk',
        from: { station: station(egressNode) },
        to: { zone: g.zones[d]! },
        seconds: g.egressWalk[egress]!,
      },
    ];
    const parts = { walk: g.egressWalk[egress]!, wait: 0, ride: 0, transfer: 0, processing: 0, boardings: 0 };
    let n = egressNode;
    while (this.pred[n]! >= 0) {
      const e = this.pred[n]!;
      const from = this.sourceOf(e);
      parts.walk += g.edgeWalk[e]!;
      parts.wait += g.edgeWait[e]!;
      parts.ride += g.edgeRide[e]!;
      parts.transfer += g.edgeTransfer[e]!;
      parts.processing += g.edgeProcessing[e]!;
      parts.boardings += g.edgeBoardings[e]!;
      const kind = g.edgeKind[e];
      if (kind === EDGE_KIND.exit)
        legs.push({ kind: 'exit', station: station(n), seconds: g.edgeProcessing[e]! });
      else if (kind === EDGE_KIND.transfer) {
        legs.push({
          kind: 'transfer',
          from: station(from),
          to: station(n),
          walkSeconds: g.edgeTransfer[e]!,
          processingSeconds: g.edgeProcessing[e]!,
        });
      } else if (kind === EDGE_KIND.ride) {
        const s = g.services[g.edgeService[e]!]!;
        legs.push({
          kind: 'ride',
          line: s.line,
          direction: s.direction,
          ...(s.towards !== undefined && { towards: s.towards }),
          from: station(from),
          to: station(n),
          stops: s.stops,
          patterns: s.patterns,
          headwaySeconds: s.headwaySeconds,
          waitSeconds: g.edgeWait[e]!,
          rideSeconds: g.edgeRide[e]!,
        });
      }
      n = from;
    }
    const k = -this.pred[n]! - 2;
    parts.walk += g.accessWalk[k]!;
    parts.processing += g.accessProcessing[k]!;
    legs.push({ kind: 'enter', station: station(n), seconds: g.accessProcessing[k]! });
    legs.push({
      kind: 'walk',
      from: { zone: g.zones[o]! },
      to: { station: station(n) },
      seconds: g.accessWalk[k]!,
    });
    legs.reverse();
    const time = parts.walk + parts.wait + parts.ride + parts.transfer + parts.processing;
    return { origin: g.zones[o]!, destination: g.zones[d]!, time, ...parts, cost, legs };
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
