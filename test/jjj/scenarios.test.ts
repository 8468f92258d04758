import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import type { LonLat } from '../../src/domain/geo';
import type { Network } from '../../src/domain/network';
import { coreZoneIds } from '../../src/domain/network';
import type { Scenario } from '../../src/domain/scenario';
import { loadScenario } from '../../src/io/scenario';
import { loadJjj, ROOT, Times, zoneNear } from './support';

/**
 * Every jjj scenario validates, applies, and moves times the way its description says. Each claim is an
 * O→D pair (or a set of origins to the core) whose am-peak time must fall; and, since every one of these
 * scenarios only adds or speeds up service, no perceived cost from the tested origins may rise.
 */
const network = loadJjj();
const files = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.startsWith('jjj-') && f.endsWith('.scenario.json'))
  .sort();

const places: Record<string, [LonLat, string?]> = {
  yanjiao: [[116.805, 39.944], '131082'],
  sanheCity: [[117.08, 39.98], '131082'],
  pinggu: [[117.1, 40.14], '110117'],
  guomao: [[116.4557, 39.907]],
  xiongan: [[116.154, 39.06], '130629+130632+130638'],
  guan: [[116.318, 39.424], '131022'],
  financialStreet: [[116.356, 39.915]],
  tianjin: [[117.2, 39.135], '120101+120102+120103+120104+120105+120106'],
  langfang: [[116.7, 39.51], '131002+131003+131071'],
  liangxiang: [[116.15, 39.74], '110111'],
  fengtaiSciencePark: [[116.291, 39.824], '110106'],
  tuqiao: [[116.68, 39.871], '110112'],
  yanshan: [[115.97, 39.72], '110111'],
  guogongzhuang: [[116.302, 39.81]],
};

interface Claim {
  /** O→D pairs whose time must fall (or become possible), by place name. */
  pairs: [string, string][];
  /**
   * What must fall for the pairs: the time (default), or only the perceived cost (the routing objective)
   * where the scenario's gain is mostly a shorter expected wait (its description says why).
   */
  measure?: 'time' | 'cost';
  /** Only adds or speeds up service, so no perceived cost may rise (DESIGN.md §2, invariant 2). */
  monotone: boolean;
}

const CLAIMS: Record<string, Claim> = {
  'jjj-pinggu-line-22': {
    pairs: [
      ['yanjiao', 'guomao'],
      ['pinggu', 'guomao'],
    ],
    monotone: true,
  },
  'jjj-jingxiong-transit-style': {
    pairs: [
      ['xiongan', 'financialStreet'],
      ['xiongan', 'guomao'],
    ],
    monotone: true,
  },
  'jjj-security-mutual-recognition': {
    pairs: [
      ['tianjin', 'guomao'],
      ['langfang', 'guomao'],
    ],
    monotone: true,
  },
  'jjj-fangshan-fengtai-suburban': { pairs: [['liangxiang', 'fengtaiSciencePark']], monotone: true },
  'jjj-line1-batong-express': { pairs: [['tuqiao', 'guomao']], monotone: true, measure: 'cost' },
  'jjj-yanfang-fangshan-through': { pairs: [['yanshan', 'guogongzhuang']], monotone: false },
};

const zone = (net: Network, name: string) => zoneNear(net, places[name]![0], places[name]![1]);

let baseline: Times;
beforeAll(() => {
  baseline = new Times(network);
});

describe('scenarios/jjj-*.scenario.json', () => {
  it('has at least five scenarios, each with a claim tested here', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(CLAIMS[f.replace('.scenario.json', '')], f).toBeDefined();
  });

  for (const file of files) {
    it(`${file} validates, applies and moves times as it claims`, () => {
      const loaded = loadScenario(file, readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const scenario: Scenario = loaded.value;
      expect(scenario.description.length).toBeGreaterThan(80);
      const applied = applyScenario(network, scenario);
      if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
      const after = new Times(applied.network);
      const claim = CLAIMS[scenario.id]!;
      for (const [from, to] of claim.pairs) {
        const o = zone(network, from);
        const d = zone(network, to);
        const before = baseline.trip(o, d) ?? {
          time: Number.POSITIVE_INFINITY,
          cost: Number.POSITIVE_INFINITY,
        };
        const now = after.trip(o, d);
        expect(now, `${from} → ${to} has a route`).toBeDefined();
        console.log(
          `${scenario.id}: ${from} (${o}) → ${to} (${d}): ${(before.time / 60).toFixed(1)} → ${(now!.time / 60).toFixed(1)} min`,
        );
        if (claim.measure === 'cost') expect(now!.cost, `${from} → ${to}`).toBeLessThan(before.cost);
        else {
          expect(now!.time, `${from} → ${to}`).toBeLessThan(before.time);
          expect(now!.cost).toBeLessThanOrEqual(before.cost);
        }
        if (!claim.monotone) continue;
        // Only adding or speeding service: no perceived cost from this origin rises anywhere.
        const b = baseline.row(o).cost;
        const a = after.row(o).cost;
        for (let k = 0; k < b.length; k++)
          expect(a[k]!, `cost ${o} → zone ${k}`).toBeLessThanOrEqual(b[k]! + 1e-9);
      }
    });
  }

  it('Line 22 brings Yanjiao and Pinggu closer to the core on average', () => {
    const scenario = loadScenario(
      'p',
      readFileSync(join(ROOT, 'scenarios', 'jjj-pinggu-line-22.scenario.json'), 'utf8'),
    );
    if (!scenario.ok) throw new Error('scenario');
    const applied = applyScenario(network, scenario.value);
    if (!applied.ok) throw new Error('apply');
    const after = new Times(applied.network);
    const core = coreZoneIds(network);
    const origins = network.zones
      .filter((z) => z.district === '131082' || z.district === '110117')
      .filter((_, k) => k % 4 === 0);
    const mean = (t: Times) =>
      origins.reduce((s, z) => s + Math.min(t.toCore(z.id, core), 3 * 3600), 0) / origins.length;
    const before = mean(baseline);
    const now = mean(after);
    console.log(
      `Line 22: mean time to the core from ${origins.length} Sanhe/Pinggu zones ${(before / 60).toFixed(1)} → ${(now / 60).toFixed(1)} min`,
    );
    expect(now).toBeLessThan(before);
  });
});
