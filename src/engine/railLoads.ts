import type { Router } from './router';
import type { StationRows } from './stationRows';

/** Flows are counted in units of 2⁻²⁰ trip: integers well below 2⁵³, so every sum is exact. */
const UNIT = 2 ** 20;

/** Trips on each part of the rail network, in trips (fixed point underneath: see RailLoads). */
export interface RailFlows {
  /** Per edge of the compact graph. */
  edge: Float64Array;
  /** Per access link (trips entering the network that way). */
  access: Float64Array;
  /** Per egress link. */
  egress: Float64Array;
}

/**
 * Rail trips loaded on their paths. Trips are added origin by origin, as trips per destination; each goes
 * the way that zone's best rail trip goes — its access link, then the shortest-path tree of the station it
 * enters (StationRows.railRow). Demand is grouped by entry station and each entry station's is pushed down
 * its tree once, from the destinations to the root. Flows are kept in fixed point (2⁻²⁰ trip), so they are
 * exact whatever the order origins come in: partial loads from several workers add up to the same bits.
 */
export class RailLoads {
  /** Per entered node: trips to each destination, fixed point. */
  private readonly demand = new Map<number, Float64Array>();
  private readonly access: Float64Array;
  private readonly time: Float64Array;
  private readonly cost: Float64Array;
  private readonly link: Int32Array;

  constructor(
    private readonly router: Router,
    private readonly rows: StationRows,
  ) {
    const g = router.g;
    this.access = new Float64Array(g.accessNode.length);
    this.time = new Float64Array(g.zoneCount);
    this.cost = new Float64Array(g.zoneCount);
    this.link = new Int32Array(g.zoneCount);
  }

  /** Load origin `o`'s rail trips: `trips[d]` to each destination (where o has no rail trip to d, none). */
  add(o: number, trips: Float64Array): void {
    const g = this.router.g;
    this.rows.railRow(o, this.time, this.cost, this.link);
    for (let d = 0; d < g.zoneCount; d++) {
      const k = this.link[d]!;
      const t = trips[d]!;
      if (k < 0 || !(t > 0)) continue;
      const units = Math.round(t * UNIT);
      const entered = g.accessNode[k]!;
      let row = this.demand.get(entered);
      if (!row) {
        row = new Float64Array(g.zoneCount);
        this.demand.set(entered, row);
      }
      row[d]! += units;
      this.access[k]! += units;
    }
  }

  /** Push every entry station's trips down its tree; flows in trips. */
  flows(): RailFlows {
    const g = this.router.g;
    const edge = new Float64Array(g.edgeTarget.length);
    const egress = new Float64Array(g.egressNode.length);
    const node = new Float64Array(g.nodeCount);
    const depth = new Int32Array(g.nodeCount);
    const stack = new Int32Array(g.nodeCount);
    const source = this.edgeSources();
    const entries = [...this.demand.keys()].sort((a, b) => a - b);
    for (const entered of entries) {
      const want = this.demand.get(entered)!;
      this.router.searchFromStation(entered);
      const cost = this.router.cost;
      const time = this.router.time;
      const pred = this.router.pred;
      node.fill(0);
      // Each destination's trips leave by its best egress from this station's tree (the rule of destinations()).
      for (let d = 0; d < g.zoneCount; d++) {
        const units = want[d]!;
        if (units === 0) continue;
        let best = -1;
        let bc = Number.POSITIVE_INFINITY;
        let bt = Number.POSITIVE_INFINITY;
        for (let k = g.egressStart[d]!; k < g.egressStart[d + 1]!; k++) {
          const n = g.egressNode[k]!;
          const c = cost[n]! + g.egressCost[k]!;
          if (c > bc) continue;
          const t = time[n]! + g.egressTime[k]!;
          if (c < bc || t < bt) {
            bc = c;
            bt = t;
            best = k;
          }
        }
        if (best < 0) continue;
        egress[best]! += units;
        node[g.egressNode[best]!]! += units;
      }
      // Children before parents: by depth in the tree, deepest first (zero-cost edges make labels tie).
      const loaded: number[] = [];
      for (let n = 0; n < g.nodeCount; n++) {
        depth[n] = -1;
        if (Number.isFinite(cost[n]!)) loaded.push(n);
      }
      for (const n of loaded) {
        // Walk up to a node whose depth is known (or the root), then number the way back down.
        let top = 0;
        let m = n;
        while (depth[m]! < 0 && pred[m]! >= 0) {
          stack[top++] = m;
          m = source[pred[m]!]!;
        }
        if (depth[m]! < 0) depth[m] = 0;
        let k = depth[m]!;
        while (top > 0) depth[stack[--top]!] = ++k;
      }
      loaded.sort((a, b) => depth[b]! - depth[a]! || a - b);
      for (const n of loaded) {
        const f = node[n]!;
        const e = pred[n]!;
        if (f === 0 || e < 0) continue;
        edge[e]! += f;
        node[source[e]!]! += f;
      }
    }
    const trips = (a: Float64Array) => a.map((x) => x / UNIT);
    return { edge: trips(edge), access: trips(this.access), egress: trips(egress) };
  }

  /** The source node of every edge (CSR keeps targets only). */
  private edgeSources(): Int32Array {
    const g = this.router.g;
    const source = new Int32Array(g.edgeTarget.length);
    for (let n = 0; n < g.nodeCount; n++)
      for (let e = g.edgeStart[n]!; e < g.edgeStart[n + 1]!; e++) source[e] = n;
    return source;
  }
}
