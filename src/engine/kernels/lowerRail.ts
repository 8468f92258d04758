import { EARTH_RADIUS_M, ORIGIN_ENTRIES } from '../surface';
import { WASM } from './lowerRail.wasm';
import { engineKernel } from './module';

type Lower = (z: number, ...args: number[]) => void;

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** One station row's values in the kernel's memory. */
export interface RowViews {
  cost: Float64Array;
  time: Float32Array;
  mode: Uint8Array;
}

/**
 * Station rows (cost f64, time f32, mode byte per zone) in slots of one WebAssembly memory, and the
 * SIMD kernels (lowerRail.wat) that fold one into an origin's best trips (lowerByRail's loop) and make the
 * direct surface trips those start from (Router.directSurface), the same bits (tested), in scratch rows of
 * the same memory that the caller copies in (or has `direct` make) and copies out once per origin.
 * Sized once for `slots` rows (never grown: views stay valid). `create` gives undefined where WebAssembly
 * SIMD is not available, and the caller keeps its JavaScript.
 */
export class RailLowering {
  /** The best trips being lowered: copy the origin's in, lower link by link, copy them out. */
  readonly out: { cost: Float64Array; time: Float64Array; mode: Uint8Array; link: Int32Array };
  private readonly memory: WebAssembly.Memory;
  private readonly slotBytes: number;
  private readonly first: number;
  private readonly free: number[] = [];
  private used = 0;
  private readonly run: Lower;
  private readonly runDirect: Lower;
  private readonly at: {
    cost: number;
    time: number;
    mode: number;
    link: number;
    ux: number;
    uy: number;
    uz: number;
    cls: number;
    entries: number;
  };
  /** The origin's surface-table entries (engine/surface.ts originEntries), for `direct`. */
  readonly entries: Float64Array;

  static create(
    zones: { unit: Float64Array; zoneClass: Uint8Array },
    slots: number,
  ): RailLowering | undefined {
    const module = engineKernel(WASM);
    return module && new RailLowering(module, zones, slots);
  }

  readonly zoneCount: number;

  private constructor(
    module: WebAssembly.Module,
    zones: { unit: Float64Array; zoneClass: Uint8Array },
    readonly slots: number,
  ) {
    const z = zones.zoneClass.length;
    this.zoneCount = z;
    const row = align(8 * z);
    const at = { cost: 0, time: row, mode: 2 * row, link: 0, ux: 0, uy: 0, uz: 0, cls: 0, entries: 0 };
    at.link = at.mode + align(z);
    at.ux = at.link + align(4 * z);
    at.uy = at.ux + row;
    at.uz = at.uy + row;
    at.cls = at.uz + row;
    at.entries = at.cls + row;
    this.first = at.entries + align(8 * ORIGIN_ENTRIES);
    this.slotBytes = align(8 * z) + align(4 * z) + align(z);
    // Sized once (the views stay valid); WebAssembly's 32-bit memories stop at 4 GiB.
    const pages = Math.ceil((this.first + slots * this.slotBytes) / 65536);
    if (pages > 65536)
      throw new RangeError(`station rows of ${z} zones: ${slots} rows are over WebAssembly's 4 GiB`);
    this.memory = new WebAssembly.Memory({ initial: Math.max(1, pages), maximum: Math.max(1, pages) });
    const buffer = this.memory.buffer;
    this.out = {
      cost: new Float64Array(buffer, at.cost, z),
      time: new Float64Array(buffer, at.time, z),
      mode: new Uint8Array(buffer, at.mode, z),
      link: new Int32Array(buffer, at.link, z),
    };
    // The zones' unit vectors as three rows and their classes as f64, for `direct`.
    const axes = [at.ux, at.uy, at.uz].map((offset) => new Float64Array(buffer, offset, z));
    for (let k = 0; k < z; k++) for (let a = 0; a < 3; a++) axes[a]![k] = zones.unit[3 * k + a]!;
    new Float64Array(buffer, at.cls, z).set(zones.zoneClass);
    this.entries = new Float64Array(buffer, at.entries, ORIGIN_ENTRIES);
    this.at = at;
    const exports = new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports;
    this.run = exports.lower as Lower;
    this.runDirect = exports.direct as Lower;
  }

  /**
   * Origin o's direct surface trips into `out` (cost, time, and with `mode` its TRIP_MODE), from the
   * entries the caller wrote into `entries` for o: Router.directSurface's values, bit for bit.
   */
  direct(o: number, mode: boolean): void {
    const at = this.at;
    this.runDirect(
      this.zoneCount,
      o,
      at.ux,
      at.uy,
      at.uz,
      at.cls,
      at.entries,
      at.cost,
      at.time,
      at.mode,
      mode ? 1 : 0,
      EARTH_RADIUS_M,
    );
  }

  /** A free slot (RangeError when all are taken: the caller frees the rows it drops). */
  alloc(): number {
    const slot = this.free.pop() ?? (this.used < this.slots ? this.used++ : -1);
    if (slot < 0) throw new RangeError(`all ${this.slots} station-row slots are taken`);
    return slot;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  views(slot: number): RowViews {
    const z = this.zoneCount;
    const base = this.first + slot * this.slotBytes;
    const buffer = this.memory.buffer;
    return {
      cost: new Float64Array(buffer, base, z),
      time: new Float32Array(buffer, base + align(8 * z), z),
      mode: new Uint8Array(buffer, base + align(8 * z) + align(4 * z), z),
    };
  }

  /**
   * Fold slot's row, entered by access link `k` at (accessCost, accessTime), into `out`: cost and time
   * always, mode and link where asked.
   */
  lower(slot: number, accessCost: number, accessTime: number, k: number, mode: boolean, link: boolean): void {
    const z = this.zoneCount;
    const base = this.first + slot * this.slotBytes;
    const at = this.at;
    this.run(
      z,
      at.cost,
      at.time,
      at.mode,
      at.link,
      mode ? 1 : 0,
      link ? 1 : 0,
      base,
      base + align(8 * z),
      base + align(8 * z) + align(4 * z),
      accessCost,
      accessTime,
      k,
    );
  }
}
