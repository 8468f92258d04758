/**
 * WebAssembly memories given back to be used again, all zero. A memory new to a thread costs a page fault
 * the first time each 4 KiB page is written (a third of a scenario's rail loads' time after an edit on
 * JJJ); one handed back is zeroed where it was written, its pages kept. A taker gets the smallest spare
 * that is large enough but not over twice the size asked (a small use does not take a large memory away
 * from the large use that follows), else a new memory. The pool keeps the last `keep` given back, so that
 * what it holds follows the work of the moment (another network's loads replace the last one's), and lets
 * them all go when nothing has been taken for `idleMs`: memory held for the next run, not for good.
 */
export class MemoryPool {
  private readonly spare: WebAssembly.Memory[] = [];

  private idle: ReturnType<typeof setTimeout> | undefined;

  /** Cleared and not taken from since: memories given back are let go too (a run ending after the clear). */
  private closed = false;

  constructor(
    private readonly keep = 1,
    private readonly idleMs = Number.POSITIVE_INFINITY,
  ) {}

  /** A zeroed memory of at least `bytes` (not growable). */
  take(bytes: number): WebAssembly.Memory {
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    if (pages > MAX_PAGES) throw new RangeError(`${bytes} bytes are over WebAssembly's 4 GiB`);
    clearTimeout(this.idle);
    this.closed = false;
    // The smallest that fits, the spares left in the order they were given.
    let fits = -1;
    this.spare.forEach((m, k) => {
      const have = m.buffer.byteLength / PAGE;
      if (
        have >= pages &&
        have <= 2 * pages &&
        (fits < 0 || m.buffer.byteLength < this.spare[fits]!.buffer.byteLength)
      )
        fits = k;
    });
    if (fits < 0) return new WebAssembly.Memory({ initial: pages, maximum: pages });
    return this.spare.splice(fits, 1)[0]!;
  }

  /** Take back `memory`, all zero (its user zeroed what it wrote); beyond `keep` memories, the oldest go. */
  give(memory: WebAssembly.Memory): void {
    if (this.closed) return;
    this.spare.push(memory);
    if (this.spare.length > this.keep) this.spare.splice(0, this.spare.length - this.keep);
    if (Number.isFinite(this.idleMs)) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => {
        this.spare.length = 0;
      }, this.idleMs);
      // In Node, a pending timer would keep a worker's loop alive: this one need not.
      (this.idle as { unref?: () => void }).unref?.();
    }
  }

  /**
   * Let every memory held go now (their user has left), and any given back before the next take (a run
   * still under way when its user left); returns the bytes let go now.
   */
  clear(): number {
    clearTimeout(this.idle);
    this.closed = true;
    const bytes = this.spare.reduce((sum, m) => sum + m.buffer.byteLength, 0);
    this.spare.length = 0;
    return bytes;
  }

  /** Memories held (tests). */
  get size(): number {
    return this.spare.length;
  }
}

const PAGE = 65536;
const MAX_PAGES = 65536;
