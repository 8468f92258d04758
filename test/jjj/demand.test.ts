import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demandText } from '../../src/cli/demandText';
import { checksum } from '../../src/io/canonical';
import { loadScenario } from '../../src/io/scenario';
import { Analysis } from '../../src/workers/analysis';
import { DemandAnalysis } from '../../src/workers/demandAnalysis';
import { nodeWorkerFactory } from '../../src/workers/nodeWorkers';
import { RoutingPool } from '../../src/workers/pool';
import { loadJjj, ROOT } from './support';

/**
 * The bundled JJJ network's demand with the Line 22 scenario (short term): β calibrated to Beijing's 47 min,
 * the figures networks/README.md compares with published ones printed, and the new line's ridership and
 * where it comes from. Asserts what must hold whatever the figures (calibration fit, balances, sources adding
 * up); the figures themselves are printed for the README, not pinned.
 */
const pool = new RoutingPool(nodeWorkerFactory(), 2);
afterAll(() => pool.terminate());

describe('JJJ demand, Line 22 (short term)', () => {
  it('calibrates to Beijing’s 47 min and gives Line 22 riders, with their sources adding up', async () => {
    const network = loadJjj();
    const file = join(ROOT, 'scenarios', 'jjj-pinggu-line-22.scenario.json');
    const s = loadScenario(file, readFileSync(file, 'utf8'));
    if (!s.ok) throw new Error(JSON.stringify(s.issues));
    const run = await new DemandAnalysis(new Analysis(pool)).run({
      network,
      networkKey: await checksum(network),
      scenario: s.value,
      period: 'am-peak',
    });
    const r = run.report;
    process.stdout.write(`${demandText(r)}\n`);

    expect(r.beta.calibrated).toBe(true);
    const beijing = r.regions.find((x) => x.id === 'beijing')!;
    expect(Math.abs(beijing.baseline.meanCommuteMinutes! / 47 - 1)).toBeLessThanOrEqual(1e-3);
    expect(r.beta.rowError).toBeLessThanOrEqual(1e-6);
    expect(r.beta.columnError).toBeLessThanOrEqual(1e-6);

    const line22 = r.lines.find((l) => l.line === 'm-22')!;
    expect(line22.baseline).toBeNull();
    expect(line22.scenario!.boardings).toBeGreaterThan(0);
    const sources = Object.values(line22.sources!).reduce((a, b) => a + b, 0);
    expect(sources).toBeCloseTo(line22.scenario!.boardings, 0);
    expect(line22.sources!.newPairs).toBe(0);
    process.stdout.write(
      `Line 22 (short term): ${Math.round(line22.scenario!.boardings).toLocaleString('en')} morning commute boardings; busiest section ${line22.scenario!.maxSection?.from} → ${line22.scenario!.maxSection?.to} ${Math.round(line22.scenario!.maxSectionLoad).toLocaleString('en')}\n`,
    );

    // The short term keeps every trip: same commuters, and each side's rail trips enter and leave once.
    expect(r.scenario!.commuters).toBe(r.baseline.commuters);
    for (const side of ['baseline', 'scenario'] as const) {
      const entries = r.stations.reduce((a, x) => a + (x[side]?.entries ?? 0), 0);
      const exits = r.stations.reduce((a, x) => a + (x[side]?.exits ?? 0), 0);
      expect(entries / r[side]!.railRiders).toBeCloseTo(1, 9);
      expect(exits / r[side]!.railRiders).toBeCloseTo(1, 9);
    }
  }, 300_000);
});
