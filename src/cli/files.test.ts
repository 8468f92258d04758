import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readNetwork, writePieces } from './files';

const toyText = readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8');
const folder = () => mkdtempSync(join(tmpdir(), 'commuteshed-files-'));

describe('writePieces (never a partial file)', () => {
  it('writes every piece, through a temporary file that is gone afterwards', async () => {
    const dir = folder();
    const out = join(dir, 'results.json');
    await writePieces(['{', '"a": 1', '}\n'], out);
    expect(readFileSync(out, 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('a failure half way leaves no file, and an earlier file as it was', async () => {
    const dir = folder();
    const out = join(dir, 'results.json');
    function* failing() {
      yield '{"zones": [';
      yield 'x'.repeat(1 << 20);
      throw new RangeError('a piece could not be made');
    }
    await expect(writePieces(failing(), out)).rejects.toThrow('a piece could not be made');
    expect(readdirSync(dir)).toEqual([]);

    writeFileSync(out, 'the previous results\n');
    await expect(writePieces(failing(), out)).rejects.toThrow(RangeError);
    expect(readFileSync(out, 'utf8')).toBe('the previous results\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('a folder that does not exist is an error, with nothing left behind', async () => {
    await expect(writePieces(['x'], join(folder(), 'no', 'such', 'out.json'))).rejects.toThrow(
      /its folder does not exist/,
    );
  });
});

describe('readNetwork', () => {
  it('a "zonesFile" key nested in the document is not the network’s: the real problems are reported', async () => {
    // The old text search found this nested key, went looking for "notes.zones.geojson" and reported
    // only that it could not be read.
    const dir = folder();
    const n = JSON.parse(toyText);
    n.notes = [{ zonesFile: 'notes.zones.geojson' }];
    n.periods[0].end = '25:99';
    writeFileSync(join(dir, 'toy.network.json'), JSON.stringify(n));
    const result = await readNetwork(join(dir, 'toy.network.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe(join(dir, 'toy.network.json'));
    expect(result.issues.map((i) => i.path)).toEqual(['$.notes[0]', '$.periods[0].end']);
  });

  it('a zones file that cannot be read is reported at that file when the network itself is sound', async () => {
    const dir = folder();
    const n = JSON.parse(toyText);
    n.zonesFile = 'toy.zones.geojson';
    delete n.zones;
    writeFileSync(join(dir, 'toy.network.json'), JSON.stringify(n));
    const result = await readNetwork(join(dir, 'toy.network.json'));
    expect(result).toMatchObject({
      ok: false,
      file: join(dir, 'toy.zones.geojson'),
      issues: [{ path: '$', message: expect.stringMatching(/^cannot read the zones file: ENOENT/) }],
    });
  });

  it('a network without a core loads, with a warning on stderr naming the file', async () => {
    const dir = folder();
    const n = JSON.parse(toyText);
    n.core = [];
    writeFileSync(join(dir, 'toy.network.json'), JSON.stringify(n));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const result = await readNetwork(join(dir, 'toy.network.json'));
      expect(result.ok).toBe(true);
      expect(stderr).toHaveBeenCalledWith(
        `${join(dir, 'toy.network.json')}: warning: $.core: no core zones: time to the core and the 1-hour commute circle cannot be computed (name the core zones)\n`,
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('a file that is not UTF-8 (a name saved as GBK) is an issue with its line and column', async () => {
    const dir = folder();
    const text = toyText.replace('"name": {', '"name": {"zh": "@@", ');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('@@');
    // 北京 in GBK: B1 B1 BE A9.
    const gbk = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
      bytes.subarray(at + 2),
    ]);
    writeFileSync(join(dir, 'gbk.network.json'), gbk);
    const line = text.slice(0, text.indexOf('@@')).split('\n').length;
    const column = text.indexOf('@@') - text.lastIndexOf('\n', text.indexOf('@@'));
    expect(await readNetwork(join(dir, 'gbk.network.json'))).toEqual({
      ok: false,
      file: join(dir, 'gbk.network.json'),
      issues: [
        {
          path: '$',
          message: `not UTF-8: byte 0xB1 (line ${line}, column ${column}) is not part of a UTF-8 character; save the file as UTF-8 (other encodings, such as GBK, are not read)`,
        },
      ],
    });
  });
});
