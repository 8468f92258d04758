import { RIDER_CLASSES, SOURCE_CLASSES } from '../sources';
import { kernelModule } from './module';
import { WASM } from './sources.wasm';
import type { KernelWorkspace } from './workspace';

type RiderClasses = (...args: number[]) => void;

/** One side of a pair's comparison: trips and the five modes' shares per destination, in the workspace. */
export interface SideRows {
  trips: Float64Array;
  shares: readonly Float64Array[];
}

/**
 * riderClassRows (demand/sources.ts) over a whole row in WebAssembly (sources.wat): a scenario's rail riders
 * of one origin by rider class, and the origin's totals, the same bits (tested). Sides, class rows and
 * list in the workspace; kept riders and totals anywhere (copied).
 */
export class RiderClassesKernel {
  private readonly kept: Float32Array;
  private readonly totals: Float64Array;
  private readonly run: RiderClasses;
  private readonly noList: Int32Array;

  constructor(private readonly workspace: KernelWorkspace) {
    const module = kernelModule(WASM);
    const z = workspace.zoneCount;
    const room = workspace.f64(Math.ceil(z / 2));
    this.kept = new Float32Array(room.buffer, room.byteOffset, z);
    this.totals = workspace.f64(SOURCE_CLASSES);
    this.noList = workspace.int32(1);
    this.run = new WebAssembly.Instance(module, { env: { memory: workspace.memory } }).exports
      .riderClasses as RiderClasses;
  }

  /** riderClassRows(before, after, out, totals, scratch, unchanged), the same values. */
  rows(
    before: SideRows,
    after: SideRows,
    out: readonly Float64Array[],
    totals: Float64Array,
    unchanged?: { riders: Float32Array; changed: Int32Array; count: number },
  ): void {
    const ws = this.workspace;
    const z = ws.zoneCount;
    const at = (row: Float64Array | Int32Array | Float32Array) => {
      if (row.buffer !== ws.memory.buffer)
        throw new RangeError('rider classes are made in rows of the workspace only');
      return row.byteOffset;
    };
    if (out.length !== RIDER_CLASSES.length || totals.length !== SOURCE_CLASSES)
      throw new RangeError(`${RIDER_CLASSES.length} class rows and ${SOURCE_CLASSES} totals`);
    let kept = this.kept;
    if (unchanged) {
      if (unchanged.riders.buffer === ws.memory.buffer) kept = unchanged.riders;
      else this.kept.set(unchanged.riders);
    }
    this.totals.set(totals);
    this.run(
      z,
      unchanged ? 1 : 0,
      at(unchanged ? unchanged.changed : this.noList),
      unchanged ? unchanged.count : 0,
      at(kept),
      at(before.trips),
      at(after.trips),
      ...before.shares.map(at),
      ...after.shares.map(at),
      ...out.map(at),
      at(this.totals),
    );
    totals.set(this.totals);
  }
}
