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
