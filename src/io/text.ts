import type { Issue } from '../domain/issue';

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 character (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or −1. A character cut off by the end counts as malformed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * A whole file's bytes as text. Files are UTF-8 (DESIGN.md §4); anything else — most often a file saved as
 * GBK — would turn its names into U+FFFD without a word, so it is an issue with the line and column of the
 * first byte that is not UTF-8. A byte-order mark is kept (the JSON reader skips it).
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issues: Issue[] } {
  try {
    // The platform's decoder first: native speed for the files that are fine (nearly all).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Located below.
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < bad; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    issues: [
      {
        path: '$',
        message: `not UTF-8: byte 0x${hex} (line ${line}, column ${column}) is not part of a UTF-8 character; save the file as UTF-8 (other encodings, such as GBK, are not read)`,
      },
    ],
  };
}

/**
 * Decodes a stream of UTF-8 slices the way a lenient reader must (bad bytes become U+FFFD, so one bad name
 * does not cost the file), and notices when that happened: how many replacements the bytes did not hold
 * themselves (a real U+FFFD is EF BF BD), and the line of the first.
 */
export class Utf8Stream {
  private readonly decoder = new TextDecoder('utf-8');
  private replaced = 0;
  private genuine = 0;
  private lines = 1;
  private firstLine = 0;
  /** The last two bytes of the previous slice: a genuine EF BF BD may straddle two slices. */
  private tail: number[] = [];

  decode(bytes: Uint8Array, final = false): string {
    const text = this.decoder.decode(bytes, { stream: !final });
    const first = text.indexOf('\uFFFD');
    // A U+FFFD completes in the slice its last byte is in: only such slices need their bytes looked at.
    if (first >= 0) this.countGenuine(bytes);
    this.keepTail(bytes);
    if (first >= 0) {
      if (this.firstLine === 0) this.firstLine = this.lines + countNewlines(text, 0, first);
      for (let p = first; p >= 0; p = text.indexOf('\uFFFD', p + 1)) this.replaced++;
    }
    // Lines are counted only until the first replacement is placed (the rest of a file costs nothing).
    if (this.firstLine === 0) this.lines += countNewlines(text, 0, text.length);
    return text;
  }

  /** Replacements that stand for bytes that were not UTF-8, and the line of the first; undefined if none. */
  problem(): { count: number; line: number } | undefined {
    const count = this.replaced - this.genuine;
    return count > 0 ? { count, line: this.firstLine } : undefined;
  }

  private countGenuine(bytes: Uint8Array): void {
    const t = this.tail;
    const at = (k: number) => (k < t.length ? t[k]! : bytes[k - t.length]!);
    const n = t.length + bytes.length;
    for (let k = 0; k + 2 < n; k++) {
      if (at(k) === 0xef && at(k + 1) === 0xbf && at(k + 2) === 0xbd && k + 2 >= t.length) this.genuine++;
    }
  }

  private keepTail(bytes: Uint8Array): void {
    const joined = [...this.tail, ...bytes.subarray(Math.max(0, bytes.length - 2))];
    this.tail = joined.slice(-2);
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) n++;
  return n;
}
