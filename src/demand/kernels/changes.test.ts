import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangedPairs } from './changes';
import { KernelWorkspace } from './workspace';

/** A value and, often, the same again: most pairs do not change. */
const cell = fc.oneof(
  fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NaN, 1800),
  fc.double({ min: 0, max: 20_000 }),
);

describe('ChangedPairs', () => {
  it('lists the destinations whose cost, time or (with modes) mode differ, as the JavaScript’s !== does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((z) =>
          fc.record({
            z: fc.constant(z),
            a: fc.array(fc.tuple(cell, cell, fc.integer({ min: 0, max: 2 })), { minLength: z, maxLength: z }),
            change: fc.array(fc.tuple(fc.nat(3), cell, fc.integer({ min: 0, max: 2 })), {
              minLength: z,
              maxLength: z,
            }),
            modes: fc.boolean(),
          }),
        ),
        ({ z, a, change, modes }) => {
          const ws = new KernelWorkspace(z, 8, 256);
          const side = () => ({ cost: ws.row(), time: ws.row(), mode: ws.bytes(z) });
          const x = side();
          const y = side();
          a.forEach(([c, t, m], j) => {
            x.cost[j] = y.cost[j] = c;
            x.time[j] = y.time[j] = t;
            x.mode[j] = y.mode[j] = m;
          });
          // Change one field of some destinations (0: none, 1: cost, 2: time, 3: mode).
          change.forEach(([which, v, m], j) => {
            if (which === 1) y.cost[j] = v;
            if (which === 2) y.time[j] = v;
            if (which === 3) y.mode[j] = m;
          });
          const want: number[] = [];
          for (let j = 0; j < z; j++)
            if (x.cost[j] !== y.cost[j] || x.time[j] !== y.time[j] || (modes && x.mode[j] !== y.mode[j]))
              want.push(j);
          const list = ws.int32(z);
          const count = new ChangedPairs(ws).find(x, y, modes, list);
          expect([...list.subarray(0, count)]).toEqual(want);
        },
      ),
      { seed: 20261205, numRuns: 500 },
    );
  });
});
