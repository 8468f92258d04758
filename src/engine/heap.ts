/**
 * Indexed binary min-heap of node ids ordered by (cost, time), read from the caller's label arrays, with
 * decrease-key. Lexicographic (cost, time) keeps Dijkstra exact (the order is compatible with adding
 * non-negative edge pairs) and makes equal-cost ties resolve to the quicker path, deterministically.
 */
export class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly cost: Float64Array,
    private readonly time: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** Insert `n`, or move it up after its label improved. */
  push(n: number): void {
    let i = this.pos[n]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = n;
      this.pos[n] = i;
    }
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ca = this.cost[a]!;
    const cb = this.cost[b]!;
    return ca < cb || (ca === cb && this.time[a]! < this.time[b]!);
  }

  private up(i: number): void {
    const heap = this.heap;
    const n = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.less(n, p)) break;
      heap[i] = p;
      this.pos[p] = i;
      i = parent;
    }
    heap[i] = n;
    this.pos[n] = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap[i]!;
    const size = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.less(heap[child + 1]!, heap[child]!)) child++;
      const c = heap[child]!;
      if (!this.less(c, n)) break;
      heap[i] = c;
      this.pos[c] = i;
      i = child;
    }
    heap[i] = n;
    this.pos[n] = i;
  }
}
