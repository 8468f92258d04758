import { EARTH_RADIUS_M } from '../../domain/geo';
import type { ZONE_CLASSES } from '../../domain/surface';
import type { CarTable } from '../car';
import { kernelModule } from './module';
import { WASM } from './surface.wasm';
import type { KernelWorkspace } from './workspace';

type Surface = (z: number, o: number, ...args: number[]) => void;

/** Two zone classes (urban 0, rural 1): the kernel picks a destination's entries by a lane mask. */
const CLASSES: (typeof ZONE_CLASSES)['length'] = 2;
/** The surface's entries per origin (engine/surface.ts originEntries: 3 modes × 2 classes × 7). */
export const SURFACE_ENTRIES = 42;

/** Where the rows the kernel writes lie: walk, bike, the area-wide bus and the car, cost and time each. */
export interface SurfaceRows {
  cost: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  time: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
}

/**
 * One origin's walk, bike, area-wide bus and car rows over every destination in 128-bit SIMD
 * (surface.wat): metersRow, directModes and carRowByMeters, bit for bit (tested), into rows of its
 * workspace, where the logit kernel reads them. The zones' geometry and classes are copied into the
 * workspace once, when it is made; before each `fill` the caller writes the origin's surface entries
 * (engine/surface.ts originEntries) into `entries`.
 */
export class SurfaceKernel {
  /** The origin's 42 surface entries, written by the caller before each fill. */
  readonly entries: Float64Array;
  private readonly all: Float64Array;
  private readonly at: number[];
  private readonly run: Surface;
  private readonly args: number[];

  constructor(
    private readonly workspace: KernelWorkspace,
    unit: Float64Array,
    private readonly zoneClass: Uint8Array,
    intrazonal: Float64Array,
    private readonly car: CarTable,
  ) {
    const z = workspace.zoneCount;
    if (unit.length !== 3 * z || zoneClass.length !== z || intrazonal.length !== z)
      throw new RangeError(
        `surface rows of ${z} zones from ${unit.length / 3}, ${zoneClass.length}, ${intrazonal.length}`,
      );
    const module = kernelModule(WASM);
    const axes = [0, 1, 2].map((a) => {
      const row = workspace.row();
      for (let k = 0; k < z; k++) row[k] = unit[3 * k + a]!;
      return row;
    });
    const self = workspace.row();
    self.set(intrazonal);
    const cls = workspace.row();
    for (let k = 0; k < z; k++) cls[k] = zoneClass[k]!;
    this.all = workspace.f64(SURFACE_ENTRIES + 7);
    this.entries = this.all.subarray(0, SURFACE_ENTRIES);
    const meters = workspace.row();
    this.at = [...axes, self, cls, this.all, meters].map((r) => r.byteOffset);
    this.args = new Array<number>(this.at.length + 9).fill(0);
    this.run = new WebAssembly.Instance(module, { env: { memory: workspace.memory } }).exports
      .surface as Surface;
  }

  /** Origin o's rows (in the workspace), from the entries the caller wrote for o. */
  fill(o: number, rows: SurfaceRows): void {
    const { car, all, args } = this;
    const co = this.zoneClass[o]! * CLASSES;
    for (let cd = 0; cd < CLASSES; cd++) {
      all[SURFACE_ENTRIES + cd] = car.secondsPerMeter[co + cd]!;
      all[SURFACE_ENTRIES + 2 + cd] = car.terminalSeconds[co + cd]!;
      all[SURFACE_ENTRIES + 4 + cd] = car.terminalCost[co + cd]!;
    }
    all[SURFACE_ENTRIES + 6] = car.driveWeight;
    let a = 0;
    for (const at of this.at) args[a++] = at;
    for (let m = 0; m < 4; m++)
      for (const row of [rows.cost[m]!, rows.time[m]!]) {
        const at = this.workspace.offsetOf(row);
        if (at < 0 || row.length !== this.workspace.zoneCount)
          throw new RangeError('the surface kernel writes rows of its workspace only');
        args[a++] = at;
      }
    args[a] = EARTH_RADIUS_M;
    this.run(this.workspace.zoneCount, o, ...args);
  }
}
