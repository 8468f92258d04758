/** CRC-32 (ISO-HDLC, the zip checksum), table-driven, computed piece by piece. */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export class Crc32 {
  private crc = -1;

  update(bytes: Uint8Array): void {
    let c = this.crc;
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
    this.crc = c;
  }

  /** The checksum as an unsigned 32-bit number, as a zip stores it. */
  value(): number {
    return (this.crc ^ -1) >>> 0;
  }
}
