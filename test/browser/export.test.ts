import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadH5Node } from '../../src/io/omx/node';
import { openOmx } from '../../src/io/omx/reader';
import { brokenToyScenario, simulate } from '../support/headless';
import { downloadOf, downloadText, waitForCommit, waitForComputed } from './editorHelpers';
import { type AppPage, launch, openApp } from './support';

const root = new URL('../../', import.meta.url).pathname;
/** The headless run (`npm run simulate`) on the toy network. */
const simulateToy = (...args: string[]) => simulate('--network', 'networks/toy.network.json', ...args);
const withoutTimestamp = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateResults = ajv.compile(
  JSON.parse(readFileSync(join(root, 'schemas/results.schema.json'), 'utf8')),
);
const schemaErrors = (doc: unknown) =>
  validateResults(doc) ? [] : (validateResults.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

let browser: Browser;
let app: AppPage;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'commuteshed-export-'));

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, '?network=toy');
  page = app.page;
  await waitForComputed(page);
  // The bundled express scenario, edited (a copy is made): walk-on suburban rail on top.
  await page.selectOption('[data-testid="scenario-select"]', 'toy-express');
  await page.selectOption('[data-testid="mod-type"]', 'set-processing');
  await page.click('[data-testid="mod-add"]');
  await page.fill('[data-testid="processing-entry"]', '1.5');
  await waitForCommit(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('exports', () => {
  it('exports results JSON that passes the shipped schema and equals the headless run, with and without the matrix', async () => {
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('toy-express-copy');
    const scenario = await downloadText(page, () => page.click('[data-testid="scenario-export"]'));
    expect(scenario.name).toBe('toy-express-copy.scenario.json');
    const scenarioFile = join(dir, scenario.name);
    writeFileSync(scenarioFile, scenario.text);
    const headless = Promise.all([
      simulateToy('--scenario', scenarioFile, '--out', join(dir, 'cli.json')),
      simulateToy('--scenario', scenarioFile, '--matrix', '--out', join(dir, 'cli-matrix.json')),
    ]);

    const plain = await downloadText(page, () => page.click('[data-testid="export-json"]'));
    expect(plain.name).toBe('toy-toy-express-copy-am-peak.results.json');
    const doc = JSON.parse(plain.text);
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.scenario.modifications.map((m: { type: string }) => m.type)).toEqual([
      'add-pattern',
      'set-headway',
      'set-processing',
    ]);
    expect(doc.matrix).toBeUndefined();

    await page.check('[data-testid="export-matrix"]');
    const full = await downloadText(page, () => page.click('[data-testid="export-json"]'));
    const withMatrix = JSON.parse(full.text);
    expect(schemaErrors(withMatrix)).toEqual([]);
    expect(withMatrix.matrix.baseline).toHaveLength(79);
    expect(withMatrix.matrix.scenario[0]).toHaveLength(79);
    await page.uncheck('[data-testid="export-matrix"]');

    await headless;
    writeFileSync(join(dir, 'browser.json'), plain.text); // kept beside the CLI outputs for a diff when this fails
    expect(withoutTimestamp(plain.text)).toBe(withoutTimestamp(readFileSync(join(dir, 'cli.json'), 'utf8')));
    expect(withoutTimestamp(full.text)).toBe(
      withoutTimestamp(readFileSync(join(dir, 'cli-matrix.json'), 'utf8')),
    );
    expect(app.errors).toEqual([]);
  });

  it('exports the matrices as OMX, cell for cell those of the headless run', async () => {
    const scenario = await downloadText(page, () => page.click('[data-testid="scenario-export"]'));
    const scenarioFile = join(dir, `omx-${scenario.name}`);
    writeFileSync(scenarioFile, scenario.text);
    const headless = simulateToy(
      '--scenario',
      scenarioFile,
      '--omx',
      join(dir, 'cli.omx'),
      '--out',
      join(dir, 'omx.json'),
    );
    const download = await downloadOf(page, () => page.click('[data-testid="export-omx"]'));
    expect(download.suggestedFilename()).toBe('toy-toy-express-copy-am-peak.omx');
    await headless;
    const h5 = await loadH5Node();
    const matrices = (file: string) => {
      const omx = openOmx(h5, file);
      try {
        expect(omx.zones).toHaveLength(79);
        return Object.fromEntries(omx.matrices.map((m) => [m, Buffer.from(omx.rows(m, 0, 79).buffer)]));
      } finally {
        omx.close();
      }
    };
    const browserOmx = matrices(await download.path());
    expect(Object.keys(browserOmx)).toEqual([
      'baseline_cost',
      'baseline_time',
      'scenario_cost',
      'scenario_time',
    ]);
    expect(browserOmx).toEqual(matrices(join(dir, 'cli.omx')));
    await expect.poll(() => page.locator('[data-testid="export-progress"]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('exports zones with metrics as GeoJSON and CSV, and the map as PNG', async () => {
    const geo = await downloadText(page, () => page.click('[data-testid="export-geojson"]'));
    const fc = JSON.parse(geo.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(79);
    expect(fc.features[0].geometry.type).toMatch(/Polygon|Point/);
    expect(Object.keys(fc.features[0].properties)).toContain('delta_timeToCoreMinutes');
    expect(fc.commuteshed.scenario.id).toBe('toy-express-copy');

    const csv = await downloadText(page, () => page.click('[data-testid="export-csv"]'));
    const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toMatch(/^zone,name_en,name_zh,population,jobs,baseline_timeToCoreMinutes,/);
    expect(lines).toHaveLength(81);
    expect(lines[1]!.split(',')).toHaveLength(lines[0]!.split(',').length);

    const png = await downloadOf(page, () => page.click('[data-testid="export-png"]'));
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5000);
    expect(app.errors).toEqual([]);
  });
});

describe('scenario import', () => {
  it('lists every error of a broken scenario file and leaves the current scenario as it was', async () => {
    const before = await page.locator('[data-testid="modifications"] > li').allTextContents();
    const broken = brokenToyScenario;
    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'broken.scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const message = page.locator('[data-testid="message-error"]').last();
    await message.waitFor();
    expect(await message.textContent()).toContain('broken.scenario.json');
    const issues = await message.locator('.issues li').allTextContents();
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(
      issues.some((i) => i.startsWith('$.modifications[0].line') && i.includes('unknown line "m9"')),
    ).toBe(true);
    expect(issues.some((i) => i.startsWith('$.modifications[1].speedFactor'))).toBe(true);
    expect(issues.some((i) => i.startsWith('$.modifications[2].line.name'))).toBe(true);

    // Not JSON at all: where it breaks.
    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'truncated.scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "commuteshed.scenario/1", "id": '),
    });
    await expect.poll(() => page.locator('[data-testid="message-error"]').count()).toBe(2);

    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('toy-express-copy');
    expect(await page.locator('[data-testid="modifications"] > li').allTextContents()).toEqual(before);
    expect(await page.locator('[data-testid="scenario-select"] option[value="broken"]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
