import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/io/schema/results';
import { simulate } from '../support/headless';
import { pixelOf } from './mapProbe';
import { launch, openApp, screenshot, waitForResults } from './support';

/**
 * A network that sets its own accessibility thresholds (issue 11, item 9): jobs within 20 and 40 min,
 * not the default 30/45/60/90. The planner opens it and finds those metrics in the picker, the legend,
 * the tooltip and the summary, with the numbers of the headless run.
 */
const root = new URL('../../', import.meta.url).pathname;

let browser: Browser;
let file: string;
let headless: ResultsDocument;
beforeAll(async () => {
  browser = await launch();
  const toy = JSON.parse(readFileSync(`${root}networks/toy.network.json`, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'commuteshed-thresholds-'));
  file = join(dir, 'toy20.network.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...toy,
      id: 'toy20',
      name: { en: 'Toyton, 20 and 40 min', zh: '玩具城（20和40分钟）' },
      assumptions: { metrics: { accessibilityMinutes: [40, 20] } },
    }),
  );
  const out = join(dir, 'r.json');
  await simulate('--network', file, '--out', out);
  headless = JSON.parse(readFileSync(out, 'utf8'));
});
afterAll(async () => {
  await browser?.close();
});

it('a network with thresholds of 20 and 40 min offers, draws and sums jobs within 20 and 40 min', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  // The bundled toy network has the default thresholds.
  const options = () => page.locator('[data-testid="metric-select"] option').allTextContents();
  expect(await options()).toContain('Jobs within 45 min');

  await page.setInputFiles('[data-testid="file-input"]', file);
  await expect.poll(() => page.inputValue('[data-testid="network-select"]')).toBe('toy20.network.json');
  await waitForResults(page);
  expect(await options()).toEqual([
    'Time to the core',
    'Travel time from the selected zone',
    'Mean time to jobs',
    'Jobs within 20 min',
    'Jobs within 40 min',
  ]);

  // Pick "Jobs within 20 min" with the mouse and keyboard: open the menu, go down to it, take it.
  await page.click('[data-testid="metric-select"]');
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.inputValue('[data-testid="metric-select"]')).toBe('jobs-20');
  const legend = page.locator('[data-testid="legend-before"]');
  await expect.poll(() => legend.locator('h2').textContent()).toBe('Jobs within 20 min');
  expect(await legend.locator('li[data-color]').first().textContent()).toMatch(/jobs$/);

  // The tooltip over a zone says the metric and its value, the number of the headless run.
  const zone = headless.zones.find((z) => (z.baseline.jobsWithin['20'] ?? 0) > 0)!;
  const centroid = JSON.parse(readFileSync(file, 'utf8')).zones.find((z: { id: string }) => z.id === zone.id)
    .centroid as [number, number];
  const at = await pixelOf(page, 'before', centroid);
  await page.mouse.move(at.x + 2, at.y + 2);
  const tip = page.locator('[data-testid="map-tooltip"]');
  await expect
    .poll(() => tip.textContent())
    .toContain(
      `Jobs within 20 min: ${Math.round(zone.baseline.jobsWithin['20']!).toLocaleString('en')} jobs`,
    );

  // The summary has a row per threshold, named by it, with the headless run's figures; none for 45 or 60.
  for (const minutes of ['20', '40']) {
    const row = page.locator(`[data-testid="summary-jobs-${minutes}"]`);
    expect(await row.locator('th').textContent()).toBe(`Jobs within ${minutes} min (mean per resident)`);
    expect(Number(await row.locator('td').first().getAttribute('data-value'))).toBe(
      headless.summary.baseline.jobsWithin[minutes],
    );
  }
  expect(await page.locator('[data-testid^="summary-jobs-"]').count()).toBe(2);

  // In Chinese, the same metrics by their Chinese names.
  await page.selectOption('[data-testid="lang-select"]', 'zh');
  await expect.poll(() => legend.locator('h2').textContent()).toBe('20分钟可达岗位');
  expect(await options()).toContain('40分钟可达岗位');
  await screenshot(page, 'metrics-thresholds-20-40');
  expect(errors).toEqual([]);
});
