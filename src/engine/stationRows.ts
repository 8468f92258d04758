import { RailLowering } from './kernels/lowerRail';
import type { Router } from './router';
import { originEntries } from './surface';
import { NODE_KIND, TRIP_MODE } from './types';

interface StationRow {
  cost: Float64Array;
  /** Whole seconds (exact in float32 up to 194 days). */
  time: Float32Array;
  /** TRIP_MODE of each way: rail, or bus where it rides bus routes only. */
  mode: Uint8Array;
  /**
   * Per station (engine index): the dearest of its platforms from here, (cost, time) lexicographically —
   * what it takes to do from here everything a rider entering that station can do. −Infinity for a station
   * without platforms (entering it leads nowhere).
   */
  reachCost: Float64Array;
  reachTime: Float32Array;
  /** The search's tree, for loading trips on it (RailLoads). */
  tree: StationTree;
  /** Its slot in the kernel's memory (cost, time and mode are views there), −1 without the kernel. */
  slot: number;
}

/**
 * The shortest-path tree from just inside one station: how each zone's way leaves it and how each node is
 * reached. What loading trips down the tree needs, kept so that loads need no search again.
 */
export interface StationTree {
  /** Per zone: the egress link its way leaves by (the rule of Router.destinations), −1 where none. */
  egress: Int32Array;
  /** Per node: the edge it is reached by (−1: the root, or not reached). */
  pred: Int32Array;
  /** The nodes reached by an edge, children before parents: each node's flow is complete when it is pushed. */
  order: Int32Array;
}

/** Memory the cache of station rows may use before the least recently used are dropped. */
const DEFAULT_BUDGET_BYTES = 192 * 1024 * 1024;

/**
 * Zone rows from station rows. Every rail trip from zone o starts with one of o's access links k into a
 * station, so T(o, ·) = lexmin over k of (access_k + R_k(·)) together with o's direct surface trips, where R_k is
 * the row from just inside that station. This is exactly what a search from o computes — perceived costs
 * are dyadic, so the sums are exact, and the (cost, time) order is compatible with addition — but far
 * cheaper: stations with zone access are much fewer than zones, and each station row is searched once.
 */
export class StationRows {
  private readonly cache = new Map<number, StationRow>();
  private readonly scratchTime: Float64Array;
  private readonly scratchCost: Float64Array;
  private readonly scratchMode: Uint8Array;
  private readonly scratchEgress: Int32Array;
  private readonly seen: Uint8Array;
  private readonly maxRows: number;
  /** Platform nodes of each station: platformStart[s] … platformStart[s+1]−1 in platformNode. */
  private readonly platformStart: Int32Array;
  private readonly platformNode: Int32Array;
  /** A zone's access links in the order they are tried (scratch). */
  private order = new Int32Array(16);
  private readonly kept: StationRow[] = [];
  private readonly keptLink: number[] = [];
  searches = 0;
  /** Access links left out because another of the zone's links does everything they do, no dearer. */
  dominatedLinks = 0;
  /** The rows' values and the loop over destinations in WebAssembly SIMD (undefined: JavaScript). */
  private readonly kernel: RailLowering | undefined;

  /** `options.kernel: false`: the JavaScript loop even where WebAssembly SIMD is there (tests compare them). */
  constructor(
    private readonly router: Router,
    budgetBytes = DEFAULT_BUDGET_BYTES,
    options: { kernel?: boolean } = {},
  ) {
    const z = router.g.zoneCount;
    this.scratchTime = new Float64Array(z);
    this.scratchCost = new Float64Array(z);
    this.scratchMode = new Uint8Array(z);
    const g = router.g;
    const stations = g.stations.length;
    const rowBytes = 17 * z + 12 * stations + 8 * router.g.nodeCount;
    this.maxRows = Math.max(1, Math.floor(budgetBytes / Math.max(1, rowBytes)));
    this.scratchEgress = new Int32Array(z);
    this.seen = new Uint8Array(router.g.nodeCount);
    const count = new Int32Array(stations + 1);
    for (let n = 0; n < g.nodeCount; n++)
      if (g.nodeKind[n] === NODE_KIND.platform) count[g.nodeStation[n]! + 1]!++;
    for (let s = 0; s < stations; s++) count[s + 1]! += count[s]!;
    this.platformStart = count;
    this.platformNode = new Int32Array(count[stations]!);
    const next = Int32Array.from(count.subarray(0, stations));
    for (let n = 0; n < g.nodeCount; n++)
      if (g.nodeKind[n] === NODE_KIND.platform) this.platformNode[next[g.nodeStation[n]!]!++] = n;
    // The cache never holds more rows than there are stations entered from zones.
    const entered = new Set(g.accessNode).size;
    this.kernel =
      options.kernel === false
        ? undefined
        : RailLowering.create({ unit: g.zoneUnit, zoneClass: g.zoneClass }, Math.min(this.maxRows, entered));
  }

  /**
   * Times and costs from origin zone `o` to every zone (+Infinity where there is no path), and with `outMode`
   * how each best trip travels (TRIP_MODE: a direct surface mode, or rail).
   */
  row(o: number, outTime: Float64Array, outCost: Float64Array, outMode?: Uint8Array): void {
    const kernel = this.kernel;
    if (kernel) {
      // The direct trips made where the kernel lowers them, not made here and copied in.
      originEntries(this.router.g, o, kernel.entries);
      kernel.direct(o, outMode !== undefined);
      this.lowerByRail(o, outTime, outCost, outMode, undefined, true);
      return;
    }
    this.router.directSurface(o, outTime, outCost, outMode);
    this.lowerByRail(o, outTime, outCost, outMode);
  }

  /**
   * The best trips from `o` through stations (any access), and in `outLink` the access link each starts
   * with (−1: none): what rail trips are loaded on (RailLoads) and mode choice weighs. With a bus-route layer
   * a best trip may ride bus routes only: `outMode` says which (TRIP_MODE rail or bus).
   */
  railRow(
    o: number,
    outTime: Float64Array,
    outCost: Float64Array,
    outLink: Int32Array,
    outMode?: Uint8Array,
  ): void {
    outTime.fill(Number.POSITIVE_INFINITY);
    outCost.fill(Number.POSITIVE_INFINITY);
    outLink.fill(-1);
    outMode?.fill(TRIP_MODE.none);
    this.lowerByRail(o, outTime, outCost, outMode, outLink);
  }

  /**
   * Lower `out` to o's rail trips where they are better (marking them rail, or their access link). With
   * `started`, the kernel's own rows hold where to start from already (row: the direct trips it made).
   */
  private lowerByRail(
    o: number,
    outTime: Float64Array,
    outCost: Float64Array,
    outMode?: Uint8Array,
    outLink?: Int32Array,
    started = false,
  ): void {
    const g = this.router.g;
    const zones = g.zoneCount;
    const order = this.linksByCost(o);
    const kernel = this.kernel;
    // The kernel lowers its own copy of the best trips, copied back at the end.
    if (kernel && !started) {
      kernel.out.cost.set(outCost);
      kernel.out.time.set(outTime);
      if (outMode) kernel.out.mode.set(outMode);
      if (outLink) kernel.out.link.set(outLink);
    }
    const kept = this.kept;
    const keptLink = this.keptLink;
    kept.length = 0;
    keptLink.length = 0;
    for (let i = 0, n = g.accessStart[o + 1]! - g.accessStart[o]!; i < n; i++) {
      const k = order[i]!;
      const ac = g.accessCost[k]!;
      const at = g.accessTime[k]!;
      // Link k is left out when a cheaper link j reaches every platform of k's station for no more than
      // k's access: then for every destination access_j + R_j ≤ access_k + R_k (lexicographically; sums of
      // dyadic costs are exact), so k could never improve the row.
      const s = g.nodeStation[g.accessNode[k]!]!;
      if (this.platformStart[s] === this.platformStart[s + 1]) continue;
      let dominated = false;
      for (let m = 0; m < kept.length && !dominated; m++) {
        const j = keptLink[m]!;
        const c = g.accessCost[j]! + kept[m]!.reachCost[s]!;
        dominated = c < ac || (c === ac && g.accessTime[j]! + kept[m]!.reachTime[s]! <= at);
      }
      if (dominated) {
        this.dominatedLinks++;
        continue;
      }
      const r = this.stationRow(g.accessNode[k]!);
      kept.push(r);
      keptLink.push(k);
      if (kernel) {
        kernel.lower(r.slot, ac, at, k, outMode !== undefined, outLink !== undefined);
        continue;
      }
      const rc = r.cost;
      const rt = r.time;
      for (let d = 0; d < zones; d++) {
        const c = ac + rc[d]!;
        const bc = outCost[d]!;
        if (c > bc) continue;
        const t = at + rt[d]!;
        if (c < bc || t < outTime[d]!) {
          outCost[d] = c;
          outTime[d] = t;
          if (outMode) outMode[d] = r.mode[d]!;
          if (outLink) outLink[d] = k;
        }
      }
    }
    if (kernel) {
      outCost.set(kernel.out.cost);
      outTime.set(kernel.out.time);
      if (outMode) outMode.set(kernel.out.mode);
      if (outLink) outLink.set(kernel.out.link);
    }
  }

  /** Zone o's access link indices, cheapest first (then quickest, then by index). */
  private linksByCost(o: number): Int32Array {
    const g = this.router.g;
    const first = g.accessStart[o]!;
    const n = g.accessStart[o + 1]! - first;
    if (this.order.length < n) this.order = new Int32Array(2 * n);
    const order = this.order;
    for (let i = 0; i < n; i++) {
      const k = first + i;
      let at = i;
      // Insertion sort: a zone has a few dozen links at most.
      while (at > 0) {
        const prev = order[at - 1]!;
        const before =
          g.accessCost[prev]! < g.accessCost[k]! ||
          (g.accessCost[prev] === g.accessCost[k] && g.accessTime[prev]! <= g.accessTime[k]!);
        if (before) break;
        order[at] = prev;
        at--;
      }
      order[at] = k;
    }
    return order;
  }

  private stationRow(entered: number): StationRow {
    const hit = this.cache.get(entered);
    if (hit) {
      this.cache.delete(entered);
      this.cache.set(entered, hit);
      return hit;
    }
    this.router.searchFromStation(entered);
    this.searches++;
    this.scratchCost.fill(Number.POSITIVE_INFINITY);
    this.scratchTime.fill(Number.POSITIVE_INFINITY);
    this.scratchEgress.fill(-1);
    this.router.destinations(this.scratchTime, this.scratchCost, this.scratchMode, this.scratchEgress);
    // The least recently used row goes first, so that its slot is free for this one.
    if (this.cache.size >= this.maxRows) {
      const oldest = this.cache.keys().next().value!;
      const slot = this.cache.get(oldest)!.slot;
      if (slot >= 0) this.kernel!.release(slot);
      this.cache.delete(oldest);
    }
    const slot = this.kernel ? this.kernel.alloc() : -1;
    const values = this.kernel
      ? this.kernel.views(slot)
      : {
          cost: new Float64Array(this.scratchCost.length),
          time: new Float32Array(this.scratchTime.length),
          mode: new Uint8Array(this.scratchMode.length),
        };
    values.cost.set(this.scratchCost);
    values.time.set(this.scratchTime);
    values.mode.set(this.scratchMode);
    const row = { ...values, ...this.reach(), tree: this.tree(), slot };
    this.cache.set(entered, row);
    return row;
  }

  /** The tree of the station entered at node `entered` (searched unless its row is kept). */
  treeOf(entered: number): StationTree {
    return this.stationRow(entered).tree;
  }

  /**
   * From the last search: its tree. Sinks (labelled, never processed: exits) come first, then the search's
   * processing log backwards, each node at its last processing — a node's last processing comes after its
   * predecessor's last, so children come before parents with no sort.
   */
  private tree(): StationTree {
    const r = this.router;
    const pred = Int32Array.from(r.pred);
    const seen = this.seen;
    seen.fill(0);
    const log = r.processed();
    for (let i = 0; i < log.length; i++) seen[log[i]!] = 1;
    const order: number[] = [];
    for (let n = 0; n < seen.length; n++) if (seen[n] === 0 && pred[n]! >= 0) order.push(n);
    for (let i = log.length - 1; i >= 0; i--) {
      const n = log[i]!;
      if (seen[n] === 2) continue;
      seen[n] = 2;
      if (pred[n]! >= 0) order.push(n);
    }
    return { egress: Int32Array.from(this.scratchEgress), pred, order: Int32Array.from(order) };
  }

  /** From the last search: the dearest platform of every station (see StationRow.reachCost). */
  private reach(): { reachCost: Float64Array; reachTime: Float32Array } {
    const stations = this.platformStart.length - 1;
    const reachCost = new Float64Array(stations).fill(Number.NEGATIVE_INFINITY);
    const reachTime = new Float32Array(stations).fill(Number.NEGATIVE_INFINITY);
    const cost = this.router.cost;
    const time = this.router.time;
    for (let s = 0; s < stations; s++) {
      for (let i = this.platformStart[s]!; i < this.platformStart[s + 1]!; i++) {
        const n = this.platformNode[i]!;
        const c = cost[n]!;
        if (c > reachCost[s]! || (c === reachCost[s] && time[n]! > reachTime[s]!)) {
          reachCost[s] = c;
          reachTime[s] = time[n]!;
        }
      }
    }
    return { reachCost, reachTime };
  }
}
