import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, openApp, screenshot, waitForResults } from './support';

const SAMPLES = new URL('../../../shared/data/raw/gtfs-samples/', import.meta.url).pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('imports a GTFS zip and shows its commute map, the report and the unknown population', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  await page.setInputFiles('[data-testid="file-input"]', `${SAMPLES}nyc_subway_gtfs_2025_subset.zip`);
  await page.locator('[data-testid="gtfs-panel"]').waitFor({ timeout: 120_000 });
  await waitForResults(page);
  const panel = await page.textContent('[data-testid="gtfs-panel"]');
  expect(panel).toMatch(/nyc_subway_gtfs_2025_subset\.zip/);
  expect(panel).toMatch(/2 lines/);
  expect(panel).toMatch(/unknown/);
  expect(await page.textContent('[data-testid="summary"]')).toMatch(/unknown/);
  expect(await page.locator('[data-testid="network-select"] option:checked').textContent()).not.toMatch(
    /Toyton/,
  );
  await screenshot(page, 'gtfs-nyc');
  expect(errors).toEqual([]);
});

it('imports a feed folder (its .txt files), and a bus feed reports its routes as not carried until mapped', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  const folder = `${SAMPLES}gtfs_kit_sample_gtfs/`;
  await page.setInputFiles(
    '[data-testid="file-input"]',
    readdirSync(folder).map((f) => `${folder}${f}`),
  );
  // Every route of the spec sample is a bus: nothing to carry, a clear message, the toy network stays.
  const message = page.locator('[data-testid="message-error"]');
  await message.waitFor({ timeout: 60_000 });
  expect(await message.textContent()).toMatch(/bus|not carried/i);
  expect(await page.locator('[data-testid="network-select"] option:checked').textContent()).toMatch(/Toyton/);
  expect(errors).toEqual([]);
});
