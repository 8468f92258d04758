import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { metricOf } from '../../src/domain/metrics';
import type { Network } from '../../src/domain/network';
import type { Scenario } from '../../src/domain/scenario';
import { checksum } from '../../src/io/canonical';
import { unwrap } from '../../src/io/result';
import { buildResults } from '../../src/io/results';
import { loadScenarioFor } from '../../src/io/scenario';
import type { ResultsDocument } from '../../src/io/schema/results';
import { classify, NO_PATH, scaleFor } from '../../src/ui/map/classes';
import { Analysis } from '../../src/workers/analysis';
import { nodeWorkerFactory } from '../../src/workers/nodeWorkers';
import { RoutingPool } from '../../src/workers/pool';
import { loadJjj } from '../jjj/support';
import { downloadText } from './editorHelpers';
import { launch, openApp, screenshot, waitForResults } from './support';

/**
 * Scenario against scenario (issue 11): the planner compares two bundled JJJ scenarios — Line 22 (after)
 * against the Line 1 express (before) — instead of a scenario against the baseline, and the difference
 * map, the summary and the exports become theirs: the numbers of the same comparison run headless.
 */
const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const AFTER = 'jjj-pinggu-line-22';
const BEFORE = 'jjj-line1-batong-express';

let browser: Browser;
let jjj: Network;
/** Line 22 against the Line 1 express, computed headless through the same code. */
let pair: ResultsDocument;
beforeAll(async () => {
  browser = await launch();
  jjj = loadJjj();
  const scenario = (id: string): Scenario =>
    unwrap(loadScenarioFor(jjj, `${id}.scenario.json`, read(`scenarios/${id}.scenario.json`)));
  const [after, before] = [scenario(AFTER), scenario(BEFORE)];
  const pool = new RoutingPool(nodeWorkerFactory(), 2);
  try {
    const networkKey = await checksum(jjj);
    const run = await new Analysis(pool).compare({
      network: jjj,
      networkKey,
      scenario: after,
      before,
      period: 'am-peak',
    });
    pair = buildResults({
      network: jjj,
      checksum: networkKey,
      scenario: after,
      before,
      period: 'am-peak',
      report: run.report,
      generatedAt: new Date(),
      engineVersion: run.engineVersion,
    });
  } finally {
    pool.terminate();
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

/** Choose `value` in a select as a person does: click it open, arrow keys to the option, Enter. */
async function pick(page: Page, select: string, value: string): Promise<void> {
  const values = await page
    .locator(`${select} option`)
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const from = values.indexOf(await page.inputValue(select));
  const to = values.indexOf(value);
  expect(to, `${value} in ${select}`).toBeGreaterThanOrEqual(0);
  await page.click(select);
  for (let k = 0; k < Math.abs(to - from); k++)
    await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.inputValue(select)).toBe(value);
}

const cell = (page: Page, row: string, col: number) =>
  page.locator(`[data-testid="summary-${row}"] td`).nth(col).getAttribute('data-value');

/** The class each zone of the difference map holds (feature-state), by zone index. */
const shownClasses = (page: Page, zones: number) =>
  page.evaluate((n) => {
    const m = window.__commuteshed!.maps.difference!;
    return Array.from(
      { length: n },
      (_, z) => (m.getFeatureState({ source: 'zones', id: z }) as { c?: number }).c,
    );
  }, zones);

it('compares Line 22 with the Line 1 express: the difference map, summary and exports are theirs', async () => {
  const { page, errors } = await openApp(browser, '?network=jjj');
  await waitForResults(page, 240_000);
  // No scenario chosen: nothing to compare with yet.
  expect(await page.locator('[data-testid="before-select"]').count()).toBe(0);

  // Line 22 against the baseline: the difference is shown (the usual first step).
  await pick(page, '[data-testid="scenario-select"]', AFTER);
  await page.waitForSelector('[data-testid="map-difference"][data-ready="yes"]');
  await waitForResults(page, 240_000);
  expect(await page.inputValue('[data-testid="before-select"]')).toBe('');
  const againstBaseline = Number(await cell(page, 'time-to-core', 2));
  expect(await page.textContent('[data-testid="summary-compared"]')).toMatch(/^Baseline → Line 22/);

  // Now against the Line 1 express.
  await pick(page, '[data-testid="before-select"]', BEFORE);
  await expect
    .poll(() => page.textContent('[data-testid="summary-compared"]'), { timeout: 120_000 })
    .toMatch(/^Line 1 express.* → Line 22/);
  await waitForResults(page, 240_000);
  expect(new URL(page.url()).searchParams.get('before')).toBe(BEFORE);
  await screenshot(page, 'compare-line22-vs-line1-express');

  // The summary: headed Before / After, the numbers of the headless comparison of the two scenarios.
  expect(await page.locator('[data-testid="summary"] thead th').allTextContents()).toEqual([
    '',
    'Before',
    'After',
    'Change',
  ]);
  const s = pair.summary;
  expect(Number(await cell(page, 'time-to-core', 0))).toBe(s.baseline.meanTimeToCoreMinutes);
  expect(Number(await cell(page, 'time-to-core', 1))).toBe(s.scenario!.meanTimeToCoreMinutes);
  expect(Number(await cell(page, 'time-to-core', 2))).toBe(s.delta!.meanTimeToCoreMinutes);
  expect(Number(await cell(page, 'jobs-60', 2))).toBe(s.delta!.jobsWithin['60']);
  expect(Number(await cell(page, 'gaining5', 2))).toBe(s.delta!.peopleGaining['5']);
  // It is another comparison than against the baseline: the Line 1 express moves the mean too.
  expect(s.delta!.meanTimeToCoreMinutes).not.toBe(againstBaseline);

  // The difference map: each zone in the class of the headless zone change.
  const scale = scaleFor(metricOf('time-to-core')!, 'difference');
  const expected = pair.zones.map((z) =>
    z.baseline.timeToCoreMinutes === null && z.scenario!.timeToCoreMinutes === null
      ? NO_PATH
      : classify(z.delta!.timeToCoreMinutes, scale),
  );
  await expect.poll(() => shownClasses(page, jjj.zones.length), { timeout: 30_000 }).toEqual(expected);
  // Zones both gain and lose (Line 1's express riders are on the before side now).
  expect(pair.zones.some((z) => z.delta!.timeToCoreMinutes < 0)).toBe(true);
  expect(pair.zones.some((z) => z.delta!.timeToCoreMinutes > 0)).toBe(true);
  expect(await page.textContent('[data-testid="legend-difference"]')).toContain(
    'Lines that differ from “Line 1 express',
  );

  // The view buttons name both sides; the exports say which two are compared.
  expect(await page.textContent('label:has([data-testid="view-before"])')).toContain(
    'Before (Line 1 express',
  );
  const json = await downloadText(page, () => page.click('[data-testid="export-json"]'));
  expect(json.name).toBe(`jjj-${AFTER}-vs-${BEFORE}-am-peak.results.json`);
  const doc = JSON.parse(json.text) as ResultsDocument;
  expect([doc.before?.id, doc.scenario?.id]).toEqual([BEFORE, AFTER]);
  expect(doc.summary.delta).toEqual(pair.summary.delta);
  const csv = await downloadText(page, () => page.click('[data-testid="export-csv"]'));
  expect(csv.name).toBe(`jjj-${AFTER}-vs-${BEFORE}-am-peak.zones.csv`);

  // Back to the baseline: the first comparison again.
  await pick(page, '[data-testid="before-select"]', '');
  await expect.poll(() => cell(page, 'time-to-core', 2)).toBe(String(againstBaseline));
  expect(errors).toEqual([]);
});
