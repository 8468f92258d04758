import type { LoadUnits } from '../railLoads';
import type { StationTree } from '../stationRows';
import { WASM } from './loads.wasm';
import type { MemoryPool } from './memoryPool';
import { engineKernel } from './module';

type AddClass = (...args: number[]) => void;

/** What the kernel needs of the compact graph. */
export interface LoadGraph {
  zoneCount: number;
  nodeCount: number;
  accessNode: Int32Array;
  egressNode: Int32Array;
  /** CSR: node n's edges are edgeStart[n] … edgeStart[n + 1] − 1. */
  edgeStart: Int32Array;
  edgeTarget: Int32Array;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * RailLoads' demand in one WebAssembly memory: a row of classes × zones units per station entered from
 * zones (a slot each, sized once: the stations with access links), each access link's sums, and the
 * kernels (loads.wat) that add an origin's trips of one class over every destination and push each
 * station's demand down its tree (`pushDown`) — the JavaScript's units, which add exactly in any order.
 * `create` gives undefined where WebAssembly is not available.
 * With a pool, the memory comes from it and goes back to it zeroed (`release`): a run after an edit writes
 * into pages already there, not new ones.
 */
export class LoadKernel {
  /** Per access link: its station's slot. */
  readonly slotOfLink: Int32Array;
  /** Per slot: the node it stands for (the station entered). */
  readonly entered: Int32Array;
  /** Per slot: its demand row, class c of destination d at [c × zones + d]. */
  readonly rows: Float64Array[];
  /** Per class and access link: units entering by it, [c × links + k]. */
  readonly access: Float64Array;
  /**
   * Per class and slot, [c × slots + slot]: 1 once that class of the slot's row has demand. By class, so
   * that release() zeroes only the parts written: a part never written is pages never touched, and zeroing
   * it would touch them (a page fault each: 150–190 ms a worker for a scenario's sparse classes on JJJ).
   */
  readonly used: Uint8Array;
  private readonly link: Int32Array;
  private readonly f64: Float64Array;
  private readonly f32: Float32Array;
  private readonly slotBytes: number;
  private readonly run: AddClass;
  private readonly runPushDown: AddClass;
  /** The tree of the station being pushed down: copied in, station by station. */
  private readonly tree: { egress: Int32Array; pred: Int32Array; order: Int32Array };
  /** pushDown's sums: class c of edge e at [c × edges + e], of egress link k at [c × links + k]. */
  private readonly outEdge: Float64Array;
  private readonly outEgress: Float64Array;
  private readonly sizes: { nodes: number; edges: number; egressLinks: number };

  static create(g: LoadGraph, classes: number, unit: number, pool?: MemoryPool): LoadKernel | undefined {
    const module = engineKernel(WASM);
    return module && new LoadKernel(module, g, classes, unit, pool);
  }

  private readonly memory: WebAssembly.Memory;

  private constructor(
    module: WebAssembly.Module,
    g: LoadGraph,
    readonly classes: number,
    private readonly unit: number,
    private readonly pool?: MemoryPool,
  ) {
    const z = g.zoneCount;
    const links = g.accessNode.length;
    const slotOfNode = new Map<number, number>();
    for (const n of g.accessNode) if (!slotOfNode.has(n)) slotOfNode.set(n, slotOfNode.size);
    const slots = slotOfNode.size;
    this.slotBytes = align(8 * classes * z);
    const nodes = g.nodeCount;
    const edges = g.edgeTarget.length;
    const egressLinks = g.egressNode.length;
    this.sizes = { nodes, edges, egressLinks };
    const at = {
      link: 0,
      f64: align(4 * z),
      f32: 0,
      slotOfLink: 0,
      access: 0,
      used: 0,
      egressNode: 0,
      source: 0,
      treeEgress: 0,
      pred: 0,
      order: 0,
      node: 0,
      outEgress: 0,
      outEdge: 0,
      rows: 0,
    };
    at.f32 = at.f64 + align(8 * z);
    at.slotOfLink = at.f32 + align(4 * z);
    at.access = at.slotOfLink + align(4 * links);
    at.used = at.access + align(8 * classes * links);
    at.egressNode = at.used + align(classes * slots);
    at.source = at.egressNode + align(4 * egressLinks);
    at.treeEgress = at.source + align(4 * edges);
    at.pred = at.treeEgress + align(4 * z);
    at.order = at.pred + align(4 * nodes);
    at.node = at.order + align(4 * nodes);
    at.outEgress = at.node + align(8 * nodes * classes);
    at.outEdge = at.outEgress + align(8 * classes * egressLinks);
    at.rows = at.outEdge + align(8 * classes * edges);
    const bytes = at.rows + slots * this.slotBytes;
    const pages = Math.max(1, Math.ceil(bytes / 65536));
    if (pages > 65536)
      throw new RangeError(`rail loads of ${slots} stations × ${z} zones are over WebAssembly's 4 GiB`);
    const memory = pool ? pool.take(bytes) : new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.memory = memory;
    const buffer = memory.buffer;
    this.link = new Int32Array(buffer, at.link, z);
    this.f64 = new Float64Array(buffer, at.f64, z);
    this.f32 = new Float32Array(buffer, at.f32, z);
    this.slotOfLink = Int32Array.from(g.accessNode, (n) => slotOfNode.get(n)!);
    new Int32Array(buffer, at.slotOfLink, links).set(this.slotOfLink);
    this.access = new Float64Array(buffer, at.access, classes * links);
    this.used = new Uint8Array(buffer, at.used, classes * slots);
    this.entered = Int32Array.from(slotOfNode.keys());
    this.rows = Array.from(
      { length: slots },
      (_, s) => new Float64Array(buffer, at.rows + s * this.slotBytes, classes * z),
    );
    new Int32Array(buffer, at.egressNode, egressLinks).set(g.egressNode);
    // The source node of every edge (CSR keeps targets only).
    const source = new Int32Array(buffer, at.source, edges);
    for (let n = 0; n < nodes; n++) for (let e = g.edgeStart[n]!; e < g.edgeStart[n + 1]!; e++) source[e] = n;
    this.tree = {
      egress: new Int32Array(buffer, at.treeEgress, z),
      pred: new Int32Array(buffer, at.pred, nodes),
      order: new Int32Array(buffer, at.order, nodes),
    };
    this.outEgress = new Float64Array(buffer, at.outEgress, classes * egressLinks);
    this.outEdge = new Float64Array(buffer, at.outEdge, classes * edges);
    this.at = at;
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
    this.run = exports.addClass as AddClass;
    this.runPushDown = exports.pushDown as AddClass;
  }

  private readonly at: {
    link: number;
    f64: number;
    f32: number;
    slotOfLink: number;
    access: number;
    used: number;
    egressNode: number;
    source: number;
    treeEgress: number;
    pred: number;
    order: number;
    node: number;
    outEgress: number;
    outEdge: number;
    rows: number;
  };

  /** Whether any class of the slot's row has demand. */
  slotUsed(slot: number): boolean {
    const slots = this.rows.length;
    for (let c = 0; c < this.classes; c++) if (this.used[c * slots + slot]) return true;
    return false;
  }

  /**
   * addClass over every destination for classes 0 … trips.length − 1: `trips[c]` by access link `link[d]`
   * (−1: none), the links copied in once.
   */
  add(link: Int32Array, trips: readonly ArrayLike<number>[]): void {
    const z = this.link.length;
    this.link.set(link);
    const at = this.at;
    const links = this.slotOfLink.length;
    for (let c = 0; c < trips.length; c++) {
      const row = trips[c]!;
      const single = row instanceof Float32Array;
      if (single) this.f32.set(row);
      else if (row instanceof Float64Array) this.f64.set(row);
      else for (let d = 0; d < z; d++) this.f64[d] = row[d]!;
      this.run(
        z,
        single ? at.f32 : at.f64,
        single ? 1 : 0,
        at.link,
        at.slotOfLink,
        at.rows + 8 * c * z,
        this.slotBytes,
        at.access + 8 * c * links,
        at.used + c * this.rows.length,
        this.unit,
      );
    }
  }

  /**
   * The demand of the slots given (in that order), each pushed down the tree of its station (`treeOf`,
   * StationRows'): into `out.edge` and `out.egress` (set, not added), as RailLoads.units does it in
   * JavaScript — the same integers.
   */
  pushDown(slots: readonly number[], treeOf: (entered: number) => StationTree, out: LoadUnits): void {
    const { nodes, edges, egressLinks } = this.sizes;
    const K = this.classes;
    if (out.classes !== K || out.edge.length !== K * edges || out.egress.length !== K * egressLinks)
      throw new RangeError(`load units of ${out.classes} classes for a kernel of ${K}`);
    const z = this.link.length;
    const at = this.at;
    const tree = this.tree;
    this.outEdge.fill(0);
    this.outEgress.fill(0);
    for (const slot of slots) {
      const { egress, pred, order } = treeOf(this.entered[slot]!);
      tree.egress.set(egress);
      tree.pred.set(pred);
      tree.order.set(order);
      this.runPushDown(
        at.rows + slot * this.slotBytes,
        z,
        K,
        at.treeEgress,
        at.egressNode,
        egressLinks,
        at.outEgress,
        at.node,
        nodes,
        at.order,
        order.length,
        at.pred,
        at.source,
        edges,
        at.outEdge,
      );
    }
    out.edge.set(this.outEdge);
    out.egress.set(this.outEgress);
  }

  /**
   * Zero what this kernel wrote — everything before the rows, and each class of a slot's row that got
   * trips — and give its memory back to the pool it came from (then this kernel is not to be used).
   * Without a pool, nothing.
   */
  release(): void {
    if (!this.pool) return;
    // The rows first: the flags that say which parts were written lie before them.
    const slots = this.rows.length;
    const z = this.link.length;
    for (let c = 0; c < this.classes; c++)
      for (let slot = 0; slot < slots; slot++)
        if (this.used[c * slots + slot]) this.rows[slot]!.fill(0, c * z, (c + 1) * z);
    new Uint8Array(this.memory.buffer).fill(0, 0, this.at.rows);
    this.pool.give(this.memory);
  }
}
