import type { Issue } from '../domain/issue';

/**
 * Parse JSON text; a syntax error becomes an issue at `$` with the line and column, never an exception.
 * A byte-order mark is tolerated (spreadsheet tools write one).
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const where = syntaxErrorAt(body);
    const { line, column } = lineColumn(body, where.offset);
    return {
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${where.problem} (line ${line}, column ${column})` }],
    };
  }
  // JSON.parse's messages differ between engines and often carry no position, so the error is located
  // by a small scanner of our own, run only on text that failed to parse.
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Offset and nature of the first JSON syntax error in `text`. A loop over a stack of open containers, not
 * recursion: a file of a hundred thousand "[" must be located like any other, not overflow the call stack.
 */
export function syntaxErrorAt(text: string): { offset: number; problem: string } {
  let i = 0;
  const at = (problem: string) => ({ offset: i, problem });
  const describe = () => (i >= text.length ? 'the end of the text' : `${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  /** Skips a string starting at the quote; the problem, if it is broken. */
  const string = (): string | undefined => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return 'bad \\u escape in a string';
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) return 'bad escape in a string';
      } else if (text.charCodeAt(i) < 0x20) return 'a control character (e.g. a line break) inside a string';
      i++;
    }
    if (i >= text.length) return 'a string that is never closed';
    i++;
    return undefined;
  };
  /** Skips a scalar value (string, literal, number) at i; the problem, if there is none or it is broken. */
  const scalar = (): string | undefined => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        if (!text.startsWith(word, i)) return `unexpected ${describe()}`;
        i += word.length;
        return undefined;
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return `unexpected ${describe()}`;
      i += m[0].length;
      return undefined;
    }
    return i >= text.length ? 'the text ends where a value should be' : `unexpected ${describe()}`;
  };

  const open: ('{' | '[')[] = [];
  // What comes next: a value ("]" too right after "["), a key ("}" too right after "{"), or what follows
  // a value inside the innermost container (or nothing at the top).
  let expect: 'value' | 'first-value' | 'key' | 'first-key' | 'after' = 'value';
  for (;;) {
    space();
    const c = text[i];
    if (expect === 'value' || expect === 'first-value') {
      if (expect === 'first-value' && c === ']') {
        i++;
        open.pop();
        expect = 'after';
      } else if (c === '{' || c === '[') {
        i++;
        open.push(c);
        expect = c === '{' ? 'first-key' : 'first-value';
      } else {
        const problem = scalar();
        if (problem) return at(problem);
        expect = 'after';
      }
    } else if (expect === 'key' || expect === 'first-key') {
      if (expect === 'first-key' && c === '}') {
        i++;
        open.pop();
        expect = 'after';
        continue;
      }
      if (c !== '"') return at(`expected a "quoted" key, found ${describe()}`);
      const problem = string();
      if (problem) return at(problem);
      space();
      if (text[i] !== ':') return at(`expected ":" after a key, found ${describe()}`);
      i++;
      expect = 'value';
    } else {
      const top = open.at(-1);
      if (top === undefined) {
        if (i < text.length) return at(`unexpected ${describe()} after the end of the document`);
        return { offset: 0, problem: 'invalid JSON' };
      }
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        i++;
        open.pop();
      } else
        return at(
          top === '{'
            ? `expected "," or "}" in an object, found ${describe()}`
            : `expected "," or "]" in an array, found ${describe()}`,
        );
    }
  }
}
