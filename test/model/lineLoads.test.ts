/**
 * Line loads (io/lineLoads.ts) from the demand model run through the worker pool, on the hand-made line
 * of demandAssignment.test.ts (A · a ── b ── c · C, 5 km hops; M every 10 min, every 5 in the scenario):
 * every segment M runs is a row on both sides, and riders × km add up to the line's passenger-km (to the
 * rows' rounding: riders to 0.1 on four 5 km segments, so within 4 × 0.05 × 5 = 1 passenger-km).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lineLoads, loadChange } from '../../src/io/lineLoads';
import { Analysis } from '../../src/workers/analysis';
import { DemandAnalysis } from '../../src/workers/demandAnalysis';
import { nodeWorkerFactory } from '../../src/workers/nodeWorkers';
import { RoutingPool } from '../../src/workers/pool';
import { demandLine, fasterLine } from '../support/demandLine';
import { applied } from '../support/fixtures';

const base = demandLine;
const faster = fasterLine;

const pool = new RoutingPool(nodeWorkerFactory(), 2);
afterAll(() => pool.terminate());

describe('line loads of a demand run', () => {
  it('rows for every segment, riders × km = passenger-km on each side, the change as reported', async () => {
    const run = await new DemandAnalysis(new Analysis(pool)).run({
      network: base,
      networkKey: 'hand',
      scenario: faster,
      period: 'am-peak',
    });
    const loads = lineLoads(run.report.lines, {
      baseline: base,
      scenario: applied(base, ...faster.modifications),
    });
    expect(loads.map((l) => `${l.direction} ${l.from.id}→${l.to.id} ${l.km}`)).toEqual([
      '0 a→b 5',
      '0 b→c 5',
      '1 c→b 5',
      '1 b→a 5',
    ]);
    const m = run.report.lines.find((l) => l.line === 'M')!;
    const pkm = (side: 'baseline' | 'scenario') => loads.reduce((a, l) => a + l[side]! * l.km, 0);
    expect(Math.abs(pkm('baseline') - m.baseline!.passengerKm)).toBeLessThanOrEqual(1);
    expect(Math.abs(pkm('scenario') - m.scenario!.passengerKm)).toBeLessThanOrEqual(1);
    expect(pkm('scenario')).toBeGreaterThan(pkm('baseline'));
    for (const l of loads) expect(loadChange(l)).toBeCloseTo(l.scenario! - l.baseline!, 9);
  });
});
