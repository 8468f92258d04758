/**
 * The adversarial inputs of issue 12, through the CLI as a planner runs it: each one is now refused with
 * exit 1, the file named, the JSON path and what is wrong; nothing is written. (They used to exit 0 with
 * negative times, or throw a RangeError without the file, or a GraphError with internal NUL-joined keys.)
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../support/headless';

const toy = () =>
  JSON.parse(readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8'));
const scenario = (modifications: unknown[]) => ({
  format: 'commuteshed.scenario/1',
  id: 'adversarial',
  name: 'Adversarial',
  description: '',
  network: 'toy',
  modifications,
});

/** Runs simulate on the files; expects exit 1, the stderr, and no results file. */
async function refused(files: Record<string, unknown>, args: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'commuteshed-issue12-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  const out = join(dir, 'results.json');
  const error = await simulate(
    ...args.map((a) => (a.endsWith('.json') ? join(dir, a) : a)),
    '--out',
    out,
  ).then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(error?.code).toBe(1);
  expect(existsSync(out)).toBe(false);
  return error!.stderr.replaceAll(dir, '<dir>');
}

describe('issue 12, re-run through the CLI', () => {
  it('defect 1: a speed factor of 1e-9 and an entry time of 1e12 s', async () => {
    const stderr = await refused(
      {
        'toy.network.json': toy(),
        'bad.scenario.json': scenario([
          { type: 'adjust-speed', line: 'm1', speedFactor: 1e-9 },
          { type: 'set-processing', layer: 'metro', entrySeconds: 1e12 },
        ]),
      },
      ['--network', 'toy.network.json', '--scenario', 'bad.scenario.json'],
    );
    expect(stderr).toContain(
      '<dir>/bad.scenario.json: $.modifications[0].speedFactor: must be ≥ 0.1, got 1e-9',
    );
    expect(stderr).toContain(
      '<dir>/bad.scenario.json: $.modifications[1].entrySeconds: must be ≤ 10,800 s, got 1000000000000',
    );
  }, 60_000);

  it('defect 1, compounded: speed factors valid alone that together make a run longer than a day', async () => {
    const stderr = await refused(
      {
        'toy.network.json': toy(),
        'slow.scenario.json': scenario(
          Array.from({ length: 3 }, () => ({ type: 'adjust-speed', line: 'm1', speedFactor: 0.1 })),
        ),
      },
      ['--network', 'toy.network.json', '--scenario', 'slow.scenario.json'],
    );
    expect(stderr).toMatch(
      /\$\.modifications\[2\]: with the changes listed before it, this makes line "m1" \(pattern "[^"]+", direction [01]\) runSeconds\[\d+\]: must be ≤ 86,400 s, got \d+/,
    );
  }, 60_000);

  it('defect 2: 100 KB of "[" as a network', async () => {
    const stderr = await refused({ 'deep.network.json': '['.repeat(100_000) }, [
      '--network',
      'deep.network.json',
    ]);
    expect(stderr).toContain(
      '<dir>/deep.network.json: $: not valid JSON: the text ends where a value should be (line 1, column 100001)',
    );
    expect(stderr).not.toContain('RangeError');
  }, 60_000);

  it('defects 3 and 4: 1e308 s of processing and of walking, 1e308 people', async () => {
    const n = toy();
    n.stations[0].processing = { entrySeconds: 1e308 };
    n.transfers[0].walkSeconds = 1e308;
    n.zones[0].population = 1e308;
    const stderr = await refused({ 'big.network.json': n }, ['--network', 'big.network.json']);
    expect(stderr).toContain('$.stations[0].processing.entrySeconds: must be ≤ 10,800 s, got 1e+308');
    expect(stderr).toContain('$.transfers[0].walkSeconds: must be ≤ 3,600 s, got 1e+308');
    expect(stderr).toContain('$.zones[0].population: must be ≤ 100,000,000 people, got 1e+308');
    expect(stderr).not.toContain('GraphError');
    expect(stderr).not.toContain('\u0000');
  }, 60_000);

  it('defect 6: a station moved to (−150, −60) with its run times unchanged', async () => {
    const n = toy();
    n.stations[0].coord = [-150, -60];
    const stderr = await refused({ 'moved.network.json': n }, ['--network', 'moved.network.json']);
    expect(stderr).toMatch(
      /\$\.lines\[\d+\]\.patterns\[\d+\]\.runSeconds\[\d+\]: "[^"]+" and "[^"]+" are [\d,]+ km apart/,
    );
  }, 60_000);
});
