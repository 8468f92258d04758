import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvStream } from './csv';

interface Read {
  header: string[];
  rows: [number, string[]][];
  problems: [number, string][];
}

/** Feed `text` to a CsvStream in the given chunk sizes (cycled) and collect what it delivers. */
function read(text: string, chunks: number[] = [text.length || 1]): Read {
  const out: Read = { header: [], rows: [], problems: [] };
  const csv = new CsvStream({
    header: (columns) => {
      out.header = columns;
    },
    row: (fields, line) => out.rows.push([line, [...fields]]),
    problem: (line, message) => out.problems.push([line, message]),
  });
  let p = 0;
  for (let k = 0; p < text.length; k++) {
    const n = Math.max(1, chunks[k % chunks.length]!);
    csv.push(text.slice(p, p + n));
    p += n;
  }
  csv.end();
  return out;
}

describe('CsvStream', () => {
  it('a line of millions of characters without a break is one problem at its line, not an unclosed quote', () => {
    // 5 M characters in 100 kB chunks, then the file goes on: the rows after it keep their line numbers.
    const text = `a,b\n1,2\n${'x'.repeat(5_000_000)}\n3,4\n`;
    const r = read(text, [100_000]);
    expect(r.problems).toEqual([
      [3, 'a line of more than a million characters without a line break is not a CSV row; skipped'],
    ]);
    expect(r.rows).toEqual([
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
    // …and one that never ends: still one problem.
    expect(read(`a,b\n${'y'.repeat(3_000_000)}`, [65_536]).problems).toHaveLength(1);
  });

  it('reads a header and rows with their line numbers, a BOM and CRLF', () => {
    const r = read('\ufeffstop_id, stop_name \r\n1,A\r\n\r\n2,B\r\n');
    expect(r.header).toEqual(['stop_id', 'stop_name']);
    expect(r.rows).toEqual([
      [2, ['1', 'A']],
      [4, ['2', 'B']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks; lines count the breaks inside', () => {
    const r = read('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,row');
    expect(r.rows).toEqual([
      [2, ['x, y', 'say "hi"']],
      [3, ['two\nlines', 'z']],
      [5, ['last', 'row']],
    ]);
  });

  it('skips a row with a quote that never closes and reads on from the next line', () => {
    const r = read('a,b\n1,2\n"broken,3\n4,5\n6,7\n');
    expect(r.rows).toEqual([
      [2, ['1', '2']],
      [4, ['4', '5']],
      [5, ['6', '7']],
    ]);
    expect(r.problems).toEqual([[3, 'quoted field is not closed; the row is skipped']]);
  });

  it('skips a row with a stray quote after a closing quote', () => {
    const r = read('a,b\n"x"y,1\n2,3\n"ok",4\n');
    expect(r.rows.map(([line]) => line)).toEqual([3, 4]);
    expect(r.problems.map(([line]) => line)).toEqual([2]);
  });

  it('delivers the same rows and lines however the text is chunked', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        table,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (rows, chunks, crlf) => {
          const text = ['h1,h2', ...rows.map((r) => r.join(','))].join(crlf ? '\r\n' : '\n');
          expect(read(text, chunks)).toEqual(read(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives a large file with one unterminated quote near the start (bounded re-reading)', () => {
    const lines = ['a,b', '"never closed,1'];
    for (let k = 0; k < 20_000; k++) lines.push(`${k},x`);
    const r = read(lines.join('\n'), [8192]);
    expect(r.rows.length).toBe(20_000);
    expect(r.problems).toEqual([[2, 'quoted field is not closed; the row is skipped']]);
  });

  it('reports nothing and delivers nothing for empty input', () => {
    expect(read('')).toEqual({ header: [], rows: [], problems: [] });
  });
});
