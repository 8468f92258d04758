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

/** A change with its sign, to `digits`; one that rounds to nothing is "0", never "−0" or "+0". */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined) return '—';
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  if (r === 0) return '0';
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
