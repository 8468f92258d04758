import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../src/io/schema/results';
import { simulate } from './support/headless';

const NETWORK = ['--network', 'networks/toy.network.json', '--workers', '2'];
const EXPRESS = 'scenarios/toy-express.scenario.json';
const INTEGRATION = 'scenarios/toy-rail-integration.scenario.json';

describe('npm run simulate --before (scenario against scenario)', () => {
  it('writes the scenario against the one compared with: each side as that scenario alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const run = async (name: string, ...args: string[]) => {
      const out = join(dir, `${name}.json`);
      const { stderr } = await simulate(...NETWORK, ...args, '--out', out);
      return { doc: JSON.parse(readFileSync(out, 'utf8')) as ResultsDocument, stderr };
    };
    const [pair, express, integration] = await Promise.all([
      run('pair', '--scenario', INTEGRATION, '--before', EXPRESS),
      run('express', '--scenario', EXPRESS),
      run('integration', '--scenario', INTEGRATION),
    ]);
    expect(pair.stderr).toMatch(/79 zones, before \+ scenario in/);
    expect([pair.doc.before?.id, pair.doc.scenario?.id]).toEqual(['toy-express', 'toy-rail-integration']);
    // The before side is the express scenario's, the after side the integration's, figure for figure.
    expect(pair.doc.summary.baseline).toEqual(express.doc.summary.scenario);
    expect(pair.doc.summary.scenario).toEqual(integration.doc.summary.scenario);
    expect(pair.doc.zones.map((z) => z.baseline)).toEqual(express.doc.zones.map((z) => z.scenario));
    // The change is after − before: here not the change against the baseline.
    const mean = (d: ResultsDocument) => d.summary.delta!.meanTimeToCoreMinutes!;
    expect(mean(pair.doc)).toBeCloseTo(mean(integration.doc) - mean(express.doc), 1);
    expect(mean(pair.doc)).not.toBe(mean(integration.doc));
    // Against the baseline there is no `before`.
    expect(integration.doc.before).toBeUndefined();
  }, 120_000);

  it('needs a scenario to compare, and the whole run', async () => {
    await expect(simulate(...NETWORK, '--before', EXPRESS)).rejects.toMatchObject({
      stderr: expect.stringMatching(/--before compares with --scenario: give both/),
    });
    await expect(
      simulate(
        ...NETWORK,
        '--scenario',
        INTEGRATION,
        '--before',
        EXPRESS,
        '--shard',
        '0/2',
        '--out',
        join(tmpdir(), 'p.json'),
      ),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/--before needs the whole run/) });
  });
});
