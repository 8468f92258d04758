import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { waitForCommit, waitForComputed } from './editorHelpers';
import { launch, openApp, screenshot } from './support';

/**
 * One way a network becomes current, whatever brought it (issue 11, defect 1): a planner's scenarios made
 * on one network survive importing another (a GTFS feed), the imported network's scenarios are saved, and
 * both come back after a reload, by the bundled list, an opened network file or a new import.
 */
const root = new URL('../../', import.meta.url).pathname;
const FEED = new URL('../../../shared/data/raw/gtfs-samples/nyc_subway_gtfs_2025_subset.zip', import.meta.url)
  .pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A new scenario, named by typing, saved (the editor commits after a pause; autosave follows). */
async function newScenario(page: Page, name: string): Promise<void> {
  await page.click('[data-testid="scenario-new"]');
  await page.fill('[data-testid="scenario-name"]', name);
  await page.keyboard.press('Tab');
  await waitForCommit(page);
}

const scenarioNames = (page: Page) =>
  page.locator('[data-testid="scenario-select"] option').allTextContents();

/** What IndexedDB holds for a network: the names of its saved scenarios. */
const saved = (page: Page, network: string) =>
  page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('commuteshed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('workspaces').objectStore('workspaces').get(id);
          get.onsuccess = () =>
            resolve(((get.result?.scenarios ?? []) as { name: string }[]).map((s) => s.name));
          get.onerror = () => reject(get.error);
        };
      }),
    network,
  );

async function importFeed(page: Page): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', FEED);
  await page.locator('[data-testid="gtfs-panel"]').waitFor({ timeout: 120_000 });
  await waitForComputed(page);
}

it("keeps each network's scenarios through a GTFS import, a reload and an opened network file", async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForComputed(page);
  await newScenario(page, 'Mine on Toyton');
  await expect.poll(() => saved(page, 'toy')).toEqual(['Mine on Toyton']);

  // Network B: a GTFS feed. A's scenarios stay saved; B starts with none and its own are saved under it.
  await importFeed(page);
  const nyc = await page.evaluate(() => new URLSearchParams(window.location.search).get('network') ?? '');
  expect(await scenarioNames(page)).toEqual(['Baseline only']);
  expect(await saved(page, 'toy')).toEqual(['Mine on Toyton']);
  await newScenario(page, 'Mine on NYC');
  const nycId = await page.evaluate(async () => {
    const open = indexedDB.open('commuteshed');
    await new Promise((r) => (open.onsuccess = r));
    const keys = open.result.transaction('workspaces').objectStore('workspaces').getAllKeys();
    await new Promise((r) => (keys.onsuccess = r));
    return (keys.result as string[]).filter((k) => k !== 'toy');
  });
  expect(nycId).toHaveLength(1);
  await expect.poll(() => saved(page, nycId[0]!)).toEqual(['Mine on NYC']);
  expect(await saved(page, 'toy')).toEqual(['Mine on Toyton']);
  expect(nyc).toMatch(/\.zip$/);

  // Reload, on the bundled toy network (the same browser profile): A's scenario is there.
  await page.goto(new URL('?network=toy', page.url()).href);
  await waitForComputed(page);
  expect(await scenarioNames(page)).toContain('Mine on Toyton');
  expect(await scenarioNames(page)).not.toContain('Mine on NYC');
  // B imported again: its scenario is there.
  await importFeed(page);
  expect(await scenarioNames(page)).toEqual(['Baseline only', 'Mine on NYC']);
  // A opened as a file (the third way to a network): its scenario again, B's still saved.
  await page.setInputFiles('[data-testid="file-input"]', `${root}networks/toy.network.json`);
  await expect.poll(() => scenarioNames(page)).toContain('Mine on Toyton');
  await waitForComputed(page);
  expect(await saved(page, nycId[0]!)).toEqual(['Mine on NYC']);
  expect(await saved(page, 'toy')).toEqual(['Mine on Toyton']);
  expect(await page.inputValue('[data-testid="origin-input"]')).toBe('');
  await screenshot(page, 'networks-scenarios-kept');
  expect(errors).toEqual([]);
});

it('brings an imported feed back after a reload, lists it with the networks, and forgets it when asked', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForComputed(page);
  await importFeed(page);
  const feed = await page.evaluate(() => new URLSearchParams(window.location.search).get('network') ?? '');
  expect(feed).toMatch(/\.zip$/);
  await newScenario(page, 'Kept with the feed');

  // A reload at the same address: the feed's network again (validated anew), with its scenario.
  await page.reload();
  await waitForComputed(page);
  expect(await page.inputValue('[data-testid="network-select"]')).toBe(feed);
  await expect.poll(() => scenarioNames(page)).toContain('Kept with the feed');
  expect(await page.locator('[data-testid="messages"]').count()).toBe(0);

  // From the network list, with the keyboard: the toy network, then the kept feed again.
  const select = page.locator('[data-testid="network-select"]');
  const options = await select
    .locator('option')
    .evaluateAll((o) => o.map((x) => ({ value: x.getAttribute('value'), group: x.parentElement?.tagName })));
  expect(options).toContainEqual({ value: feed, group: 'OPTGROUP' });
  await select.focus();
  await page.selectOption('[data-testid="network-select"]', 'toy');
  await expect
    .poll(() => page.evaluate(() => new URLSearchParams(window.location.search).get('network')))
    .toBe('toy');
  await waitForComputed(page);
  await page.selectOption('[data-testid="network-select"]', feed);
  await expect.poll(() => scenarioNames(page)).toContain('Kept with the feed');
  await waitForComputed(page);

  // Forgotten: still open now, gone from the list, and a reload says so and shows the default network.
  await page.click('[data-testid="network-forget"]');
  await expect.poll(() => select.locator('optgroup option').count()).toBe(0);
  expect(await page.inputValue('[data-testid="network-select"]')).toBe(feed);
  await page.reload();
  await waitForComputed(page);
  expect(await page.inputValue('[data-testid="network-select"]')).not.toBe(feed);
  await expect.poll(() => page.textContent('[data-testid="messages"]')).toContain('not kept in this browser');
  expect(errors).toEqual([]);
});

it('another tab holding an older version of the saved work open: the app opens anyway and writes nothing over it', async () => {
  const context = await browser.newContext();
  try {
    // The "older tab": a page of the app's origin with the store open at version 1, never letting go.
    const old = await context.newPage();
    await old.route('**/blank.html', (r) =>
      r.fulfill({ body: '<!doctype html><title>old</title>', contentType: 'text/html' }),
    );
    await old.goto(`${inject('baseUrl')}blank.html`);
    await old.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('commuteshed', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('workspaces', { keyPath: 'network' });
          open.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = open.result;
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}?network=toy`);
    await waitForComputed(page);
    await expect
      .poll(() => page.textContent('[data-testid="messages"]'), { timeout: 20_000 })
      .toContain('Could not read your saved scenarios');
    expect(await page.textContent('[data-testid="messages"]')).toContain(
      'not saved until the page is reloaded',
    );
    // The older tab goes, so the store could be written now; a scenario made after that is still not saved
    // over the work this session could not read.
    await old.close();
    await newScenario(page, 'Not written over the old work');
    await page.waitForTimeout(1000);
    const stores = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('commuteshed');
          open.onsuccess = () => {
            const names = [...open.result.objectStoreNames];
            if (!names.includes('workspaces')) return resolve([]);
            const keys = open.result.transaction('workspaces').objectStore('workspaces').getAllKeys();
            keys.onsuccess = () => resolve(keys.result as string[]);
          };
        }),
    );
    expect(stores).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
