import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import {
  decodeTable,
  encodeTable,
  loadPart,
  PART_FORMAT,
  type PartDocument,
  partSetIssues,
  serializePart,
} from './part';

/** A part of a run of 6 zones in 3 shards (shard i holds zones 2i and 2i + 1). */
function part(index: number, change: Partial<PartDocument['inputs']> = {}): PartDocument {
  const origins = [2 * index, 2 * index + 1];
  return {
    format: PART_FORMAT,
    generatedAt: '2026-12-05T00:00:00.000Z',
    engine: { name: 'commuteshed', version: '1.0.0' },
    inputs: {
      network: { file: 'n.network.json', id: 'n', checksum: 'sha256:aa' },
      scenario: null,
      period: 'am-peak',
      ...change,
    },
    shard: { index, count: 3, zones: 6 },
    origins,
    metrics: { baseline: { timeToCore: { type: 'Float64Array', values: origins.map((o) => o * 60) } } },
  };
}
const named = (...ps: PartDocument[]) => ps.map((p, k) => ({ file: `p${k}.json`, part: p }));

describe('parts of a sharded run', () => {
  it('encode any metrics table exactly, field by field (non-finite numbers and -0 included)', () => {
    const number = fc.oneof(
      fc.double(),
      fc.constantFrom(Infinity, -Infinity, Number.NaN, -0, 0, 5e-324, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }).chain((n) =>
          fc.record({
            a: fc.array(number, { minLength: n, maxLength: n }),
            b: fc.array(fc.array(number, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }),
            c: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n }),
          }),
        ),
        ({ a, b, c }) => {
          // Field names the metrics code does not have (yet): the encoding must not care.
          const table = {
            timeToCore: Float64Array.from(a),
            jobsWithin: b.map((x) => Float64Array.from(x)),
            bestMode: Uint8Array.from(c),
          };
          const encoded = encodeTable(table as unknown as ZoneMetricsTable);
          const back = decodeTable(JSON.parse(JSON.stringify(encoded))) as unknown as typeof table;
          const bits = (x: ArrayBufferView) =>
            Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');
          expect(Object.keys(back)).toEqual(Object.keys(table));
          expect(bits(back.timeToCore)).toBe(bits(table.timeToCore));
          expect(back.jobsWithin.map(bits)).toEqual(table.jobsWithin.map(bits));
          expect(back.bestMode).toBeInstanceOf(Uint8Array);
          expect(bits(back.bestMode)).toBe(bits(table.bestMode));
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it('load a part, and name a truncated one as such with where it ends', () => {
    const text = serializePart(part(1));
    expect(loadPart('p.json', text)).toEqual({ ok: true, value: part(1) });
    const cut = loadPart('p.json', text.slice(0, 120));
    expect(cut.ok).toBe(false);
    if (!cut.ok)
      expect(cut.issues[0]!.message).toMatch(
        /^not valid JSON: .* \(line 1, column 121\) — a truncated or damaged part$/,
      );
  });

  it('refuse a part whose tables do not match its origins, or whose shard is out of range', () => {
    const bad = part(1);
    bad.shard.index = 3;
    bad.metrics.baseline.timeToCore = { type: 'Float64Array', values: [1] };
    const result = loadPart('p.json', serializePart(bad));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: '$.shard.index', message: 'must be below count 3' },
      { path: '$.metrics.baseline.timeToCore', message: 'needs one value per origin (2)' },
    ]);
  });

  it('accept every shard of one run once, in any order', () => {
    expect(partSetIssues(named(part(2), part(0), part(1)))).toEqual([]);
  });

  it('name the missing and the duplicated shards', () => {
    expect(partSetIssues(named(part(0), part(0)))).toEqual([
      { path: 'p0.json, p1.json', message: 'shard 0/3 given 2 times' },
      { path: '$', message: 'missing shards 1/3, 2/3' },
    ]);
  });

  it('name a foreign part and what differs', () => {
    const other = part(1, {
      period: 'off-peak',
      scenario: { file: 's.json', id: 's', checksum: 'sha256:bb' },
    });
    expect(partSetIssues(named(part(0), other, part(2)))).toEqual([
      {
        path: 'p1.json',
        message:
          'foreign part: not of the run of p0.json (scenario checksum sha256:bb vs none; period off-peak vs am-peak)',
      },
    ]);
  });

  it('find zones in two parts or in none, whatever the shard numbers say', () => {
    const overlapping = part(1);
    overlapping.origins = [0, 3];
    expect(partSetIssues(named(part(0), overlapping, part(2)))).toEqual([
      { path: 'p1.json', message: '1 of its zones are in another part too (zone 0, …)' },
      { path: '$', message: '1 zones are in no part' },
    ]);
  });
});
