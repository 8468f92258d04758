/**
 * Results have the same bits on every JavaScript engine (DESIGN.md §2): ECMAScript leaves Math.sin, Math.exp,
 * Math.log, Math.pow (and `**` with a computed exponent), Math.hypot and their kin "implementation-
 * approximated", and engines differ in the last bit. Every src file that can reach a result (all but the
 * map and panels under src/ui) takes them from domain/portableMath.ts or demand/exp.ts and demand/log.ts
 * instead; this test finds any that does not, with its line.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, stripComments } from './support/boundaries';

const ROOT = resolve(import.meta.dirname, '..');

/** Math functions whose results ECMAScript lets engines approximate (sqrt, floor, round, fround … are exact). */
const APPROXIMATED =
  /\bMath\.(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|exp|expm1|log|log1p|log2|log10|pow|hypot|cbrt)\b/g;
/** `**` whose exponent is not a whole-number literal (2 ** 20 and 2 ** -1022 are exact; 2 ** (f / 32) is not). */
const COMPUTED_POWER = /(?<=[\w)\]]\s*)\*\*(?!\s*-?[\d_]+(?![\d.]))/g;

/** Every use in a source, as "file:line: text". */
function approximatedMath(file: string, source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const pattern of [APPROXIMATED, COMPUTED_POWER])
    for (const m of code.matchAll(pattern)) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push(`${file}:${line}: ${source.split('\n')[line - 1]!.trim()}`);
    }
  return found;
}

describe('engine-independent arithmetic', () => {
  it('no source that reaches a result calls an implementation-approximated Math function', () => {
    const files = sourceFiles(ROOT).filter((f) => !f.startsWith('src/ui/'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => approximatedMath(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds what it looks for, and not exact operations, literals or comments', () => {
    const found = approximatedMath(
      'x.ts',
      [
        'const a = Math.sin(x);',
        'const b = 2 ** (f / 32);',
        'const c = y ** k;',
        'const d = Math.sqrt(x) + Math.floor(y) + Math.fround(z) + 2 ** 20 + 1_024 ** 2;',
        '// Math.exp(x) in a comment',
        '/** 2 ** (f / 32) in a doc comment */',
        'const e = Math.hypot(a, b);',
      ].join('\n'),
    );
    expect(found).toEqual([
      'x.ts:1: const a = Math.sin(x);',
      'x.ts:7: const e = Math.hypot(a, b);',
      'x.ts:2: const b = 2 ** (f / 32);',
      'x.ts:3: const c = y ** k;',
    ]);
  });
});
