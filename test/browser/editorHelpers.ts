import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';

/**
 * Where a [longitude, latitude] is on the primary map, in page pixels: web-mercator from the map position
 * MapLibre keeps in the URL (#map=zoom/lat/lon, 512 px tiles) and the map's box (its centre is the map
 * centre). Read afresh for every use, since the map may have moved.
 */
export async function mapPixel(page: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const hash = new URL(page.url()).hash;
  const m = /map=([\d.-]+)\/([\d.-]+)\/([\d.-]+)/.exec(hash);
  if (!m) throw new Error(`no map position in ${page.url()}`);
  const [zoom, clat, clon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const box = await page.locator('[data-testid^="map-"][data-ready="yes"]').first().boundingBox();
  if (!box) throw new Error('no map on the page');
  const world = 512 * 2 ** zoom;
  const x = (l: number) => ((l + 180) / 360) * world;
  const y = (p: number) =>
    ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * world;
  return { x: box.x + box.width / 2 + x(lon) - x(clon), y: box.y + box.height / 2 + y(lat) - y(clat) };
}

/** Wait until MapLibre has written the settled map position to the URL. */
export async function waitForMapPosition(page: Page): Promise<void> {
  await page.waitForFunction(() => /map=/.test(window.location.hash));
  // The hash is written on moveend, throttled by 300 ms.
  await page.waitForTimeout(400);
}

/** Run `action`, wait for the download it starts and return its text. */
export async function downloadText(
  page: Page,
  action: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const download = await downloadOf(page, action);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

export async function downloadOf(page: Page, action: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return download;
}

/** The editor commits edits after a pause (400 ms); this waits for that and the computation it starts. */
export async function waitForCommit(page: Page): Promise<void> {
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), undefined, {
    timeout: 60_000,
  });
}

/** Press a shortcut with the focus on the page rather than in a field (where the browser's own undo applies). */
export async function shortcut(page: Page, keys: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
}

/**
 * Results for the current view are computed and shown: the map is ready, the summary is there and no
 * computation is running. (Unlike support's waitForResults, this does not wait for a further repaint, which
 * never comes when the paint already happened.)
 */
export async function waitForComputed(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid^="map-"][data-ready="yes"]', { timeout });
  await page.waitForSelector('[data-testid="summary"]', { timeout });
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), undefined, {
    timeout,
  });
}

/** A screenshot of `selector` once two in a row are the same (the map has finished drawing). */
export async function settledScreenshot(page: Page, selector: string, timeout = 20_000): Promise<Buffer> {
  const end = Date.now() + timeout;
  let previous: Buffer | undefined;
  for (;;) {
    const shot = await page.locator(selector).screenshot();
    if (previous?.equals(shot) || Date.now() > end) return shot;
    previous = shot;
    await page.waitForTimeout(250);
  }
}
