import { describe, expect, it } from 'vitest';
import type { LogitParams } from '../domain/demand';
import type { Zone } from '../domain/zone';
import { calibrateBeta } from './calibrate';
import { type GravityInput, tripsRow } from './gravity';
import { chooseModes } from './modeChoice';
import { type ModeRows, type RowSource, runDemand } from './model';
import { producers } from './producers';
import { demandSetup } from './setup';
import { commuteFigures, compareFigures, districtFigures, regionFigures, tallyLayout } from './tally';

/**
 * Three zones on a line, A — B — C, worked out by hand: mode choice, the composite cost, the gravity model
 * and the figures.
 *
 * Logit: θ = ln 2 / 600 per generalized second (every 600 s of cost halves a mode's weight), car constant
 * −ln 4, others 0. Options (cost in generalized s / physical time in s) in the order walk bike bus rail car:
 *
 *   same zone:  walk 600/300                          exp(V): walk ½                        Σ = ½
 *   A–B, B–C:   rail 1200/1500, car 1200/900          rail ¼, car ¼·¼ = 1/16                Σ = 5/16
 *   A–C:        rail 1800/2400, bus 2400/3000,        rail ⅛, bus 1/16, car 1/32·¼ = 1/128  Σ = 25/128
 *               car 3000/4200
 *
 * Shares: same zone walk 1; near rail 4/5, car 1/5; far rail 16/25, bus 8/25, car 1/25.
 * Composite c = −(1/θ) ln Σ = 600·log₂(1/Σ): same 600; near 600·log₂(16/5) = 1006.843; far
 * 600·log₂(128/25) = 1413.686 — far − same = 2 × (near − same) = 2 × 406.843.
 * Expected time: same 300; near 0.8·1500 + 0.2·900 = 1380; far 0.64·2400 + 0.32·3000 + 0.04·4200 = 2664.
 *
 * Gravity with β = ln 2 / 406.843 = (ln 2)² / (600 ln 1.6) = 0.0017037 per s: relative to staying in the
 * zone, a neighbour weighs ½ and the far end ¼. Workers 100 per zone (A's given, B's and C's 200 residents ×
 * 0.5); jobs 200 per zone, scaled by ½ to the workers' 300. By symmetry T_ij = x_i x_j F_ij with x_A = x_C
 * = x, x_B = y:
 *   row A: x (x + y/2 + x/4) = 100, row B: y (x/2 + y + x/2) = 100  ⇒  1.25 r² − 0.5 r − 1 = 0, r = x/y
 *   r = (0.5 + √5.25) / 2.5 = 1.1165151, y² = 100 / (1 + r) = 47.247477, x² = r² y² = 58.898991
 *   T_AA = T_CC = 58.898991, T_BB = 47.247477, T_AB = T_BA = T_BC = T_CB = r y²/2 = 26.376262,
 *   T_AC = T_CA = x²/4 = 14.724748 (rows: 58.899 + 26.376 + 14.725 = 100; 26.376·2 + 47.247 = 100).
 *
 * Figures: commuter-seconds = (2·58.899 + 47.247)·300 + 4·26.376·1380 + 2·14.725·2664 = 273,564.06,
 * mean 911.880 s = 15.198 min; walk 165.045/300 = 55.015 %, rail (0.8·105.505 + 0.64·29.449)/300 = 34.417 %,
 * car (0.2·105.505 + 0.04·29.449)/300 = 7.426 %, bus 0.32·29.449/300 = 3.141 %; over 45 min only the far
 * bus (50 min) and car (70 min): within 45 = 1 − 0.36·29.449/300 = 96.466 %, over 60 = 0.04·29.449/300 =
 * 0.393 %; commuter-hours (two trips a day) 273,564.06 × 2 / 3600 = 151.980.
 * Districts: A, B "west", C "east". West works inside (58.899 + 2·26.376 + 47.247)/200 = 79.449 %; jobs per
 * worker 400/200 = 2. Region "west": inbound from C 14.725 + 26.376 = 41.101 = outbound.
 */
const L = Math.log(2);
const INF = Number.POSITIVE_INFINITY;
const logit: LogitParams = { thetaPerSecond: L / 600, constants: [0, 0, 0, 0, -Math.log(4)] };
const BETA = (L * L) / (600 * Math.log(1.6));

const r = (0.5 + Math.sqrt(5.25)) / 2.5;
const y2 = 100 / (1 + r);
const x2 = r * r * y2;
const T = { same: [x2, y2, x2], near: (r * y2) / 2, far: x2 / 4 };
const EXPECTED_TRIPS = [
  [T.same[0]!, T.near, T.far],
  [T.near, T.same[1]!, T.near],
  [T.far, T.near, T.same[2]!],
];

type Option = [cost: number, time: number] | null;
/** Options per pair kind, walk bike bus rail car; `farRail` lets a scenario make A–C rail cheaper. */
function options(farRail: Option = [1800, 2400]): Record<'same' | 'near' | 'far', Option[]> {
  return {
    same: [[600, 300], null, null, null, null],
    near: [null, null, null, [1200, 1500], [1200, 900]],
    far: [null, null, [2400, 3000], farRail, [3000, 4200]],
  };
}
const kind = (i: number, j: number) => (i === j ? 'same' : Math.abs(i - j) === 1 ? 'near' : 'far');

function source(farRail?: Option): RowSource {
  const table = options(farRail);
  return (i: number, out: ModeRows) => {
    for (let j = 0; j < 3; j++) {
      table[kind(i, j)].forEach((o, m) => {
        out.cost[m]![j] = o ? o[0] : INF;
        out.time[m]![j] = o ? o[1] : INF;
      });
    }
  };
}

const zones: Zone[] = [
  { id: 'A', centroid: [0, 0], population: 1000, workers: 100, jobs: 200, district: 'west' },
  { id: 'B', centroid: [0.01, 0], population: 200, jobs: 200, district: 'west' },
  { id: 'C', centroid: [0.02, 0], population: 200, jobs: 200, district: 'east' },
];
const p = producers(zones, 0.5);
const g: GravityInput = { zoneCount: 3, workers: p.workers, attractors: p.attractors, ids: ['A', 'B', 'C'] };
const layout = tallyLayout(
  zones.map((z) => z.district),
  [{ districts: ['west'] }],
);

function close(actual: ArrayLike<number>, expected: readonly number[], digits = 9): void {
  expected.forEach((e, k) => {
    expect(actual[k], `[${k}]`).toBeCloseTo(e, digits);
  });
}

describe('hand-computed demand: three zones on a line', () => {
  it('workers from the zone or population × rate; jobs scaled to the workers’ total', () => {
    expect([...p.workers]).toEqual([100, 100, 100]);
    expect(p.jobsScale).toBe(0.5);
    expect([...p.attractors]).toEqual([100, 100, 100]);
    expect(p.zonesWithWorkers).toBe(1);
  });

  it('mode choice: shares, the logsum composite and the expected time of origin A', () => {
    const rows: ModeRows = {
      cost: [0, 1, 2, 3, 4].map(() => new Float64Array(3)),
      time: [0, 1, 2, 3, 4].map(() => new Float64Array(3)),
    };
    source()(0, rows);
    const out = {
      composite: new Float64Array(3),
      expectedTime: new Float32Array(3),
      shares: [0, 1, 2, 3, 4].map(() => new Float64Array(3)),
    };
    chooseModes(rows.cost, rows.time, logit, out);
    close(out.composite, [600, 600 * Math.log2(16 / 5), 600 * Math.log2(128 / 25)]);
    close(out.expectedTime, [300, 1380, 2664], 3);
    // walk bike bus rail car, to A, B, C
    close(out.shares[0]!, [1, 0, 0], 12);
    close(out.shares[1]!, [0, 0, 0], 12);
    close(out.shares[2]!, [0, 0, 8 / 25], 12);
    close(out.shares[3]!, [0, 4 / 5, 16 / 25], 12);
    close(out.shares[4]!, [0, 1 / 5, 1 / 25], 12);
  });

  it('gravity: Furness reaches the symmetric solution worked out above, rows and columns within 1e-6', () => {
    const result = runDemand(g, logit, layout, { betaPerSecond: BETA }, source());
    const { distribution } = result.baseline;
    expect(distribution.balance.rowError).toBeLessThanOrEqual(1e-6);
    expect(distribution.balance.columnError).toBeLessThanOrEqual(1e-6);
    expect(distribution.balance.iterations).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++)
      close(tripsRow(distribution.deterrence, 3, distribution.balance, i), EXPECTED_TRIPS[i]!, 4);
  });

  it('figures: mean commute, bands, mode shares, commuter-hours, districts and the region', () => {
    const { tally } = runDemand(g, logit, layout, { betaPerSecond: BETA }, source()).baseline;
    const all = commuteFigures(tally, 2);
    const commuterSeconds = (2 * x2 + y2) * 300 + 4 * T.near * 1380 + 2 * T.far * 2664;
    expect(all.commuters).toBeCloseTo(300, 4);
    expect(all.meanCommuteMinutes!).toBeCloseTo(commuterSeconds / 300 / 60, 4); // 15.198
    expect(all.meanCommuteMinutes!).toBeCloseTo(15.198, 3);
    expect(all.shareWithin45!).toBeCloseTo(1 - (0.36 * 2 * T.far) / 300, 5); // 0.96466
    expect(all.shareOver60!).toBeCloseTo((0.04 * 2 * T.far) / 300, 5); // 0.00393
    const near = 4 * T.near;
    const far = 2 * T.far;
    expect(all.modeShares!.walk).toBeCloseTo((2 * x2 + y2) / 300, 5); // 0.55015
    expect(all.modeShares!.bike).toBe(0);
    expect(all.modeShares!.bus).toBeCloseTo((0.32 * far) / 300, 5); // 0.03141
    expect(all.modeShares!.rail).toBeCloseTo((0.8 * near + 0.64 * far) / 300, 5); // 0.34417
    expect(all.modeShares!.car).toBeCloseTo((0.2 * near + 0.04 * far) / 300, 5); // 0.07426
    expect(all.commuterHoursPerWorkday).toBeCloseTo((commuterSeconds * 2) / 3600, 3); // 151.980
    // Bands of 10 min: 5 min (walk), 15 (near car), 25 (near rail), 40 (far rail), 50 (far bus), 70 (far car).
    expect(all.histogram.slice(0, 8).map((h) => Math.round(h * 1000) / 1000)).toEqual(
      [2 * x2 + y2, 0.2 * near, 0.8 * near, 0, 0.64 * far, 0.32 * far, 0, 0.04 * far].map(
        (h) => Math.round(h * 1000) / 1000,
      ),
    );

    const [west, east] = districtFigures(tally, layout, p.workers, p.jobs, 2);
    expect(layout.districts).toEqual(['west', 'east']);
    expect(west!.residentWorkers).toBe(200);
    expect(west!.jobsPerWorker).toBe(2);
    expect(west!.shareWorkingInside!).toBeCloseTo((x2 + 2 * T.near + y2) / 200, 6); // 0.79449
    expect(east!.shareWorkingInside!).toBeCloseTo(x2 / 100, 6);
    const region = regionFigures(tally, layout, 0, p.workers, p.jobs, 2);
    // Trips are exact to Furness's 1e-6 and the composite's Float32 rounding: 4 decimals on tens.
    expect(region.inbound).toBeCloseTo(T.far + T.near, 4); // 41.101
    expect(region.outbound).toBeCloseTo(T.far + T.near, 4);
    expect(region.commuters).toBeCloseTo(200, 4);
  });

  it('calibration recovers β from the mean commute it gives zone A’s workers (932.957 s)', () => {
    // A's commuters: (58.899·300 + 26.376·1380 + 14.725·2664) / 100 = 932.957 s.
    const target = (x2 * 300 + T.near * 1380 + T.far * 2664) / 100;
    const { cost, time } = runDemand(g, logit, layout, { betaPerSecond: BETA }, source()).baseline.composite;
    // Asked to 1e-6 (the default, 1e-3, is what published whole minutes support): β comes back to 3 digits.
    const c = calibrateBeta(cost, time, g, [0], target, { tolerance: 1e-6 });
    expect(Math.abs(c.relativeError)).toBeLessThanOrEqual(1e-6);
    expect(c.meanSeconds).toBeCloseTo(target, 1);
    expect(c.betaPerSecond / BETA).toBeCloseTo(1, 3);
    expect(c.iterations).toBe(c.trace.length);
    expect(c.trace.at(-1)!.betaPerSecond).toBe(c.betaPerSecond);
  });

  it('short term: A–C rail at 1200 takes riders from bus and car; trips stay; commuter-hours fall', () => {
    // A–C after: rail ¼, bus 1/16, car 1/128: Σ = 41/128, rail 32/41 (was 16/25), bus 8/41 (8/25), car 1/41 (1/25).
    const run = runDemand(g, logit, layout, { betaPerSecond: BETA }, source(), {
      source: source([1200, 2400]),
      term: 'short',
    });
    const s = run.scenario!;
    expect(s.distribution).toBe(run.baseline.distribution);
    const far = 2 * T.far;
    expect(s.railSources.rail).toBeCloseTo(0.8 * 4 * T.near + 0.64 * far, 4); // 103.252
    expect(s.railSources.bus).toBeCloseTo(far * (0.32 - 8 / 41), 5); // 3.678
    expect(s.railSources.car).toBeCloseTo(far * (0.04 - 1 / 41), 5); // 0.460
    expect(s.railSources.walk).toBe(0);
    expect(s.railSources.bike).toBe(0);
    expect(s.railSources.newPairs).toBe(0);
    const before = commuteFigures(run.baseline.tally, 2);
    const after = commuteFigures(s.tally, 2);
    const delta = compareFigures(before, after);
    expect(delta.commuters).toBeCloseTo(0, 9);
    // Hours after: far trips now 32/41·2400 + 8/41·3000 + 1/41·4200 = 2560.98 s instead of 2664.
    const saved = (far * (2664 - (32 * 2400 + 8 * 3000 + 4200) / 41) * 2) / 3600; // 1.6856
    expect(delta.commuterHoursSaved).toBeCloseTo(saved, 4);
    expect(delta.modeShares!.rail).toBeCloseTo((far * (32 / 41 - 0.64)) / 300, 6);
    // Perceived: A–C's composite 600·log₂(128/25) = 1413.686 → 600·log₂(128/41) = 985.468, a fall of
    // 600·log₂(41/25) = 428.218 s for each of the 2 × 14.725 far commuters: 12,610.8 s one way, 7.006 h a
    // day — four times the physical 1.686 h (the faster train is worth more than the minutes it saves
    // those who took it before: it is also chosen over a dearer bus and car). Nothing else changed: A's
    // and C's rows hold it all, half each (trips balanced to 1e-6, so to 1e-6 of the hand figure).
    const gain = far * 600 * Math.log2(41 / 25);
    expect(Math.abs((s.benefit[0]! + s.benefit[2]!) / gain - 1)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(s.benefit[0]! / s.benefit[2]! - 1)).toBeLessThanOrEqual(1e-12);
    expect(s.benefit[1]!).toBe(0);
  });

  it('long term: the cheaper A–C pair draws trips, totals stay, and new pairs are counted', () => {
    const run = runDemand(g, logit, layout, { betaPerSecond: BETA }, source(), {
      source: source([1200, 2400]),
      term: 'long',
    });
    const s = run.scenario!;
    const f = s.distribution;
    expect(f.betaPerSecond).toBe(BETA);
    const after = [0, 1, 2].map((i) => tripsRow(f.deterrence, 3, f.balance, i));
    expect(after[0]![2]!).toBeGreaterThan(T.far);
    for (let i = 0; i < 3; i++) expect(after[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);
    const riders = commuteFigures(s.tally, 2).modeShares!.rail * 300;
    const { rail, walk, bike, bus, car, newPairs } = s.railSources;
    expect(rail + walk + bike + bus + car + newPairs).toBeCloseTo(riders, 6);
    expect(newPairs).toBeGreaterThan(0);
    // Perceived gain by the rule of a half: only A–C's composite falls (by 600·log₂(41/25) s, as in the
    // short term), so A's row gains ½ (T_AC before + T_AC after) times that, and B's nothing.
    const fall = 600 * Math.log2(41 / 25);
    const expectedA = 0.5 * (T.far + after[0]![2]!) * fall;
    expect(Math.abs(s.benefit[0]! / expectedA - 1)).toBeLessThanOrEqual(1e-6);
    expect(s.benefit[1]!).toBe(0);
    // More than the short term's T_AC × fall: the cheaper pair drew trips.
    expect(s.benefit[0]!).toBeGreaterThan(T.far * fall);
  });
});

describe('a network’s demand setup', () => {
  const base = {
    format: 'commuteshed.network/1' as const,
    id: 'n',
    name: { en: 'n' },
    attribution: [{ text: 't' }],
    periods: [{ id: 'am-peak', name: { en: 'AM' }, start: '07:00', end: '09:00' }],
    stations: [],
    hubs: [],
    lines: [],
    transfers: [],
    core: [],
    zones,
    regions: [{ id: 'west', name: { en: 'West' }, districts: ['west'] }],
  };

  it('calibrates on the named region’s zones, in seconds; uses the fixed β without a target', () => {
    const withTarget = demandSetup(
      {
        ...base,
        assumptions: {
          demand: { employmentRate: 0.5, calibration: { region: 'west', targetMinutes: 47, source: 'x' } },
        },
      },
      'am-peak',
    );
    expect(withTarget.beta).toEqual({ calibrate: { origins: [0, 1], targetSeconds: 2820 } });
    expect([...withTarget.producers.workers]).toEqual([100, 100, 100]);
    expect(withTarget.layout.districts).toEqual(['west', 'east']);
    expect(withTarget.regionIds).toEqual(['west']);
    expect(withTarget.logit.constants).toEqual([0, 0, 0, 0, -1.1]);
    expect(demandSetup(base, 'am-peak').beta).toEqual({ betaPerSecond: 0.03 / 60 });
  });

  it('an unknown calibration region, or no workers or jobs, is a DemandError that says so', () => {
    const unknown = () =>
      demandSetup(
        {
          ...base,
          assumptions: { demand: { calibration: { region: 'beijing', targetMinutes: 47, source: 'x' } } },
        },
        'am-peak',
      );
    expect(unknown).toThrowError(
      expect.objectContaining({ name: 'DemandError', problem: 'no-calibration-population' }),
    );
    expect(unknown).toThrowError(/"beijing" is not one of the network's regions \(west\)/);
    const jobless = () => demandSetup({ ...base, zones: zones.map((z) => ({ ...z, jobs: 0 })) }, 'am-peak');
    expect(jobless).toThrowError(expect.objectContaining({ name: 'DemandError', problem: 'no-jobs' }));
  });
});
