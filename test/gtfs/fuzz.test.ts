import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type GtfsInput, type ImportResult, importGtfs } from '../../src/io/gtfs';
import { loadNetwork, serializeNetwork } from '../../src/io/network';
import { smallFeed } from '../support/gtfsFeed';
import { feedTexts, SAMPLES } from './support';

/** `file.txt`, `file.txt:line`, `file.txt:line:column`, the feed itself, or the caller's options. */
const FEED_PATH = /^(?:[a-z_]+\.txt(?::[1-9]\d*(?::[a-z_]+)?)?|feed|feed\.zip|options.*|…)$/;

/**
 * What every import must give, whatever the input: an answer (no exception), issues that name where, no
 * internal error, and when ok a network that loads like a file.
 */
async function expectSane(
  input: GtfsInput,
  feed: Record<string, string> | undefined,
  label = 'feed',
): Promise<ImportResult> {
  const result = await importGtfs(input, { feedName: label });
  const issues = result.ok ? [] : result.issues;
  for (const i of [...issues, ...result.report.warnings]) {
    expect(i.path).toMatch(FEED_PATH);
    expect(i.message).not.toMatch(/internal error/);
    // Lines named exist in the file.
    const m = /^([a-z_]+\.txt):(\d+)/.exec(i.path);
    if (m && feed?.[m[1]!] !== undefined)
      expect(Number(m[2])).toBeLessThanOrEqual(feed[m[1]!]!.split('\n').length);
  }
  if (result.ok) {
    const loaded = loadNetwork({ file: 'fuzzed', text: serializeNetwork(result.network) });
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  }
  return result;
}

/** Fixed seeds (DEVELOPERS.md); FUZZ_SEED explores others, FUZZ_RUNS runs more cases. */
const SEED = Number(process.env.FUZZ_SEED ?? 1207);

const base = smallFeed();
const fileName = fc.constantFrom(...Object.keys(base));

/** One mutation of one file's text. */
type Mutation = (text: string) => string;

const truncate = fc.double({ min: 0, max: 1, noNaN: true }).map(
  (f): Mutation =>
    (t) =>
      t.slice(0, Math.floor(t.length * f)),
);

const wrongValue = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    '-1',
    '1e309',
    '99:99:99',
    '25:61:00',
    '20241301',
    'NaN',
    '0x10',
    '１',
    '"',
    '3.5',
    '999999999999',
    ' ',
    '\u0000',
  ),
  fc.string({ maxLength: 8 }),
);
const replaceField = fc.tuple(fc.nat(), fc.nat(), wrongValue).map(
  ([row, col, value]): Mutation =>
    (t) => {
      const lines = t.split('\n');
      const r = 1 + (row % Math.max(1, lines.length - 1));
      const fields = (lines[r] ?? '').split(',');
      fields[col % fields.length] = value;
      lines[r] = fields.join(',');
      return lines.join('\n');
    },
);

const dropColumn = fc.nat().map(
  (col): Mutation =>
    (t) => {
      const [header, ...rest] = t.split('\n');
      const names = header!.split(',');
      const k = col % names.length;
      return [names.filter((_, i) => i !== k).join(','), ...rest].join('\n');
    },
);

const breakQuotes = fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).map(
  (positions): Mutation =>
    (t) => {
      let s = t;
      for (const p of positions) {
        const at = p % (s.length + 1);
        s = `${s.slice(0, at)}"${s.slice(at)}`;
      }
      return s;
    },
);

const garbage = fc.string({ maxLength: 200 }).map(
  (junk): Mutation =>
    () =>
      junk,
);

const mutation = fc.oneof(truncate, replaceField, dropColumn, breakQuotes, garbage);

function mutate(feed: Record<string, string>, changes: [string, Mutation][]): Record<string, string> {
  const out = { ...feed };
  for (const [file, m] of changes) if (out[file] !== undefined) out[file] = m(out[file]!);
  return out;
}

describe('fuzzed feeds never crash the importer', () => {
  it('survives truncated files, wrong types, missing columns, broken quotes and garbage (hand-made feed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fileName, mutation), { minLength: 1, maxLength: 3 }),
        async (changes) => {
          const feed = mutate(base, changes);
          await expectSane({ files: feed }, feed);
        },
      ),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('reports each kind of damage as an error at file:line(:column)', async () => {
    const cases: [string, Mutation, RegExp][] = [
      [
        'stop_times.txt',
        (t) => t.slice(0, t.indexOf('M1,07:05:00') + 5),
        /^stop_times\.txt:4:(arrival_time|stop_id|stop_sequence)$/,
      ],
      ['stops.txt', (t) => t.replace('39.90,116.30,1', 'north,116.30,1'), /^stops\.txt:2:stop_lat$/],
      ['trips.txt', (t) => t.replace('trip_id', 'trip'), /^trips\.txt:1:trip_id$/],
      ['routes.txt', (t) => t.replace('M,T,M', '"M,T,M'), /^routes\.txt:2$/],
    ];
    for (const [file, m, path] of cases) {
      const feed = mutate(base, [[file, m]]);
      const result = await expectSane({ files: feed }, feed);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path)).toContainEqual(expect.stringMatching(path));
    }
  });

  it('survives a real feed with damaged rows (Caltrain)', async () => {
    const caltrain = feedTexts(join(SAMPLES, 'caltrain_20160406'));
    const files = fc.constantFrom(
      'stops.txt',
      'stop_times.txt',
      'trips.txt',
      'calendar.txt',
      'calendar_dates.txt',
      'routes.txt',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(files, fc.oneof(replaceField, breakQuotes, truncate)), {
          minLength: 1,
          maxLength: 2,
        }),
        async (changes) => {
          const feed = mutate(caltrain, changes);
          await expectSane({ files: feed }, feed);
        },
      ),
      { seed: SEED + 1, numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });

  it('survives random bytes in a zip and random bytes as a zip', async () => {
    const zip = zipSync(
      Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new TextEncoder().encode(v)])),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (edits, cut) => {
          const bytes = zip.slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          await expectSane({ zip: damaged }, undefined, 'feed.zip');
        },
      ),
      { seed: SEED + 2, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await expectSane({ zip: bytes }, undefined, 'feed.zip');
        expect(result.ok).toBe(false);
      }),
      { seed: SEED + 3, numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
  });
});
