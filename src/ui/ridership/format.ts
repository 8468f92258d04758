/** Numbers as the Ridership view shows them (estimates: whole riders, one decimal for minutes and shares). */

export const whole = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : Math.round(x).toLocaleString();

/** A change with its sign, to `digits`; one that rounds to nothing is "0", never "−0" or "+0". */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined) return '—';
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  if (r === 0) return '0';
  return `${r > 0 ? '+' : ''}${r.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

export const decimal = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined
    ? '—'
    : x.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A share (0–1) as a percentage. */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? null : 100 * x);
