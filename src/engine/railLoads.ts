import { LoadKernel } from './kernels/loads';
import type { MemoryPool } from './kernels/memoryPool';
import type { Router } from './router';
import type { StationRows } from './stationRows';

/** Flows are counted in units of 2⁻²⁰ trip: integers well below 2⁵³, so every sum is exact. */
export const LOAD_UNIT = 2 ** 20;

/**
 * Rail trips on each part of the network, in units of LOAD_UNIT, one block per class of rider (class c of
 * edge e at [c × edges + e]; likewise for access and egress links). Integers: parts computed apart (by
 * several workers, on disjoint origins) add up exactly, in any order.
 */
export interface LoadUnits {
  classes: number;
  /** Per edge of the compact graph. */
  edge: Float64Array;
  /** Per access link: trips entering the network that way. */
  access: Float64Array;
  /** Per egress link. */
  egress: Float64Array;
}

/** Trips of one class on each part of the network. */
export interface RailFlows {
  edge: Float64Array;
  access: Float64Array;
  egress: Float64Array;
}

export function emptyLoadUnits(
  g: { edgeTarget: ArrayLike<number>; accessNode: ArrayLike<number>; egressNode: ArrayLike<number> },
  classes: number,
): LoadUnits {
  return {
    classes,
    edge: new Float64Array(classes * g.edgeTarget.length),
    access: new Float64Array(classes * g.accessNode.length),
    egress: new Float64Array(classes * g.egressNode.length),
  };
}

/** Add `from` into `into` (same graph, same classes). */
export function addLoadUnits(into: LoadUnits, from: LoadUnits): void {
  if (into.classes !== from.classes || into.edge.length !== from.edge.length)
    throw new Error(`load units of different shapes: ${from.classes} classes into ${into.classes}`);
  for (const key of ['edge', 'access', 'egress'] as const) {
    const a = into[key];
    const b = from[key];
    for (let k = 0; k < a.length; k++) a[k] += b[k]!;
  }
}

/** Class `c` of `units` in trips. */
export function loadFlows(units: LoadUnits, c: number): RailFlows {
  const part = (a: Float64Array) => {
    const n = a.length / units.classes;
    return a.slice(c * n, (c + 1) * n).map((x) => x / LOAD_UNIT);
  };
  return { edge: part(units.edge), access: part(units.access), egress: part(units.egress) };
}

/**
 * Rail trips loaded on their paths. Trips are added origin by origin, as trips per destination in one or
 * more classes (e.g. where a scenario's riders come from); each goes the way that zone's best rail trip goes
 * — its access link, then the shortest-path tree of the station it enters (StationRows.railRow). Demand is
 * grouped by entry station, and each entry station's is pushed down its tree once, from the destinations to
 * the root, every class along the same tree. Flows are fixed point (LOAD_UNIT), so they are exact whatever
 * order origins come in.
 */
export class RailLoads {
  /** Per entered node: units to each destination, class c of destination d at [c × zones + d]. */
  private readonly demand: (Float64Array | undefined)[];
  private readonly access: Float64Array;
  private readonly time: Float64Array;
  private readonly cost: Float64Array;
  private readonly link: Int32Array;

  /** Demand in WebAssembly, dense classes added by its kernel (undefined: JavaScript arrays). */
  private readonly kernel: LoadKernel | undefined;

  /**
   * `options.kernel: false`: JavaScript arrays and loops even where WebAssembly is there (tests compare).
   * `options.pool`: the kernel's memory from there, given back by release().
   */
  constructor(
    private readonly router: Router,
    private readonly rows: StationRows,
    readonly classes = 1,
    options: { kernel?: boolean; pool?: MemoryPool } = {},
  ) {
    const g = router.g;
    if (!(Number.isInteger(classes) && classes >= 1))
      throw new RangeError(`classes must be ≥ 1, got ${classes}`);
    this.kernel =
      options.kernel === false ? undefined : LoadKernel.create(g, classes, LOAD_UNIT, options.pool);
    this.access = this.kernel?.access ?? new Float64Array(classes * g.accessNode.length);
    this.time = new Float64Array(g.zoneCount);
    this.cost = new Float64Array(g.zoneCount);
    this.link = new Int32Array(g.zoneCount);
    this.demand = new Array(g.nodeCount);
  }

  /** Load origin `o`'s rail trips: `trips[c][d]` of class c to each destination (where o has no rail trip to d, none). */
  add(o: number, trips: readonly ArrayLike<number>[]): void {
    this.rows.railRow(o, this.time, this.cost, this.link);
    this.addByLink(this.link, trips);
  }

  /**
   * As add, with the access link of each destination's rail trip already known (`link[d]`, −1 none: the
   * railRow of the origin, which mode choice computed anyway). With `sparse`, classes after the first are
   * read only at destinations list[0 … count) (zero elsewhere: a short-term scenario's rider classes).
   */
  addByLink(
    link: Int32Array,
    trips: readonly ArrayLike<number>[],
    sparse?: { list: Int32Array; count: number },
  ): void {
    const classes = this.classes;
    if (trips.length !== classes) throw new RangeError(`expected ${classes} trip rows, got ${trips.length}`);
    // Fixed-point units add up exactly in any order: class by class, the later ones at the listed pairs only.
    // The kernel takes the classes every destination has (the links copied in once), the JavaScript the rest.
    const dense = sparse ? 1 : classes;
    let c = 0;
    if (this.kernel) {
      this.kernel.add(link, trips.slice(0, dense));
      c = dense;
    }
    for (; c < classes; c++) this.addClass(link, trips[c]!, c, c > 0 ? sparse : undefined);
  }

  private addClass(
    link: Int32Array,
    trips: ArrayLike<number>,
    c: number,
    only?: { list: Int32Array; count: number },
  ): void {
    const kernel = this.kernel;
    const g = this.router.g;
    const zones = g.zoneCount;
    const accessNode = g.accessNode;
    const offset = c * accessNode.length;
    const access = this.access;
    const demand = this.demand;
    const n = only ? only.count : zones;
    // Neighbouring destinations mostly share an access link: its row and its sum are kept while they do
    // (the access sum added once per run of the link: integers, so exactly the same).
    let last = -1;
    let run = 0;
    let row: Float64Array | undefined;
    for (let q = 0; q < n; q++) {
      const d = only ? only.list[q]! : q;
      const t = trips[d]!;
      if (!(t > 0)) continue;
      const k = link[d]!;
      if (k < 0) continue;
      const units = Math.round(t * LOAD_UNIT);
      if (units === 0) continue;
      if (k !== last) {
        if (last >= 0) access[offset + last]! += run;
        last = k;
        run = 0;
        if (kernel) {
          const slot = kernel.slotOfLink[k]!;
          row = kernel.rows[slot]!;
          kernel.used[c * kernel.rows.length + slot] = 1;
        } else {
          const entered = accessNode[k]!;
          row = demand[entered];
          if (!row) {
            row = new Float64Array(this.classes * zones);
            demand[entered] = row;
          }
        }
      }
      row![c * zones + d]! += units;
      run += units;
    }
    if (last >= 0) access[offset + last]! += run;
  }

  /**
   * Push every entry station's trips down its tree (StationRows.treeOf: the one its row was made from, kept
   * with it): the loads in fixed point.
   */
  units(): LoadUnits {
    const g = this.router.g;
    const K = this.classes;
    const zones = g.zoneCount;
    const edges = g.edgeTarget.length;
    const egressLinks = g.egressNode.length;
    const out = emptyLoadUnits(g, K);
    out.access.set(this.access);
    const kernel = this.kernel;
    // Entry stations in node order (the sums are exact; the order keeps the trees' cache warm).
    if (kernel) {
      const slots: number[] = [];
      for (let slot = 0; slot < kernel.rows.length; slot++) if (kernel.slotUsed(slot)) slots.push(slot);
      slots.sort((a, b) => kernel.entered[a]! - kernel.entered[b]!);
      kernel.pushDown(slots, (entered) => this.rows.treeOf(entered), out);
      return out;
    }
    const node = new Float64Array(K * g.nodeCount);
    const source = this.edgeSources();
    const wanted: [number, Float64Array][] = [];
    for (let n = 0; n < this.demand.length; n++) {
      const row = this.demand[n];
      if (row) wanted.push([n, row]);
    }
    for (const [entered, want] of wanted) {
      const { egress, pred, order } = this.rows.treeOf(entered);
      node.fill(0);
      // Each destination's trips leave by the egress its way from this station leaves by.
      for (let d = 0; d < zones; d++) {
        const best = egress[d]!;
        if (best < 0) continue;
        const n = g.egressNode[best]!;
        for (let c = 0; c < K; c++) {
          const units = want[c * zones + d]!;
          if (units === 0) continue;
          out.egress[c * egressLinks + best]! += units;
          node[n * K + c]! += units;
        }
      }
      // Children before parents: each node's flow is whole when it moves to its predecessor.
      for (let i = 0; i < order.length; i++) {
        const n = order[i]!;
        const e = pred[n]!;
        const from = source[e]!;
        for (let c = 0; c < K; c++) {
          const f = node[n * K + c]!;
          if (f === 0) continue;
          out.edge[c * edges + e]! += f;
          node[from * K + c]! += f;
        }
      }
    }
    return out;
  }

  /** Give the kernel's memory back to its pool, zeroed (after units(): these loads are not to be used again). */
  release(): void {
    this.kernel?.release();
  }

  /** The loads in trips, class by class. */
  flows(): RailFlows[] {
    const units = this.units();
    return Array.from({ length: this.classes }, (_, c) => loadFlows(units, c));
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
