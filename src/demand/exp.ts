/**
 * e^x for x ≤ 0, where the demand model takes it millions of times a run (the logit's terms, the
 * deterrence): 2^(k/32) from a table times a degree-6 polynomial of the remainder r = x − k·ln2/32,
 * |r| ≤ ln2/64. Inlined by V8 it takes 4 ns against Math.exp's 7, and its bits are IEEE-754 operations
 * only, on a table of 2^(f/32) (rounding k to nearest by adding and removing 1.5·2^52, as Math.round
 * would not: it rounds halves up). Within 2 ulp of
 * Math.exp over 2 million draws in [−708, 0]. 0 below −708, where e^x leaves the normal doubles
 * (3.3e-308); NaN for x > 0 (outside the table: a caller's bug shows).
 */
const STEPS = 32;
const LOWEST = -708;
/** The lowest k: TABLE[k − LOWEST_K] = 2^(k/32) for k from it to 0. */
const LOWEST_K = Math.floor((LOWEST * STEPS) / Math.LN2);
/**
 * 2^(f/32), f = 0 … 31, as literals: the doubles V8's 2 ** (f / 32) gives (tested), written out so that
 * every engine has these very bits (exponentiation is implementation-approximated in ECMAScript). A whole
 * power of two times one of these is exact.
 */
const FRACTION = Float64Array.of(
  1,
  1.0218971486541166,
  1.0442737824274138,
  1.0671404006768237,
  1.0905077326652577,
  1.1143867425958924,
  1.1387886347566916,
  1.1637248587775775,
  1.189207115002721,
  1.215247359980469,
  1.241857812073484,
  1.2690509571917332,
  1.2968395546510096,
  1.3252366431597413,
  1.3542555469368927,
  1.3839098819638318,
  Math.SQRT2,
  1.4451808069770467,
  1.4768261459394993,
  1.5091644275934228,
  1.542210825407941,
  1.5759808451078865,
  1.6104903319492543,
  1.6457554781539647,
  1.6817928305074292,
  1.718619298122478,
  1.7562521603732995,
  1.7947090750031072,
  1.8340080864093424,
  1.8741676341103,
  1.9152065613971474,
  1.9571441241754002,
);
/** 2^e for e = 0, −1, … by halving: exact, the same bits everywhere (normal doubles only here). */
const HALVES = (() => {
  const out = new Float64Array(1 - Math.floor(LOWEST_K / STEPS));
  out[0] = 1;
  for (let e = 1; e < out.length; e++) out[e] = out[e - 1]! / 2;
  return out;
})();
const TABLE = Float64Array.from(
  { length: 1 - LOWEST_K },
  (_, i) => HALVES[-Math.floor((i + LOWEST_K) / STEPS)]! * FRACTION[(i + LOWEST_K) & (STEPS - 1)]!,
);
const INV = STEPS / Math.LN2;
/**
 * ln2 / 32 in two parts (fdlibm's split of ln2, divided by 32 exactly): HIGH's low 21 bits are zero, so
 * k·HIGH is exact for |k| < 2^21 (here |k| < 2^15) and the remainder keeps ln2's precision.
 */
const LN2_HIGH = 0.6931471803691238 / STEPS;
const LN2_LOW = 1.9082149292705877e-10 / STEPS;
const ROUND = 6755399441055744;
/** Taylor coefficients 1/n! of the polynomial, n = 2 … 6. */
const C2 = 1 / 2;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;
const C6 = 1 / 720;

export function expNonPositive(x: number): number {
  if (x < LOWEST) return 0;
  const kd = x * INV + ROUND - ROUND;
  const r = x - kd * LN2_HIGH - kd * LN2_LOW;
  return TABLE[kd - LOWEST_K]! * (1 + r * (1 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * C6))))));
}

/**
 * e^x for any x, from expNonPositive: 1 / e^(−x) above 0 (within an ulp more), +∞ above 708. The same bits
 * on every engine, where Math.exp's may not be: for what balancing takes e^x of (Furness's factors).
 */
export function portableExp(x: number): number {
  if (x > -LOWEST) return Number.POSITIVE_INFINITY;
  return x <= 0 ? expNonPositive(x) : 1 / expNonPositive(-x);
}

/**
 * The same constants for the kernels (rowMatrix.wat reads them from its memory, so there is one source):
 * 1/ln2·32, ln2/32 high and low, 1.5·2^52, the lowest x, the coefficients 1/2! … 1/6!, then 2^(f/32) for
 * f = 0 … 31. With them a kernel computes expNonPositive's bits: 2^(k/32) as 2^⌊k/32⌋ (exact, from the
 * exponent bits) times 2^((k mod 32)/32), which is what TABLE holds, exactly.
 */
export const EXP_CONSTANTS = Float64Array.of(
  INV,
  LN2_HIGH,
  LN2_LOW,
  ROUND,
  LOWEST,
  C2,
  C3,
  C4,
  C5,
  C6,
  ...FRACTION,
);
