import { Inflate } from 'fflate';

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
    entries.push({ path, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
    at = xEnd + commentLen;
  }
  return { ok: true, entries };
}

/**
 * Decompress one entry in slices, handing each decompressed piece to `sink` as it comes; `between` runs
 * between slices (progress, abort, yielding to the event loop). Returns an error message for a damaged or
 * unsupported entry; `sink` may then have seen part of the file.
 */
export async function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  sink: (bytes: Uint8Array) => void,
  between: (compressedDone: number) => Promise<void>,
  sliceBytes = 256 * 1024,
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
  if (entry.method === 0) {
    for (let p = start; p < end; p += sliceBytes) {
      sink(data.subarray(p, Math.min(end, p + sliceBytes)));
      await between(Math.min(end, p + sliceBytes) - start);
    }
    return undefined;
  }
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    sink(chunk);
    if (final) finished = true;
  });
  try {
    for (let p = start; p < end || p === start; p += sliceBytes) {
      const q = Math.min(end, p + sliceBytes);
      inflate.push(data.subarray(p, q), q === end);
      await between(q - start);
      if (q === end) break;
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') throw e;
    return `cannot decompress: ${e instanceof Error ? e.message : String(e)}`;
  }
  return finished ? undefined : 'compressed data ends early (truncated)';
}
