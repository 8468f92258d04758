import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMAND_MODES } from '../../domain/demand';
import { emptyTally, tallyModeChange, tallyOrigin } from '../tally';
import { TallyKernel } from './tally';
import { KernelWorkspace } from './workspace';

const M = DEMAND_MODES.length;

/** Times that sit on the thresholds (45 and 60 minutes, band edges) as well as between and beyond them. */
const seconds = fc.oneof(
  fc.constantFrom(0, 600, 2700, 2701, 3600, 3601, 10_800, 11_400, 1e7),
  fc.double({ min: 0, max: 20_000, noNaN: true }),
);

const origin = fc.integer({ min: 1, max: 30 }).chain((z) =>
  fc.record({
    z: fc.constant(z),
    i: fc.integer({ min: 0, max: z - 1 }),
    slot: fc.integer({ min: 0, max: 2 }),
    district: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: z, maxLength: z }),
    regions: fc.array(fc.array(fc.boolean(), { minLength: z, maxLength: z }), { maxLength: 3 }),
    trips: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5000, noNaN: true })), {
      minLength: z,
      maxLength: z,
    }),
    modes: fc.array(
      fc.array(
        fc.oneof(
          fc.constant({ share: 0, time: Infinity }),
          // Not a share (NaN): skipped, as tallyOrigin skips every share not above 0.
          fc.record({ share: fc.constant(Number.NaN), time: seconds }),
          fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), time: seconds }),
        ),
        {
          minLength: z,
          maxLength: z,
        },
      ),
      { minLength: M, maxLength: M },
    ),
    /** What the tally holds before (a slot tallied before, or other origins' rows). */
    before: fc.double({ min: 0, max: 1e6, noNaN: true }),
  }),
);

/** The layout of a drawn origin's zones, and a tally of theirs holding `before` everywhere already. */
function layoutOf(o: { z: number; district: number[]; regions: boolean[][] }) {
  return {
    zoneCount: o.z,
    district: Int32Array.from(o.district),
    districtCount: 4,
    regions: o.regions.map((r) => Uint8Array.from(r, Number)),
  };
}

function holding(layout: ReturnType<typeof layoutOf>, before: number) {
  const t = emptyTally(layout, 3);
  for (const v of Object.values(t)) if (v instanceof Float64Array) v.fill(before);
  return t;
}

/** Every sum of the two tallies the same, bit for bit. */
function expectSameBits(got: ReturnType<typeof holding>, want: ReturnType<typeof holding>) {
  for (const key of Object.keys(want) as (keyof typeof want)[]) {
    const a = want[key];
    const b = got[key];
    if (typeof a === 'number') expect(b).toBe(a);
    else {
      const values = b as Float64Array;
      for (let k = 0; k < a.length; k++) expect(Object.is(a[k], values[k]), `${key}[${k}]`).toBe(true);
    }
  }
}

describe('TallyKernel', () => {
  it('adds what tallyOrigin adds, bit for bit, to a tally holding values already', () => {
    fc.assert(
      fc.property(origin, (o) => {
        const layout = layoutOf(o);
        const fresh = () => holding(layout, o.before);
        const want = fresh();
        const got = fresh();
        const ws = new KernelWorkspace(o.z, 1 + 2 * M + 4, 1024);
        const row = (values: number[]) => {
          const r = ws.row();
          r.set(values);
          return r;
        };
        const trips = row(o.trips);
        const shares = o.modes.map((m) => row(m.map((x) => x.share)));
        const time = o.modes.map((m) => row(m.map((x) => x.time)));
        tallyOrigin(want, layout, o.i, trips, time, shares, o.slot);
        new TallyKernel(ws, layout).origin(got, o.i, trips, time, shares, o.slot);
        expectSameBits(got, want);
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });
});

describe('TallyKernel.change', () => {
  it('moves what tallyModeChange moves, bit for bit, at the listed destinations', () => {
    fc.assert(
      fc.property(
        origin,
        origin,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (o, other, pick) => {
          const z = o.z;
          const layout = layoutOf(o);
          const fresh = () => holding(layout, o.before);
          const ws = new KernelWorkspace(z, 1 + 4 * M + 6, 1024);
          const row = (values: number[]) => {
            const r = ws.row();
            r.set(values);
            return r;
          };
          // The after side's modes: the other draw's where it has as many zones, else the same.
          const modesAfter = other.z === z ? other.modes : o.modes;
          const side = (modes: typeof o.modes) => ({
            shares: modes.map((m) => row(m.map((x) => x.share))),
            time: modes.map((m) => row(m.map((x) => x.time))),
          });
          const trips = row(o.trips);
          const before = side(o.modes);
          const after = side(modesAfter);
          const listed = Array.from({ length: z }, (_, j) => j).filter((j) => pick[j]);
          const listRow = ws.f64(Math.ceil(z / 2) + 1);
          const list = new Int32Array(listRow.buffer, listRow.byteOffset, z);
          list.set(listed);
          const want = fresh();
          const got = fresh();
          tallyModeChange(want, o.slot, trips, before, after, list, listed.length);
          new TallyKernel(ws, layout).change(got, o.slot, trips, before, after, list, listed.length);
          expectSameBits(got, want);
        },
      ),
      { seed: 20261205, numRuns: 500 },
    );
  });
});
