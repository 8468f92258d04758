import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntry, listZip } from './zip';

const encode = (s: string) => new TextEncoder().encode(s);

async function unpack(
  zip: Uint8Array,
  path: string,
  sliceBytes?: number,
): Promise<{ text: string; error: string | undefined; slices: number }> {
  const listing = listZip(zip);
  if (!listing.ok) throw new Error(listing.message);
  const entry = listing.entries.find((e) => e.path === path)!;
  const chunks: Uint8Array[] = [];
  let slices = 0;
  const error = await inflateEntry(
    zip,
    entry,
    (b) => chunks.push(b.slice()),
    async () => {
      slices++;
    },
    sliceBytes,
  );
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    all.set(c, p);
    p += c.length;
  }
  return { text: new TextDecoder().decode(all), error, slices };
}

describe('zip', () => {
  const big = 'trip_id,stop_id\n' + Array.from({ length: 50_000 }, (_, k) => `t${k % 97},s${k}`).join('\n');
  const zip = zipSync({
    'feed/stops.txt': encode('stop_id\nA\n'),
    'feed/stop_times.txt': encode(big),
    'raw.txt': [encode('stored'), { level: 0 }],
  });

  it('lists entries from the central directory', () => {
    const listing = listZip(zip);
    expect(listing.ok && listing.entries.map((e) => [e.path, e.method, e.size])).toEqual([
      ['feed/stops.txt', 8, 10],
      ['feed/stop_times.txt', 8, big.length],
      ['raw.txt', 0, 6],
    ]);
  });

  it('inflates an entry in slices, deflated or stored', async () => {
    const r = await unpack(zip, 'feed/stop_times.txt', 4096);
    expect(r).toMatchObject({ text: big, error: undefined });
    expect(r.slices).toBeGreaterThan(1);
    expect(await unpack(zip, 'raw.txt')).toMatchObject({ text: 'stored', error: undefined });
  });

  it('says what is wrong with a damaged or truncated zip instead of throwing', async () => {
    expect(listZip(new Uint8Array(100))).toEqual({
      ok: false,
      message: 'not a zip file (no end-of-central-directory record; truncated or not a zip)',
    });
    expect(listZip(zip.subarray(0, zip.length - 30)).ok).toBe(false);
    const damaged = zip.slice();
    const listing = listZip(zip);
    if (!listing.ok) throw new Error();
    const entry = listing.entries[1]!;
    // Garble the middle of the deflated data of stop_times.txt.
    for (let k = 0; k < 64; k++) damaged[entry.offset + 60 + k] = 0xff;
    const r = await unpack(damaged, 'feed/stop_times.txt');
    expect(r.error).toMatch(/^cannot decompress|compressed data ends early/);
  });
});

describe('zip limits and CRC-32', () => {
  const zeros = (n: number) => new Uint8Array(n);
  /** A zip of one entry of `n` zero bytes (deflate: about 1,000 × smaller). */
  const bomb = (n: number) => zipSync({ 'stop_times.txt': zeros(n) });
  const small = { maxEntryBytes: 1 << 20, maxTotalBytes: 2 << 20, maxRatio: 100, ratioAfterBytes: 64 << 10 };

  async function inflate(zip: Uint8Array, limits = small, budget?: { remaining: number }) {
    const listing = listZip(zip);
    if (!listing.ok) throw new Error(listing.message);
    let seen = 0;
    const error = await inflateEntry(
      zip,
      listing.entries[0]!,
      (b) => {
        seen += b.length;
      },
      async () => undefined,
      undefined,
      limits,
      budget,
    );
    return { error, seen };
  }

  /** The zip with entry 0's central-directory field at `offset` (from the record start) set to `value`. */
  function patched(zip: Uint8Array, offset: number, value: number): Uint8Array {
    const z = zip.slice();
    const view = new DataView(z.buffer);
    for (let at = z.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + offset, value, true);
        return z;
      }
    }
    throw new Error('no central directory');
  }

  it('a bomb whose directory states its size stops at the ratio, within a slice', async () => {
    // 8 MB of zeros deflate to ~8 kB: past 64 kB of output it inflates > 100 × what it has consumed.
    const { error, seen } = await inflate(bomb(8 << 20), { ...small, maxEntryBytes: 1 << 30 });
    expect(error).toMatch(
      /^inflates \d+ times its compressed size, more than the 100 times any real feed does: a "zip bomb"; nothing is imported$/,
    );
    expect(seen).toBeLessThan(1 << 20);
  });

  it('a bomb whose directory lies about its size stops at the stated size', async () => {
    const z = patched(bomb(8 << 20), 24, 1000);
    const { error, seen } = await inflate(z, { ...small, maxEntryBytes: 1 << 30, maxRatio: 1e9 });
    expect(error).toMatch(
      /^inflates to more than the 1 kB the zip's directory states: the zip is damaged or built to exhaust memory/,
    );
    expect(seen).toBe(0);
  });

  it('per-entry and per-feed caps', async () => {
    expect((await inflate(bomb(3 << 20), { ...small, maxRatio: 1e9 })).error).toBe(
      'inflates to more than 1 MB, the most the importer reads from one file',
    );
    expect((await inflate(bomb(500_000), { ...small, maxRatio: 1e9 }, { remaining: 100_000 })).error).toBe(
      'the feed inflates to more than 2 MB, the most the importer reads from one zip',
    );
  });

  it('a corrupted entry whose data still inflates fails its CRC-32 (stored and deflated)', async () => {
    const text = encode('stop_id,stop_name\nA,Alpha\nB,Beta\n');
    for (const level of [0, 6] as const) {
      const zip = zipSync({ 'stops.txt': [text, { level }] });
      expect((await inflate(zip)).error).toBeUndefined();
      const wrong = patched(zip, 16, 0x12345678);
      expect((await inflate(wrong)).error).toBe(
        'its CRC-32 check failed: the data is not what the zip recorded (a damaged download or copy); nothing is imported',
      );
    }
    // A flipped byte in stored data: the text is still text, only the CRC tells.
    const stored = zipSync({ 'stops.txt': [text, { level: 0 }] });
    const flipped = stored.slice();
    // "A" → "B" in the local entry's data, after its 30-byte header and name: the header holds the zip's
    // time of writing, whose bytes may be 0x41 too (this test once failed at 08:10 for that).
    const data = 30 + 'stops.txt'.length;
    expect(stored.subarray(data, data + text.length)).toEqual(text);
    flipped[stored.indexOf(0x41, data)] = 0x42;
    expect((await inflate(flipped)).error).toMatch(/CRC-32 check failed/);
  });
});
