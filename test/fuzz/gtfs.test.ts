/**
 * Fuzzed GTFS feeds (issue 12): every import ends in a clean rejection — issues at file:line:column, no
 * internal error — or a network that loads like a file and computes results that validate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGtfs } from '../../src/io/gtfs';
import { loadNetwork, serializeNetwork } from '../../src/io/network';
import { feedFiles, feedSpec } from './feeds';
import { expectCleanRejection, fuzzSuite, runs, SEED, simulate } from './support';

/** `file.txt`, `file.txt:line`, `file.txt:line:column`, the feed, or the options. */
const FEED_PATH = /^(?:[a-z_]+\.txt(?::[1-9]\d*(?::[a-z_]+)?)?|fuzz|options.*|…)$/;

const { pool, folder, outcomes } = fuzzSuite('GTFS feeds');

describe('fuzzed GTFS feeds', () => {
  it('each is rejected at file:line:column or imported into a network whose results validate', async () => {
    const n = runs(2500);
    let k = 0;
    await fc.assert(
      fc.asyncProperty(fc.noBias(feedSpec), async (spec) => {
        const files = feedFiles(spec);
        // A small zone grid: the engine runs on every imported feed.
        const result = await importGtfs({ files }, { feedName: 'fuzz', maxZones: 40 });
        for (const w of result.report.warnings) expect(w.path).toMatch(FEED_PATH);
        if (!result.ok) {
          expectCleanRejection(result.issues, FEED_PATH);
          outcomes.add('rejected');
          return;
        }
        const loaded = loadNetwork({ file: 'fuzz.network.json', text: serializeNetwork(result.network) });
        expect(loaded.ok ? [] : loaded.issues).toEqual([]);
        if (!loaded.ok) return;
        await simulate(pool, loaded.value, null, folder.next(), `feed-${k++}`);
        outcomes.add('imported and computed');
      }),
      { seed: SEED + 2, numRuns: n },
    );
    expect(outcomes.counts.get('rejected') ?? 0).toBeGreaterThan(n / 10);
    expect(outcomes.counts.get('imported and computed') ?? 0).toBeGreaterThan(n / 5);
  });
});
