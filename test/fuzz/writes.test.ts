/**
 * Never a partial file: the CLI's writer, interrupted anywhere (a piece that throws), leaves no file, or
 * the previous one as it was, and no temporary file behind.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/files';
import { ResultsFolder, SEED } from './support';

const folder = new ResultsFolder();
afterAll(() => folder.remove());

describe('the results writer', () => {
  it('interrupted at any piece, leaves the earlier file or none, and nothing else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 2000 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.option(fc.string({ maxLength: 50 })),
        async (pieces, failAt, earlier) => {
          const out = folder.next();
          if (earlier !== null) writeFileSync(out, earlier);
          const stop = failAt % (pieces.length + 1);
          function* interrupted() {
            for (let k = 0; k < pieces.length; k++) {
              if (k === stop) throw new Error('interrupted');
              yield pieces[k]!;
            }
          }
          const finished = await writePieces(interrupted(), out).then(
            () => true,
            () => false,
          );
          expect(finished).toBe(stop === pieces.length);
          if (finished) expect(readFileSync(out, 'utf8')).toBe(pieces.join(''));
          else if (earlier !== null) expect(readFileSync(out, 'utf8')).toBe(earlier);
          else expect(existsSync(out)).toBe(false);
          expect(readdirSync(folder.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
        },
      ),
      { seed: SEED + 3, numRuns: 300 },
    );
  });
});
