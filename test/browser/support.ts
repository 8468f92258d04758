import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
}

export interface AppPage {
  page: Page;
  /** Console errors and page errors seen so far; every test ends by asserting there are none. */
  errors: string[];
}

/** Open the app at `query` and collect console errors. */
export async function openApp(
  browser: Browser,
  query = '',
  viewport = { width: 1500, height: 900 },
): Promise<AppPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(`${inject('baseUrl')}${query}`);
  return { page, errors };
}

/** Wait until the map is ready and results for the current view are painted (no progress bar). */
export async function waitForResults(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid^="map-"][data-ready="yes"]', { timeout });
  await page.waitForSelector('[data-testid="summary"]', { timeout });
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), undefined, {
    timeout,
  });
  await waitForPaint(page);
}

/** Wait for the next map repaint after the current one. */
export async function waitForPaint(page: Page, timeout = 60_000): Promise<void> {
  const before = await page.evaluate(() => window.__commuteshed?.painted ?? 0);
  await page
    .waitForFunction((n) => (window.__commuteshed?.painted ?? 0) > n, before, { timeout })
    .catch(() => undefined);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}
