import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapPixel, waitForCommit, waitForComputed, waitForMapPosition } from './editorHelpers';
import { type AppPage, launch, openApp, screenshot } from './support';

/**
 * Every modification editor but add-line (editor.test.ts draws one), driven as a planner would on the toy
 * network: each test starts a new, empty scenario, adds one kind of modification through the list, fills
 * it in with the keyboard and the map, and checks what the list says and which way the results move.
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

/** Toy stations and points on its lines ([longitude, latitude], from networks/toy.network.json). */
const AT = {
  market: [-0.02544, 45],
  central: [0, 45],
  eastGate: [0.07631, 45],
  park: [0.02544, 45],
  airport: [0.10175, 44.92805],
  /** On Metro 1 between Market and Central, away from every station and other line. */
  m1Track: [-0.0127, 45],
  /** On Metro 1 between Riverside and East Gate. */
  m1East: [0.0636, 45],
  /** Open country east of East Gate (in zone z8_0, then beyond the zone grid): no station near. */
  east1: [0.1017, 45.002],
  east2: [0.127, 45.004],
} satisfies Record<string, [number, number]>;

async function clickMap(coord: [number, number]): Promise<void> {
  const p = await mapPixel(page, coord);
  await page.mouse.click(p.x, p.y);
}

/**
 * The population-weighted mean time to Central (minutes) before and after, and the change (negative:
 * better). A scenario with nothing enabled is computed as the baseline and shown as the baseline alone.
 */
async function meanTime(): Promise<{ before: number; after: number; change: number; shown: boolean }> {
  const cells = page.locator('[data-testid="summary-time-to-core"] td');
  const value = async (k: number) => Number(await cells.nth(k).getAttribute('data-value'));
  const before = await value(0);
  if ((await cells.count()) === 1) return { before, after: before, change: 0, shown: false };
  return { before, after: await value(1), change: await value(2), shown: true };
}
const meanTimeChange = async () => (await meanTime()).change;

/** The edits have been committed and the results recomputed. */
async function settle(): Promise<void> {
  await waitForCommit(page);
  await waitForComputed(page);
}

/** A new, empty scenario, its (baseline-equal) results computed. */
async function newScenario(): Promise<void> {
  await page.click('[data-testid="scenario-new"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="modifications"]'));
  await settle();
  expect((await meanTime()).shown).toBe(false);
}

/** Choose a type in the list's "new modification" picker and add it; its editor opens. */
async function add(type: string): Promise<void> {
  await page.selectOption('[data-testid="mod-type"]', type);
  await page.click('[data-testid="mod-add"]');
  await page.waitForSelector(`[data-testid="editor-${type}"]`);
}

/** What the list says about modification k: its type's title and one line of description. */
const listed = async (k: number) =>
  (await page.textContent(`[data-testid="mod-${k}-open"]`))?.replace(/\s+/g, ' ').trim();
const listLength = () => page.locator('[data-testid="modifications"] > li').count();

/** No problem is shown anywhere in the editor: no field issues, no badge, no local complaint. */
async function expectNoIssues(): Promise<void> {
  expect(await page.locator('[data-testid="editor"] [data-testid="field-issues"]').count()).toBe(0);
  expect(await page.locator('[data-testid="modifications"] .badge').count()).toBe(0);
  expect(await page.locator('[data-testid="editor"] .field-issue-local').count()).toBe(0);
}

/** A route's total time, minutes, as the route panel shows it ('Before' or 'After'). */
const tripMinutes = async (which: 'Before' | 'After') =>
  Number(await page.getAttribute(`[data-testid="trip-${which}"] .total`, 'data-minutes'));

async function route(origin: string, destination: string): Promise<void> {
  await page.fill('[data-testid="origin-input"]', origin);
  await page.press('[data-testid="origin-input"]', 'Enter');
  await page.fill('[data-testid="destination-input"]', destination);
  await page.press('[data-testid="destination-input"]', 'Enter');
}

describe('every modification editor, through the list', () => {
  it('extends Metro 1 east of East Gate by two stations placed on the map', async () => {
    await newScenario();
    await add('extend-line');
    // Before any stop is placed, a click on a line chooses the line to extend.
    await clickMap(AT.m1East);
    await expect.poll(() => page.inputValue('[data-testid="extend-line"]')).toBe('m1');
    expect(await page.isChecked('[data-testid="extend-end-last"]')).toBe(true);
    await clickMap(AT.east1);
    await expect.poll(() => page.locator('[data-testid="ext-stops"] > li.new').count()).toBe(1);
    const placed = (await page.textContent('[data-testid="ext-stops-0-position"]'))!.split(', ').map(Number);
    expect(Math.abs(placed[0]! - AT.east1[0]) + Math.abs(placed[1]! - AT.east1[1])).toBeLessThan(0.003);
    await clickMap(AT.east2);
    await expect.poll(() => page.locator('[data-testid="ext-stops"] > li.new').count()).toBe(2);
    // The terminus it starts from heads the list.
    expect(await page.textContent('[data-testid="ext-stops"] > li.terminus')).toContain('East Gate');
    await page.fill('[data-testid="ext-stops-0-name"]', 'Eastfield');
    await page.fill('[data-testid="ext-run-speed"]', '60');
    await settle();
    expect(await listed(0)).toBe('Extend a line Metro 1 +2 ⦿');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('runs Metro 1 every 1.5 minutes in the peak (line chosen on the map): shorter waits, shorter trips', async () => {
    await newScenario();
    await add('set-headway');
    await clickMap(AT.m1Track);
    await expect.poll(() => page.inputValue('[data-testid="headway-line"]')).toBe('m1');
    // It starts from what the line runs now.
    expect(await page.inputValue('[data-testid="set-headways-am-peak"]')).toBe('3');
    await page.fill('[data-testid="set-headways-am-peak"]', '1.5');
    await settle();
    expect(await listed(0)).toBe('Change headways Metro 1: am-peak 1.5′, off-peak 5′');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('speeds up Metro 1, then only its Market–Park segment (ends clicked on the map): a smaller gain', async () => {
    await newScenario();
    await add('adjust-speed');
    await page.selectOption('[data-testid="speed-line"]', 'm1');
    await page.fill('[data-testid="speed-factor"]', '1.5');
    await settle();
    expect(await listed(0)).toBe('Speed up a line Metro 1 ×1.5');
    await expectNoIssues();
    const whole = await meanTimeChange();
    expect(whole).toBeLessThan(0);

    await page.check('[data-testid="speed-segment"]');
    await clickMap(AT.market);
    await expect.poll(() => page.inputValue('[data-testid="speed-from"]')).toBe('market');
    await clickMap(AT.park);
    await expect.poll(() => page.inputValue('[data-testid="speed-to"]')).toBe('park');
    await settle();
    expect(await listed(0)).toBe('Speed up a line Metro 1 ×1.5 (Market–Park)');
    await expectNoIssues();
    const segment = await meanTimeChange();
    expect(segment).toBeLessThan(0);
    expect(segment).toBeGreaterThan(whole);
    expect(app.errors).toEqual([]);
  });

  it('adds a Metro 1 express calling at West Hills, Central and East Gate (stops ticked in the list and on the map)', async () => {
    await newScenario();
    await add('add-pattern');
    await page.selectOption('[data-testid="pattern-line"]', 'm1');
    expect(await page.inputValue('[data-testid="pattern-id"]')).toBe('express');
    // It starts calling everywhere; untick the stops it passes.
    for (const s of ['old-town', 'riverside']) await page.uncheck(`[data-testid="pattern-stop-${s}"]`);
    for (const s of ['market', 'park'] as const) {
      await clickMap(AT[s]);
      await expect.poll(() => page.isChecked(`[data-testid="pattern-stop-${s}"]`)).toBe(false);
    }
    await page.fill('[data-testid="pattern-headways-am-peak"]', '6');
    await settle();
    expect(await listed(0)).toBe('Express or short-turn pattern Metro 1 express: 3 ⦿');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('through-runs the Airport Suburban Line into the Twin City Intercity: New Town to Twin City gets quicker', async () => {
    await newScenario();
    // The route is shown while editing: every edit then builds the scenario's graph for the comparison and
    // the route at once (on this 2-core machine, with a single routing worker).
    await route('z17_-9', 'z39_1');
    await page.locator('[data-testid="trip-Before"] .total').waitFor();
    await add('through-run');
    await page.selectOption('[data-testid="through-junction"]', 's1|ic|toyton-rail');
    await page.fill('[data-testid="through-headways-am-peak"]', '20');
    await settle();
    expect(await listed(0)).toBe(
      'Through-run two lines Airport Suburban Line → Twin City Intercity @ Toyton Railway Station',
    );
    await expectNoIssues();
    // Nothing changes for trips to Central. From New Town to Twin City the bus all the way (24 km, express
    // beyond 10 km) beat two trains and a change at Toyton; one through train beats the bus.
    expect(await meanTimeChange()).toBe(0);
    await page.locator('[data-testid="trip-After"] .total').waitFor();
    expect(await tripMinutes('After')).toBeLessThan(await tripMinutes('Before'));
    expect(await page.locator('[data-testid="trip-Before"] .leg.ride').count()).toBe(0);
    expect(await page.locator('[data-testid="trip-Before"] .leg.bus').count()).toBe(1);
    expect(await page.locator('[data-testid="trip-After"] .leg.ride').count()).toBe(1);
    await route('', '');
    await page.locator('[data-testid="trip-After"]').waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });

  it('sets a 1-minute walk and security mutual recognition for changes at Toyton Railway Station hub', async () => {
    await newScenario();
    await add('set-transfer');
    await page.check('[data-testid="transfer-place-hub"]');
    expect(await page.inputValue('[data-testid="transfer-hub"]')).toBe('toyton-hub');
    await page.fill('[data-testid="transfer-walk"]', '1');
    await page.fill('[data-testid="transfer-processing"]', '3');
    await page.click('[data-testid="transfer-mutual"]');
    expect(await page.inputValue('[data-testid="transfer-processing"]')).toBe('0');
    await settle();
    expect(await listed(0)).toBe('Transfer time Toyton Railway Station: Walk 1′, Processing 0′');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('cuts entry processing to 1 minute at Airport (clicked on the map) and New Town (chosen in the list)', async () => {
    await newScenario();
    await add('set-processing');
    await page.check('[data-testid="processing-target-stations"]');
    await clickMap(AT.airport);
    await expect.poll(() => page.textContent('[data-testid="processing-stations"]')).toContain('Airport');
    await page.selectOption('[data-testid="processing-station"]', 'new-town');
    await page.click('[data-testid="processing-add-station"]');
    await page.fill('[data-testid="processing-entry"]', '1');
    await settle();
    expect(await listed(0)).toBe('Station processing Airport, New Town: Entry (security, gates, margin) 1′');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('adds a feeder bus to East Gate (clicked on the map) and drags its catchment to 7 km: trips get quicker', async () => {
    await newScenario();
    await add('add-feeder');
    await clickMap(AT.eastGate);
    await expect.poll(() => page.inputValue('[data-testid="feeder-station"]')).toBe('east-gate');
    expect(await page.inputValue('[data-testid="feeder-radius"]')).toBe('3');
    // The handle sits on the circle due east of the station: drag it 2 km further out.
    const east = (m: number): [number, number] => [
      AT.eastGate[0] + m / (111_320 * Math.cos((AT.eastGate[1] * Math.PI) / 180)),
      AT.eastGate[1],
    ];
    await page.waitForTimeout(300);
    const from = await mapPixel(page, east(3000));
    const to = await mapPixel(page, east(7000));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++)
      await page.mouse.move(from.x + ((to.x - from.x) * k) / 8, from.y + ((to.y - from.y) * k) / 8);
    await page.mouse.up();
    await expect
      .poll(async () => Number(await page.inputValue('[data-testid="feeder-radius"]')))
      .toBeCloseTo(7, 0);
    // A bus every 3 minutes at 30 km/h: zones 6 km out reach East Gate a quarter of an hour sooner.
    await page.fill('[data-testid="feeder-headways-am-peak"]', '3');
    await page.fill('[data-testid="feeder-speed"]', '30');
    await settle();
    expect(await listed(0)).toMatch(/^Add a feeder bus East Gate: [67]\.\d km, am-peak 3′, off-peak 10′$/);
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    await screenshot(page, 'editors-add-feeder');
    expect(app.errors).toEqual([]);
  });

  it('removes Metro 2: the mean time to Central gets worse', async () => {
    await newScenario();
    await add('remove-line');
    await page.selectOption('[data-testid="remove-line"]', 'm2');
    await settle();
    // The list takes names from the scenario's network, which no longer has the line: it may show the id.
    expect(await listed(0)).toBe('Remove a line Metro 2');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('closes Central (clicked on the map): the mean time to Central gets worse', async () => {
    await newScenario();
    await add('close-station');
    await clickMap(AT.central);
    await expect.poll(() => page.inputValue('[data-testid="close-station"]')).toBe('central');
    await settle();
    expect(await listed(0)).toBe('Close a station Central');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeGreaterThan(0);
    await screenshot(page, 'editors-close-station');
    expect(app.errors).toEqual([]);
  });
});

describe('the modification list', () => {
  it('disables, edits and removes modifications, and the results follow', async () => {
    await newScenario();
    await add('set-headway');
    await page.selectOption('[data-testid="headway-line"]', 'm1');
    await page.fill('[data-testid="set-headways-am-peak"]', '1.5');
    await settle();
    const faster = await meanTimeChange();
    expect(faster).toBeLessThan(0);

    await add('remove-line');
    await page.selectOption('[data-testid="remove-line"]', 'm2');
    await settle();
    expect(await listLength()).toBe(2);
    const both = await meanTimeChange();
    expect(both).toBeGreaterThan(faster);

    // Disabled, the removal no longer counts: the results are those of the faster Metro 1 alone.
    await page.uncheck('[data-testid="mod-1-enabled"]');
    await settle();
    expect(await page.getAttribute('[data-testid="mod-1"]', 'class')).toContain('disabled');
    expect(await meanTimeChange()).toBe(faster);
    await page.check('[data-testid="mod-1-enabled"]');
    await settle();
    expect(await meanTimeChange()).toBe(both);

    // Edit the headway from the list: every 6 minutes instead, worse than every 1.5.
    await page.click('[data-testid="mod-0-open"]');
    await page.waitForSelector('[data-testid="editor-set-headway"]');
    expect(await page.inputValue('[data-testid="set-headways-am-peak"]')).toBe('1.5');
    await page.fill('[data-testid="set-headways-am-peak"]', '6');
    await settle();
    expect(await listed(0)).toBe('Change headways Metro 1: am-peak 6′, off-peak 5′');
    await expectNoIssues();
    const slower = await meanTimeChange();
    expect(slower).toBeGreaterThan(both);

    // Removed: the removal of Metro 2 alone, between the two.
    await page.click('[data-testid="mod-0-remove"]');
    await settle();
    expect(await listLength()).toBe(1);
    expect(await listed(0)).toBe('Remove a line Metro 2');
    const removalAlone = await meanTimeChange();
    expect(removalAlone).toBeGreaterThan(both);
    expect(removalAlone).toBeLessThan(slower);
    await page.click('[data-testid="mod-0-remove"]');
    await settle();
    expect(await page.locator('[data-testid="modifications"]').count()).toBe(0);
    expect((await meanTime()).shown).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('explains an invalid headway next to the field and commits nothing', async () => {
    await newScenario();
    await add('set-headway');
    await page.selectOption('[data-testid="headway-line"]', 'm1');
    await settle();
    const described = 'Change headways Metro 1: am-peak 3′, off-peak 5′';
    expect(await listed(0)).toBe(described);
    expect(await meanTimeChange()).toBe(0);

    const field = '[data-testid="set-headways-am-peak"]';
    const local = page.locator(`label:has(${field}) .field-issue-local`);
    for (const bad of ['-2', '0']) {
      await page.fill(field, bad);
      expect(await local.textContent()).toBe('At least 0.1.');
      expect(await page.getAttribute(field, 'aria-invalid')).toBe('true');
      await waitForCommit(page);
      expect(await listed(0)).toBe(described);
      expect(await meanTimeChange()).toBe(0);
    }
    await page.fill(field, '2');
    expect(await local.count()).toBe(0);
    await settle();
    expect(await listed(0)).toBe('Change headways Metro 1: am-peak 2′, off-peak 5′');
    await expectNoIssues();
    expect(await meanTimeChange()).toBeLessThan(0);
    expect(app.errors).toEqual([]);
  });

  it('explains a pattern with one stop next to its stops, computes nothing for it, then makes it a short turn', async () => {
    await newScenario();
    await add('add-pattern');
    await page.selectOption('[data-testid="pattern-line"]', 'm1');
    for (const s of ['west-hills', 'old-town', 'market', 'park', 'riverside', 'east-gate'])
      await page.uncheck(`[data-testid="pattern-stop-${s}"]`);
    await settle();
    expect(await listed(0)).toBe('Express or short-turn pattern Metro 1 express: 1 ⦿');
    expect(await page.textContent('[data-testid="pattern-stops"] [data-testid="field-issues"]')).toContain(
      'at least two stops',
    );
    expect(await page.textContent('[data-testid="mod-0-issues"]')).toBe('1');
    // A scenario that does not apply is not computed: the summary shows the baseline alone.
    expect((await meanTime()).shown).toBe(false);

    // A short turn between Central and East Gate: every stop between them, none outside.
    await page.selectOption('[data-testid="turn-from"]', 'central');
    await page.selectOption('[data-testid="turn-to"]', 'east-gate');
    await page.click('[data-testid="turn-apply"]');
    await page.fill('[data-testid="pattern-id"]', 'short');
    await settle();
    for (const s of ['central', 'park', 'riverside', 'east-gate'])
      expect(await page.isChecked(`[data-testid="pattern-stop-${s}"]`)).toBe(true);
    for (const s of ['west-hills', 'old-town', 'market'])
      expect(await page.isChecked(`[data-testid="pattern-stop-${s}"]`)).toBe(false);
    expect(await listed(0)).toBe('Express or short-turn pattern Metro 1 short: 4 ⦿');
    await expectNoIssues();
    // Computed now, and barely moving the mean: more trains cut waits, but some riders take them instead of
    // a bike or a bus that was a little quicker yet more tiring (routes follow perceived cost, DESIGN.md §2).
    const { shown, change } = await meanTime();
    expect(shown).toBe(true);
    expect(Math.abs(change)).toBeLessThan(0.5);
    expect(app.errors).toEqual([]);
  });
});

describe('scenario management', () => {
  it('duplicates, renames and deletes a scenario; undo brings it back; a reload keeps the work', async () => {
    const options = () => page.locator('[data-testid="scenario-select"] option').allTextContents();
    await page.selectOption('[data-testid="scenario-select"]', 'toy-express');
    await waitForComputed(page);
    const bundled = await meanTimeChange();
    expect(bundled).toBeLessThan(0);
    // A bundled scenario is read-only: it cannot be deleted; its copy can, and computes the same.
    expect(await page.isDisabled('[data-testid="scenario-delete"]')).toBe(true);
    await page.click('[data-testid="scenario-duplicate"]');
    await settle();
    const copy = await page.inputValue('[data-testid="scenario-select"]');
    expect(copy).not.toBe('toy-express');
    expect(await meanTimeChange()).toBe(bundled);

    await page.fill('[data-testid="scenario-name"]', 'Express, planner copy');
    await settle();
    expect(await options()).toContain('Express, planner copy');

    await page.click('[data-testid="scenario-delete"]');
    await settle();
    expect(await options()).not.toContain('Express, planner copy');
    await page.click('[data-testid="undo"]');
    await settle();
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe(copy);
    expect(await options()).toContain('Express, planner copy');

    await page.reload();
    await waitForComputed(page);
    expect(await options()).toContain('Express, planner copy');
    await page.selectOption('[data-testid="scenario-select"]', copy);
    await waitForComputed(page);
    expect(await meanTimeChange()).toBe(bundled);
    expect(app.errors).toEqual([]);
  });
});
