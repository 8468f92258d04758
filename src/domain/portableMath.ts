/**
 * Sine, cosine and arcsine with the same bits on every JavaScript engine. ECMAScript leaves Math.sin, Math.cos
 * and Math.asin "implementation-approximated": V8 ports fdlibm, other engines call their platform's libm, and
 * the last bit differs between them for some arguments. Zone positions, access distances and the car's
 * distances go through these functions into every result, so the model takes them from here: argument
 * reduction and Taylor polynomials in IEEE-754 additions, multiplications and divisions only (each correctly
 * rounded, hence portable), evaluated in a fixed order. Accuracy: within 2 ulp of the true value over the
 * ranges the model uses (tested against Math.* to that bound). DESIGN.md §2: results are deterministic.
 */

/**
 * π/2 in three parts: its double's first 33 bits (1 + 32 after the point: k·HIGH is exact for |k| < 2^20),
 * the rest of that double (21 bits: k·MID exact too), and the double's own error (π's double is
 * 1.2246467991473532e-16 below π). Flooring after scaling by a power of two is exact.
 */
const HALF_PI = 1.5707963267948966;
const HALF_PI_HIGH = Math.floor(HALF_PI * 2 ** 32) / 2 ** 32;
const HALF_PI_MID = HALF_PI - HALF_PI_HIGH;
const HALF_PI_LOW = 6.123233995736766e-17;
const TWO_OVER_PI = 0.6366197723675814;
/** Adding and removing 1.5·2^52 rounds a double of magnitude below 2^51 to the nearest integer (ties to even). */
const ROUND = 6755399441055744;
/** Beyond this the reduction loses bits; the model's arguments are angles of at most 2π. */
const LARGEST_ARGUMENT = 2 ** 20;

/** (−1)^n / (2n+1)! and (−1)^n / (2n)!, n = 1 … 9: the Taylor series of sin and cos to r^19 and r^18. */
const [S1, S2, S3, S4, S5, S6, S7, S8, S9] = taylor(1);
const [C1, C2, C3, C4, C5, C6, C7, C8, C9] = taylor(0);

/** (−1)^n / (2n + odd)!, n = 1 … 9: each factorial from the last by one product, then one division. */
function taylor(odd: 0 | 1): Nine {
  const out: number[] = [];
  let factorial = 1;
  for (let n = 1; n <= 9; n++) {
    factorial *= (2 * n - 1 + odd) * (2 * n + odd);
    out.push((n % 2 === 1 ? -1 : 1) / factorial);
  }
  return out as Nine;
}

type Nine = [number, number, number, number, number, number, number, number, number];

/** sin r for |r| ≤ π/4 (a little over, after rounding), by its series to r^19. */
function sinSmall(r: number): number {
  const z = r * r;
  return (
    r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * (S7 + z * (S8 + z * S9))))))))
  );
}

/** cos r for |r| ≤ π/4, by its series to r^18. */
function cosSmall(r: number): number {
  const z = r * r;
  return 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * C9))))))));
}

/** k, the whole number of π/2 nearest x (|x| ≤ 2^20). */
function quarterTurns(x: number): number {
  return x * TWO_OVER_PI + ROUND - ROUND;
}

/** r = x − k·π/2, |r| ≤ π/4 to rounding: k·π/2 taken off in its three parts (the first two products exact). */
function remainder(x: number, k: number): number {
  return x - k * HALF_PI_HIGH - k * HALF_PI_MID - k * HALF_PI_LOW;
}

/** sin(q·π/2 + r) for the quarter q (0 … 3) and |r| ≤ π/4. */
function onQuarter(q: number, r: number): number {
  switch (q) {
    case 0:
      return sinSmall(r);
    case 1:
      return cosSmall(r);
    case 2:
      return -sinSmall(r);
    default:
      return -cosSmall(r);
  }
}

/** sin x, the same bits on every engine; NaN for |x| > 2^20 (no angle the model uses) and non-finite x. */
export function portableSin(x: number): number {
  if (!(Math.abs(x) <= LARGEST_ARGUMENT)) return Number.NaN;
  if (x === 0) return x;
  const k = quarterTurns(x);
  // k is a whole number below 2^20 in magnitude: its two's complement low bits are k mod 4.
  return onQuarter(k & 3, remainder(x, k));
}

/** cos x = sin(x + π/2), a quarter further: the same bits on every engine; NaN for |x| > 2^20. */
export function portableCos(x: number): number {
  if (!(Math.abs(x) <= LARGEST_ARGUMENT)) return Number.NaN;
  const k = quarterTurns(x);
  return onQuarter((k + 1) & 3, remainder(x, k));
}

/**
 * The series of asin about 0: a_n = (2n)! / (4^n (n!)² (2n + 1)), n = 1 … 30, each from the last by
 * a_n = a_{n−1} · (2n − 1)² / ((2n)(2n + 1)).
 */
const ASIN = (() => {
  const out = new Float64Array(30);
  // Keep the ratio of central binomials exact as long as possible: c_n = (2n)!/(4^n (n!)^2).
  let central = 1;
  for (let n = 1; n <= 30; n++) {
    central = (central * (2 * n - 1)) / (2 * n);
    out[n - 1] = central / (2 * n + 1);
  }
  return out;
})();

/** asin x for |x| ≤ 1/2: x + x·z·(a_1 + z(a_2 + …)), z = x². */
function asinSmall(x: number): number {
  const z = x * x;
  let p = ASIN[ASIN.length - 1]!;
  for (let n = ASIN.length - 2; n >= 0; n--) p = ASIN[n]! + z * p;
  return x + x * z * p;
}

/**
 * asin x, the same bits on every engine: the series for |x| ≤ 1/2, else π/2 − 2·asin(√((1 − |x|)/2)) (the
 * argument then at most 1/2). NaN outside [−1, 1].
 */
export function portableAsin(x: number): number {
  if (!(x >= -1 && x <= 1)) return Number.NaN;
  const a = Math.abs(x);
  if (a <= 0.5) return asinSmall(x);
  const y = asinSmall(Math.sqrt((1 - a) / 2));
  const v = HALF_PI_HIGH - 2 * y + HALF_PI_MID + HALF_PI_LOW;
  return x < 0 ? -v : v;
}
