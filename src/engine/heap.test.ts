import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeHeap } from './heap';

/** Pop everything: the node ids in the order the heap gives them. */
function drain(heap: NodeHeap): number[] {
  const out: number[] = [];
  while (heap.length > 0) out.push(heap.pop());
  return out;
}

const byLabel = (cost: Float64Array, time: Float64Array) => (a: number, b: number) =>
  cost[a]! - cost[b]! || time[a]! - time[b]!;

describe('NodeHeap', () => {
  it('pops by cost, then by time', () => {
    const cost = Float64Array.from([5, 1, 3, 1, 2]);
    const time = Float64Array.from([0, 9, 0, 4, 7]);
    const heap = new NodeHeap(5, cost, time);
    for (const n of [0, 1, 2, 3, 4]) heap.push(n);
    expect(heap.length).toBe(5);
    expect(drain(heap)).toEqual([3, 1, 4, 2, 0]);
  });

  it('decrease-key: pushing a node again after its label improved moves it up, without a duplicate', () => {
    const cost = Float64Array.from([10, 20, 30]);
    const time = new Float64Array(3);
    const heap = new NodeHeap(3, cost, time);
    heap.push(0);
    heap.push(1);
    heap.push(2);
    cost[2] = 5;
    heap.push(2);
    expect(heap.length).toBe(3);
    expect(drain(heap)).toEqual([2, 0, 1]);
  });

  it('a popped node can be pushed again; clear empties it', () => {
    const cost = Float64Array.from([1, 2]);
    const heap = new NodeHeap(2, cost, new Float64Array(2));
    heap.push(0);
    heap.push(1);
    expect(heap.pop()).toBe(0);
    heap.push(0);
    expect(drain(heap)).toEqual([0, 1]);
    heap.push(1);
    heap.clear();
    expect(heap.length).toBe(0);
    heap.push(1);
    expect(drain(heap)).toEqual([1]);
  });

  it('any sequence of pushes, improvements and pops gives the labels in order (property)', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('push' as const),
        node: fc.nat({ max: 19 }),
        cost: fc.integer({ min: 0, max: 30 }),
        time: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const cost = new Float64Array(20).fill(Number.POSITIVE_INFINITY);
        const time = new Float64Array(20).fill(Number.POSITIVE_INFINITY);
        const heap = new NodeHeap(20, cost, time);
        const queued = new Set<number>();
        const order = byLabel(cost, time);
        for (const o of ops) {
          if (o.kind === 'push') {
            // As Dijkstra does: a queued node's label only ever improves.
            const worse = o.cost > cost[o.node]! || (o.cost === cost[o.node]! && o.time >= time[o.node]!);
            if (queued.has(o.node) && worse) continue;
            cost[o.node] = o.cost;
            time[o.node] = o.time;
            heap.push(o.node);
            queued.add(o.node);
          } else if (heap.length > 0) {
            const n = heap.pop();
            expect(queued.has(n)).toBe(true);
            for (const m of queued) expect(order(n, m)).toBeLessThanOrEqual(0);
            queued.delete(n);
          }
          expect(heap.length).toBe(queued.size);
        }
        const rest = drain(heap);
        expect([...rest].sort((x, y) => x - y)).toEqual([...queued].sort((x, y) => x - y));
        for (let k = 1; k < rest.length; k++) expect(order(rest[k - 1]!, rest[k]!)).toBeLessThanOrEqual(0);
      }),
      { seed: 41, numRuns: 300 },
    );
  });
});
