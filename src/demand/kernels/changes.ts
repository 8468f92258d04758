import { WASM } from './changes.wasm';
import { kernelModule } from './module';
import type { KernelWorkspace } from './workspace';

type Changes = (z: number, ...args: number[]) => number;

/** One side's trips through stations per destination (ModeRowSource.station), in the workspace. */
export interface StationTripRows {
  cost: Float64Array;
  time: Float64Array;
  mode: Uint8Array;
}

/**
 * The destinations where two sides' trips through stations differ (changes.wat, SIMD): cost or time (as
 * `!==`), and with `modes` the trip's mode — a scenario's changed pairs, where its options differ from the
 * baseline's. Rows and list in the workspace.
 */
export class ChangedPairs {
  private readonly run: Changes;

  constructor(private readonly workspace: KernelWorkspace) {
    const module = kernelModule(WASM);
    this.run = new WebAssembly.Instance(module, { env: { memory: workspace.memory } }).exports
      .changes as Changes;
  }

  /** Into `list` (ascending) the destinations where `a` and `b` differ; returns how many. */
  find(a: StationTripRows, b: StationTripRows, modes: boolean, list: Int32Array): number {
    const z = this.workspace.zoneCount;
    const rows = [a.cost, a.time, b.cost, b.time, a.mode, b.mode, list];
    if (rows.some((r) => r.buffer !== this.workspace.memory.buffer || r.length !== z))
      throw new RangeError('the changed pairs are found in rows of the workspace only');
    return this.run(
      z,
      a.cost.byteOffset,
      a.time.byteOffset,
      b.cost.byteOffset,
      b.time.byteOffset,
      modes ? 1 : 0,
      a.mode.byteOffset,
      b.mode.byteOffset,
      list.byteOffset,
    );
  }
}
