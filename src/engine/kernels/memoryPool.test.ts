import { describe, expect, it } from 'vitest';
import { MemoryPool } from './memoryPool';

const PAGE = 65536;

describe('MemoryPool', () => {
  it('hands a memory given back to the next taker it fits, not one over twice the size asked', () => {
    const pool = new MemoryPool(2);
    const a = pool.take(3 * PAGE);
    pool.give(a);
    expect(pool.take(2 * PAGE)).toBe(a);
    pool.give(a);
    // One page asked: a three-page memory is over twice that, so a new one.
    expect(pool.take(PAGE)).not.toBe(a);
    expect(pool.size).toBe(1);
  });

  it('keeps the last `keep` given back', () => {
    const pool = new MemoryPool(1);
    const [a, b] = [pool.take(PAGE), pool.take(PAGE)];
    pool.give(a);
    pool.give(b);
    expect(pool.size).toBe(1);
    expect(pool.take(PAGE)).toBe(b);
  });

  it('lets every memory go when cleared, saying how many bytes', () => {
    const pool = new MemoryPool(2);
    const [a, b] = [pool.take(PAGE), pool.take(3 * PAGE)];
    pool.give(a);
    pool.give(b);
    expect(pool.clear()).toBe(4 * PAGE);
    expect(pool.size).toBe(0);
    expect(pool.clear()).toBe(0);
    expect(pool.take(PAGE)).not.toBe(a);
  });

  it('after a clear, lets go of a memory given back before the next take (a run that outlived its view)', () => {
    const pool = new MemoryPool(1);
    const late = pool.take(PAGE);
    pool.clear();
    pool.give(late);
    expect(pool.size).toBe(0);
    // A run after that keeps its memory again.
    const next = pool.take(PAGE);
    pool.give(next);
    expect(pool.size).toBe(1);
  });
});
