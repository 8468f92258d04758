/**
 * WebAssembly memories given back to be used again, all zero. A memory new to a thread costs a page fault
 * the first time each 4 KiB page is written (a third of a scenario's rail loads' time after an edit on
 * JJJ); one handed back is zeroed where it was written, its pages kept. A taker gets the smallest memory
 * that is large enough, or the largest grown, or a new one.
 */
export class MemoryPool {
  private readonly spare: WebAssembly.Memory[] = [];

  constructor(private readonly keep = 2) {}

  /** A zeroed memory of at least `bytes`, growable to WebAssembly's 4 GiB. */
  take(bytes: number): WebAssembly.Memory {
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    if (pages > MAX_PAGES) throw new RangeError(`${bytes} bytes are over WebAssembly's 4 GiB`);
    this.spare.sort((a, b) => a.buffer.byteLength - b.buffer.byteLength);
    const fits = this.spare.findIndex((m) => m.buffer.byteLength >= pages * PAGE);
    const at = fits >= 0 ? fits : this.spare.length - 1;
    if (at < 0) return new WebAssembly.Memory({ initial: pages, maximum: MAX_PAGES });
    const memory = this.spare.splice(at, 1)[0]!;
    const have = memory.buffer.byteLength / PAGE;
    if (have < pages) memory.grow(pages - have);
    return memory;
  }

  /** Take back `memory`, all zero (its user zeroed what it wrote); beyond `keep` memories, the smallest go. */
  give(memory: WebAssembly.Memory): void {
    this.spare.push(memory);
    this.spare.sort((a, b) => b.buffer.byteLength - a.buffer.byteLength);
    this.spare.length = Math.min(this.spare.length, this.keep);
  }

  /** Memories held (tests). */
  get size(): number {
    return this.spare.length;
  }
}

const PAGE = 65536;
const MAX_PAGES = 65536;
