/**
 * RailLoads with its WebAssembly demand rows and kernel against its JavaScript arrays: the same units on
 * every edge, access and egress link, on random networks, classes dense (every destination: float32 riders
 * and float64 rows) and sparse (a list of destinations), as pass 3 adds them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork, networkSpec } from '../../test/support/arbitraries';
import { buildSpec } from '../graph/build';
import { compile } from '../graph/compile';
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
