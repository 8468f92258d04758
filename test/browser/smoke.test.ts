import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, openApp, screenshot, waitForResults } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('opens on a network, paints the commute map and the summary, without console errors', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  expect(await page.textContent('[data-testid="summary-time-to-core"] td')).toMatch(/^\d+(\.\d)?$/);
  expect(await page.locator('[data-testid="legend-before"] li').count()).toBeGreaterThan(5);
  await screenshot(page, 'smoke-toy');
  expect(errors).toEqual([]);
});
