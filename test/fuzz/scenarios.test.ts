/**
 * Fuzzed scenarios on generated networks (issue 12): a scenario file is either rejected cleanly (issues at
 * its JSON paths, compounded changes at the modification that crosses a bound) or computed into results
 * that validate. A scenario the editor would run without the file check (it applies, though its changes
 * compound out of bounds) computes valid results or is refused by the engine in a planner's words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import type { Network } from '../../src/domain/network';
import type { Scenario } from '../../src/domain/scenario';
import { loadNetwork } from '../../src/io/network';
import type { LoadResult } from '../../src/io/result';
import { loadScenarioFor, validateScenario } from '../../src/io/scenario';
import {
  bindRefs,
  corrupt,
  modifications,
  networkFile,
  networkSpec,
  scenarioCorruptions,
  scenarioFile,
} from './arbitraries';
import { expectCleanRejection, expectNoFile, fuzzSuite, runs, SEED, simulate } from './support';

const { pool, folder, outcomes } = fuzzSuite('scenarios');

describe('fuzzed scenarios', () => {
  it('each is rejected at its paths or computed into results that validate', async () => {
    const n = runs(4000);
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        // Unbiased: a biased spec puts every station on one point, leaving no line to change.
        fc.noBias(networkSpec),
        modifications,
        scenarioCorruptions,
        async (spec, mods, corruptions) => {
          const base = loadNetwork({ file: 'fuzz.network.json', text: JSON.stringify(networkFile(spec)) });
          if (!base.ok) throw new Error(`the generated network is not valid: ${JSON.stringify(base.issues)}`);
          const network = base.value;
          const bound = bindRefs(
            mods,
            network.lines.map((l) => l.id),
            network.stations.map((st) => st.id),
          );
          const text = corrupt(scenarioFile(bound), corruptions);
          let result: LoadResult<Scenario> | undefined;
          expect(() => {
            result = loadScenarioFor(network, 'fuzz.scenario.json', text);
          }).not.toThrow();
          const key = `scenario-${k++}`;
          if (result!.ok) {
            await simulate(pool, network, result!.value, folder.next(), key);
            outcomes.add('computed');
            return;
          }
          expectCleanRejection(result!.issues);
          outcomes.add('rejected');
          await editorPath(network, text, key);
        },
      ),
      { seed: SEED + 1, numRuns: n },
    );
    expect(outcomes.counts.get('rejected') ?? 0).toBeGreaterThan(n / 5);
    expect(outcomes.counts.get('computed') ?? 0).toBeGreaterThan(n / 5);
    expect(outcomes.counts.get('refused by the engine') ?? 0).toBeGreaterThan(0);
  });
});

/**
 * The editor runs a scenario that applies (domain/applyScenario) without the file's check of the result:
 * compounded changes reach the engine, which computes valid results or refuses in a planner's words.
 */
async function editorPath(network: Network, text: string, key: string): Promise<void> {
  const structural = validateScenario('fuzz.scenario.json', JSON.parse(text));
  if (!structural.ok || !applyScenario(network, structural.value).ok) return;
  const out = folder.next();
  try {
    await simulate(pool, network, structural.value, out, `${key}-editor`);
    outcomes.add('computed (editor path)');
  } catch (e) {
    if (!(e instanceof Error && e.name === 'GraphError')) throw e;
    expect(e.message).toMatch(/^The .* (takes|is perceived as) .* the engine allows for one leg/);
    expect(e.message).not.toContain('\u0000');
    expectNoFile(out);
    outcomes.add('refused by the engine');
  }
}
