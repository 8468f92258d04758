import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricOf } from '../../src/domain/metrics';
import { loadNetwork } from '../../src/io/network';
import { unwrap } from '../../src/io/result';
import type { ResultsDocument } from '../../src/io/schema/results';
import { classify, NO_PATH, scaleFor } from '../../src/ui/map/classes';
import { simulate } from '../support/headless';
import { pixelOf, sampleZones } from './mapProbe';
import { launch, openApp, screenshot, waitForMapsIdle, waitForResults } from './support';

/**
 * The app as a planner uses it (issue 11): real mouse and keyboard on the toy network, each defect the
 * planner met done the way the planner did it.
 */
const root = new URL('../../', import.meta.url).pathname;
const toy = unwrap(
  loadNetwork({ file: 'toy', text: readFileSync(`${root}networks/toy.network.json`, 'utf8') }),
);
const centroid = (id: string) => toy.zones.find((z) => z.id === id)!.centroid;
const timings: Record<string, number | string> = {};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  console.log('planner timings (ms):', timings);
});

/** The map's camera, to compare before and after a switch. */
const camera = (page: Page, side: string) =>
  page.evaluate((side) => {
    const m = window.__commuteshed!.maps[side]!;
    return { center: m.getCenter().toArray(), zoom: m.getZoom() };
  }, side);

/** Wait for a paint of data that starts after `t0`, and return how long after `t0` it came. */
async function paintedAfter(page: Page, t0: number): Promise<number> {
  await page.waitForFunction((t) => window.__commuteshed!.lastPaintAt > t, t0, { timeout: 60_000 });
  return (await page.evaluate(() => window.__commuteshed!.lastPaintAt)) - t0;
}

async function headlessToy(scenario: string): Promise<ResultsDocument> {
  const out = join(mkdtempSync(join(tmpdir(), 'commuteshed-')), 'r.json');
  await simulate('--network', 'networks/toy.network.json', '--scenario', scenario, '--out', out);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('the map as a planner moves through the views', () => {
  it('switches Before / After / Difference and the layout on the same map, keeping zoom and pan', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-rail-integration&view=before');
    await waitForResults(page);
    // Zoom in with the wheel and pan by dragging, as a planner frames the part of the region they study.
    const at = await pixelOf(page, 'before', centroid('z2_0'));
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -600);
    await waitForMapsIdle(page);
    await page.mouse.down();
    await page.mouse.move(at.x - 120, at.y + 60, { steps: 6 });
    await page.mouse.up();
    await waitForMapsIdle(page);
    const framed = await camera(page, 'before');
    expect(framed.zoom).toBeGreaterThan(10);
    // The map object itself is kept: a mark put on it now is still there after every switch.
    await page.evaluate(() => {
      (window.__commuteshed!.maps.before as unknown as { planner: string }).planner = 'same map';
    });
    const same = (side: string) =>
      page.evaluate((s) => (window.__commuteshed!.maps[s] as unknown as { planner?: string }).planner, side);

    for (const view of ['after', 'difference', 'before'] as const) {
      const t0 = await page.evaluate(() => performance.now());
      await page.click(`[data-testid="view-${view}"]`);
      timings[`view → ${view} painted`] = await paintedAfter(page, t0);
      await page.waitForSelector(`[data-testid="map-${view}"]`);
      expect(await same(view)).toBe('same map');
      expect(await camera(page, view)).toEqual(framed);
    }
    // Side by side: the map stays where it is (now the left one), the second joins it at its camera.
    const t0 = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="layout-select"]', 'side-by-side');
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    timings['layout → side by side painted'] = await paintedAfter(page, t0);
    await waitForMapsIdle(page);
    expect(await same('before')).toBe('same map');
    expect((await camera(page, 'after')).zoom).toBeCloseTo(framed.zoom, 9);
    expect((await camera(page, 'before')).zoom).toBeCloseTo(framed.zoom, 9);
    const t1 = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="layout-select"]', 'single');
    await page.waitForSelector('[data-testid="map-after"]', { state: 'detached' });
    timings['layout → one map'] = (await page.evaluate(() => performance.now())) - t1;
    expect(await same('before')).toBe('same map');
    expect((await camera(page, 'before')).zoom).toBeCloseTo(framed.zoom, 9);
    await screenshot(page, 'planner-views-kept');
    expect(errors).toEqual([]);
  });

  it('opens a shared address with view=after#map=… where it says', async () => {
    const { page, errors } = await openApp(
      browser,
      '?network=toy&scenario=toy-rail-integration&view=after#map=11.5/44.985/0.03',
    );
    await waitForResults(page);
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    await waitForMapsIdle(page);
    const { center, zoom } = await camera(page, 'after');
    expect(zoom).toBeCloseTo(11.5, 6);
    expect(center[0]).toBeCloseTo(0.03, 4);
    expect(center[1]).toBeCloseTo(44.985, 4);
    expect(new URL(page.url()).hash).toMatch(/^#map=11\.5\/44\.985\/0\.03/);
    expect(errors).toEqual([]);
  });
});

describe('routes and zones with the mouse', () => {
  it('shift-click sets the route destination; the tooltip names the zone id to type', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-express&view=after');
    await waitForResults(page);
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    const origin = await pixelOf(page, 'after', centroid('z-8_0'));
    await page.mouse.move(origin.x + 3, origin.y + 3);
    const tip = page.locator('[data-testid="map-tooltip"]');
    await expect.poll(() => tip.textContent()).toMatch(/z-8_0/);
    await page.mouse.click(origin.x + 3, origin.y + 3);
    await expect.poll(() => page.inputValue('[data-testid="origin-input"]')).toBe('z-8_0');
    const destination = await pixelOf(page, 'after', centroid('z6_0'));
    await page.keyboard.down('Shift');
    await page.mouse.click(destination.x + 3, destination.y + 3);
    await page.keyboard.up('Shift');
    await expect.poll(() => page.inputValue('[data-testid="destination-input"]')).toBe('z6_0');
    // The origin is kept, the route is computed both ways, and the map did not zoom to a box.
    expect(await page.inputValue('[data-testid="origin-input"]')).toBe('z-8_0');
    await page.locator('[data-testid="trip-After"] .legs').waitFor();
    expect(await page.evaluate(() => window.__commuteshed!.maps.after!.boxZoom.isEnabled())).toBe(false);
    await screenshot(page, 'planner-shift-click-route');
    expect(errors).toEqual([]);
  });

  it('a click under the default metric shows travel times from the zone, and the legend goes back', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    expect(await page.inputValue('[data-testid="metric-select"]')).toBe('time-to-core');
    const at = await pixelOf(page, 'before', centroid('z2_0'));
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.click(at.x + 3, at.y + 3);
    await expect.poll(() => page.inputValue('[data-testid="metric-select"]')).toBe('time-from-zone');
    timings['click → travel times from the zone painted'] = await paintedAfter(page, t0);
    const classes = (
      await sampleZones(
        page,
        'before',
        toy.zones.map((z) => z.centroid),
      )
    ).map((s) => s.cls);
    expect(new Set(classes.filter((c) => c !== null && c >= 0)).size).toBeGreaterThan(2);
    await page.click('[data-testid="metric-back"]');
    expect(await page.inputValue('[data-testid="metric-select"]')).toBe('time-to-core');
    expect(await page.locator('[data-testid="metric-back"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the tooltip says which metric, in its unit, and follows the metric and language', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    const at = await pixelOf(page, 'before', centroid('z2_0'));
    await page.mouse.move(at.x + 3, at.y + 3);
    const tip = page.locator('[data-testid="map-tooltip"]');
    await expect.poll(() => tip.textContent()).toMatch(/Time to the core: \d+\.\d min/);
    // The pointer stays where it is; the metric changes from the keyboard.
    await page.focus('[data-testid="metric-select"]');
    await page.selectOption('[data-testid="metric-select"]', 'jobs-45');
    await expect.poll(() => tip.textContent()).toMatch(/Jobs within 45 min: [\d,]+ jobs/);
    expect(await tip.textContent()).not.toMatch(/Value|Time to the core/);
    await page.selectOption('[data-testid="lang-select"]', 'zh');
    await expect.poll(() => tip.textContent()).toMatch(/45分钟可达岗位: [\d,]+ 个岗位/);
    expect(errors).toEqual([]);
  });
});

describe('scenarios do the obvious thing', () => {
  it('choosing a scenario shows its difference; an unfinished new line is pending, not an error', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    await page.selectOption('[data-testid="scenario-select"]', 'toy-rail-integration');
    await page.waitForSelector('[data-testid="map-difference"][data-ready="yes"]', { timeout: 60_000 });
    expect(await page.isChecked('[data-testid="view-difference"]')).toBe(true);
    // A new scenario with a new line that has no stops yet.
    await page.click('[data-testid="scenario-new"]');
    await page.selectOption('[data-testid="mod-type"]', 'add-line');
    await page.click('[data-testid="mod-add"]');
    await page.waitForSelector('[data-testid="scenario-pending"]');
    expect(await page.textContent('[data-testid="scenario-pending"]')).toMatch(/Not applied yet/);
    expect(await page.locator('.controls .warning').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('legends', () => {
  it('jobs difference: an unchanged zone is neutral, each class says how many jobs are lost or gained', async () => {
    const doc = await headlessToy('scenarios/toy-rail-integration.scenario.json');
    const { page, errors } = await openApp(
      browser,
      '?network=toy&scenario=toy-rail-integration&view=difference&metric=jobs-45',
    );
    await waitForResults(page);
    await page.waitForSelector('[data-testid="map-difference"][data-ready="yes"]');
    await waitForMapsIdle(page);
    const baseline = Float64Array.from(doc.zones, (z) => z.baseline.jobsWithin['45']!);
    const scale = scaleFor(metricOf('jobs-45')!, 'difference', baseline);
    const neutral = scale.colors.indexOf('#f7f7f7');
    const deltas = doc.zones.map((z) => z.delta!.jobsWithin['45']!);
    const expected = deltas.map((d) => classify(d, scale));
    const shown = (
      await sampleZones(
        page,
        'difference',
        toy.zones.map((z) => z.centroid),
      )
    ).map((s) => s.cls);
    expect(shown).toEqual(expected);
    const labels = await page.$$eval('[data-testid="legend-difference"] li[data-color]', (items) =>
      items.map((li) => li.textContent!.trim()),
    );
    deltas.forEach((d, z) => {
      const label = labels[expected[z]!]!;
      if (d === 0) expect(expected[z], `zone ${z}`).toBe(neutral);
      else if (d < 0) expect(label, `zone ${z}: ${d}`).toMatch(/fewer jobs/);
      else if (expected[z] !== neutral) expect(label, `zone ${z}: ${d}`).toMatch(/more jobs/);
    });
    expect(deltas.some((d) => d === 0) && deltas.some((d) => d > 0)).toBe(true);
    await screenshot(page, 'planner-jobs-difference');
    expect(errors).toEqual([]);
  });

  it('time classes go on past 90 min, and no path is labelled as such', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    const labels = await page.$$eval('[data-testid="legend-before"] li[data-color]', (items) =>
      items.map((li) => li.textContent!.trim()),
    );
    // The classes the unit tests pin (classes.test.ts), past 90 min, then "No path".
    expect(labels).toEqual([...scaleFor(metricOf('time-to-core')!, 'before').labels, 'No path']);
    expect(labels).toContain('120–150 min');
    expect(errors).toEqual([]);
  });

  it('in Chinese: legends, units and the Add button read in Chinese, on one line', async () => {
    const { page, errors } = await openApp(
      browser,
      '?network=toy&scenario=toy-rail-integration&view=difference&metric=jobs-45&lang=zh',
    );
    await waitForResults(page);
    await page.waitForSelector('[data-testid="legend-difference"]');
    const jobs = await page.textContent('[data-testid="legend-difference"]');
    expect(jobs).toMatch(/岗位/);
    expect(jobs).not.toMatch(/jobs|fewer|more|no change/);
    await page.selectOption('[data-testid="metric-select"]', 'time-to-core');
    const time = await page.textContent('[data-testid="legend-difference"]');
    expect(time).toMatch(/快.*分钟/);
    expect(time).not.toMatch(/\bmin\b|quicker|slower/);
    await page.click('[data-testid="view-before"]');
    expect(await page.textContent('[data-testid="legend-before"]')).toMatch(/≤ 15 分钟/);
    // 添加 ("Add") beside the modification type: one line, as high as the select next to it.
    await page.click('[data-testid="scenario-duplicate"]');
    const add = (await page.locator('[data-testid="mod-add"]').boundingBox())!;
    const select = (await page.locator('[data-testid="mod-type"]').boundingBox())!;
    expect(await page.textContent('[data-testid="mod-add"]')).toBe('添加');
    expect(add.height).toBeLessThan(select.height * 1.5);
    expect(add.width).toBeGreaterThan(add.height);
    await screenshot(page, 'planner-zh-legend');
    expect(errors).toEqual([]);
  });
});

describe('the distribution chart', () => {
  it('puts before and after side by side (never stacked) and says which people have no path', async () => {
    const doc = await headlessToy('scenarios/toy-rail-integration.scenario.json');
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-rail-integration');
    await waitForResults(page);
    const chart = page.locator('[data-testid="distribution-chart"]');
    await chart.locator('svg').first().waitFor();
    // Bars carry "<side> <band>: <people>" as their title; each is one side's people in one band.
    const bars = await chart.locator('rect').evaluateAll((rects) =>
      rects
        .map((r) => ({
          title: r.querySelector('title')?.textContent ?? '',
          x: r.getBoundingClientRect().x,
          height: r.getBoundingClientRect().height,
        }))
        .filter((b) => b.title),
    );
    const people = (title: string) => Number(title.split(': ')[1]!.replace(/,/g, ''));
    const noPath = bars.filter((b) => / no path: /.test(b.title));
    expect(noPath.map((b) => people(b.title))).toEqual([
      Math.round(doc.summary.baseline.populationWithoutPathToCore),
      Math.round(doc.summary.scenario!.populationWithoutPathToCore),
    ]);
    // Grouped: no two bars share a horizontal position; heights proportional to people (not stacked).
    expect(new Set(bars.map((b) => Math.round(b.x))).size).toBe(bars.length);
    const tallest = bars.reduce((a, b) => (b.height > a.height ? b : a));
    for (const b of bars.filter((x) => people(x.title) > 0))
      expect(b.height / tallest.height).toBeCloseTo(people(b.title) / people(tallest.title), 1);
    expect(errors).toEqual([]);
  });
});

describe('the basemap setting', () => {
  it('a basemap URL that is not a style: the error is shown, the map falls back, nothing bad is saved', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    await page.click('.basemap summary');
    await page.fill('[data-testid="basemap-url"]', new URL('/index.html', page.url()).href);
    await page.click('[data-testid="basemap-apply"]');
    const message = page.locator('[data-testid="message-error"]');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toMatch(/basemap could not be loaded/);
    await page.waitForSelector('[data-testid="map-before"][data-ready="yes"]');
    await waitForMapsIdle(page);
    const painted = await sampleZones(
      page,
      'before',
      toy.zones.map((z) => z.centroid),
    );
    expect(
      painted.filter((s) => s.rgb !== null && s.cls !== null && s.cls !== NO_PATH).length,
    ).toBeGreaterThan(10);
    expect(await page.evaluate(() => localStorage.getItem('commuteshed.basemap'))).toBeNull();
    // Opened again, the map is there at once (the bad URL was not kept).
    const again = await openApp(browser, '?network=toy');
    await waitForResults(again.page);
    expect(await again.page.locator('[data-testid="message-error"]').count()).toBe(0);
    expect([...errors, ...again.errors]).toEqual([]);
  });
});
