/**
 * Headless runs at scale, through the CLI as separate processes: OMX matrices checked against the engine,
 * a run in 4 shards (as an Indexed Job or an AWS Batch array job runs them) merged back to the unsharded
 * results, and every bad input refused with its typed message and nothing left behind.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetwork, readScenario } from '../src/cli/files';
import { applyScenario } from '../src/domain/applyScenario';
import type { Network } from '../src/domain/network';
import type { Scenario } from '../src/domain/scenario';
import { loadH5Node } from '../src/io/omx/node';
import { type OmxFile, openOmx } from '../src/io/omx/reader';
import { unwrap } from '../src/io/result';
import { route } from './support/route';

const run = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
/** The exit code and stderr of a run expected to fail. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

const NETWORK = 'networks/toy.network.json';
const SCENARIO = 'scenarios/toy-express.scenario.json';
const inputs = ['--network', NETWORK, '--scenario', SCENARIO, '--workers', '1'];
const dir = mkdtempSync(join(tmpdir(), 'commuteshed-scale-'));
const at = (name: string) => join(dir, name);
const stripTime = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');

let h5: Awaited<ReturnType<typeof loadH5Node>>;
let network: Network;
let scenario: Scenario;

beforeAll(async () => {
  h5 = await loadH5Node();
  network = unwrap(await readNetwork(NETWORK));
  scenario = unwrap(await readScenario(SCENARIO, network));
  // The unsharded run and its four shards at once: shard 1 takes its index from a Kubernetes Indexed Job,
  // shard 2 from an AWS Batch array job.
  const shard = (spec: string, k: number, env: Record<string, string> = {}) =>
    cli('simulate', [...inputs, '--shard', spec, '--out', at(`p${k}.json`), '--omx', at(`p${k}.omx`)], env);
  await Promise.all([
    cli('simulate', [...inputs, '--out', at('run.json'), '--omx', at('run.omx')]),
    cli('simulate', [...inputs, '--out', at('demand.json'), '--omx', at('demand.omx'), '--demand', 'long']),
    shard('0/4', 0),
    shard('4', 1, { JOB_COMPLETION_INDEX: '1' }),
    shard('4', 2, { AWS_BATCH_JOB_ARRAY_INDEX: '2' }),
    shard('3/4', 3),
  ]);
}, 120_000);

const withOmx = <T>(file: string, f: (omx: OmxFile) => T): T => {
  const omx = openOmx(h5, file);
  try {
    return f(omx);
  } finally {
    omx.close();
  }
};

describe('simulate --omx', () => {
  it('writes time and perceived cost, baseline and scenario, that the engine computes cell by cell', () => {
    const applied = applyScenario(network, scenario);
    if (!applied.ok) throw new Error('the toy scenario applies');
    const engines = { baseline: route(network), scenario: route(applied.network) };
    const ids = network.zones.map((z) => z.id);
    withOmx(at('run.omx'), (omx) => {
      expect(omx.zones).toEqual(ids);
      expect(omx.matrices).toEqual(['baseline_cost', 'baseline_time', 'scenario_cost', 'scenario_time']);
      expect(omx.attributes).toMatchObject({ network: 'toy', period: 'am-peak', scenario: scenario.id });
      expect(omx.matrixAttributes('baseline_time')).toMatchObject({ side: 'baseline', units: 'seconds' });
      // A sample of cells of every matrix: 97 steps through the 79 × 79 cells visit every row.
      let reachable = 0;
      for (const side of ['baseline', 'scenario'] as const) {
        const time = omx.rows(`${side}_time`, 0, ids.length);
        const cost = omx.rows(`${side}_cost`, 0, ids.length);
        for (let cell = 0; cell < ids.length * ids.length; cell += 97) {
          const [o, d] = [Math.floor(cell / ids.length), cell % ids.length];
          const expected = engines[side].od(ids[o]!, ids[d]!);
          expect(time[cell], `${side} time ${ids[o]} → ${ids[d]}`).toBe(expected.time);
          expect(cost[cell], `${side} cost ${ids[o]} → ${ids[d]}`).toBe(Math.fround(expected.cost));
          if (Number.isFinite(expected.time)) reachable++;
        }
      }
      expect(reachable).toBeGreaterThan(20);
      // The scenario (express trains) changes some cells: the two sides are not one matrix twice.
      expect(omx.rows('scenario_time', 0, ids.length)).not.toEqual(omx.rows('baseline_time', 0, ids.length));
    });
  });
});

describe('simulate --demand --omx', () => {
  it('adds each side’s trips by mode: rows total the zone’s workers, rail totals the riders in the results', () => {
    const doc = JSON.parse(readFileSync(at('demand.json'), 'utf8'));
    const ids = network.zones.map((z) => z.id);
    const z = ids.length;
    withOmx(at('demand.omx'), (omx) => {
      const modes = ['walk', 'bike', 'bus', 'rail', 'car'];
      for (const side of ['baseline', 'scenario'] as const) {
        for (const m of modes) expect(omx.matrices).toContain(`${side}_trips_${m}`);
        expect(omx.matrixAttributes(`${side}_trips_rail`)).toMatchObject({ side, units: 'trips' });
        const byMode = modes.map((m) => omx.rows(`${side}_trips_${m}`, 0, z));
        let rail = 0;
        for (let i = 0; i < z; i++) {
          let row = 0;
          for (const [k, rows] of byMode.entries())
            for (let j = 0; j < z; j++) {
              row += rows[i * z + j]!;
              if (modes[k] === 'rail') rail += rows[i * z + j]!;
            }
          // Long term: both sides balanced to every zone's workers (float32 cells: to 1e-5).
          const workers = doc.zones[i].workers;
          expect(Math.abs(row - workers)).toBeLessThanOrEqual(1e-5 * Math.max(1, workers));
        }
        expect(rail / doc.demand[side].railRiders).toBeCloseTo(1, 5);
      }
    });
  });
});

describe('npm run build:cli', () => {
  it('bundles simulate and its workers to run with node alone (no node_modules, no tsx): the same results', async () => {
    const out = mkdtempSync(join(tmpdir(), 'commuteshed-cli-'));
    await run(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'vite.cli.config.ts',
        '--outDir',
        out,
        '--logLevel',
        'error',
      ],
      { cwd: root },
    );
    // Run from a folder with no node_modules above it: every import must be in the bundle.
    const args = [
      '--network',
      join(root, NETWORK),
      '--scenario',
      join(root, SCENARIO),
      '--out',
      join(out, 'r.json'),
    ];
    await run(process.execPath, [join(out, 'simulate.mjs'), ...args], { cwd: out });
    expect(stripTime(readFileSync(join(out, 'r.json'), 'utf8'))).toBe(
      stripTime(readFileSync(at('run.json'), 'utf8')),
    );
  });
});

describe('simulate --shard and merge', () => {
  it('merges four shards run as separate processes into the unsharded results, byte for byte, and its OMX', async () => {
    const parts = [0, 1, 2, 3].map((k) => at(`p${k}.json`));
    const { stderr } = await cli('merge', [
      ...parts.reverse(),
      '--out',
      at('merged.json'),
      '--omx',
      at('merged.omx'),
    ]);
    expect(stderr).toMatch(/merged 4 parts: 79 zones, baseline \+ scenario/);
    expect(stripTime(readFileSync(at('merged.json'), 'utf8'))).toBe(
      stripTime(readFileSync(at('run.json'), 'utf8')),
    );
    const read = (file: string) =>
      withOmx(file, (omx) =>
        omx.matrices.map((m) => [m, Buffer.from(omx.rows(m, 0, omx.zones.length).buffer)]),
      );
    expect(read(at('merged.omx'))).toEqual(read(at('run.omx')));
  });

  it('refuses missing, duplicated, foreign and truncated parts, all problems at once, writing nothing', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    const foreign = JSON.parse(readFileSync(at('p1.json'), 'utf8'));
    foreign.inputs.scenario.checksum = 'sha256:0000';
    writeFileSync(join(bad, 'foreign.json'), JSON.stringify(foreign));
    const text = readFileSync(at('p2.json'), 'utf8');
    writeFileSync(join(bad, 'truncated.json'), text.slice(0, Math.floor(text.length / 2)));
    const merge = (...parts: string[]) =>
      failure(cli('merge', [...parts, '--out', join(bad, 'out.json'), '--omx', join(bad, 'out.omx')]));
    const [gaps, other, cut] = await Promise.all([
      merge(at('p0.json'), at('p0.json'), at('p1.json'), at('p3.json')),
      merge(at('p0.json'), join(bad, 'foreign.json'), at('p2.json'), at('p3.json')),
      merge(at('p0.json'), at('p1.json'), join(bad, 'truncated.json'), at('p3.json')),
    ]);
    expect(gaps.code).toBe(1);
    expect(gaps.stderr).toMatch(/^merge: MergeError: 2 problems\n/);
    expect(gaps.stderr).toMatch(/p0\.json, .*p0\.json: shard 0\/4 given 2 times/);
    expect(gaps.stderr).toMatch(/\$: missing shard 2\/4/);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /foreign\.json: foreign part: not of the run of .*p0\.json \(scenario checksum sha256:0000 vs sha256:[0-9a-f]{64}\)/,
    );
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/truncated\.json: \$: not valid JSON: .* — a truncated or damaged part/);
    expect(readdirSync(bad).sort()).toEqual(['foreign.json', 'truncated.json']);
  });

  it('refuses a shard out of range and outputs that cannot be written, before computing, leaving nothing', async () => {
    const [range, omx, out] = await Promise.all([
      failure(cli('simulate', [...inputs, '--shard', '4/4', '--out', at('never.json')])),
      failure(cli('simulate', [...inputs, '--out', at('never.json'), '--omx', at('no-such-folder/x.omx')])),
      failure(cli('simulate', [...inputs, '--out', at('no-such-folder/r.json')])),
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /simulate: OutputError: cannot write .*no-such-folder\/r\.json: its folder does not exist/,
    );
    expect(out.stderr).not.toMatch(/computing/);
    expect(range.code).toBe(1);
    expect(range.stderr).toMatch(/simulate: ShardError: --shard 4\/4: the index must be 0 to 3/);
    expect(omx.code).toBe(1);
    expect(omx.stderr).toMatch(
      /simulate: OutputError: cannot write .*no-such-folder\/x\.omx: its folder does not exist/,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('never') || f.includes('partial'))).toEqual([]);
  });
  it('says how it is used: --help prints the options; an unknown option or a bad combination adds them', async () => {
    const help = await cli('simulate', ['--help']);
    expect(help.stdout).toMatch(/^usage: npm run simulate -- --network/);
    for (const flag of ['--scenario', '--before', '--omx', '--demand', '--shard', '--workers'])
      expect(help.stdout).toContain(flag);
    const [unknown, both] = await Promise.all([
      failure(cli('simulate', [...inputs, '--out', at('never.json'), '--bogus'])),
      failure(cli('simulate', [...inputs, '--before', SCENARIO, '--demand', '--out', at('never.json')])),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/simulate: Unknown option '--bogus'\n\nusage: /);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/simulate: --demand .*\n\nusage: /);
  });
});
