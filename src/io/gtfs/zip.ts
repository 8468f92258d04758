import { Inflate } from 'fflate';
import { Crc32 } from './crc32';

/** One file in a zip, as its central directory describes it. */
export interface ZipEntry {
  /** Path inside the zip, e.g. `gtfs/stops.txt`. */
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  encrypted: boolean;
  /** CRC-32 of the uncompressed data, as the central directory gives it. */
  crc32: number;
}

/**
 * What the importer inflates at most. Real feeds compress 2–25 × (measured on the samples: NYC subway
 * stop_times 8 ×, trips 22 ×); a zip bomb 1,000 ×, turning a few megabytes into gigabytes. The ratio is
 * judged once an entry has given `ratioAfterBytes`, so small repetitive files (calendar_dates) never trip it.
 */
export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioAfterBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 1_000_000_000,
  maxTotalBytes: 2_000_000_000,
  maxRatio: 100,
  ratioAfterBytes: 16 * 1024 ** 2,
};

/** "1.2 GB", "350 MB", "12 kB". */
export function byteText(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  return `${Math.round(n / 1e3)} kB`;
}

/** Inflated bytes left for the whole feed, shared by its entries. */
export interface InflateBudget {
  remaining: number;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The files of a zip from its central directory, without decompressing anything. Any inconsistency
 * (random bytes, a truncated download) is a message, never an exception. ZIP64 sizes are read.
 */
export function listZip(data: Uint8Array): ZipListing {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u32 = (at: number) => (at + 4 <= data.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= data.length ? view.getUint16(at, true) : -1);
  const u64 = (at: number) =>
    at + 8 <= data.length ? view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32 : -1;

  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0)
    return {
      ok: false,
      message: 'not a zip file (no end-of-central-directory record; truncated or not a zip)',
    };
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && u32(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(eocd - 20 + 8);
    if (at >= 0 && u32(at) === EOCD64) {
      count = u64(at + 32);
      cdOffset = u64(at + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (u32(at) !== CENTRAL)
      return { ok: false, message: `zip central directory is damaged (entry ${k + 1} of ${count})` };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc32 = u32(at + 16);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let offset = u32(at + 42);
    if (at + 46 + nameLen > data.length) return { ok: false, message: 'zip central directory is truncated' };
    const path = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLen));
    // ZIP64: the 32-bit fields that overflowed are given, in this order, in extra field 0x0001.
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(x);
      const len = u16(x + 2);
      if (id === 1) {
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(p);
      }
      x += 4 + len;
    }
    if (size < 0 || compressedSize < 0 || offset < 0)
      return { ok: false, message: `zip central directory is damaged (entry "${path}")` };
    entries.push({ path, method, compressedSize, size, offset, encrypted: (flags & 1) === 1, crc32 });
    at = xEnd + commentLen;
  }
  return { ok: true, entries };
}

/**
 * Decompress one entry in slices, handing each decompressed piece to `sink` as it comes; `between` runs
 * between slices (progress, abort, yielding to the event loop). Returns an error message for a damaged,
 * unsupported or oversized entry; `sink` may then have seen part of the file. While streaming, the entry
 * may not inflate past the size its directory states, past `limits.maxEntryBytes` or the feed's `budget`,
 * nor at more than `limits.maxRatio` × its compressed bytes: a zip bomb stops within a slice, not after
 * gigabytes. At the end the size and the CRC-32 must be what the directory says.
 */
export async function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  sink: (bytes: Uint8Array) => void,
  between: (compressedDone: number) => Promise<void>,
  sliceBytes = 64 * 1024,
  limits: ZipLimits = ZIP_LIMITS,
  budget: InflateBudget = { remaining: limits.maxTotalBytes },
): Promise<string | undefined> {
  if (entry.encrypted) return 'the file is encrypted';
  if (entry.method !== 0 && entry.method !== 8)
    return `compression method ${entry.method} is not supported (only stored and deflate)`;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (entry.offset + 30 > data.length || view.getUint32(entry.offset, true) !== LOCAL)
    return 'zip entry header is damaged';
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) return 'zip entry is truncated';
  const crc = new Crc32();
  let inflated = 0;
  let consumed = 0;
  /** Why the bytes so far are too many, or undefined. */
  const excess = (): string | undefined => {
    if (inflated > entry.size)
      return `inflates to more than the ${byteText(entry.size)} the zip's directory states: the zip is damaged or built to exhaust memory (a "zip bomb"); nothing is imported`;
    if (inflated > limits.ratioAfterBytes && inflated > limits.maxRatio * consumed)
      return `inflates ${Math.round(inflated / Math.max(1, consumed))} times its compressed size, more than the ${limits.maxRatio} times any real feed does: a "zip bomb"; nothing is imported`;
    if (inflated > limits.maxEntryBytes)
      return `inflates to more than ${byteText(limits.maxEntryBytes)}, the most the importer reads from one file`;
    if (inflated > budget.remaining)
      return `the feed inflates to more than ${byteText(limits.maxTotalBytes)}, the most the importer reads from one zip`;
    return undefined;
  };
  const take = (bytes: Uint8Array): string | undefined => {
    inflated += bytes.length;
    const problem = excess();
    if (problem) return problem;
    crc.update(bytes);
    sink(bytes);
    return undefined;
  };
  const finish = (): string | undefined => {
    budget.remaining -= inflated;
    if (inflated !== entry.size)
      return `inflates to ${inflated} bytes where the zip's directory says ${entry.size}: the zip is damaged`;
    if (crc.value() !== entry.crc32)
      return 'its CRC-32 check failed: the data is not what the zip recorded (a damaged download or copy); nothing is imported';
    return undefined;
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += sliceBytes) {
      const q = Math.min(end, p + sliceBytes);
      consumed = q - start;
      const problem = take(data.subarray(p, q));
      if (problem) return problem;
      await between(consumed);
    }
    return finish();
  }
  let finished = false;
  let stopped: string | undefined;
  const inflate = new Inflate((chunk, final) => {
    if (stopped) return;
    stopped = take(chunk);
    if (final) finished = true;
  });
  try {
    for (let p = start; p < end || p === start; p += sliceBytes) {
      const q = Math.min(end, p + sliceBytes);
      consumed = q - start;
      inflate.push(data.subarray(p, q), q === end);
      if (stopped) return stopped;
      await between(consumed);
      if (q === end) break;
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') throw e;
    return `cannot decompress: ${e instanceof Error ? e.message : String(e)}`;
  }
  return finished ? finish() : 'compressed data ends early (truncated)';
}
