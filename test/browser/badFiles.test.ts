/**
 * Bad files in the browser (issue 12): every failure is a message naming the file — a JSON document nested
 * a hundred thousand deep, a file that is not UTF-8, a zip whose CRC-32 fails — the current view stays,
 * and messages fold instead of piling up over the map.
 */
import { zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smallFeed } from '../support/gtfsFeed';
import { launch, openApp, screenshot, waitForResults } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(bytes),
});

it('reports deep JSON, GBK text and a damaged zip by file name, keeps the network, and folds the messages', async () => {
  const { page, errors } = await openApp(browser, '?network=toy');
  await waitForResults(page);
  const errorsShown = page.locator('[data-testid="message-error"]');
  const current = async () => page.locator('[data-testid="network-select"] option:checked').textContent();
  const before = await current();

  // 1. 100 KB of "[": the io worker located it (it used to overflow the stack and show nothing at all).
  await page.setInputFiles('[data-testid="file-input"]', file('deep.network.json', '['.repeat(100_000)));
  await expect.poll(() => errorsShown.count()).toBe(1);
  expect(await errorsShown.last().textContent()).toMatch(
    /deep\.network\.json.*not valid JSON: the text ends where a value should be \(line 1, column 100001\)/,
  );

  // 2. A scenario saved as GBK: not read as U+FFFD, but named with the line and column of the first byte.
  const gbk = Buffer.concat([
    Buffer.from('{"format": "commuteshed.scenario/1", "id": "gbk", "name": "'),
    Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
    Buffer.from('", "description": "", "network": "toy", "modifications": []}'),
  ]);
  await page.setInputFiles('[data-testid="file-input"]', file('gbk.scenario.json', gbk));
  await expect.poll(() => errorsShown.count()).toBe(2);
  expect(await errorsShown.last().textContent()).toMatch(
    /gbk\.scenario\.json.*not UTF-8: byte 0xB1 \(line 1, column 60\)/,
  );

  // 3. A zip whose stored stops.txt had one letter changed in transit: only its CRC-32 tells.
  const feed = smallFeed();
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(feed).map(([n, t]) => [n, [new TextEncoder().encode(t), { level: 0 }]]),
    ),
  );
  const at = Buffer.from(zip).indexOf('Alpha metro');
  zip[at] = 'B'.charCodeAt(0);
  await page.setInputFiles('[data-testid="file-input"]', file('damaged.zip', zip));
  await expect.poll(() => errorsShown.count(), { timeout: 60_000 }).toBe(3);
  expect(await errorsShown.last().textContent()).toMatch(/damaged\.zip.*stops\.txt.*CRC-32 check failed/);

  // 4. A fourth problem: three messages shown, the oldest folded into one line.
  await page.setInputFiles(
    '[data-testid="file-input"]',
    file('notes.json', '{"what": "not a commuteshed file"}'),
  );
  await expect.poll(() => page.locator('[data-testid="messages-earlier"]').textContent()).toBe('1 earlier');
  expect(await errorsShown.count()).toBe(3);
  expect(await errorsShown.last().textContent()).toMatch(/notes\.json/);
  await screenshot(page, 'bad-files-messages');

  // The network and its results are as they were.
  expect(await current()).toBe(before);
  expect(await page.locator('[data-testid="summary"]').isVisible()).toBe(true);

  // "Dismiss all", clicked with the mouse, clears them.
  const dismissAll = page.locator('[data-testid="messages-dismiss-all"]');
  const box = (await dismissAll.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.locator('[data-testid="messages"]').count()).toBe(0);
  expect(errors).toEqual([]);
});
