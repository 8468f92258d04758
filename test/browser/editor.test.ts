import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mapPixel,
  settledScreenshot,
  shortcut,
  waitForCommit,
  waitForComputed,
  waitForMapPosition,
} from './editorHelpers';
import { type AppPage, launch, openApp, screenshot, waitForMapsIdle } from './support';

/**
 * One planner's session on the toy network, step by step on one page: draw a new suburban line, tune it,
 * undo and redo, reload. Each step starts where the one before left off.
 */
let browser: Browser;
let app: AppPage;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, '?network=toy');
  page = app.page;
  await waitForComputed(page);
  await waitForMapPosition(page);
});
afterAll(async () => {
  await browser?.close();
});

const TOYTON_RAIL: [number, number] = [0.01399, 44.96673];
/**
 * Open country south-east of Toyton, towards the Airport: no station within snapping distance of these, and
 * zones whose trips to the core a line there shortens (a line along Metro 1's east end would not: the bus
 * and bikes to Metro 1 already serve those zones better than a change at Toyton Railway Station).
 */
const NEW: [number, number][] = [
  [0.05, 44.95],
  [0.09, 44.935],
  [0.125, 44.915],
];
const stops = () => page.locator('[data-testid="stops"] > li');
/** The change in the mean time to the core as the summary holds it (its data value: minutes to 0.01). */
const meanTimeChange = async () =>
  Number(await page.locator('[data-testid="summary-time-to-core"] td').nth(2).getAttribute('data-value'));
/** A new stop's position as the list shows it. */
const position = async (k: number) =>
  (await page.textContent(`[data-testid="stops-${k}-position"]`))!.split(', ').map(Number) as [
    number,
    number,
  ];
/** Within a pixel or two of where the map was clicked (the map position in the URL is rounded). */
const near = (a: [number, number], b: [number, number]) =>
  Math.abs(a[0] - b[0]) < 0.002 && Math.abs(a[1] - b[1]) < 0.002;
const differenceMap = () => settledScreenshot(page, '[data-testid="map-difference"]');

async function clickMap(coord: [number, number], options: { button?: 'right' } = {}) {
  const p = await mapPixel(page, coord);
  await page.mouse.click(p.x, p.y, options);
}

let changeAtEnd = 0;

describe('the scenario editor on the map', () => {
  it('draws a new suburban line with five stations from scratch, sets headway and speed, and the difference map changes', async () => {
    await page.click('[data-testid="scenario-new"]');
    await page.selectOption('[data-testid="mod-type"]', 'add-line');
    await page.click('[data-testid="mod-add"]');
    await page.waitForSelector('[data-testid="editor-add-line"]');
    expect(await page.inputValue('[data-testid="line-layer"]')).toBe('suburban');

    // A click on an existing station uses it: a transfer at Toyton Railway Station.
    await clickMap(TOYTON_RAIL);
    await expect.poll(() => stops().count()).toBe(1);
    expect(await stops().first().textContent()).toContain('Toyton Railway Station');
    for (const [k, c] of NEW.entries()) {
      await clickMap(c);
      await expect.poll(() => stops().count()).toBe(k + 2);
    }
    // The keyboard way: a new station at typed coordinates.
    await page.fill('[data-testid="stops-coord"]', '0.16, 44.905');
    await page.press('[data-testid="stops-coord"]', 'Enter');
    await expect.poll(() => stops().count()).toBe(5);
    expect(await position(4)).toEqual([0.16, 44.905]);

    // Drag the third stop east; it moves, and the other stops stay. (Grabbed once drawn, as a planner does:
    // a stop is found under the pointer only in the tiles the map has rendered.)
    await waitForMapsIdle(page);
    const from = await mapPixel(page, NEW[1]!);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const placed = await position(2);
    expect(near(placed, NEW[1]!)).toBe(true);
    await page.mouse.move(from.x + 8, from.y - 4, { steps: 4 });
    await page.mouse.move(from.x + 16, from.y - 8, { steps: 4 });
    await page.mouse.up();
    const moved = await position(2);
    expect(moved[0]).toBeGreaterThan(placed[0] + 0.005);
    expect(moved[1]).toBeGreaterThan(placed[1]);
    expect(near(await position(1), NEW[0]!)).toBe(true);

    await page.fill('[data-testid="line-name"]', 'S9 Eastern Link');
    await page.fill('[data-testid="headways-am-peak"]', '5');
    await page.fill('[data-testid="run-speed"]', '80');
    await waitForCommit(page);
    expect(await page.locator('[data-testid="field-issues"]').count()).toBe(0);
    const slow = await meanTimeChange();
    expect(slow).toBeLessThan(0);

    await page.check('[data-testid="view-difference"]');
    await waitForComputed(page);
    const before = await differenceMap();
    await page.fill('[data-testid="run-speed"]', '160');
    await waitForCommit(page);
    const fast = await meanTimeChange();
    expect(fast).toBeLessThan(slow);
    await expect.poll(async () => (await differenceMap()).equals(before), { timeout: 20_000 }).toBe(false);
    await screenshot(page, 'editor-new-line');
    changeAtEnd = fast;
    expect(app.errors).toEqual([]);
  });

  it('undoes and redoes every edit (Ctrl+Z, Shift+Ctrl+Z, Ctrl+Y and the buttons)', async () => {
    // Right-click a stop on the map removes it.
    await clickMap(NEW[2]!, { button: 'right' });
    await expect.poll(() => stops().count()).toBe(4);
    await shortcut(page, 'Control+z');
    await expect.poll(() => stops().count()).toBe(5);
    await shortcut(page, 'Control+z');
    expect(await page.inputValue('[data-testid="run-speed"]')).toBe('80');
    await page.click('[data-testid="undo"]');
    expect(await page.inputValue('[data-testid="run-speed"]')).toBe('100');
    await shortcut(page, 'Control+z');
    expect(await page.inputValue('[data-testid="headways-am-peak"]')).toBe('10');

    await shortcut(page, 'Control+Shift+z');
    expect(await page.inputValue('[data-testid="headways-am-peak"]')).toBe('5');
    await page.click('[data-testid="redo"]');
    expect(await page.inputValue('[data-testid="run-speed"]')).toBe('80');
    await shortcut(page, 'Control+y');
    expect(await page.inputValue('[data-testid="run-speed"]')).toBe('160');
    await shortcut(page, 'Control+Shift+z');
    await expect.poll(() => stops().count()).toBe(4);
    await shortcut(page, 'Control+z');
    await expect.poll(() => stops().count()).toBe(5);
    expect(await page.isEnabled('[data-testid="redo"]')).toBe(true);

    // Back where it was: the same results (the engine is deterministic).
    await waitForCommit(page);
    expect(await meanTimeChange()).toBe(changeAtEnd);
    expect(app.errors).toEqual([]);
  });

  it('finds the scenario restored after a reload', async () => {
    await waitForCommit(page);
    const dragged = await page.textContent('[data-testid="stops-2-position"]');
    await page.reload();
    await waitForComputed(page);
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('toy-scenario');
    await page.click('[data-testid="mod-0-open"]');
    await page.waitForSelector('[data-testid="editor-add-line"]');
    expect(await stops().count()).toBe(5);
    expect(await page.inputValue('[data-testid="line-name"]')).toBe('S9 Eastern Link');
    expect(await page.inputValue('[data-testid="run-speed"]')).toBe('160');
    expect(await page.inputValue('[data-testid="headways-am-peak"]')).toBe('5');
    expect(await page.textContent('[data-testid="stops-2-position"]')).toBe(dragged);
    expect(await meanTimeChange()).toBe(changeAtEnd);
    expect(app.errors).toEqual([]);
  });

  it('side by side, draws the draft on the after map and takes its clicks there, not on the baseline’s', async () => {
    await page.selectOption('[data-testid="layout-select"]', 'side-by-side');
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    await waitForMapsIdle(page);
    const drawnOn = () =>
      page.evaluate(() => {
        const maps = window.__commuteshed!.maps;
        return {
          before: Boolean(maps.before?.getLayer('editor-points')),
          after: Boolean(maps.after?.getLayer('editor-points')),
        };
      });
    await expect.poll(drawnOn).toEqual({ before: false, after: true });
    // Open country east of the line's last stop, clicked on the before map (the baseline) first, then on
    // the after map: only the second adds a stop. (Clicks are handled in order: once the after map's stop
    // is listed, a stop from the first click would be too.)
    const target: [number, number] = [0.19, 44.895];
    const box = (await page.locator('[data-testid="map-after"]').boundingBox())!;
    const onBefore = await mapPixel(page, target);
    const leftBox = (await page.locator('[data-testid="map-before"]').boundingBox())!;
    await page.mouse.click(onBefore.x, onBefore.y);
    await page.mouse.click(box.x + (onBefore.x - leftBox.x), box.y + (onBefore.y - leftBox.y));
    await expect.poll(() => stops().count()).toBeGreaterThanOrEqual(6);
    expect(await stops().count()).toBe(6);
    expect(near(await position(5), target)).toBe(true);
    await shortcut(page, 'Control+z');
    await expect.poll(() => stops().count()).toBe(5);
    // One map again: the draft on it, whichever side it shows.
    await page.selectOption('[data-testid="layout-select"]', 'single');
    const drawnOnOne = () =>
      page.evaluate(
        () => Object.values(window.__commuteshed!.maps).filter((m) => m.getLayer('editor-points')).length,
      );
    await expect.poll(drawnOnOne).toBe(1);
    // A new style (a basemap URL that is no style: the map falls back to its own) wipes the map's layers:
    // the draft is drawn again on the same map.
    const styles = () => page.evaluate(() => window.__commuteshed!.painted);
    const paintedBefore = await styles();
    await page.click('.basemap summary');
    await page.fill('[data-testid="basemap-url"]', new URL('/index.html', page.url()).href);
    await page.click('[data-testid="basemap-apply"]');
    await page.locator('[data-testid="message-error"]').waitFor({ timeout: 30_000 });
    await expect.poll(styles).toBeGreaterThan(paintedBefore);
    await waitForMapsIdle(page);
    await expect.poll(drawnOnOne).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
