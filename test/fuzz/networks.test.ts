/**
 * Fuzzed network files (issue 12): every one is either rejected cleanly — issues at JSON paths, no
 * exception — or computed into results that validate, with times finite and ≥ 0, written whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network';
import { loadNetwork } from '../../src/io/network';
import type { LoadResult } from '../../src/io/result';
import { corrupt, corruption, networkFile, networkSpec } from './arbitraries';
import { expectCleanRejection, fuzzSuite, runs, SEED, simulate } from './support';

const { pool, folder, outcomes } = fuzzSuite('networks');

describe('fuzzed networks', () => {
  it('each is rejected at its paths or computed into results that validate', async () => {
    const n = runs(4000);
    let k = 0;
    await fc.assert(
      fc.asyncProperty(networkSpec, fc.array(corruption, { maxLength: 3 }), async (spec, corruptions) => {
        const text = corrupt(networkFile(spec), corruptions);
        let result: LoadResult<Network> | undefined;
        expect(() => {
          result = loadNetwork({ file: 'fuzz.network.json', text });
        }).not.toThrow();
        if (!result!.ok) {
          expectCleanRejection(result!.issues);
          outcomes.add('rejected');
          return;
        }
        await simulate(pool, result!.value, null, folder.next(), `network-${k++}`);
        outcomes.add('computed');
      }),
      { seed: SEED, numRuns: n },
    );
    // Both outcomes are exercised, each in earnest.
    expect(outcomes.counts.get('rejected') ?? 0).toBeGreaterThan(n / 5);
    expect(outcomes.counts.get('computed') ?? 0).toBeGreaterThan(n / 5);
  });
});
