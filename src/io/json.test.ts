import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, syntaxErrorAt } from './json';

describe('parseJson', () => {
  it('parses JSON, tolerating a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": [1, "x", null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it.each([
    // V8 (Node 20) gives no position for these kinds of error.
    ['{\n  "id": }', 'line 2, column 9'],
    ['[1,\n,2]', 'line 2, column 1'],
    ['{"a": 1', 'line 1, column 8'],
    ['', 'line 1, column 1'],
    ['{"a":\n  [tru]}', 'line 2, column 4'],
    // V8 gives one.
    ['{\n\n  "a" 1}', 'line 3, column 7'],
  ])('%j → one issue at $ with %s', (text, where) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.path).toBe('$');
    expect(result.issues[0]!.message).toContain(`(${where})`);
  });

  it.each([
    ['100 KB of "["', '['.repeat(100_000), 'the text ends where a value should be (line 1, column 100001)'],
    [
      '{"a": nested 100,000 deep',
      '{"a":'.repeat(100_000),
      'the text ends where a value should be (line 1, column 500001)',
    ],
    ['a million "[" closed by "}"', `${'['.repeat(1_000_000)}}`, 'unexpected "}" (line 1, column 1000001)'],
  ])('deeply nested broken JSON (%s) is located, not a stack overflow', (_what, text, message) => {
    expect(parseJson(text)).toEqual({
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${message}` }],
    });
  });

  it('accepts exactly what JSON.parse accepts; locates errors within the token V8 blames (property)', () => {
    const edited = fc
      .tuple(
        fc.json(),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(
              '',
              ',',
              '}',
              ']',
              '"',
              ':',
              'x',
              '-',
              '0',
              '.',
              'e',
              '\\',
              ' ',
              '\n',
              '{',
              '[',
              'nul',
            ),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      )
      .map(([text, edits]) => {
        let t = text;
        for (const [at, s] of edits) {
          const k = at % (t.length + 1);
          t = s === '' ? t.slice(0, k) + t.slice(k + 1) : t.slice(0, k) + s + t.slice(k);
        }
        return t;
      });
    let positioned = 0;
    fc.assert(
      fc.property(fc.oneof(edited, fc.json()), (text) => {
        let v8: string | undefined;
        try {
          JSON.parse(text);
        } catch (e) {
          v8 = (e as Error).message;
        }
        const result = parseJson(text);
        expect(result.ok, v8).toBe(v8 === undefined);
        if (v8 === undefined) return;
        const m = /position (\d+)/.exec(v8);
        if (!m) return;
        positioned++;
        // At the character V8 blames, or at the start of the number, literal or string it is in.
        const ours = syntaxErrorAt(text).offset;
        const at = Number(m[1]);
        expect(ours, `${JSON.stringify(text)}: ${v8}`).toBeLessThanOrEqual(at);
        expect(text.slice(ours, at), `${JSON.stringify(text)}: ${v8}`).not.toMatch(/[\s,:[\]{}]/);
      }),
      { seed: 12, numRuns: 1500 },
    );
    expect(positioned).toBeGreaterThan(200);
  });
});
