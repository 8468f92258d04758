/**
 * ln x for x in [1, 8), where the logit takes it once a destination (the log of Σ e^(V_m − best), between 1
 * and the number of modes): x = 2^e·m with m in [1, 2), m = a_i·(1 + u) with a_i = 1 + i/64 the table point
 * below m, and ln x = e·ln2 + ln a_i + ln(1 + u), |u| < 1/64, the last by its series to u⁸ (the next term is
 * below 2e-17). IEEE-754 operations only, the same in the kernel (logit.wat, from LOG_CONSTANTS), so both
 * give one value; within 2 ulp of Math.log (tested). NaN outside [1, 8).
 */
const POINTS = 64;
/**
 * ln(1 + i/64), i = 0 … 63, as literals: the doubles V8's Math.log gives (tested), written out so that every
 * engine has these very bits (Math.log is implementation-approximated in ECMAScript).
 */
const LOG_POINT = Float64Array.of(
  0,
  0.015504186535965254,
  0.030771658666753687,
  0.0458095360312942,
  0.06062462181643484,
  0.07522342123758753,
  0.08961215868968714,
  0.10379679368164356,
  0.11778303565638346,
  0.13157635778871926,
  0.1451820098444979,
  0.15860503017663857,
  0.17185025692665923,
  0.184922338494012,
  0.19782574332991987,
  0.21056476910734964,
  0.22314355131420976,
  0.2355660713127669,
  0.24783616390458124,
  0.25995752443692605,
  0.27193371548364176,
  0.2837681731306446,
  0.2954642128938359,
  0.3070250352949119,
  0.3184537311185346,
  0.329753286372468,
  0.3409265869705932,
  0.3519764231571782,
  0.3629054936893684,
  0.3737164097935841,
  0.38441169891033206,
  0.394993808240869,
  0.4054651081081644,
  0.415827895143711,
  0.42608439531090003,
  0.43623676677491807,
  0.44628710262841953,
  0.45623743348158763,
  0.46608972992459924,
  0.4758459048699639,
  0.48550781578170077,
  0.4950772667978515,
  0.5045560107523953,
  0.5139457511022343,
  0.5232481437645479,
  0.5324647988694718,
  0.5415972824327444,
  0.5506471179526623,
  0.5596157879354227,
  0.5685047353526687,
  0.5773153650348236,
  0.5860490450035782,
  0.5947071077466928,
  0.6032908514380843,
  0.6118015411059929,
  0.6202404097518576,
  0.6286086594223741,
  0.6369074622370692,
  0.6451379613735847,
  0.6533012720127457,
  0.661398482245365,
  0.6694306539426292,
  0.6773988235918061,
  0.6853040030989194,
);
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

/** Reads a double's exponent and sets it, for portableLog. */
const view = new DataView(new ArrayBuffer(8));

/**
 * ln x for any x > 0: x = 2^e·m with m in [1, 2) (read off its bits; subnormals scaled by 2^54 first), then
 * e·ln2 + logOneToEight(m). The same bits on every engine, where Math.log's may not be: for what balancing
 * takes logarithms of (Furness's factors). −∞ at 0, NaN below 0 and for NaN, +∞ at +∞.
 */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let e = 0;
  let y = x;
  if (y < 2 ** -1022) {
    y *= 2 ** 54;
    e = -54;
  }
  view.setFloat64(0, y);
  const high = view.getUint32(0);
  e += ((high >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (high & 0x800fffff) | 0x3ff00000);
  return e * Math.LN2 + logOneToEight(view.getFloat64(0));
}
