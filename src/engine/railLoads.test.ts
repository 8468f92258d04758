/**
 * RailLoads with its WebAssembly demand rows and kernel against its JavaScript arrays: the same units on
 * every edge, access and egress link, on random networks, classes dense (every destination: float32 riders
 * and float64 rows) and sparse (a list of destinations), as pass 3 adds them.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildNetwork, networkSpec } from '../../test/support/arbitraries';
import { buildSpec } from '../graph/build';
import { compile } from '../graph/compile';
import { MemoryPool } from './kernels/memoryPool';
import { RailLoads } from './railLoads';
import { Router } from './router';
import { StationRows } from './stationRows';

describe('RailLoads in WebAssembly', () => {
  it('gives its JavaScript arrays’ units exactly, dense and sparse classes', () => {
    fc.assert(
      fc.property(networkSpec, fc.integer({ min: 1, max: 2 ** 31 - 2 }), (spec, seed) => {
        const g = compile(buildSpec(buildNetwork(spec), 'am-peak'));
        const z = g.zoneCount;
        const rows = new StationRows(new Router(g));
        const js = new RailLoads(new Router(g), rows, 3, { kernel: false });
        const wasm = new RailLoads(new Router(g), rows, 3);
        let s = seed;
        const rnd = () => {
          s = (s * 16807) % 2147483647;
          return s / 2147483647;
        };
        const time = new Float64Array(z);
        const cost = new Float64Array(z);
        const link = new Int32Array(z);
        for (let o = 0; o < z; o++) {
          rows.railRow(o, time, cost, link);
          // Riders as pass 3 keeps them (float32, some 0, some below a unit), then two float64 classes.
          // Some half a unit above a whole number of units: Math.round takes those up.
          const riders = Float32Array.from({ length: z }, () => {
            const u = rnd();
            if (u < 0.3) return 0;
            if (u < 0.4) return 1e-7;
            if (u < 0.5) return (Math.floor(rnd() * 100) + 0.5) / 2 ** 20;
            return rnd() * 50;
          });
          const other = [0, 1].map(() =>
            Float64Array.from({ length: z }, () => (rnd() < 0.5 ? 0 : rnd() * 10)),
          );
          const list = Int32Array.from(Array.from({ length: z }, (_, d) => d).filter(() => rnd() < 0.4));
          const sparse = rnd() < 0.5 ? { list, count: list.length } : undefined;
          js.addByLink(link, [riders, ...other], sparse);
          wasm.addByLink(link, [riders, ...other], sparse);
        }
        expect(wasm.units()).toEqual(js.units());
      }),
      { seed: 20261205, numRuns: 80 },
    );
  });
});

describe('RailLoads with its memory from a pool', () => {
  it('gives a fresh memory’s units, run after run, and hands its memory back all zero', () => {
    // One memory kept, taken and given back run after run (a new one where a network needs more).
    const pool = new MemoryPool(1);
    const given: WebAssembly.Memory[] = [];
    const give = pool.give.bind(pool);
    pool.give = (memory) => {
      given.push(memory);
      give(memory);
    };
    fc.assert(
      fc.property(
        networkSpec,
        fc.integer({ min: 1, max: 2 ** 31 - 2 }),
        fc.integer({ min: 1, max: 3 }),
        (spec, seed, classes) => {
          const g = compile(buildSpec(buildNetwork(spec), 'am-peak'));
          const z = g.zoneCount;
          const rows = new StationRows(new Router(g));
          const pooled = new RailLoads(new Router(g), rows, classes, { pool });
          const fresh = new RailLoads(new Router(g), rows, classes);
          let s = seed;
          const rnd = () => {
            s = (s * 16807) % 2147483647;
            return s / 2147483647;
          };
          const [time, cost] = [new Float64Array(z), new Float64Array(z)];
          const link = new Int32Array(z);
          for (let o = 0; o < z; o++) {
            rows.railRow(o, time, cost, link);
            const trips = Array.from({ length: classes }, () =>
              Float64Array.from({ length: z }, () => (rnd() < 0.3 ? 0 : rnd() * 40)),
            );
            const list = Int32Array.from(Array.from({ length: z }, (_, d) => d).filter(() => rnd() < 0.4));
            const sparse = rnd() < 0.5 ? { list, count: list.length } : undefined;
            pooled.addByLink(link, trips, sparse);
            fresh.addByLink(link, trips, sparse);
          }
          expect(pooled.units()).toEqual(fresh.units());
          pooled.release();
          expect(new Uint8Array(given.at(-1)!.buffer).every((b) => b === 0)).toBe(true);
        },
      ),
      { seed: 20261205, numRuns: 60 },
    );
  });
});

describe('MemoryPool', () => {
  it('gives the smallest spare large enough but not over twice the size, and keeps the last given', () => {
    const pool = new MemoryPool(2);
    const small = pool.take(100_000);
    const large = pool.take(1_000_000);
    expect(small.buffer.byteLength).toBe(2 * 65536);
    expect(large.buffer.byteLength).toBe(16 * 65536);
    pool.give(small);
    pool.give(large);
    expect(pool.take(50_000)).toBe(small);
    // 1 page asked: the 16-page spare is over twice that, so a new memory.
    const fresh = pool.take(1);
    expect(fresh).not.toBe(large);
    expect(fresh.buffer.byteLength).toBe(65536);
    expect(pool.take(600_000)).toBe(large);
    // Larger than every spare: a new one.
    expect(pool.take(2_000_000).buffer.byteLength).toBe(31 * 65536);
    pool.give(large);
    pool.give(small);
    pool.give(fresh);
    // The oldest given (large) went.
    expect(pool.size).toBe(2);
    expect(pool.take(1_000_000)).not.toBe(large);
    expect(pool.take(100_000)).toBe(small);
    expect(pool.take(1)).toBe(fresh);
    expect(() => pool.take(2 ** 33)).toThrow(RangeError);
  });
});

describe('MemoryPool over time', () => {
  it('lets its memories go when nothing was taken for its idle time, and not before', () => {
    vi.useFakeTimers();
    try {
      const pool = new MemoryPool(1, 300_000);
      pool.give(pool.take(65536));
      vi.advanceTimersByTime(299_999);
      expect(pool.size).toBe(1);
      // Taken and given back: the clock starts again.
      pool.give(pool.take(65536));
      vi.advanceTimersByTime(299_999);
      expect(pool.size).toBe(1);
      vi.advanceTimersByTime(1);
      expect(pool.size).toBe(0);
      // Without an idle time it keeps them.
      const keeping = new MemoryPool(1);
      keeping.give(keeping.take(1));
      vi.advanceTimersByTime(10 * 3_600_000);
      expect(keeping.size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
