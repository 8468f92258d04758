import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import { patternRideSeconds } from '../../src/domain/line';
import { loadScenario } from '../../src/io/scenario';
import { loadJjj, ROOT } from './support';

/**
 * The bundled scenarios against the figures their descriptions cite: the modelled time in the train between
 * two stations (the first pattern of the line that calls at both, in that order) within 10 % of the cited
 * figure, or within a cited range. Printed for every scenario, with or without a figure to check.
 */
interface Cited {
  line: string;
  from: string;
  to: string;
  /** Minutes: a figure (±10 %) or a range. */
  cited: number | [number, number];
  source: string;
}

const CITED: Record<string, Cited[]> = {
  'jjj-pinggu-line-22': [
    {
      line: 'm-22',
      from: 'm22-yanjiao-town',
      to: 'm-jintaixizhao',
      cited: 32,
      source: '燕郊–CBD about 32 min (plan figure reported in Beijing media)',
    },
    {
      line: 'm-22',
      from: 'm22-pinggu',
      to: 'm-jintaixizhao',
      cited: 55,
      source: '平谷–CBD about 55 min (plan figure reported in Beijing media)',
    },
  ],
  'jjj-jingxiong-transit-style': [
    {
      line: 'ic-jingxiong',
      from: 'r-beijingxi',
      to: 'r-xiongan',
      cited: [50 * 1.05, 50 * 1.2],
      source: 'fastest 50 min, typical trains 5–20 % slower (jjj_intercity_lines.csv, bjnews 2020-12-27)',
    },
  ],
  'jjj-line1-batong-express': [
    {
      line: 'bj-1',
      from: 'm-tuqiao',
      to: 'm-guomao',
      cited: [35.6 - 350 / 60 - 0.1, 35.6 - 350 / 60 + 0.1],
      source:
        'the all-stop timetable ride (35.6 min) less five stops passed at 30 s dwell + 40 s stop loss (the description)',
    },
  ],
};

const network = loadJjj();

function rideMinutes(net: typeof network, c: Cited): number {
  const line = net.lines.find((l) => l.id === c.line);
  if (!line) throw new Error(`no line ${c.line}`);
  const candidates = [...line.patterns].sort((a, b) => a.stops.length - b.stops.length);
  for (const p of candidates) {
    const i = p.stops.indexOf(c.from);
    const j = p.stops.indexOf(c.to);
    if (i >= 0 && j > i) return patternRideSeconds(p, i, j) / 60;
  }
  throw new Error(`no pattern of ${c.line} runs ${c.from} → ${c.to}`);
}

describe('bundled scenarios against the figures they cite', () => {
  const files = Object.keys(CITED).concat('jjj-fangshan-fengtai-suburban');
  for (const id of files) {
    it(`${id}: modelled time in the train vs cited`, () => {
      const text = readFileSync(join(ROOT, 'scenarios', `${id}.scenario.json`), 'utf8');
      const loaded = loadScenario(id, text);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const applied = applyScenario(network, loaded.value);
      if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
      const claims = CITED[id] ?? [];
      if (claims.length === 0) {
        expect(loaded.value.description).toMatch(/no plan figure/);
        console.log(`${id}: no plan figure to check (a sketch, as its description says)`);
      }
      for (const c of claims) {
        const modelled = rideMinutes(applied.network, c);
        const [lo, hi] = typeof c.cited === 'number' ? [c.cited * 0.9, c.cited * 1.1] : c.cited;
        console.log(
          `${id}: ${c.from} → ${c.to}: modelled ${modelled.toFixed(1)} min, cited ${typeof c.cited === 'number' ? c.cited : `${c.cited[0].toFixed(1)}–${c.cited[1].toFixed(1)}`} (${c.source})`,
        );
        expect(modelled).toBeGreaterThanOrEqual(lo);
        expect(modelled).toBeLessThanOrEqual(hi);
      }
    });
  }
});
