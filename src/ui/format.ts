/**
 * Numbers as the app's tables show them: a fixed number of decimals (82.0, not 82, beside 83.7), thousands
 * separated, and a true minus sign (−), so that a column reads alike from row to row.
 */

const MINUS = '\u2212';

/** To `digits` decimals, always that many; "—" where there is no value. */
export function decimal(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined) return '—';
  const text = x.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** A whole number (riders, people). */
export const whole = (x: number | null | undefined) =>
  decimal(x === null || x === undefined ? x : Math.round(x), 0);

/** A change with its sign, to `digits`; one that rounds to nothing is "0", never "−0" or "+0". */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined) return '—';
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  if (r === 0) return '0';
  return `${r > 0 ? '+' : ''}${decimal(r, digits)}`;
}

/** A share (0–1) as a percentage. */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? null : 100 * x);
