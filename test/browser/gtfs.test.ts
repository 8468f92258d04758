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

it('a bus-only feed: one click keeps its bus routes as a bus layer, drawn and switchable', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  const cairns = `${SAMPLES}cairns_gtfs_2014.zip`;
  // The toy network has no buses: no switch for them.
  expect(await page.locator('[data-testid="layer-bus"]').count()).toBe(0);

  // Without the box: nothing to import (every route is a bus), and the message says what to tick.
  await page.setInputFiles('[data-testid="file-input"]', cairns);
  await page.locator('[data-testid="message-error"]').waitFor({ timeout: 60_000 });
  await expect
    .poll(() => page.locator('[data-testid="message-info"]').allTextContents())
    .toContainEqual(expect.stringMatching(/Tick “GTFS: keep bus routes”/));

  // Tick it with the mouse and open the feed again: its bus routes come in as bus lines (16 of its 22
  // routes run in the periods on the service day; the import report says why the other 6 do not).
  const box = page.locator('[data-testid="gtfs-keep-buses"]');
  expect(await box.locator('xpath=..').getAttribute('title')).toMatch(/bus layer/);
  await box.click();
  expect(await box.isChecked()).toBe(true);
  await page.setInputFiles('[data-testid="file-input"]', cairns);
  await page.locator('[data-testid="gtfs-panel"]').waitFor({ timeout: 120_000 });
  await waitForResults(page);
  expect(await page.textContent('[data-testid="gtfs-panel"]')).toMatch(/16 lines/);
  expect(await page.isChecked('[data-testid="gtfs-keep-buses-again"]')).toBe(true);
  // Drawn on the map as the bus layer, with its switch (and only the layers the feed has).
  const toggles = await page
    .locator('[data-testid^="layer-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(toggles).toEqual(['layer-bus']);
  const drawnBusLines = () =>
    page.evaluate(() => {
      const m = Object.values(window.__commuteshed!.maps)[0]!;
      return new Set(m.queryRenderedFeatures({ layers: ['lines-bus'] }).map((f) => f.properties.id)).size;
    });
  await expect.poll(drawnBusLines).toBeGreaterThan(10);
  // The switch hides them.
  await page.click('[data-testid="layer-bus"]');
  await expect.poll(drawnBusLines).toBe(0);
  await screenshot(page, 'gtfs-cairns-buses');
  expect(errors).toEqual([]);
});
