import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './png';

/** CRC-32 bit by bit (no table): an independent check of the encoder's. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** The chunks of a PNG file, each checked against its CRC. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes an RGB PNG whose Sub-filtered rows decode to the pixels given (alpha dropped)', async () => {
    // 3 × 2 pixels: red, green, blue / white, black, a grey with alpha 0 (written as its colour).
    const rgba = Uint8Array.from([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 0,
    ]);
    const png = await encodePng(3, 2, rgba);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = new DataView(list[0]!.data.buffer, list[0]!.data.byteOffset);
    expect([header.getUint32(0), header.getUint32(4), ...list[0]!.data.subarray(8)]).toEqual([
      3, 2, 8, 2, 0, 0, 0,
    ]);
    // Undo the Sub filter: each byte plus the same channel of the pixel to its left.
    const raw = inflateSync(list[1]!.data);
    expect(raw.length).toBe(2 * (1 + 3 * 3));
    const pixels: number[] = [];
    for (let y = 0; y < 2; y++) {
      const row = raw.subarray(y * 10, (y + 1) * 10);
      expect(row[0]).toBe(1);
      const rgb = [...row.subarray(1)];
      for (let i = 3; i < rgb.length; i++) rgb[i] = (rgb[i]! + rgb[i - 3]!) & 0xff;
      pixels.push(...rgb);
    }
    expect(pixels).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 128, 128, 128]);
  });
});
