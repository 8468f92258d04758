import type { Issue } from '../domain/issue';

/**
 * Parse JSON text; a syntax error becomes an issue at `$` with the line and column, never an exception.
 * A byte-order mark is tolerated (spreadsheet tools write one).
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${withLineColumn(body, message)}` }],
    };
  }
}

/** V8 reports "at position N"; planners want a line and column. */
function withLineColumn(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}
