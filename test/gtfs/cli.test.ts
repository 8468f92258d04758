import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/importGtfs';
import { loadNetwork } from '../../src/io/network';
import { SAMPLES } from './support';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/importGtfs.ts', ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('import-gtfs CLI', () => {
  it('parses its arguments', () => {
    expect(
      parseArgs([
        'feed.zip',
        '--out',
        'x.network.json',
        '--route-type',
        '3=metro',
        '--route',
        'R1=none',
        '--date',
        '20240103',
        '--lenient',
      ]),
    ).toEqual({
      feed: 'feed.zip',
      out: 'x.network.json',
      options: { routeTypes: { 3: 'metro' }, routes: { R1: null }, date: '20240103', lenient: true },
      quiet: false,
    });
    expect(parseArgs(['feed.zip'])).toBe('give --out <file.network.json>');
    expect(parseArgs(['feed.zip', '--out', 'x', '--route-type', '3=coach'])).toBe(
      '--route-type: "coach" is not a layer (trunk, intercity, suburban, metro, bus or none)',
    );
    expect(parseArgs(['feed.zip', '--out', 'x', '--bus', '--route-type', '3=bus'])).toEqual({
      feed: 'feed.zip',
      out: 'x',
      options: { keepBuses: true, routeTypes: { 3: 'bus' } },
      quiet: false,
    });
  });

  it('imports a feed folder, prints the report and writes a network that loads', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gtfs-cli-')), 'caltrain.network.json');
    const r = await cli([join(SAMPLES, 'caltrain_20160406'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GTFS import of caltrain_20160406: ok');
    expect(r.stdout).toContain(
      'TaSj-16APR "Tamien / San Jose Diridon Caltrain Shuttle" route_type 3: bus (3)',
    );
    const loaded = loadNetwork({ file: out, text: readFileSync(out, 'utf8') });
    expect(loaded.ok && loaded.value.lines.length).toBe(3);
  });

  it('exits 1 with the full issue list on a malformed feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gtfs-cli-'));
    cpSync(join(SAMPLES, 'caltrain_20160406'), dir, { recursive: true });
    const lines = readFileSync(join(dir, 'stop_times.txt'), 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/,\d+:\d\d:\d\d,/, ',soon,');
    lines[9] = lines[9]!.replace(/,(\d+),0,0(\r?)$/, ',x,0,0$2');
    writeFileSync(join(dir, 'stop_times.txt'), lines.join('\n'));
    const r = await cli([dir, '--out', join(dir, 'out.network.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not imported, 2 problems:');
    expect(r.stderr).toContain('stop_times.txt:5:arrival_time: expected a time HH:MM:SS, got "soon"');
    expect(r.stderr).toContain('stop_times.txt:10:stop_sequence: expected a whole number');
  });
});
