import { DEMAND_MODES } from '../../domain/demand';
import {
  BAND_MINUTES,
  BANDS,
  type CommuteTally,
  OVER_MINUTES,
  type TallyLayout,
  WITHIN_MINUTES,
} from '../tally';
import { kernelModule } from './module';
import { WASM } from './tally.wasm';
import type { KernelWorkspace } from './workspace';

type Tally = (...args: number[]) => void;

const MODES = DEMAND_MODES.length;
/** The kernel's output: five sums from 0, then commuters by mode, by band and into each region. */
const SUMS = 5;

/**
 * tallyOrigin over a whole row in WebAssembly (tally.wat): the same sums in the same order, so the same
 * bits (tested), in a third of its time (12.5 against 36 ns a destination on JJJ rows). Its trips, times and shares are rows of its
 * workspace (where the logit kernel wrote the shares); the layout's districts and regions are copied into
 * the workspace when it is made.
 */
export class TallyKernel {
  private readonly out: Float64Array;
  private readonly district: number;
  private readonly regions: number;
  private readonly run: Tally;
  private readonly runChange: Tally;
  private readonly args: number[];

  constructor(
    private readonly workspace: KernelWorkspace,
    private readonly layout: TallyLayout,
  ) {
    const z = workspace.zoneCount;
    if (layout.zoneCount !== z) throw new RangeError(`a tally of ${layout.zoneCount} zones in rows of ${z}`);
    const module = kernelModule(WASM);
    const district = workspace.f64(Math.ceil(z / 2));
    new Int32Array(district.buffer, district.byteOffset, z).set(layout.district);
    const r = layout.regions.length;
    const regions = workspace.f64(Math.ceil((r * z) / 8));
    const bytes = new Uint8Array(regions.buffer, regions.byteOffset, r * z);
    for (let k = 0; k < r; k++) bytes.set(layout.regions[k]!, k * z);
    this.district = district.byteOffset;
    this.regions = regions.byteOffset;
    this.out = workspace.f64(SUMS + MODES + BANDS + r);
    this.args = new Array<number>(3 + 4 * MODES + 2 + 3).fill(0);
    const exports = new WebAssembly.Instance(module, { env: { memory: workspace.memory } }).exports;
    this.run = exports.tally as Tally;
    this.runChange = exports.tallyChange as Tally;
  }

  /**
   * tallyModeChange(t, slot, trips, before, after, list, count), its rows and list in the workspace: the
   * same bits.
   */
  change(
    t: CommuteTally,
    slot: number,
    trips: Float64Array,
    before: { time: readonly Float64Array[]; shares: readonly Float64Array[] },
    after: { time: readonly Float64Array[]; shares: readonly Float64Array[] },
    list: Int32Array,
    count: number,
  ): void {
    const { workspace: ws, args } = this;
    if (list.buffer !== ws.memory.buffer || !(count >= 0 && count <= list.length))
      throw new RangeError('the tally kernel reads a list of its workspace only');
    this.load(t, slot);
    let a = 0;
    args[a++] = count;
    args[a++] = list.byteOffset;
    args[a++] = offset(ws, trips);
    for (const side of [before, after])
      for (let m = 0; m < MODES; m++) {
        args[a++] = offset(ws, side.shares[m]!);
        args[a++] = offset(ws, side.time[m]!);
      }
    this.runChange(...args.slice(0, this.bandArgs(a)));
    this.store(t, slot);
  }

  /** Both kernels' last arguments from `args[a]` on: the output, the last band, the bands' bounds. */
  private bandArgs(a: number): number {
    const args = this.args;
    args[a++] = this.out.byteOffset;
    args[a++] = BANDS - 1;
    args[a++] = WITHIN_MINUTES * 60;
    args[a++] = OVER_MINUTES * 60;
    args[a++] = BAND_MINUTES * 60;
    return a;
  }

  /** What both kernels give back into row `slot`: seconds, within 45 and over 60, by mode, the histogram. */
  private store(t: CommuteTally, slot: number): void {
    const out = this.out;
    const rows = t.zoneCount;
    t.seconds[slot] += out[1]!;
    t.within45[slot] += out[2]!;
    t.over60[slot] += out[3]!;
    for (let m = 0; m < MODES; m++) t.byMode[m * rows + slot] = out[SUMS + m]!;
    t.histogram.set(out.subarray(SUMS + MODES, SUMS + MODES + BANDS), slot * BANDS);
  }

  /** The output's sums: those kept in the tally start from its values (row `slot`), the others from 0. */
  private load(t: CommuteTally, slot: number): void {
    const { out, layout } = this;
    const rows = t.zoneCount;
    out.fill(0, 0, SUMS);
    for (let m = 0; m < MODES; m++) out[SUMS + m] = t.byMode[m * rows + slot]!;
    out.set(t.histogram.subarray(slot * BANDS, (slot + 1) * BANDS), SUMS + MODES);
    for (let r = 0; r < layout.regions.length; r++)
      out[SUMS + MODES + BANDS + r] = t.intoRegion[r * rows + slot]!;
  }

  /** tallyOrigin(t, layout, i, trips, time, shares, slot), its rows in the workspace. */
  origin(
    t: CommuteTally,
    i: number,
    trips: Float64Array,
    time: readonly Float64Array[],
    shares: readonly Float64Array[],
    slot = i,
  ): void {
    const { workspace: ws, layout, out, args } = this;
    const z = layout.zoneCount;
    const rows = t.zoneCount;
    const regions = layout.regions.length;
    // The sums that accumulate in the tally start from its values, as tallyOrigin's do.
    this.load(t, slot);
    let a = 0;
    args[a++] = z;
    args[a++] = offset(ws, trips);
    args[a++] = this.district;
    args[a++] = layout.district[i]!;
    args[a++] = this.regions;
    args[a++] = regions;
    for (let m = 0; m < MODES; m++) {
      args[a++] = offset(ws, shares[m]!);
      args[a++] = offset(ws, time[m]!);
    }
    this.run(...args.slice(0, this.bandArgs(a)));
    this.store(t, slot);
    t.commuters[slot] += out[0]!;
    t.ownDistrict[slot] += out[4]!;
    for (let r = 0; r < regions; r++) t.intoRegion[r * rows + slot] = out[SUMS + MODES + BANDS + r]!;
  }
}

function offset(ws: KernelWorkspace, row: Float64Array): number {
  const at = ws.offsetOf(row);
  if (at < 0 || row.length !== ws.zoneCount)
    throw new RangeError('the tally kernel reads rows of its workspace only');
  return at;
}
