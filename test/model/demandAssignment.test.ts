/**
 * The demand model through the worker pool (workers/demandAnalysis.ts) against a serial reference written
 * here from the model's pure parts, on a hand-made line, with the loads worked out from the reference's
 * trips and shares:
 *
 *   A ·200 m· a ──M 300 s── b ──M 300 s── c ·200 m· C       (B sits 200 m from b; zones 5 km apart)
 *
 * Only walking (up to 1 km), rail and the car are on offer (handAssumptions: no bike, no bus), so every zone
 * reaches rail only at its own station, and every rail trip rides M once: from A to C it boards at a and
 * rides a → b → c. With R_ij the rail trips (T_ij × rail share):
 *   boardings of M = Σ R_ij (i ≠ j); hop a → b = R_AB + R_AC; b → c = R_AC + R_BC; c → b = R_CB + R_CA;
 *   b → a = R_BA + R_CA; entries at a = R_AB + R_AC, exits at c = R_AC + R_BC; no transfers.
 * A scenario halving M's headway raises rail shares everywhere; in the short term the trips stay, so every
 * zone keeps its commuters, and the new riders come from the car (walking reaches no other zone).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { carTable } from '../../src/demand/car';
import { distribute, FURNESS_TOLERANCE, tripsRow } from '../../src/demand/gravity';
import { chooseModes } from '../../src/demand/modeChoice';
import { modeRows } from '../../src/demand/model';
import { demandSetup } from '../../src/demand/setup';
import { commuteFigures, emptyTally, tallyOrigin } from '../../src/demand/tally';
import { carParams, DEMAND_MODES } from '../../src/domain/demand';
import { Router } from '../../src/engine/router';
import { StationRows } from '../../src/engine/stationRows';
import { buildSpec } from '../../src/graph/build';
import { compile } from '../../src/graph/compile';
import { demandResults } from '../../src/io/demandResults';
import { Analysis } from '../../src/workers/analysis';
import { DemandAnalysis } from '../../src/workers/demandAnalysis';
import { ModeRowSource } from '../../src/workers/modeRows';
import { nodeWorkerFactory } from '../../src/workers/nodeWorkers';
import { RoutingPool } from '../../src/workers/pool';
import { ASSIGN_STEPS } from '../../src/workers/protocol';
import { demandLine, fasterLine } from '../support/demandLine';
import { applied } from '../support/fixtures';

const ZONES = ['A', 'B', 'C'];
const base = demandLine;
const faster = fasterLine;

const pools: RoutingPool[] = [];
afterAll(() => {
  for (const p of pools) p.terminate();
});
function demand(workers: number) {
  const pool = new RoutingPool(nodeWorkerFactory(), workers);
  pools.push(pool);
  return new DemandAnalysis(new Analysis(pool));
}

/** The serial reference: every origin's modes, the distribution, trips, and the tally, on one thread. */
function reference(net: typeof base, baseline: typeof base = net) {
  const setup = demandSetup(baseline, 'am-peak');
  const graphOf = (n: typeof base) => {
    const g = compile(buildSpec(n, 'am-peak'));
    const router = new Router(g);
    return new ModeRowSource(g, new StationRows(router), {
      zonesKey: n.id,
      logit: setup.logit,
      car: carTable(carParams(setup.assumptions.car, 'am-peak')),
    });
  };
  const z = 3;
  const choose = (src: ModeRowSource) => {
    const cost = new Float32Array(z * z);
    const rows = Array.from({ length: z }, (_, i) => {
      const m = src.fill(i);
      const copy = modeRows(z);
      m.cost.forEach((r, k) => {
        copy.cost[k]!.set(r);
      });
      m.time.forEach((r, k) => {
        copy.time[k]!.set(r);
      });
      const shares = DEMAND_MODES.map(() => new Float64Array(z));
      const composite = new Float64Array(z);
      chooseModes(copy.cost, copy.time, setup.logit, {
        composite,
        expectedTime: new Float64Array(z),
        shares,
      });
      cost.set(composite, i * z);
      return { ...copy, shares, composite };
    });
    return { cost, rows };
  };
  const before = choose(graphOf(baseline));
  const d = distribute(before.cost, setup.gravity, 0.05 / 60);
  const trips = ZONES.map((_, i) => tripsRow(d.deterrence, z, d.balance, i));
  const after = net === baseline ? before : choose(graphOf(net));
  const tally = emptyTally(setup.layout);
  after.rows.forEach((r, i) => {
    tallyOrigin(tally, setup.layout, i, trips[i]!, r.time, r.shares);
  });
  const rail = (i: number, j: number) => trips[i]![j]! * after.rows[i]!.shares[3]![j]!;
  // Perceived commuter-hours saved a working day (two trips): the composite's fall times the trips.
  let perceived = 0;
  for (let i = 0; i < z; i++)
    for (let j = 0; j < z; j++)
      perceived += trips[i]![j]! * (before.rows[i]!.composite[j]! - after.rows[i]!.composite[j]!);
  return { figures: commuteFigures(tally, 2), rail, trips, perceivedHoursSaved: (perceived * 2) / 3600 };
}

describe('demand through the worker pool', () => {
  it('matches the serial reference: commutes by mode, and rail trips loaded on M as worked out', async () => {
    const run = await demand(2).run({ network: base, networkKey: 'hand', scenario: null, period: 'am-peak' });
    const ref = reference(base);
    const got = run.report.baseline;
    // Furness stops with every row within 1e-6 of its workers.
    expect(Math.abs(got.commuters - 3000)).toBeLessThanOrEqual(3000 * FURNESS_TOLERANCE);
    expect(got.meanCommuteMinutes).toBeCloseTo(ref.figures.meanCommuteMinutes!, 9);
    for (const m of DEMAND_MODES) expect(got.modeShares![m]).toBeCloseTo(ref.figures.modeShares![m], 9);
    expect(got.modeShares!.bike + got.modeShares!.bus).toBe(0);

    const R = (i: string, j: string) => ref.rail(ZONES.indexOf(i), ZONES.indexOf(j));
    const m = run.report.lines.find((l) => l.line === 'M')!;
    const all = R('A', 'B') + R('A', 'C') + R('B', 'A') + R('B', 'C') + R('C', 'A') + R('C', 'B');
    expect(m.baseline!.boardings).toBeCloseTo(all, 4);
    expect(got.railRiders).toBeCloseTo(all, 4);
    const segment = (direction: 0 | 1, from: string, to: string) =>
      m.segments.baseline.find((s) => s.direction === direction && s.from === from && s.to === to)!.riders;
    expect(segment(0, 'a', 'b')).toBeCloseTo(R('A', 'B') + R('A', 'C'), 4);
    expect(segment(0, 'b', 'c')).toBeCloseTo(R('A', 'C') + R('B', 'C'), 4);
    expect(segment(1, 'c', 'b')).toBeCloseTo(R('C', 'B') + R('C', 'A'), 4);
    expect(segment(1, 'b', 'a')).toBeCloseTo(R('B', 'A') + R('C', 'A'), 4);
    // Passenger-km: each hop is 5 km (stations on the equator, 5,000 m apart).
    const hops = segment(0, 'a', 'b') + segment(0, 'b', 'c') + segment(1, 'c', 'b') + segment(1, 'b', 'a');
    expect(m.baseline!.passengerKm).toBeCloseTo(hops * 5, 2);
    expect(m.baseline!.maxSectionLoad).toBeCloseTo(
      Math.max(segment(0, 'a', 'b'), segment(0, 'b', 'c'), segment(1, 'c', 'b'), segment(1, 'b', 'a')),
      6,
    );
    const st = (id: string) => run.report.stations.find((s) => s.station === id)!.baseline!;
    expect(st('a').entries).toBeCloseTo(R('A', 'B') + R('A', 'C'), 4);
    expect(st('c').exits).toBeCloseTo(R('A', 'C') + R('B', 'C'), 4);
    expect(st('b').transfers).toBe(0);
  });

  it('balances: rail trips enter once and leave once, board once more than they transfer', async () => {
    const run = await demand(2).run({
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
    });
    for (const side of ['baseline', 'scenario'] as const) {
      const stations = run.report.stations.map((s) => s[side]!);
      const sum = (f: (s: (typeof stations)[number]) => number) => stations.reduce((a, s) => a + f(s), 0);
      const riders = run.report[side]!.railRiders;
      expect(sum((s) => s.entries)).toBeCloseTo(riders, 4);
      expect(sum((s) => s.exits)).toBeCloseTo(riders, 4);
      const boardings = run.report.lines.reduce((a, l) => a + (l[side]?.boardings ?? 0), 0);
      expect(boardings).toBeCloseTo(riders + sum((s) => s.transfers), 4);
      // The tally's rail commuters are the trips the assignment loaded.
      const f = run.report[side]!;
      expect(f.modeShares!.rail * f.commuters).toBeCloseTo(riders, 4);
    }
  });

  it('a more frequent line: more riders, from the car; the short term keeps every zone’s commuters', async () => {
    const run = await demand(2).run({
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
    });
    const r = run.report;
    const ref = reference(applied(base, ...faster.modifications), base);
    expect(r.scenario!.modeShares!.rail).toBeCloseTo(ref.figures.modeShares!.rail, 9);
    expect(r.scenario!.modeShares!.rail).toBeGreaterThan(r.baseline.modeShares!.rail);
    const zones = r.zones.commuteMinutes;
    expect(zones.scenario).toBeDefined();
    expect(r.scenario!.commuters).toBe(r.baseline.commuters);
    expect(r.delta!.commuters).toBe(0);
    // Every pair's composite cost falls or stays: commuters gain perceived time, as the reference sums it.
    expect(ref.perceivedHoursSaved).toBeGreaterThan(0);
    // (To the trips' 1e-6: the reference balances its own distribution.)
    expect(Math.abs(r.delta!.perceivedHoursSaved / ref.perceivedHoursSaved - 1)).toBeLessThanOrEqual(1e-6);
    const s = r.sources!;
    expect(s.walk + s.bike + s.bus + s.newPairs).toBeCloseTo(0, 9);
    expect(s.car).toBeGreaterThan(0);
    // Sources add up to riders, overall and on the line.
    const total = Object.values(s).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(r.scenario!.railRiders, 4);
    const m = r.lines.find((l) => l.line === 'M')!;
    expect(Object.values(m.sources!).reduce((a, b) => a + b, 0)).toBeCloseTo(m.scenario!.boardings, 4);
    // Riders per pair are held at float32 (sources.ts ridersAt): the gain matches to 1e-6 of the boardings.
    expect(Math.abs(m.sources!.car - (m.scenario!.boardings - m.baseline!.boardings))).toBeLessThanOrEqual(
      1e-6 * m.scenario!.boardings,
    );
  });

  it('counts the station rows it searched: none where its worker has them from the matrices', async () => {
    // One worker: the matrices of both graphs leave it every station row; a demand run after them searches
    // none, a run on a new engine (no matrices) searches every entered station's row once per graph.
    const pool = new RoutingPool(nodeWorkerFactory(), 1);
    pools.push(pool);
    const analysis = new Analysis(pool);
    const request = { network: base, networkKey: 'hand', scenario: faster, period: 'am-peak' as const };
    const cold = await demand(1).run(request);
    const g = compile(buildSpec(base, 'am-peak'));
    const entered = new Set(g.accessNode).size;
    expect(cold.stationSearches).toBeGreaterThanOrEqual(entered);
    await analysis.compare(request);
    const warm = await new DemandAnalysis(analysis).run(request);
    expect(warm.stationSearches).toBe(0);
    expect(warm.report).toEqual(cold.report);
  });

  it('lets the workers’ kept memory go when asked, and computes the same after', async () => {
    // The worker keeps its rail loads' memory for the next run (the largest, the scenario's: six classes);
    // asked, it lets it go (at least a 64 KiB page), and a second ask finds nothing left.
    const d = demand(1);
    const request = { network: base, networkKey: 'hand', scenario: faster, period: 'am-peak' as const };
    const first = await d.run(request);
    const released = await d.releaseMemory();
    expect(released).toBeGreaterThanOrEqual(65536);
    expect(await d.releaseMemory()).toBe(0);
    const again = await d.run(request);
    expect(again.report).toEqual(first.report);
    expect(await d.releaseMemory()).toBe(released);
  });

  it('says where pass 3 spent its time, step by step, within the workers’ time', async () => {
    const run = await demand(2).run({
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
    });
    const steps = Object.entries(run.ms.steps);
    expect(steps.map(([k]) => k)).toEqual([...ASSIGN_STEPS]);
    for (const [, v] of steps) expect(v).toBeGreaterThanOrEqual(0);
    const sum = steps.reduce((a, [, v]) => a + v, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThanOrEqual(run.ms.assignment + 1e-9);
    // A first run with a scenario makes both sides: their options, choices and loads.
    for (const k of [
      'baselineOptions',
      'baselineChoice',
      'baselineLoads',
      'scenarioOptions',
      'scenarioLoads',
    ] as const)
      expect(run.ms.steps[k], k).toBeGreaterThan(0);
    expect(run.ms.collect).toBeGreaterThanOrEqual(0);
  });

  it('the same line as a bus route (GTFS bus routes kept): its riders are bus commuters, not rail', async () => {
    const bus = {
      ...base,
      id: 'hand-bus',
      stations: base.stations.map((s) => ({ ...s, layer: 'bus' as const })),
      lines: base.lines.map((l) => ({ ...l, layer: 'bus' as const })),
    };
    const run = await demand(2).run({
      network: bus,
      networkKey: 'hand-bus',
      scenario: null,
      period: 'am-peak',
    });
    const r = run.report.baseline;
    // No area-wide bus here (handAssumptions): every bus commuter rides M.
    expect(r.modeShares!.rail).toBe(0);
    expect(r.railRiders).toBe(0);
    expect(r.modeShares!.bus).toBeGreaterThan(0.05);
    expect(run.report.lines.find((l) => l.line === 'M')!.baseline!.boardings).toBe(0);
    // On the metro the same trips are rail: the bus share there is nil.
    const metro = await demand(2).run({
      network: base,
      networkKey: 'hand',
      scenario: null,
      period: 'am-peak',
    });
    expect(metro.report.baseline.modeShares!.bus).toBe(0);
    expect(metro.report.baseline.modeShares!.rail).toBeGreaterThan(0.05);
  });

  it('trips by mode (for OMX), short term: each pair keeps its commuters, the scenario’s rail trips are its riders', async () => {
    const z = base.zones.length;
    const trips = { baseline: new Float64Array(z * z), scenario: new Float64Array(z * z) };
    const rail = { baseline: 0, scenario: 0 };
    const run = await demand(2).run({
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
      sink: {
        write(side, mode, origins, rows) {
          origins.forEach((i, k) => {
            for (let j = 0; j < z; j++) {
              trips[side][i * z + j] += rows[k * z + j]!;
              if (mode === 'rail') rail[side] += rows[k * z + j]!;
            }
          });
        },
      },
    });
    // Float32 cells: to 1e-6 of the pair's or the total's size.
    for (let c = 0; c < z * z; c++)
      expect(Math.abs(trips.scenario[c]! - trips.baseline[c]!)).toBeLessThanOrEqual(
        1e-6 * trips.baseline[c]!,
      );
    const r = run.report;
    expect(Math.abs(rail.baseline - r.baseline.railRiders)).toBeLessThanOrEqual(1e-6 * r.baseline.railRiders);
    expect(Math.abs(rail.scenario - r.scenario!.railRiders)).toBeLessThanOrEqual(
      1e-6 * r.scenario!.railRiders,
    );
    expect(r.scenario!.railRiders).toBeGreaterThan(r.baseline.railRiders);
  });

  it('is deterministic: one worker or two, the same document', async () => {
    const request = {
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
      term: 'long' as const,
    };
    const [one, two] = await Promise.all([demand(1).run(request), demand(2).run(request)]);
    expect(JSON.stringify(demandResults(two.report))).toBe(JSON.stringify(demandResults(one.report)));
    // The long term redistributes: commuters still total the workers, within Furness's 1e-6.
    expect(Math.abs(two.report.scenario!.commuters / 3000 - 1)).toBeLessThanOrEqual(1e-6);
  });
});
