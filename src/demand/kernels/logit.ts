import type { LogitParams } from '../../domain/demand';
import { DEMAND_MODES } from '../../domain/demand';
import { EXP_CONSTANTS } from '../exp';
import { LOG_CONSTANTS } from '../log';
import type { ModeChoiceOut } from '../modeChoice';
import { WASM } from './logit.wasm';
import { kernelModule } from './module';
import { KernelWorkspace } from './workspace';

type Choose = (z: number, ...args: number[]) => void;

const MODES = DEMAND_MODES.length;

/**
 * The logit of one origin over every destination in 128-bit SIMD (logit.wat): chooseModes' results, bit
 * for bit, in about half its time (4,716 destinations: 28 ns a destination against 51, 30 against 59 with
 * shares, copies included). Rows that lie in its workspace (KernelWorkspace: the options the surface
 * kernel and the station trips wrote there) are read and written where they are; others are copied in
 * and out. One per worker and zone count; its scratch is reused origin after origin.
 */
export class LogitKernel {
  readonly workspace: KernelWorkspace;
  /** Scratch rows for inputs and outputs that are not in the workspace. */
  private readonly scratch: Float64Array[];
  private readonly at: { exp: number; log: number };
  private readonly run: Choose;
  private readonly runList: Choose;
  private readonly args: number[];
  /** Scratch for a list that is not in the workspace. */
  private readonly list: Int32Array;

  constructor(
    readonly zoneCount: number,
    workspace?: KernelWorkspace,
  ) {
    const z = zoneCount;
    if (!(Number.isInteger(z) && z >= 0)) throw new RangeError(`a logit over ${z} zones`);
    // The module first: without WebAssembly (or its SIMD) that is what says so.
    const module = kernelModule(WASM);
    const scratchRows = 3 * MODES + 2;
    this.workspace =
      workspace ??
      new KernelWorkspace(z, scratchRows + 1, EXP_CONSTANTS.byteLength + LOG_CONSTANTS.byteLength);
    if (this.workspace.zoneCount !== z)
      throw new RangeError(`a logit over ${z} zones in a workspace of ${this.workspace.zoneCount}`);
    const ws = this.workspace;
    const exp = ws.f64(EXP_CONSTANTS.length);
    exp.set(EXP_CONSTANTS);
    const log = ws.f64(LOG_CONSTANTS.length);
    log.set(LOG_CONSTANTS);
    this.at = { exp: exp.byteOffset, log: log.byteOffset };
    this.scratch = Array.from({ length: scratchRows }, () => ws.row());
    this.list = ws.int32(z);
    this.args = new Array<number>(3 * MODES + 2 + 4 + 1 + MODES).fill(0);
    const exports = new WebAssembly.Instance(module, { env: { memory: ws.memory } }).exports;
    this.run = exports.choose as Choose;
    this.runList = exports.chooseList as Choose;
  }

  /** chooseModes(cost, time, p, out) over every destination: the same values, bit for bit. */
  choose(
    cost: readonly ArrayLike<number>[],
    time: readonly ArrayLike<number>[],
    p: LogitParams,
    out: ModeChoiceOut,
  ): void {
    const outputs = this.prepare(cost, time, p, out);
    this.run(this.zoneCount, ...this.args);
    for (let k = 0; k < outputs.length; k++) {
      const row = outputs[k]!;
      if (this.workspace.offsetOf(row) < 0) row.set(this.scratch[2 * MODES + k]!);
    }
  }

  /**
   * chooseModes(cost, time, p, out, 0, count, list): the destinations list[0 … count) only (ascending, as
   * a scenario's changed pairs), the same values bit for bit; other destinations of `out` untouched.
   */
  chooseList(
    cost: readonly ArrayLike<number>[],
    time: readonly ArrayLike<number>[],
    p: LogitParams,
    out: ModeChoiceOut,
    list: Int32Array,
    count: number,
  ): void {
    if (!(count >= 0 && count <= list.length && count <= this.zoneCount))
      throw new RangeError(`${count} listed destinations of a list of ${list.length}`);
    const outputs = this.prepare(cost, time, p, out);
    let at = list.buffer === this.workspace.memory.buffer ? list.byteOffset : -1;
    if (at < 0) {
      this.list.set(list.subarray(0, count));
      at = this.list.byteOffset;
    }
    this.runList(count, at, ...this.args);
    for (let k = 0; k < outputs.length; k++) {
      const row = outputs[k]!;
      if (this.workspace.offsetOf(row) >= 0) continue;
      const from = this.scratch[2 * MODES + k]!;
      for (let q = 0; q < count; q++) row[list[q]!] = from[list[q]!]!;
    }
  }

  /** The arguments after the destinations: rows in place or copied to scratch; returns the output rows. */
  private prepare(
    cost: readonly ArrayLike<number>[],
    time: readonly ArrayLike<number>[],
    p: LogitParams,
    out: ModeChoiceOut,
  ): ModeChoiceOut['composite'][] {
    const z = this.zoneCount;
    if (cost.length !== MODES || time.length !== MODES || p.constants.length !== MODES)
      throw new Error(`mode choice needs ${MODES} modes (${DEMAND_MODES.join(', ')})`);
    const shares = out.shares;
    const outputs = [out.composite, out.expectedTime, ...(shares ?? [])];
    const rows = [...cost, ...time, ...outputs];
    if (rows.some((r) => r.length !== z))
      throw new RangeError(
        `a logit over ${z} zones takes and writes rows of ${z}, not ${rows.map((r) => r.length).join(', ')}`,
      );
    const ws = this.workspace;
    const args = this.args;
    // Inputs: cost and time of each mode, in place or copied to scratch row k.
    for (let m = 0; m < MODES; m++)
      for (let w = 0; w < 2; w++) {
        const k = 2 * m + w;
        const row = w === 0 ? cost[m]! : time[m]!;
        let at = ws.offsetOf(row);
        if (at < 0) {
          this.scratch[k]!.set(row);
          at = this.scratch[k]!.byteOffset;
        }
        args[k] = at;
      }
    // Outputs: composite, expected time, the shares (scratch when not in place; none asked: scratch unused).
    for (let k = 0; k < 2 + MODES; k++) {
      const row = outputs[k];
      const at = row ? ws.offsetOf(row) : -1;
      args[2 * MODES + k] = at >= 0 ? at : this.scratch[2 * MODES + k]!.byteOffset;
    }
    let a = 3 * MODES + 2;
    args[a++] = shares ? 1 : 0;
    args[a++] = this.at.exp;
    args[a++] = this.at.log;
    args[a++] = p.thetaPerSecond;
    for (let m = 0; m < MODES; m++) args[a++] = p.constants[m]!;
    return outputs;
  }
}
