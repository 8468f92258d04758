import { appendFileSync, mkdirSync } from 'node:fs';
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

/** BROWSER_TEST_LAPS=<file>: where the waits spend their time, appended to that file. */
function laps(line: string): void {
  if (process.env.BROWSER_TEST_LAPS) appendFileSync(process.env.BROWSER_TEST_LAPS, `${line}\n`);
}

const opened: Page[] = [];

/**
 * Open the app at `query` and collect console errors. Pages opened before are closed first, so the new
 * page is the one in front (Chromium throttles animation frames in background tabs).
 */
export async function openApp(
  browser: Browser,
  query = '',
  viewport = { width: 1500, height: 900 },
): Promise<AppPage> {
  for (const old of opened.splice(0)) await old.close().catch(() => undefined);
  const page = await browser.newPage({ viewport });
  opened.push(page);
  await page.bringToFront();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.stack ?? `${e.name}: ${e.message}`));
  const t0 = Date.now();
  await page.goto(`${inject('baseUrl')}${query}`);
  laps(`goto ${query}: ${Date.now() - t0} ms`);
  return { page, errors };
}

/** Wait until results for the current view are in (no progress bar) and every map has drawn them. */
export async function waitForResults(page: Page, timeout = 120_000): Promise<void> {
  const t0 = Date.now();
  await page.waitForSelector('[data-testid^="map-"][data-ready="yes"]', { timeout });
  await page.waitForSelector('[data-testid="summary"]', { timeout });
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), undefined, {
    timeout,
  });
  laps(`results: ${Date.now() - t0} ms`);
  await waitForMapsIdle(page, timeout);
  laps(`maps idle: ${Date.now() - t0} ms`);
}

/** Every map has finished rendering and is not moving. */
export async function waitForMapsIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const maps = Object.values(window.__commuteshed?.maps ?? {});
      return maps.length > 0 && maps.every((m) => m.loaded() && !m.isMoving());
    },
    undefined,
    { timeout },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}
