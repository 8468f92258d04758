import { kernelMemory } from './module';

/**
 * One WebAssembly memory the kernels of a worker share, holding one origin's rows at a time: the options
 * the surface kernel writes are the logit kernel's inputs where they lie, and its shares the tally's —
 * no copies between them. Rows of `zoneCount` f64, 16-byte aligned (SIMD loads), handed out in order:
 * `mark` and `release` give a request's rows back when it is done. Fixed in size (views stay valid).
 */
export class KernelWorkspace {
  readonly memory: WebAssembly.Memory;
  private top = 0;
  private readonly size: number;

  /** Room for `rows` rows of `zoneCount` f64 and `extraBytes` more. */
  constructor(
    readonly zoneCount: number,
    rows: number,
    extraBytes = 0,
  ) {
    if (!(Number.isInteger(zoneCount) && zoneCount >= 0)) throw new RangeError(`rows of ${zoneCount} zones`);
    this.size = rows * align(8 * zoneCount) + align(extraBytes) + 16 * rows;
    this.memory = kernelMemory(this.size, `kernel rows of ${zoneCount} zones`);
  }

  /** `count` f64, 16-byte aligned. */
  f64(count: number): Float64Array {
    const at = this.top;
    const size = align(8 * count);
    if (at + size > this.size)
      throw new RangeError(`the kernels' rows are full (${this.size} bytes): ${size} more asked for`);
    this.top = at + size;
    return new Float64Array(this.memory.buffer, at, count);
  }

  /** `count` i32, 16-byte aligned. */
  int32(count: number): Int32Array {
    const room = this.f64(Math.ceil(count / 2));
    return new Int32Array(room.buffer, room.byteOffset, count);
  }

  /** `count` bytes, 16-byte aligned. */
  bytes(count: number): Uint8Array {
    const room = this.f64(Math.ceil(count / 8));
    return new Uint8Array(room.buffer, room.byteOffset, count);
  }

  /** A row of zoneCount f64. */
  row(): Float64Array {
    return this.f64(this.zoneCount);
  }

  mark(): number {
    return this.top;
  }

  /** Give back everything handed out since `mark`. */
  release(mark: number): void {
    this.top = mark;
  }

  /** The byte offset of `view` when it is an f64 array in this memory, else −1. */
  offsetOf(view: ArrayLike<number>): number {
    return view instanceof Float64Array && view.buffer === this.memory.buffer ? view.byteOffset : -1;
  }
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
