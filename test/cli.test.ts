import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenToyScenario, simulate } from './support/headless';

describe('npm run simulate', () => {
  it('writes byte-identical results for identical inputs, apart from the timestamp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const args = [
      '--network',
      'networks/toy.network.json',
      '--scenario',
      'scenarios/toy-express.scenario.json',
      '--workers',
      '2',
    ];
    const [a, b] = await Promise.all([
      simulate(...args, '--out', join(dir, 'a.json')),
      simulate(...args, '--out', join(dir, 'b.json'), '--matrix'),
    ]);
    expect(a.stderr).toMatch(/79 zones, baseline \+ scenario in/);
    expect(b.stderr).toMatch(/computing 100%/);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');
    const first = strip(readFileSync(join(dir, 'a.json'), 'utf8'));
    await simulate(...args, '--out', join(dir, 'c.json'));
    expect(strip(readFileSync(join(dir, 'c.json'), 'utf8'))).toBe(first);
    const withMatrix = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(withMatrix.matrix.baseline).toHaveLength(79);
    expect(withMatrix.matrix.baseline[0]).toHaveLength(79);
    const { matrix: _m, generatedAt: _g, ...rest } = withMatrix;
    const { generatedAt: _g2, ...plain } = JSON.parse(first);
    expect(rest).toEqual(plain);
  }, 120_000);

  it('exits 1 and lists every problem of a bad scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const bad = join(dir, 'bad.scenario.json');
    writeFileSync(bad, JSON.stringify(brokenToyScenario));
    const error = await simulate('--network', 'networks/toy.network.json', '--scenario', bad).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/bad\.scenario\.json: 7 problem\(s\)/);
    expect(error?.stderr).toMatch(/\$\.modifications\[0\]\.line: unknown line "m9"/);
    expect(error?.stderr).toMatch(/\$\.modifications\[1\]\.speedFactor: must be > 0, got -1/);
    expect(error?.stderr).toMatch(/\$\.modifications\[2\]\.line\.name: missing/);
  }, 60_000);

  it('exits 1 on malformed network JSON, naming the line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const bad = join(dir, 'broken.network.json');
    writeFileSync(bad, '{\n  "format": "commuteshed.network/1",\n  "id": oops\n}');
    const error = await simulate('--network', bad).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/broken\.network\.json: \$: not valid JSON: .*\(line 3, column 9\)/);
  }, 60_000);
});
