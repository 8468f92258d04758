import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMAND_MODES } from '../../domain/demand';
import { RIDER_CLASSES, riderClassRows, SOURCE_CLASSES } from '../sources';
import { RiderClassesKernel } from './sources';
import { KernelWorkspace } from './workspace';

const M = DEMAND_MODES.length;

/** A trip count or share, often the same on both sides (a pair the scenario did not touch). */
const value = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
const pair = fc.record({
  t0: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true })),
  /** The scenario's trips: the same (short term) or others (long term). */
  t1: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: undefined }),
  s0: fc.array(value, { minLength: M, maxLength: M }),
  s1: fc.option(fc.array(value, { minLength: M, maxLength: M }), { nil: undefined }),
  listed: fc.boolean(),
  kept: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe('RiderClassesKernel', () => {
  it('gives riderClassRows’ class rows and totals bit for bit, with a list of changed pairs or without', () => {
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 1, maxLength: 24 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (pairs, short, before) => {
          const z = pairs.length;
          const ws = new KernelWorkspace(z, 4 * M + 2 * RIDER_CLASSES.length + 8, 1024);
          const row = (f: (p: (typeof pairs)[number]) => number) => {
            const r = ws.row();
            pairs.forEach((p, j) => {
              r[j] = f(p);
            });
            return r;
          };
          const side0 = { trips: row((p) => p.t0), shares: DEMAND_MODES.map((_, m) => row((p) => p.s0[m]!)) };
          const side1 = {
            trips: row((p) => (short ? p.t0 : (p.t1 ?? p.t0))),
            shares: DEMAND_MODES.map((_, m) => row((p) => (p.s1 ?? p.s0)[m]!)),
          };
          const listed = pairs.flatMap((p, j) => (p.listed ? [j] : []));
          const changed = ws.int32(z);
          changed.set(listed);
          const riders = Float32Array.from(pairs, (p) => p.kept);
          const unchanged = short ? { riders, changed, count: listed.length } : undefined;
          // Rows holding something already: with a list, classes past the first stay so where not listed.
          const classes = (inWorkspace: boolean) =>
            RIDER_CLASSES.map((_, c) => (inWorkspace ? ws.row() : new Float64Array(z)).fill(c + 0.5));
          const want = classes(false);
          const wantTotals = new Float64Array(SOURCE_CLASSES).fill(before);
          riderClassRows(side0, side1, want, wantTotals, new Float64Array(SOURCE_CLASSES), unchanged);
          const got = classes(true);
          const gotTotals = new Float64Array(SOURCE_CLASSES).fill(before);
          new RiderClassesKernel(ws).rows(side0, side1, got, gotTotals, unchanged);
          const same = (a: ArrayLike<number>, b: ArrayLike<number>, what: string) => {
            for (let k = 0; k < a.length; k++) expect(Object.is(a[k], b[k]), `${what}[${k}]`).toBe(true);
          };
          for (let c = 0; c < want.length; c++) same(want[c]!, got[c]!, `class ${RIDER_CLASSES[c]}`);
          same(wantTotals, gotTotals, 'totals');
        },
      ),
      { seed: 20261205, numRuns: 500 },
    );
  });
});
