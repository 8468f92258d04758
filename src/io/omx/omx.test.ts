import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OmxError } from './format';
import { loadH5Node } from './node';
import { openOmx } from './reader';
import { OmxWriter } from './writer';

const dir = mkdtempSync(join(tmpdir(), 'commuteshed-omx-'));
const h5 = await loadH5Node();

describe('OmxWriter and openOmx', () => {
  it('reads back every cell, whatever order and blocks the rows were written in', () => {
    // Rows of two matrices over 7 zones, written as shuffled blocks of origins (as the pool delivers them):
    // cell (o, d) of matrix k is 1000k + 10o + d, with +Infinity on the diagonal of "b" (no path).
    const zones = ['z0', 'z1', 'zone-2', 'z3', '北京-4', 'z5', 'z6'];
    const Z = zones.length;
    const cell = (k: number, o: number, d: number) => (k === 1 && o === d ? Infinity : 1000 * k + 10 * o + d);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: Z, maxLength: Z }),
        fc.integer({ min: 1, max: 4 }),
        (order, size) => {
          const path = join(dir, 'blocks.omx');
          const w = OmxWriter.create(h5, path, {
            zones,
            matrices: [{ name: 'a', attributes: { units: 'seconds' } }, { name: 'b' }],
            attributes: { network: 'test', zones: Z },
          });
          for (let i = 0; i < Z; i += size) {
            const origins = Int32Array.from(order.slice(i, i + size));
            ['a', 'b'].forEach((name, k) => {
              const rows = new Float32Array(origins.length * Z);
              origins.forEach((o, r) => {
                for (let d = 0; d < Z; d++) rows[r * Z + d] = cell(k, o, d);
              });
              w.writeRows(name, origins, rows);
            });
          }
          w.close();
          const f = openOmx(h5, path);
          try {
            expect(f.zones).toEqual(zones);
            expect(f.matrices).toEqual(['a', 'b']);
            expect(f.attributes.network).toBe('test');
            expect(Number(f.attributes.zones)).toBe(Z);
            expect(f.matrixAttributes('a').units).toBe('seconds');
            ['a', 'b'].forEach((name, k) => {
              const all = f.rows(name, 0, Z);
              for (let o = 0; o < Z; o++)
                for (let d = 0; d < Z; d++) expect(all[o * Z + d]).toBe(cell(k, o, d));
            });
          } finally {
            f.close();
          }
        },
      ),
      { seed: 20261205, numRuns: 12 },
    );
  });

  it('refuses bad matrix names, rows of the wrong size and origins outside the file, by name', () => {
    const path = join(dir, 'bad.omx');
    expect(() => OmxWriter.create(h5, path, { zones: ['a'], matrices: [{ name: 'no spaces' }] })).toThrow(
      /matrix names must be letters, digits and _: no spaces/,
    );
    expect(() =>
      OmxWriter.create(h5, path, { zones: ['a'], matrices: [{ name: 't' }, { name: 't' }] }),
    ).toThrow(/given twice: t/);
    const w = OmxWriter.create(h5, path, { zones: ['a', 'b'], matrices: [{ name: 't' }] });
    try {
      expect(() => w.writeRows('t', Int32Array.of(0), new Float32Array(3))).toThrow(
        /1 rows of 2 zones expected, got 3 values/,
      );
      expect(() => w.writeRows('t', Int32Array.of(2), new Float32Array(2))).toThrow(/origin 2 is not a zone/);
      expect(() => w.writeRows('u', Int32Array.of(0), new Float32Array(2))).toThrow(OmxError);
    } finally {
      w.close();
    }
  });

  it('says what is wrong with a file that is not an OMX file of this kind', () => {
    const text = join(dir, 'text.omx');
    writeFileSync(text, 'not HDF5');
    expect(() => openOmx(h5, text)).toThrow(/text\.omx: not an HDF5 file/);
    const plain = join(dir, 'plain.h5');
    const f = new h5.File(plain, 'w');
    f.create_attribute('OMX_VERSION', '0.1', null, 'A3');
    f.close();
    const error = (() => {
      try {
        openOmx(h5, plain);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.name).toBe('OmxError');
    expect(error?.message).toMatch(/plain\.h5: not an OMX 0\.2 file \(OMX_VERSION 0\.1\)/);
  });
});
