import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  // Code only: comments may well say "window".
  .map(
    (f) =>
      [
        f,
        readFileSync(join(DIR, f), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, ''),
      ] as const,
  );

describe('the importer runs in a Web Worker and in Node', () => {
  it('imports no Node module statically and touches no DOM', () => {
    for (const [file, text] of sources) {
      expect(text, file).not.toMatch(/from ['"]node:|require\(/);
      expect(text, file).not.toMatch(/\b(document|window|localStorage)\./);
    }
  });

  it('never reads files (the benchmark that does lives in src/cli)', () => {
    const dynamic = sources.filter(([, text]) => /import\(['"]node:/.test(text)).map(([file]) => file);
    expect(dynamic).toEqual([]);
  });

  it('depends on the domain and io only (not graph, engine, workers, metrics, ui)', () => {
    for (const [file, text] of sources) {
      // ../domain/…, or a sibling io module (../json, ../text, ../schema/common …).
      for (const m of text.matchAll(/from '(\.\.\/[^']+)'/g))
        expect(m[1], file).toMatch(/^\.\.\/(\.\.\/domain\/|[\w/]+$)/);
    }
  });
});
