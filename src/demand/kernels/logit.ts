import type { LogitParams } from '../../domain/demand';
import { DEMAND_MODES } from '../../domain/demand';
import { EXP_CONSTANTS } from '../exp';
import { LOG_CONSTANTS } from '../log';
import type { ModeChoiceOut } from '../modeChoice';
import { WASM } from './logit.wasm';
import { kernelMemory, kernelModule } from './module';

type Choose = (
  z: number,
  cost: number,
  time: number,
  out: number,
  withShares: number,
  exp: number,
  log: number,
  theta: number,
  ...constants: number[]
) => void;

const MODES = DEMAND_MODES.length;

/**
 * The logit of one origin over every destination in 128-bit SIMD (logit.wat): chooseModes' results, bit
 * for bit, in about half its time (4,716 destinations: 28 ns a destination against 51, 30 against 59 with
 * shares, copies included). The rows are copied into the kernel's memory and the outputs out of it. One per worker and zone count; its
 * scratch is reused origin after origin.
 */
export class LogitKernel {
  private readonly cost: Float64Array;
  private readonly time: Float64Array;
  private readonly composite: Float64Array;
  private readonly expected: Float64Array;
  private readonly shares: Float64Array;
  private readonly at: { cost: number; time: number; out: number; exp: number; log: number };
  private readonly run: Choose;

  constructor(readonly zoneCount: number) {
    const z = zoneCount;
    if (!(Number.isInteger(z) && z >= 0)) throw new RangeError(`a logit over ${z} zones`);
    const row = 8 * z;
    const at = { cost: 0, time: MODES * row, out: 2 * MODES * row, exp: 0, log: 0 };
    at.exp = at.out + (2 + MODES) * row;
    at.log = at.exp + EXP_CONSTANTS.byteLength;
    // The module first: without WebAssembly (or its SIMD) that is what says so.
    const module = kernelModule(WASM);
    const memory = kernelMemory(at.log + LOG_CONSTANTS.byteLength, `a logit over ${z} zones`);
    const buffer = memory.buffer;
    this.cost = new Float64Array(buffer, at.cost, MODES * z);
    this.time = new Float64Array(buffer, at.time, MODES * z);
    this.composite = new Float64Array(buffer, at.out, z);
    this.expected = new Float64Array(buffer, at.out + row, z);
    this.shares = new Float64Array(buffer, at.out + 2 * row, MODES * z);
    new Float64Array(buffer, at.exp, EXP_CONSTANTS.length).set(EXP_CONSTANTS);
    new Float64Array(buffer, at.log, LOG_CONSTANTS.length).set(LOG_CONSTANTS);
    this.at = at;
    this.run = new WebAssembly.Instance(module, { env: { memory } }).exports.choose as Choose;
  }

  /** chooseModes(cost, time, p, out) over every destination: the same values, bit for bit. */
  choose(
    cost: readonly ArrayLike<number>[],
    time: readonly ArrayLike<number>[],
    p: LogitParams,
    out: ModeChoiceOut,
  ): void {
    const z = this.zoneCount;
    if (cost.length !== MODES || time.length !== MODES || p.constants.length !== MODES)
      throw new Error(`mode choice needs ${MODES} modes (${DEMAND_MODES.join(', ')})`);
    const rows = [...cost, ...time, out.composite, out.expectedTime, ...(out.shares ?? [])];
    if (rows.some((r) => r.length !== z))
      throw new RangeError(
        `a logit over ${z} zones takes and writes rows of ${z}, not ${rows.map((r) => r.length).join(', ')}`,
      );
    for (let m = 0; m < MODES; m++) {
      this.cost.set(cost[m]!, m * z);
      this.time.set(time[m]!, m * z);
    }
    const shares = out.shares;
    const at = this.at;
    this.run(z, at.cost, at.time, at.out, shares ? 1 : 0, at.exp, at.log, p.thetaPerSecond, ...p.constants);
    out.composite.set(this.composite);
    out.expectedTime.set(this.expected);
    if (shares) for (let m = 0; m < MODES; m++) shares[m]!.set(this.shares.subarray(m * z, (m + 1) * z));
  }
}
