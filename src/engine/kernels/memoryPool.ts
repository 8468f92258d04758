/**
 * WebAssembly memories given back to be used again, all zero. A memory new to a thread costs a page fault
 * the first time each 4 KiB page is written (a third of a scenario's rail loads' time after an edit on
 * JJJ); one handed back is zeroed where it was written, its pages kept. A taker gets the smallest spare
 * that is large enough but not over twice the size asked (a small use does not take a large memory away
 * from the large use that follows), else a new memory; the pool keeps the largest `keep` given back.
 */
export class MemoryPool {
  private readonly spare: WebAssembly.Memory[] = [];

  constructor(private readonly keep = 1) {}

  /** A zeroed memory of at least `bytes` (not growable). */
  take(bytes: number): WebAssembly.Memory {
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    if (pages > MAX_PAGES) throw new RangeError(`${bytes} bytes are over WebAssembly's 4 GiB`);
    this.spare.sort((a, b) => a.buffer.byteLength - b.buffer.byteLength);
    const fits = this.spare.findIndex((m) => {
      const have = m.buffer.byteLength / PAGE;
      return have >= pages && have <= 2 * pages;
    });
    if (fits < 0) return new WebAssembly.Memory({ initial: pages, maximum: pages });
    return this.spare.splice(fits, 1)[0]!;
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
