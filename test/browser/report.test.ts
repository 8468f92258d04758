import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../support/headless';
import { downloadOf, downloadText } from './editorHelpers';
import {
  type AppPage,
  ARTIFACTS,
  launch,
  openApp,
  screenshot,
  waitForMapsIdle,
  waitForResults,
} from './support';

/**
 * Report-ready output on the Beijing–Tianjin–Hebei network with the Line 22 scenario, as a planner
 * prepares a briefing: orient on the map, compare the views, read the district table, export the map and
 * print the one-page report. One page of the app for all steps (JJJ takes a while to compute).
 */
const dir = mkdtempSync(join(tmpdir(), 'commuteshed-report-'));
const timings: Record<string, number> = {};
let browser: Browser;
let app: AppPage;
let page: Page;
/** The headless run of the same scenario (`npm run simulate`), started at once: it takes a few seconds. */
let headless: Promise<unknown>;

beforeAll(async () => {
  browser = await launch();
  headless = simulate(
    '--network',
    'networks/jjj.network.json',
    '--scenario',
    'scenarios/jjj-pinggu-line-22.scenario.json',
    '--out',
    join(dir, 'cli.json'),
  );
  app = await openApp(browser, '?scenario=jjj-pinggu-line-22&view=difference');
  page = app.page;
  await waitForResults(page, 240_000);
  await page.waitForSelector('[data-testid="map-difference"][data-ready="yes"]');
  await waitForMapsIdle(page);
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(`${ARTIFACTS}timings-report.json`, `${JSON.stringify(timings, null, 2)}\n`);
  console.log('report timings (ms):', timings);
});

/** Rendered features of some layers of the map showing `side` (labels placed, lines drawn). */
const rendered = (side: string, layers: string[]) =>
  page.evaluate(
    ({ side, layers }) =>
      window
        .__commuteshed!.maps[side]!.queryRenderedFeatures({ layers })
        .map(
          (f): Record<string, string> => ({ layer: f.layer.id, ...(f.properties as Record<string, string>) }),
        ),
    { side, layers },
  );

async function jumpTo(side: string, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ side, center, zoom }) => window.__commuteshed!.maps[side]!.jumpTo({ center, zoom }),
    { side, center, zoom },
  );
  await waitForMapsIdle(page);
}

describe('orientation on the JJJ map', () => {
  it('draws districts, subdistricts and stations named by zoom, the core, in English and Chinese', async () => {
    await jumpTo('difference', [116.45, 40.05], 7.6);
    const districts = await rendered('difference', ['boundary-labels-district']);
    const names = districts.map((d) => d.en);
    for (const n of ['Dongcheng', 'Pinggu', 'Tongzhou', 'Sanhe (Yanjiao)']) expect(names).toContain(n);
    expect((await rendered('difference', ['boundaries-district'])).length).toBeGreaterThan(10);
    expect(await rendered('difference', ['boundary-labels-subdistrict'])).toEqual([]);
    expect((await rendered('difference', ['core-marker'])).length).toBe(4);
    await screenshot(page, 'report-jjj-orientation-region');

    // Around Tiananmen at zoom 11: subdistricts and rail stations by name, the core named.
    await jumpTo('difference', [116.397, 39.908], 11.2);
    const subs = await rendered('difference', ['boundary-labels-subdistrict']);
    expect(subs.map((s) => s.zh)).toContain('东华门街道');
    expect(subs.length).toBeGreaterThan(15);
    expect((await rendered('difference', ['station-labels-rail'])).length).toBeGreaterThan(0);
    expect((await rendered('difference', ['core-labels'])).map((c) => c.en)).toContain('Tiananmen');
    await screenshot(page, 'report-jjj-orientation-city');
    await jumpTo('difference', [116.397, 39.908], 12.6);
    expect((await rendered('difference', ['station-labels-metro'])).length).toBeGreaterThan(5);

    // Legible over every metric: the labels sit above the zone colours whatever they are.
    await jumpTo('difference', [116.397, 39.908], 11.2);
    await page.selectOption('[data-testid="lang-select"]', 'zh');
    await waitForMapsIdle(page);
    expect(
      await page.evaluate(() =>
        JSON.stringify(
          window.__commuteshed!.maps.difference!.getLayoutProperty(
            'boundary-labels-subdistrict',
            'text-field',
          ),
        ),
      ),
    ).toMatch(/^\["coalesce",\["get","zh"\]/);
    for (const metric of ['time-to-core', 'jobs-45'])
      for (const view of ['before', 'difference']) {
        await page.selectOption('[data-testid="metric-select"]', metric);
        await page.click(`[data-testid="view-${view}"]`);
        await waitForMapsIdle(page);
        await screenshot(page, `report-jjj-labels-zh-${metric}-${view}`);
      }
    await page.selectOption('[data-testid="lang-select"]', 'en');
    await page.selectOption('[data-testid="metric-select"]', 'time-to-core');
    await page.click('[data-testid="view-difference"]');
    await waitForMapsIdle(page);
    expect(app.errors).toEqual([]);
  });

  it('switches views on the real network in well under a second, the camera kept', async () => {
    await jumpTo('difference', [116.6, 39.95], 9.4);
    // Timed from the input event's own timestamp (not the driver's round trips, which wait for frames).
    await page.evaluate(() => {
      document.addEventListener(
        'change',
        (e) => ((window as unknown as { inputAt: number }).inputAt = e.timeStamp),
        true,
      );
    });
    const spent: Record<string, number[]> = {};
    for (const view of ['after', 'before', 'difference', 'after', 'before', 'difference']) {
      const t0 = await page.evaluate(() => performance.now());
      await page.click(`[data-testid="view-${view}"]`);
      await page.waitForFunction(
        ({ t, view }) => (window.__commuteshed!.marks[`drawn-${view}`]?.at(-1) ?? 0) > t,
        { t: t0, view },
      );
      const [input, recoloured, drawn] = await page.evaluate(
        (v) => [
          (window as unknown as { inputAt: number }).inputAt,
          window.__commuteshed!.marks[`recolour-${v}`]!.at(-1)!,
          window.__commuteshed!.marks[`drawn-${v}`]!.at(-1)!,
        ],
        view,
      );
      spent[view] = [...(spent[view] ?? []), drawn - input];
      timings[`jjj: view → ${view}, input → recoloured (max)`] = Math.max(
        timings[`jjj: view → ${view}, input → recoloured (max)`] ?? 0,
        recoloured - input,
      );
      const z = await page.evaluate((v) => window.__commuteshed!.maps[v]!.getZoom(), view);
      expect(z).toBeCloseTo(9.4, 9);
    }
    for (const [view, list] of Object.entries(spent))
      timings[`jjj: view → ${view}, input → first frame drawn`] = Math.max(...list);
    const t0 = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="layout-select"]', 'side-by-side');
    await page.waitForSelector('[data-testid="map-after"][data-ready="yes"]');
    await page.waitForFunction((t) => (window.__commuteshed!.marks['drawn-after']?.at(-1) ?? 0) > t, t0);
    timings['jjj: layout → side by side, second map drawn'] =
      (await page.evaluate(() => window.__commuteshed!.marks['drawn-after']!.at(-1)!)) - t0;
    expect(await page.evaluate(() => window.__commuteshed!.maps.after!.getZoom())).toBeCloseTo(9.4, 9);
    await waitForMapsIdle(page);
    await screenshot(page, 'report-jjj-side-by-side');
    await page.selectOption('[data-testid="layout-select"]', 'single');
    await waitForMapsIdle(page);
    expect(app.errors).toEqual([]);
  });
});

describe('district table', () => {
  it('sorts with the mouse and the keyboard, filters subdistricts, and exports the same numbers as the headless run', async () => {
    await page.click('[data-testid="districts-open"]');
    const table = page.locator('[data-testid="districts-table"]');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(25);
    const column = async (key: string) =>
      (await table
        .locator(`tbody td[data-key="${key}"]`)
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))))) as number[];
    // People gaining ≥ 5 min, most first (a click), then fewest first (Enter on the focused heading).
    await page.click('[data-testid="sort-gaining-5"]');
    const gaining = await column('gaining-5');
    expect(gaining).toEqual([...gaining].sort((a, b) => b - a));
    expect(await rows.first().getAttribute('data-id')).toBe('131082'); // Sanhe (Yanjiao)
    await page.focus('[data-testid="sort-gaining-5"]');
    await page.keyboard.press('Enter');
    const ascending = await column('gaining-5');
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await table.locator('th[aria-sort="ascending"]').count()).toBe(1);
    // The change in time to the core, quickest first: Pinggu, which Line 22 reaches.
    await page.click('[data-testid="sort-time-to-core-delta"]');
    await page.click('[data-testid="sort-time-to-core-delta"]');
    expect(await rows.first().getAttribute('data-id')).toBe('110117');
    await screenshot(page, 'report-jjj-district-table');

    // Subdistricts of Pinggu only.
    await page.check('[data-testid="districts-level-subdistrict"]');
    expect(await rows.count()).toBeGreaterThan(300);
    await page.selectOption('[data-testid="districts-within"]', '110117');
    const pinggu = await rows.count();
    expect(pinggu).toBeGreaterThan(10);
    expect(pinggu).toBeLessThan(20);

    // CSV and results JSON: the numbers of `npm run simulate`.
    const csv = await downloadText(page, () => page.click('[data-testid="districts-csv"]'));
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(
      /^level,id,district,name_en,name_zh,zones,population,baseline_meanTimeToCoreMinutes,/,
    );
    const json = await downloadText(page, () => page.click('[data-testid="export-json"]'));
    await headless;
    const cli = JSON.parse(readFileSync(join(dir, 'cli.json'), 'utf8'));
    const doc = JSON.parse(json.text);
    expect(doc.districts).toEqual(cli.districts);
    expect(lines).toHaveLength(doc.districts.length + 1);
    const pingguRow = lines.find((l) => l.startsWith('district,110117,'))!.split(',');
    const header = lines[0]!.split(',');
    const cell = (name: string) => Number(pingguRow[header.indexOf(name)]);
    const pg = cli.districts.find((d: { id: string }) => d.id === '110117');
    expect(cell('delta_meanTimeToCoreMinutes')).toBe(pg.delta.meanTimeToCoreMinutes);
    expect(cell('delta_peopleGaining10')).toBe(pg.delta.peopleGaining['10']);
    await page.click('[data-testid="districts-close"]');
    expect(app.errors).toEqual([]);
  });
});

describe('report-ready exports', () => {
  it('exports the map as a PNG with title, legend, scale bar and attribution at print resolution', async () => {
    await jumpTo('difference', [116.62, 40.02], 8.6);
    const box = (await page.locator('[data-testid="map-difference"] canvas').boundingBox())!;
    for (let k = 0; k < 3; k++) {
      const png = await downloadOf(page, () => page.click('[data-testid="export-png"]'));
      const file = await png.path();
      if (k === 0) {
        writeFileSync(`${ARTIFACTS}report-jjj-export.png`, readFileSync(file));
        expect(png.suggestedFilename()).toBe('jjj-jjj-pinggu-line-22-am-peak-difference.png');
      }
    }
    const [total, draw, encode] = await page.evaluate(() =>
      ['export-png', 'png-draw', 'png-encode'].map((m) => window.__commuteshed!.marks[m]!.slice(-3)),
    );
    total!.forEach((ms, k) => {
      timings[`jjj: PNG export #${k + 1}: click → PNG bytes`] = ms;
      timings[`jjj: PNG export #${k + 1}: map drawn at 2× and composed`] = draw![k]!;
      timings[`jjj: PNG export #${k + 1}: PNG encoded`] = encode![k]!;
    });
    const bytes = readFileSync(`${ARTIFACTS}report-jjj-export.png`);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(Math.round(box.width * 2));
    expect(height).toBeGreaterThan(box.height * 2);
    // Read back in the page: white title band with dark text, the map, the legend's first colour.
    const probe = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, 90).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 80) dark++;
      return { dark, corner: [...ctx.getImageData(2, 2, 1, 1).data] };
    }, bytes.toString('base64'));
    expect(probe.corner).toEqual([255, 255, 255, 255]);
    expect(probe.dark).toBeGreaterThan(200);
    expect(app.errors).toEqual([]);
  });

  it('prints a one-page report with both maps, the summary, the chart and the district table', async () => {
    const t0 = Date.now();
    await page.click('[data-testid="export-report"]');
    const report = page.locator('[data-testid="report"]');
    await report.waitFor({ timeout: 60_000 });
    timings['jjj: report ready (two maps drawn)'] = Date.now() - t0;
    for (const side of ['before', 'after']) {
      const img = page.locator(`[data-testid="report-map-${side}"]`);
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
        .toBeGreaterThan(1000);
    }
    expect(await report.locator('[data-testid="summary"]').count()).toBe(1);
    expect(await report.locator('[data-testid="distribution-chart"] svg').count()).toBeGreaterThan(0);
    expect(await report.locator('[data-testid="report-districts"] tbody tr').count()).toBe(25);
    await screenshot(page, 'report-jjj-report-screen');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(`${ARTIFACTS}report-jjj.pdf`, pdf);
    const pages = /\/Type\s*\/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1];
    expect(pages).toBe('1');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
