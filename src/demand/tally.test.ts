import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMAND_MODES, type LogitParams } from '../domain/demand';
import { chooseModes } from './modeChoice';
import { type ModeRows, type RowSource, runDemand } from './model';
import { addSources, emptySources, sourcesRecord } from './sources';
import {
  commuteFigures,
  emptyTally,
  mergeTally,
  tallyLayout,
  tallyOrigin,
  zoneCommuteMinutes,
} from './tally';

const runs = (numRuns: number) => ({ seed: 20260514, numRuns, endOnFailure: false });
const M = DEMAND_MODES.length;
const RAIL = DEMAND_MODES.indexOf('rail');
const logit: LogitParams = { thetaPerSecond: 0.025 / 60, constants: [0, 0, 0, 0, -1.1] };

/**
 * A small region as per-mode tables: cost and time per OD and mode (null: not offered; rail and bus always
 * are, so every pair has a way), workers and jobs per zone, districts, and a scenario that makes rail
 * cheaper and quicker on some pairs (a new line).
 */
const world = fc.integer({ min: 2, max: 7 }).chain((z) => {
  const cell = fc.record({
    cost: fc.integer({ min: 120, max: 12_000 }),
    ratio: fc.double({ min: 0.4, max: 0.9, noNaN: true }),
    offered: fc.boolean(),
  });
  return fc.record({
    z: fc.constant(z),
    cells: fc.array(fc.array(cell, { minLength: M, maxLength: M }), { minLength: z * z, maxLength: z * z }),
    workers: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: z, maxLength: z }),
    jobs: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: z, maxLength: z }),
    district: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: z, maxLength: z }),
    faster: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: z * z, maxLength: z * z }),
  });
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

function source(w: World, scenario = false): RowSource {
  return (i: number, out: ModeRows) => {
    for (let j = 0; j < w.z; j++) {
      const cells = w.cells[i * w.z + j]!;
      cells.forEach((c, m) => {
        const offered = c.offered || m === RAIL || m === 2;
        const factor = scenario && m === RAIL ? w.faster[i * w.z + j]! : 1;
        out.cost[m]![j] = offered ? c.cost * factor : Number.POSITIVE_INFINITY;
        out.time[m]![j] = offered ? c.cost * c.ratio * factor : Number.POSITIVE_INFINITY;
      });
    }
  };
}

/** The world's baseline and its scenario (rail faster on some pairs), short or long term. */
function withScenario(w: World, term: 'short' | 'long') {
  const { g, layout } = setup(w);
  const run = runDemand(g, logit, layout, { betaPerSecond: 0.05 / 60 }, source(w), {
    source: source(w, true),
    term,
  });
  const s = run.scenario!;
  for (const v of Object.values(s.railSources)) expect(v).toBeGreaterThanOrEqual(0);
  return { g, run, before: commuteFigures(run.baseline.tally, 2), after: commuteFigures(s.tally, 2), s };
}

function setup(w: World) {
  const workers = Float64Array.from(w.workers);
  const total = workers.reduce((a, b) => a + b, 0);
  const jobs = w.jobs.reduce((a, b) => a + b, 0);
  return {
    g: { zoneCount: w.z, workers, attractors: Float64Array.from(w.jobs, (j) => (j * total) / jobs) },
    layout: tallyLayout(w.district, [{ districts: ['a'] }, { districts: ['a', 'b'] }]),
  };
}

describe('commute figures and rider sources (properties)', () => {
  it('figures add up: commuters = workers, mode shares sum to 1, bands hold every commuter', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { g, layout } = setup(w);
        const { tally } = runDemand(g, logit, layout, { betaPerSecond: 0.05 / 60 }, source(w)).baseline;
        const all = commuteFigures(tally, 2);
        const workers = g.workers.reduce((a, b) => a + b, 0);
        expect(Math.abs(all.commuters / workers - 1)).toBeLessThanOrEqual(1e-6);
        const shares = Object.values(all.modeShares!);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
        expect(all.histogram.reduce((a, b) => a + b, 0)).toBeCloseTo(all.commuters, 6);
        expect(all.shareWithin45! + all.shareOver60!).toBeLessThanOrEqual(1 + 1e-12);
        expect(all.commuterHoursPerWorkday).toBeCloseTo(
          (all.meanCommuteMinutes! * all.commuters * 2) / 60,
          6,
        );
        const minutes = zoneCommuteMinutes(tally);
        let weighted = 0;
        minutes.forEach((x, i) => {
          weighted += x * tally.commuters[i]!;
        });
        expect(weighted / all.commuters).toBeCloseTo(all.meanCommuteMinutes!, 8);
      }),
      runs(60),
    );
  });

  it('tallies of origin blocks (one per worker) merge to the whole, whatever the split', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, at) => {
        const { layout } = setup(w);
        const rows: ModeRows = {
          cost: DEMAND_MODES.map(() => new Float64Array(w.z)),
          time: DEMAND_MODES.map(() => new Float64Array(w.z)),
        };
        const shares = DEMAND_MODES.map(() => new Float64Array(w.z));
        const scratch = { composite: new Float64Array(w.z), expectedTime: new Float64Array(w.z), shares };
        const whole = emptyTally(layout);
        const parts = [emptyTally(layout), emptyTally(layout)];
        const cut = at % (w.z + 1);
        for (let i = 0; i < w.z; i++) {
          source(w)(i, rows);
          chooseModes(rows.cost, rows.time, logit, scratch);
          const trips = Float64Array.from({ length: w.z }, (_, j) => w.workers[i]! * (j + 1));
          tallyOrigin(whole, layout, i, trips, rows.time, shares);
          tallyOrigin(parts[i < cut ? 0 : 1]!, layout, i, trips, rows.time, shares);
        }
        mergeTally(parts[0]!, parts[1]!);
        expect(parts[0]).toEqual(whole);
      }),
      runs(40),
    );
  });

  it('short term: trips stay, rail riders split exactly into their sources, each ≥ 0, no new pairs', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { before, after, s } = withScenario(w, 'short');
        expect(after.commuters).toBe(before.commuters);
        // Rail only got better: its share never falls, and the others' losses are where its riders came from.
        expect(after.modeShares!.rail).toBeGreaterThanOrEqual(before.modeShares!.rail - 1e-12);
        const sources = s.railSources;
        expect(sources.newPairs).toBe(0);
        const riders = after.modeShares!.rail * after.commuters;
        expect(Object.values(sources).reduce((a, b) => a + b, 0)).toBeCloseTo(riders, 6);
        for (const m of ['walk', 'bike', 'bus', 'car'] as const)
          expect(sources[m]).toBeCloseTo(
            (before.modeShares![m] - after.modeShares![m]) * before.commuters,
            6,
          );
      }),
      runs(40),
    );
  });

  it('long term: redistribution keeps every zone’s workers; sources still add up to riders', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { g, after, s } = withScenario(w, 'long');
        g.workers.forEach((o, i) => {
          expect(Math.abs(s.tally.commuters[i]! / o - 1)).toBeLessThanOrEqual(1e-6);
        });
        const riders = after.modeShares!.rail * after.commuters;
        expect(Object.values(s.railSources).reduce((a, b) => a + b, 0)).toBeCloseTo(riders, 6);
      }),
      runs(40),
    );
  });

  it('a weight per pair (a line’s share of the pair’s rail riders) scales the split', () => {
    const z = 2;
    const before = {
      trips: Float64Array.from([10, 30]),
      shares: [
        [0.5, 0.2],
        [0, 0],
        [0.2, 0.3],
        [0.2, 0.4],
        [0.1, 0.1],
      ],
    };
    const after = {
      trips: Float64Array.from([10, 40]),
      shares: [
        [0.4, 0.2],
        [0, 0],
        [0.1, 0.3],
        [0.4, 0.4],
        [0.1, 0.1],
      ],
    };
    const acc = emptySources();
    addSources(acc, before, after, Float64Array.from([0.5, 1]), 0, z);
    // Pair 0: riders 10 × 0.4 × ½ = 2: rail before 10 × 0.2 × ½ = 1; gain 1 from walk (loss 0.1) and bus
    // (0.1), ½ each. Pair 1: 30 × 0.4 = 12 were rail, (40 − 30) × 0.4 = 4 new pairs.
    const expected = { walk: 0.5, bike: 0, bus: 0.5, rail: 13, car: 0, newPairs: 4 };
    for (const [k, v] of Object.entries(sourcesRecord(acc)))
      expect(v, k).toBeCloseTo(expected[k as keyof typeof expected], 12);
  });
});
