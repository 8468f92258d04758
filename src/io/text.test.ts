import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, Utf8Stream } from './text';

const fatal = new TextDecoder('utf-8', { fatal: true });
const valid = (b: Uint8Array) => {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
};

// Bytes that are mostly text, with the bytes UTF-8 forbids or constrains mixed in.
const bytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => [...new TextEncoder().encode(s)]),
      fc.constantFrom(
        [0xc0, 0x80],
        [0xe0, 0x80, 0x80],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xff],
        [0xb1, 0xb1],
        [0xef, 0xbf, 0xbd],
        [0xe4, 0xb8],
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder, and everything before the offset is UTF-8 (property)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at < 0).toBe(valid(b));
        if (at >= 0) expect(valid(b.subarray(0, at))).toBe(true);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});

describe('decodeUtf8', () => {
  it('keeps the text of UTF-8 (with its byte-order mark) and names the line and column of a GBK byte', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFF{"zh":"北京"}'))).toEqual({
      ok: true,
      text: '\uFEFF{"zh":"北京"}',
    });
    const gbk = Uint8Array.from([...new TextEncoder().encode('{\n  "zh": "北'), 0xbe, 0xa9, 0x22, 0x7d]);
    expect(decodeUtf8(gbk)).toEqual({
      ok: false,
      issues: [
        {
          path: '$',
          message:
            'not UTF-8: byte 0xBE (line 2, column 11) is not part of a UTF-8 character; save the file as UTF-8 (other encodings, such as GBK, are not read)',
        },
      ],
    });
  });
});

describe('Utf8Stream', () => {
  it('counts the replacements bad bytes caused, not real U+FFFD, however the bytes are sliced (property)', () => {
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 5 }), (b, cuts) => {
        const whole = new TextDecoder('utf-8').decode(b);
        const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
        const s = new Utf8Stream();
        let text = '';
        let from = 0;
        for (const p of [...points, b.length]) {
          text += s.decode(b.subarray(from, p), p === b.length);
          from = p;
        }
        expect(text).toBe(whole);
        // Replacements that stand for bad bytes = all replacements − EF BF BD sequences in the input.
        const real = countSequence(b, [0xef, 0xbf, 0xbd]);
        const expected = whole.split('\uFFFD').length - 1 - real;
        expect(s.problem()?.count ?? 0).toBe(expected);
        if (valid(b)) expect(s.problem()).toBeUndefined();
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('gives the line of the first bad byte', () => {
    const s = new Utf8Stream();
    s.decode(new TextEncoder().encode('a,b\n1,2\n'));
    s.decode(Uint8Array.from([0x33, 0x2c, 0xb1, 0x0a, 0xff]), true);
    expect(s.problem()).toEqual({ count: 2, line: 3 });
  });
});

function countSequence(b: Uint8Array, seq: number[]): number {
  let n = 0;
  for (let k = 0; k + seq.length <= b.length; k++) if (seq.every((x, j) => b[k + j] === x)) n++;
  return n;
}
