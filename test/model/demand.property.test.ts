/**
 * Properties of the whole demand chain (DESIGN.md §3.1) through the worker pool, on random networks (any
 * surface modes, feeders, express patterns, hubs and transfer rules) with random workers and jobs, and a
 * scenario that adds a line from one of their stations to a new one:
 *
 *   - the new line's ridership is never below 0 (and it has none before: it did not exist);
 *   - short term, the distribution is fixed: every side has exactly the baseline's commuters, and the riders
 *     the scenario's rail gains or keeps split into sources (rail before, walk, bike, bus, car) that are each
 *     ≥ 0 and add up to its rail riders, with no new pairs;
 *   - long term (redistributed at the baseline's β), commuters still total the workers within Furness's 1e-6;
 *   - on each side the assignment balances: entries = exits = rail trips, boardings = trips + transfers;
 *   - a run after an edit that takes the baseline's side from the run before (keepBaseline) gives exactly
 *     the figures a fresh engine makes, and so does a long-term run after it (which makes both sides).
 *
 * The car reaches every zone, so a distribution always exists; networks are given unique keys because the
 * analysis caches graphs and distributions by key.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemandReport } from '../../src/demand/report';
import type { Network } from '../../src/domain/network';
import type { Modification } from '../../src/domain/scenario';
import { Analysis } from '../../src/workers/analysis';
import { DemandAnalysis, type DemandTerm } from '../../src/workers/demandAnalysis';
import { nodeWorkerFactory } from '../../src/workers/nodeWorkers';
import { RoutingPool } from '../../src/workers/pool';
import { buildNetwork, type NetworkSpec, networkSpec } from '../support/arbitraries';
import { M_PER_DEG, scenario } from '../support/fixtures';

const pool = new RoutingPool(nodeWorkerFactory(), 2);
const analysis = new Analysis(pool);
const demand = new DemandAnalysis(analysis);
afterAll(() => pool.terminate());

let runs = 0;
const key = () => `random-demand-${runs++}`;

const people = fc.array(
  fc.record({ population: fc.integer({ min: 0, max: 50_000 }), jobs: fc.integer({ min: 0, max: 50_000 }) }),
  { minLength: 7, maxLength: 7 },
);
/** Whether the edited scenario's new line is a bus route rather than a suburban railway. */
const busRoute = fc.boolean();
const newLine = fc.record({
  from: fc.nat(),
  /** The new end lies by a zone (within 800 m of its centroid), so the line has someone to carry. */
  zone: fc.nat(),
  dx: fc.integer({ min: -800, max: 800 }),
  dy: fc.integer({ min: -800, max: 800 }),
  runSeconds: fc.integer({ min: 60, max: 1800 }),
  headway: fc.integer({ min: 120, max: 1800 }),
  bidirectional: fc.boolean(),
});

/** The random network with its zones peopled; at least one zone has workers and one has jobs. */
function peopled(net: Network, p: { population: number; jobs: number }[]): Network {
  const zones = net.zones.map((z, k) => ({ ...z, population: p[k]!.population, jobs: p[k]!.jobs }));
  if (zones.every((z) => z.population === 0)) zones[0]!.population = 1000;
  if (zones.every((z) => z.jobs === 0)) zones.at(-1)!.jobs = 1000;
  return { ...net, zones };
}

type NewLine = typeof newLine extends fc.Arbitrary<infer T> ? T : never;

function addLine(net: Network, l: NewLine): Modification {
  const [lon, lat] = net.zones[l.zone % net.zones.length]!.centroid;
  return {
    type: 'add-line',
    line: { id: 'new', name: { en: 'new' }, layer: 'suburban', color: '#00aa00' },
    stops: [
      net.stations[l.from % net.stations.length]!.id,
      { id: 'new-end', name: { en: 'new end' }, coord: [lon + l.dx / M_PER_DEG, lat + l.dy / M_PER_DEG] },
    ],
    runSeconds: [l.runSeconds],
    headways: { 'am-peak': l.headway },
    bidirectional: l.bidirectional,
  };
}

const close = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));

function expectBalanced(report: DemandReport, side: 'baseline' | 'scenario') {
  const riders = report[side]!.railRiders;
  let entries = 0;
  let exits = 0;
  let transfers = 0;
  for (const s of report.stations) {
    const f = s[side];
    if (!f) continue;
    entries += f.entries;
    exits += f.exits;
    transfers += f.transfers;
  }
  const boardings = report.lines.reduce((a, l) => a + (l[side]?.boardings ?? 0), 0);
  close(entries, riders);
  close(exits, riders);
  close(boardings, riders + transfers);
}

/** The demand report of a random network, peopled, with the scenario that adds line `l`. */
async function newLineDemand(
  spec: NetworkSpec,
  p: { population: number; jobs: number }[],
  l: NewLine,
  term: DemandTerm,
): Promise<DemandReport> {
  const net = peopled(buildNetwork(spec), p);
  const run = await demand.run({
    network: net,
    networkKey: key(),
    scenario: scenario([addLine(net, l)], net.id),
    period: 'am-peak',
    term,
  });
  return run.report;
}

/**
 * A new line adds an option and takes none away: no pair's composite cost rises, so the commuters' perceived
 * gain is never below 0, anywhere (to rounding: 1e-9 hours per commuter).
 */
function expectNoPerceivedLoss(r: DemandReport): void {
  const floor = -1e-9 * r.workers;
  expect(r.delta!.perceivedHoursSaved).toBeGreaterThanOrEqual(floor);
  for (const a of [...r.regions, ...r.districts])
    expect(a.delta!.perceivedHoursSaved).toBeGreaterThanOrEqual(floor);
}

describe('demand (properties, through the worker pool)', () => {
  it('short term: a new line has riders ≥ 0, commuters stay, sources add up; both sides balance', async () => {
    let ridden = 0;
    let gained = 0;
    await fc.assert(
      fc.asyncProperty(networkSpec, people, newLine, async (spec, p, l) => {
        const r = await newLineDemand(spec, p, l, 'short');
        const line = r.lines.find((x) => x.line === 'new')!;
        expect(line.baseline).toBeNull();
        expect(line.scenario!.boardings).toBeGreaterThanOrEqual(0);
        expect(line.scenario!.maxSectionLoad).toBeGreaterThanOrEqual(0);
        if (line.scenario!.boardings > 0) ridden++;
        expect(r.scenario!.commuters).toBe(r.baseline.commuters);
        close(r.baseline.commuters, r.workers);
        const s = r.sources!;
        for (const v of Object.values(s)) expect(v).toBeGreaterThanOrEqual(-1e-9 * r.workers);
        expect(s.newPairs).toBe(0);
        close(
          Object.values(s).reduce((a, b) => a + b, 0),
          r.scenario!.railRiders,
        );
        expectBalanced(r, 'baseline');
        expectBalanced(r, 'scenario');
        expectNoPerceivedLoss(r);
        if (r.delta!.perceivedHoursSaved > 0) gained++;
      }),
      { seed: 20261205, numRuns: 100 },
    );
    // A line with riders is a gain to them (34 of 34 here).
    expect(gained).toBeGreaterThanOrEqual(ridden);
    // The cases are not vacuous: many new lines draw riders (34 of these 100 do).
    expect(ridden).toBeGreaterThan(20);
  });

  it('after an edit, the kept baseline side gives exactly a fresh run’s figures (short and long term)', async () => {
    let reused = 0;
    await fc.assert(
      fc.asyncProperty(
        networkSpec,
        people,
        newLine,
        newLine,
        busRoute,
        async (spec, p, first, edited, bus) => {
          const net = peopled(buildNetwork(spec), p);
          const request = { network: net, networkKey: key(), period: 'am-peak' };
          const keeping = new DemandAnalysis(analysis, { keepBaseline: true });
          const kept = await keeping.run({ ...request, scenario: scenario([addLine(net, first)], net.id) });
          expect(kept.reusedBaseline).toBe(false);
          for (const term of ['short', 'long'] as const) {
            // The edit may add a bus route instead (on a network with or without any).
            const line = addLine(net, edited);
            if (bus && line.type === 'add-line') line.line.layer = 'bus';
            const next = { ...request, scenario: scenario([line], net.id), term };
            const again = await keeping.run(next);
            const fresh = await new DemandAnalysis(analysis).run(next);
            expect(again.reusedBaseline).toBe(term === 'short');
            if (again.reusedBaseline) reused++;
            expect(again.report).toEqual(fresh.report);
            expect(again.scenario!.loads).toEqual(fresh.scenario!.loads);
            expect(again.baseline.loads).toEqual(fresh.baseline.loads);
          }
        },
      ),
      { seed: 20261207, numRuns: 40 },
    );
    expect(reused).toBe(40);
  });

  it('long term: commuters still total the workers; the new line’s riders are ≥ 0', async () => {
    await fc.assert(
      fc.asyncProperty(networkSpec, people, newLine, async (spec, p, l) => {
        const r = await newLineDemand(spec, p, l, 'long');
        close(r.scenario!.commuters, r.workers);
        expect(r.lines.find((x) => x.line === 'new')!.scenario!.boardings).toBeGreaterThanOrEqual(0);
        expectBalanced(r, 'scenario');
        expectNoPerceivedLoss(r);
      }),
      { seed: 20261206, numRuns: 50 },
    );
  });
});
