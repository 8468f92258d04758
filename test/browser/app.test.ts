import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { blend, close, hexToRgb, sampleZones } from './mapProbe';
import { ARTIFACTS, launch, openApp, screenshot, waitForResults } from './support';

const root = new URL('../../', import.meta.url).pathname;
const toy = unwrap(
  loadNetwork({ file: 'toy', text: readFileSync(`${root}networks/toy.network.json`, 'utf8') }),
);
const centroids = toy.zones.map((z) => z.centroid);
const BACKGROUND = hexToRgb('#eef0f2');
const FILL_OPACITY = 0.78;
const timings: Record<string, number> = {};

/** The headless run's results for `scenario` on the toy network. */
async function simulateToy(scenario: string): Promise<ResultsDocument> {
  const out = join(mkdtempSync(join(tmpdir(), 'commuteshed-')), 'r.json');
  await simulate('--network', 'networks/toy.network.json', '--scenario', scenario, '--out', out);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** The legend's colours in class order (the last is "no path"). */
async function legendColors(page: Page, side: string): Promise<string[]> {
  return page.$$eval(`[data-testid="legend-${side}"] li[data-color]`, (items) =>
    items.map((li) => li.getAttribute('data-color')!),
  );
}

/** Every sampled zone is painted in its legend colour. */
async function expectMapMatchesLegend(page: Page, side: string): Promise<number> {
  const colors = await legendColors(page, side);
  const samples = await sampleZones(page, side, centroids);
  const painted = samples.filter((s) => s.rgb !== null && s.cls !== null);
  expect(painted.length).toBeGreaterThan(10);
  for (const s of painted) {
    const legend = s.cls === NO_PATH ? colors.at(-1)! : colors[s.cls!]!;
    const expected = blend(hexToRgb(legend), BACKGROUND, FILL_OPACITY);
    expect(
      close(s.rgb!, expected),
      `zone ${toy.zones[s.zone]!.id}: pixel ${s.rgb} vs legend ${legend} → ${expected}`,
    ).toBe(true);
  }
  return new Set(painted.map((s) => s.cls)).size;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(`${ARTIFACTS}timings-app.json`, `${JSON.stringify(timings, null, 2)}\n`);
  console.log('app timings (ms):', timings);
});

describe('the app on the toy network', () => {
  it('colours the zones from a clicked zone exactly as the legend says', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&metric=time-from-zone');
    await waitForResults(page);
    // Click the zone at the centre (Central), through the map like a planner.
    const canvas = page.locator('[data-testid="map-before"] canvas');
    const box = (await canvas.boundingBox())!;
    const target = await page.evaluate(
      (c) => window.__commuteshed!.maps.before!.project(c as [number, number]),
      toy.zones.find((z) => z.id === 'z0_0')!.centroid,
    );
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.click(box.x + target.x + 6, box.y + target.y + 6);
    await page
      .waitForFunction(
        () => (document.querySelector('[data-testid="origin-input"]') as HTMLInputElement).value === 'z0_0',
      )
      .catch(async (e) => {
        await screenshot(page, 'app-isochrone-click-failed');
        throw new Error(
          `the click did not select zone z0_0 (origin: "${await page.inputValue('[data-testid="origin-input"]')}"): ${e}`,
        );
      });
    await page.waitForFunction((t) => window.__commuteshed!.lastPaintAt > t, t0, { timeout: 60_000 });
    timings['click → isochrone painted'] =
      (await page.evaluate(() => window.__commuteshed!.lastPaintAt)) - t0;
    const classes = await expectMapMatchesLegend(page, 'before');
    expect(classes).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'app-isochrone-toy');
    expect(errors).toEqual([]);
  });

  it('shows the scenario difference and summary figures equal to npm run simulate', async () => {
    const scenarioFile = 'scenarios/toy-rail-integration.scenario.json';
    const [doc, { page, errors }] = await Promise.all([
      simulateToy(scenarioFile),
      openApp(browser, '?network=toy&view=difference'),
    ]);
    await waitForResults(page);
    // Opened on time to the core: the map is coloured as soon as the baseline is computed.
    timings['load → first coloured map'] = await page.evaluate(
      () => window.__commuteshed!.marks['first-coloured-map']?.[0] ?? Number.NaN,
    );
    const t0 = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="scenario-select"]', 'toy-rail-integration');
    await page.waitForSelector('[data-testid="map-difference"][data-ready="yes"]');
    await page.waitForFunction(
      (t) => window.__commuteshed!.lastPaintAt > t && !document.querySelector('[data-testid="progress"]'),
      t0,
      { timeout: 120_000 },
    );
    timings['scenario switch → difference painted'] =
      (await page.evaluate(() => window.__commuteshed!.lastPaintAt)) - t0;

    // Summary: the same numbers as the headless run.
    const cell = (row: string, col: number) =>
      page.getAttribute(`[data-testid="summary-${row}"] td:nth-of-type(${col})`, 'data-value');
    const s = doc.summary;
    expect(Number(await cell('time-to-core', 1))).toBe(s.baseline.meanTimeToCoreMinutes);
    expect(Number(await cell('time-to-core', 2))).toBe(s.scenario!.meanTimeToCoreMinutes);
    expect(Number(await cell('time-to-core', 3))).toBe(s.delta!.meanTimeToCoreMinutes);
    expect(Number(await cell('jobs-60', 3))).toBe(s.delta!.jobsWithin['60']);
    expect(Number(await cell('circlePopulation', 2))).toBe(s.scenario!.commuteCircle.population);
    expect(Number(await cell('gaining5', 3))).toBe(s.delta!.peopleGaining['5']);
    expect(Number(await cell('gaining10', 3))).toBe(s.delta!.peopleGaining['10']);
    expect(s.delta!.peopleGaining['5']).toBeGreaterThan(0);

    // Difference map: each zone's class is the class of the headless per-zone delta; a zone with no
    // path before or after is shown as "no path" rather than "no change".
    const scale = scaleFor(metricOf('time-to-core')!, 'difference');
    const expected = doc.zones.map((z) =>
      z.baseline.timeToCoreMinutes === null && z.scenario!.timeToCoreMinutes === null
        ? NO_PATH
        : classify(z.delta!.timeToCoreMinutes, scale),
    );
    const samples = await sampleZones(page, 'difference', centroids);
    expect(samples.map((x) => x.cls)).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(1);
    await expectMapMatchesLegend(page, 'difference');
    await screenshot(page, 'app-difference-toy');
    expect(errors).toEqual([]);
  });

  it('compares before and after side by side and with a swipe, the maps moving together', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-rail-integration&view=after');
    await waitForResults(page);
    await page.selectOption('[data-testid="layout-select"]', 'side-by-side');
    await page.waitForSelector('[data-testid="map-before"][data-ready="yes"]');
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    await waitForResults(page);
    const boxes = await Promise.all(
      ['before', 'after'].map((s) => page.locator(`[data-testid="map-${s}"]`).boundingBox()),
    );
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width / 2);
    // Panning one map pans the other.
    await page.evaluate(() =>
      window.__commuteshed!.maps.before!.jumpTo({ center: [0.05, 45.01], zoom: 10.5 }),
    );
    const centre = await page.evaluate(() => window.__commuteshed!.maps.after!.getCenter().toArray());
    expect(centre[0]).toBeCloseTo(0.05, 6);
    expect(centre[1]).toBeCloseTo(45.01, 6);
    // Each side shows its own network: the scenario's map highlights the changed line.
    const changed = await page.evaluate(
      () =>
        window.__commuteshed!.maps.after!.querySourceFeatures('lines', {
          filter: ['!=', ['get', 'changed'], ''],
        }).length,
    );
    expect(changed).toBeGreaterThan(0);
    await screenshot(page, 'app-side-by-side');
    await page.selectOption('[data-testid="layout-select"]', 'swipe');
    await waitForResults(page);
    const swipe = page.locator('.swipe-handle');
    await swipe.fill('30');
    expect(
      await page.locator('[data-testid="map-after"]').evaluate((el) => getComputedStyle(el).clipPath),
    ).toMatch(/30%/);
    await screenshot(page, 'app-swipe');
    expect(errors).toEqual([]);
  });

  it('shows both routes as legs with times, the same as the engine computes', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-express');
    await waitForResults(page);
    await page.fill('[data-testid="origin-input"]', 'z-8_0');
    await page.press('[data-testid="origin-input"]', 'Enter');
    await page.fill('[data-testid="destination-input"]', 'z6_0');
    await page.press('[data-testid="destination-input"]', 'Enter');
    const before = page.locator('[data-testid="trip-Before"]');
    const after = page.locator('[data-testid="trip-After"]');
    await before.locator('.legs').waitFor();
    await after.locator('.legs').waitFor();
    const minutes = async (trip: typeof before) =>
      Number(await trip.locator('.total').getAttribute('data-minutes'));
    expect(await minutes(after)).toBeLessThan(await minutes(before));
    expect(await before.locator('.leg.ride').count()).toBeGreaterThanOrEqual(1);
    // The first leg is the way to the station: walking, a bike or a bus, with its distance.
    expect(await after.locator('.leg').first().textContent()).toMatch(/^(Walk|Bike|Bus) \d+\.\d km/);
    // The route is drawn on the map (setData reaches the map's worker asynchronously: poll).
    await expect
      .poll(() => page.evaluate(() => window.__commuteshed!.maps.before!.querySourceFeatures('route').length))
      .toBeGreaterThan(0);
    await screenshot(page, 'app-route-toy');
    expect(errors).toEqual([]);
  });

  it('lists every problem of a broken scenario file and keeps the current view', async () => {
    const { page, errors } = await openApp(browser, '?network=toy&scenario=toy-express');
    await waitForResults(page);
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const broken = join(dir, 'broken.scenario.json');
    writeFileSync(
      broken,
      JSON.stringify({
        format: 'commuteshed.scenario/1',
        id: 'broken',
        name: 'Broken',
        description: '',
        network: 'toy',
        modifications: [
          { type: 'set-headway', line: 'no-such-line', headways: { 'am-peak': 120 } },
          { type: 'adjust-speed', line: 'm1', speedFactor: 0 },
        ],
      }),
    );
    await page.setInputFiles('[data-testid="file-input"]', broken);
    const message = page.locator('[data-testid="message-error"]');
    await message.waitFor();
    const text = await message.textContent();
    expect(text).toMatch(/broken\.scenario\.json/);
    expect(text).toMatch(/\$\.modifications\[0\]\.line.*unknown line "no-such-line"/);
    expect(text).toMatch(/\$\.modifications\[1\]\.speedFactor/);
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('toy-express');
    expect(await page.locator('[data-testid="summary"]').isVisible()).toBe(true);
    await screenshot(page, 'app-broken-scenario');
    expect(errors).toEqual([]);
  });

  it('switches language and period, keeping the view in the URL', async () => {
    const { page, errors } = await openApp(browser, '?network=toy');
    await waitForResults(page);
    await page.selectOption('[data-testid="lang-select"]', 'zh');
    await page.check('[data-testid="period-off-peak"]');
    await waitForResults(page);
    expect(await page.textContent('header h1')).toMatch(/通勤圈/);
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('zh');
    expect(url.searchParams.get('period')).toBe('off-peak');
    // Reopening the address restores the view.
    const again = await openApp(browser, `${url.search}${url.hash}`);
    await waitForResults(again.page);
    expect(await again.page.isChecked('[data-testid="period-off-peak"]')).toBe(true);
    expect(await again.page.inputValue('[data-testid="lang-select"]')).toBe('zh');
    expect([...errors, ...again.errors]).toEqual([]);
  });
});

describe('a new user', () => {
  it('sees the Beijing–Tianjin–Hebei network and its commute map by default', async () => {
    const { page, errors } = await openApp(browser, '');
    await waitForResults(page, 240_000);
    expect(await page.inputValue('[data-testid="network-select"]')).toBe('jjj');
    timings['jjj: load → first coloured map'] = await page.evaluate(
      () => window.__commuteshed!.marks['first-coloured-map']?.[0] ?? Number.NaN,
    );
    timings['jjj: baseline computed (ms)'] = await page.evaluate(
      () => window.__commuteshed!.marks.compare?.[0] ?? Number.NaN,
    );
    // Click → isochrone painted, on the real network (a zone in central Beijing, by keyboard-free click).
    await page.selectOption('[data-testid="metric-select"]', 'time-from-zone');
    await waitForResults(page);
    const box = (await page.locator('[data-testid="map-before"] canvas').boundingBox())!;
    // Two clicks straight onto a zone, then two after the pointer rested on the zone (as a planner's does),
    // when its isochrone is fetched ahead. Timed from the click event's own timestamp (not the driver's
    // input round trips): to the first frame drawn with the new colours, and to the map at rest.
    for (const k of [0, 1, 2, 3]) {
      const c = await page.evaluate(() => window.__commuteshed!.maps.before!.project([116.397, 39.908]));
      const [x, y] = [box.x + c.x + 12 * k, box.y + c.y];
      const how = k < 2 ? 'straight' : 'after hovering';
      if (k >= 2) {
        await page.mouse.move(x, y);
        await page.waitForTimeout(300);
      }
      const tc = await page.evaluate(() => performance.now());
      await page.mouse.click(x, y);
      await page.waitForFunction(
        (t) => {
          const s = window.__commuteshed!;
          return s.lastPaintAt > t && (s.marks['drawn-before']?.at(-1) ?? 0) > t;
        },
        tc,
        { timeout: 60_000 },
      );
      const [drawnAt, paintAt, clickAt] = await page.evaluate(() => [
        window.__commuteshed!.marks['drawn-before']!.at(-1)!,
        window.__commuteshed!.lastPaintAt,
        window.__commuteshed!.marks.click?.at(-1) ?? Number.NaN,
      ]);
      timings[`jjj: click → colours drawn (#${k + 1}, ${how})`] = drawnAt - clickAt;
      timings[`jjj: click → map at rest (#${k + 1}, ${how})`] = paintAt - clickAt;
    }
    await screenshot(page, 'app-jjj-isochrone');
    await page.selectOption('[data-testid="metric-select"]', 'time-to-core');
    const t0 = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="scenario-select"]', 'jjj-pinggu-line-22');
    await page.waitForFunction(
      (t) => window.__commuteshed!.lastPaintAt > t && !document.querySelector('[data-testid="progress"]'),
      t0,
      { timeout: 120_000 },
    );
    timings['jjj: scenario switch → painted'] =
      (await page.evaluate(() => window.__commuteshed!.lastPaintAt)) - t0;
    timings['jjj: baseline + scenario compute (ms)'] = await page.evaluate(
      () => window.__commuteshed!.marks.compare?.at(-1) ?? Number.NaN,
    );
    await screenshot(page, 'app-jjj-pinggu');
    expect(errors).toEqual([]);
  });
});
