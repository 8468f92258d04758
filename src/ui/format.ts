/**
 * Numbers as the app's tables show them: a fixed number of decimals (82.0, not 82, beside 83.7), thousands
 * separated, and a true minus sign (−), so that a column reads alike from row to row.
 */

import type { Language } from '../domain/names';

const MINUS = '\u2212';

/** To `digits` decimals, always that many (up to `most` where more are given); "—" where there is no value. */
export function decimal(x: number | null | undefined, digits = 1, most = digits): string {
  if (x === null || x === undefined) return '—';
  const text = x.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: most });
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** A whole number (riders, people). */
export const whole = (x: number | null | undefined) =>
  decimal(x === null || x === undefined ? x : Math.round(x), 0);

/** Rounded to `digits` decimals, as a table shows it. */
export const rounded = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A change with its sign, to `digits`; one that rounds to nothing is 0 to as many decimals as the figures
 * beside it ("0.0" by "45.2"), never "−0.0" or "+0.0".
 */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined) return '—';
  const r = rounded(x, digits);
  if (r === 0) return decimal(0, digits);
  return `${r > 0 ? '+' : ''}${decimal(r, digits)}`;
}

/** A share (0–1) as a percentage. */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? null : 100 * x);

/** A count on a chart's axis: 200k and 1.5M in English, 20万 and 1.5亿 in Chinese (万 = 10⁴, 亿 = 10⁸). */
export function countTick(language: Language): (x: number) => string {
  const units: [number, string][] =
    language === 'zh'
      ? [
          [1e8, '亿'],
          [1e4, '万'],
        ]
      : [
          [1e9, 'G'],
          [1e6, 'M'],
          [1e3, 'k'],
        ];
  return (x) => {
    const unit = units.find(([size]) => Math.abs(x) >= size);
    if (!unit) return decimal(x, 0);
    const text = String(Number((x / unit[0]).toPrecision(3)));
    return `${text.replace('-', MINUS)}${unit[1]}`;
  };
}

/**
 * Parts of a whole rounded to `digits` decimals so that they add up to the whole rounded (shares to 100.0):
 * each part's floor, then a unit more to the parts with the largest remainders (the earlier on a tie).
 * Each rounded alone, 5.66 + 19.14 + 32.14 + 20.06 + 23.0 shows 100.1.
 */
export function roundedToTotal(parts: readonly number[], digits: number): number[] {
  const scale = 10 ** digits;
  const scaled = parts.map((p) => p * scale);
  const floors = scaled.map(Math.floor);
  const missing = Math.round(scaled.reduce((s, x) => s + x, 0)) - floors.reduce((s, x) => s + x, 0);
  const order = scaled
    .map((_, k) => k)
    .sort((a, b) => scaled[b]! - floors[b]! - (scaled[a]! - floors[a]!) || a - b);
  for (let q = 0; q < missing && q < order.length; q++) floors[order[q]!]! += 1;
  return floors.map((f) => f / scale);
}
