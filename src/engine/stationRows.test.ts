/**
 * StationRows with its WebAssembly kernel (engine/kernels/lowerRail) against its JavaScript loop: the
 * same bits in every row, trip mode and access link, on random networks (every surface mode, feeders,
 * express patterns, bus routes), with room for every station row or so little that rows are dropped and
 * their slots reused origin after origin.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildNetwork, networkSpec } from '../../test/support/arbitraries';
import { buildSpec } from '../graph/build';
import { compile } from '../graph/compile';
import { Router } from './router';
import { StationRows } from './stationRows';

describe('StationRows in WebAssembly', () => {
  it('gives its JavaScript loop’s rows, modes and access links bit for bit', () => {
    fc.assert(
      fc.property(networkSpec, fc.boolean(), fc.boolean(), (spec, tight, walkless) => {
        const g = compile(buildSpec(buildNetwork(spec), 'am-peak'));
        const z = g.zoneCount;
        if (walkless) {
          // No walking (entries 0 … 3: walk from either class to either) and a fixed part to every other
          // mode: a zone's trip to itself is then no trip's closed form — the rule (0, 0, walk) shows.
          const t = g.surface;
          for (let k = 0; k < 4; k++) t.maxMeters[k] = -1;
          for (let k = 0; k < t.fixedCost.length; k++) {
            t.fixedCost[k]! += 45;
            t.fixedTime[k]! += 30;
          }
        }
        // Tight: room for two rows (the budget in bytes of one row's parts, twice).
        const budget = tight ? 2 * (17 * z + 12 * g.stations.length + 8 * g.nodeCount) : undefined;
        const js = new StationRows(new Router(g), budget, { kernel: false });
        const wasm = new StationRows(new Router(g), budget);
        const rows = () => ({
          time: new Float64Array(z),
          cost: new Float64Array(z),
          mode: new Uint8Array(z),
          link: new Int32Array(z),
        });
        const same = (a: ReturnType<typeof rows>, b: ReturnType<typeof rows>, what: string) => {
          for (const key of ['time', 'cost', 'mode', 'link'] as const)
            for (let d = 0; d < z; d++)
              expect(Object.is(a[key][d], b[key][d]), `${what} ${key} to ${d}`).toBe(true);
        };
        for (let o = 0; o < z; o++) {
          const a = rows();
          const b = rows();
          js.row(o, a.time, a.cost, a.mode);
          wasm.row(o, b.time, b.cost, b.mode);
          same(a, b, `row from ${o}`);
          js.row(o, a.time, a.cost);
          wasm.row(o, b.time, b.cost);
          same(a, b, `row without modes from ${o}`);
          js.railRow(o, a.time, a.cost, a.link, a.mode);
          wasm.railRow(o, b.time, b.cost, b.link, b.mode);
          same(a, b, `rail row from ${o}`);
          js.railRow(o, a.time, a.cost, a.link);
          wasm.railRow(o, b.time, b.cost, b.link);
          same(a, b, `rail row without modes from ${o}`);
        }
        expect(wasm.searches).toBe(js.searches);
      }),
      { seed: 20261205, numRuns: 80 },
    );
  });
});

describe('StationRows without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('keeps its JavaScript loop (the accessibility model needs no SIMD): the same rows', async () => {
    const [spec] = fc.sample(networkSpec, { seed: 7, numRuns: 1 });
    const g = compile(buildSpec(buildNetwork(spec!), 'am-peak'));
    const z = g.zoneCount;
    const want = { time: new Float64Array(z), cost: new Float64Array(z) };
    new StationRows(new Router(g)).row(0, want.time, want.cost);
    for (const off of [
      () => vi.spyOn(WebAssembly, 'validate').mockReturnValue(false),
      () => vi.stubGlobal('WebAssembly', undefined),
    ]) {
      // A fresh import: compiled kernels are kept per thread.
      vi.resetModules();
      const fresh = await import('./stationRows');
      off();
      const got = { time: new Float64Array(z), cost: new Float64Array(z) };
      new fresh.StationRows(new Router(g)).row(0, got.time, got.cost);
      expect(got).toEqual(want);
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
