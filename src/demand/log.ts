/**
 * ln x for x in [1, 8), where the logit takes it once a destination (the log of Σ e^(V_m − best), between 1
 * and the number of modes): x = 2^e·m with m in [1, 2), m = a_i·(1 + u) with a_i = 1 + i/64 the table point
 * below m, and ln x = e·ln2 + ln a_i + ln(1 + u), |u| < 1/64, the last by its series to u⁸ (the next term is
 * below 2e-17). IEEE-754 operations only, the same in the kernel (logit.wat, from LOG_CONSTANTS), so both
 * give one value; within 2 ulp of Math.log (tested). NaN outside [1, 8).
 */
const POINTS = 64;
/** ln(1 + i/64), i = 0 … 63. */
const LOG_POINT = Float64Array.from({ length: POINTS }, (_, i) => Math.log(1 + i / POINTS));
/** (−1)^(n+1)/n, n = 1 … 8: the series of ln(1 + u). */
const Q1 = 1;
const Q2 = -1 / 2;
const Q3 = 1 / 3;
const Q4 = -1 / 4;
const Q5 = 1 / 5;
const Q6 = -1 / 6;
const Q7 = 1 / 7;
const Q8 = -1 / 8;

export function logOneToEight(x: number): number {
  if (!(x >= 1 && x < 8)) return Number.NaN;
  const e = x >= 4 ? 2 : x >= 2 ? 1 : 0;
  const m = e === 2 ? x * 0.25 : e === 1 ? x * 0.5 : x;
  const i = ((m - 1) * POINTS) | 0;
  const a = 1 + i / POINTS;
  const u = (m - a) / a;
  const series = u * (Q1 + u * (Q2 + u * (Q3 + u * (Q4 + u * (Q5 + u * (Q6 + u * (Q7 + u * Q8)))))));
  return e * Math.LN2 + (LOG_POINT[i]! + series);
}

/** The same constants for the kernel: ln2, the series' coefficients 1 … −1/8, then ln(1 + i/64), i = 0 … 63. */
export const LOG_CONSTANTS = Float64Array.of(Math.LN2, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, ...LOG_POINT);
