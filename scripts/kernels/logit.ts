/**
 * Writes src/demand/kernels/logit.wat: the logit over every destination, chooseModes' arithmetic in
 * 128-bit SIMD, written out in full (five modes, e^x five times and ln x once per pair of destinations,
 * with no calls: engines without wasm inlining, as Node 20's, pay a call per destination otherwise). The
 * expressions are built as trees here, so every operator gets exactly its operands (the folded text
 * format does not check how many). `npm run build:kernels` runs it.
 */
import { add, destinationLoop, div, get, i32, type Lanes, lines, mul, op, set, sub } from './wat';

/** Listed destinations list[q] and list[q + 1] (byte offsets $p0 and $p1), or list[q] alone in lane 0. */
const at = (base: string, p: string) => op('i32.add', get(base), get(p));
const listPair: Lanes = {
  load: (base) => op('v128.load64_lane', '1', at(base, '$p1'), op('v128.load64_zero', at(base, '$p0'))),
  // The value once into $store, then each lane to its destination.
  store: (base, value) =>
    `${set('$store', value)} ${op('v128.store64_lane', '0', at(base, '$p0'), get('$store'))} ${op('v128.store64_lane', '1', at(base, '$p1'), get('$store'))}`,
};
const listOne: Lanes = {
  load: (base) => op('v128.load64_zero', at(base, '$p0')),
  store: (base, value) => op('v128.store64_lane', '0', at(base, '$p0'), value),
};

const MODES = 5;

/** c₀ + x(c₁ + x(c₂ + … x·cₙ)), the order the JavaScript evaluates. */
function horner(x: string, coefficients: string[]): string {
  let e = coefficients[coefficients.length - 1]!;
  for (let k = coefficients.length - 2; k >= 0; k--) e = add(coefficients[k]!, mul(x, e));
  return e;
}

/** Two doubles from a table at `table`, at the lane indices `index(0)` and `index(1)`. */
function gather(table: string, index: (lane: number) => string): string {
  const at = (lane: number) => op('i32.add', get(table), op('i32.shl', index(lane), i32(3)));
  return op('f64x2.replace_lane', '1', op('f64x2.splat', op('f64.load', at(0))), op('f64.load', at(1)));
}

/** expNonPositive(x) into `target`, step for step (demand/exp.ts). */
function exp(x: string, target: string): string[] {
  const fraction = gather('$et', (lane) =>
    op('i32.and', op('i32x4.extract_lane', String(lane), get('$k')), i32(31)),
  );
  const scale = op(
    'i64x2.shl',
    op('i64x2.add', op('i64x2.extend_low_i32x4_s', op('i32x4.shr_s', get('$k'), i32(5))), get('$bias')),
    i32(52),
  );
  const poly = horner(get('$r'), ['$one', '$one', '$ec2', '$ec3', '$ec4', '$ec5', '$ec6'].map(get));
  return [
    set('$kd', sub(add(mul(x, get('$einv')), get('$eround')), get('$eround'))),
    set('$r', sub(sub(x, mul(get('$kd'), get('$ehi'))), mul(get('$kd'), get('$elo')))),
    set('$k', op('i32x4.trunc_sat_f64x2_s_zero', get('$kd'))),
    // Not x < lowest: a NaN stays NaN, as in expNonPositive.
    set(
      target,
      op('v128.and', mul(mul(fraction, scale), poly), op('v128.not', op('f64x2.lt', x, get('$elowest')))),
    ),
  ];
}

/** logOneToEight(x), step for step (demand/log.ts): statements, then the value. */
function log(x: string): { statements: string[]; value: string } {
  const ge = (v: string) => op('f64x2.ge', x, get(v));
  const statements = [
    set(
      '$lm',
      op(
        'v128.bitselect',
        mul(x, get('$quarter')),
        op('v128.bitselect', mul(x, get('$half')), x, ge('$two')),
        ge('$four'),
      ),
    ),
    set('$le', add(op('v128.and', ge('$two'), get('$one')), op('v128.and', ge('$four'), get('$one')))),
    // The table index, kept in 0 … 63 so that a lane without a value (no mode) reads the table too.
    set(
      '$li',
      op(
        'v128.and',
        op('i32x4.trunc_sat_f64x2_s_zero', mul(sub(get('$lm'), get('$one')), get('$sixtyfour'))),
        get('$mask63'),
      ),
    ),
    set('$la', add(get('$one'), mul(op('f64x2.convert_low_i32x4_s', get('$li')), get('$step')))),
    set('$lu', div(sub(get('$lm'), get('$la')), get('$la'))),
  ];
  const series = mul(
    get('$lu'),
    horner(
      get('$lu'),
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => get(`$q${n}`)),
    ),
  );
  const point = gather('$lt', (lane) => op('i32x4.extract_lane', String(lane), get('$li')));
  return { statements, value: add(mul(get('$le'), get('$ln2')), add(point, series)) };
}

/** One pair of destinations (or one, in lane 0): chooseModes' body. */
function choice(lanes: Lanes): string[] {
  const out: string[] = [];
  for (let m = 0; m < MODES; m++) {
    out.push(set('$c', lanes.load(`$costRow${m}`)));
    // V = k − θ·c where available (c < +∞), else −∞.
    const v = sub(get(`$k${m}`), mul(get('$th'), get('$c')));
    out.push(set(`$u${m}`, op('v128.bitselect', v, get('$no'), op('f64x2.lt', get('$c'), get('$inf')))));
  }
  let best = get('$u0');
  for (let m = 1; m < MODES; m++) best = op('f64x2.max', best, get(`$u${m}`));
  out.push(set('$best', best), set('$none', op('f64x2.eq', get('$best'), get('$no'))));
  for (let m = 0; m < MODES; m++) {
    // A mode neither destination has (beyond walking or cycling range, most pairs) takes no e^x: its term
    // is 0 either way, as the mask below makes it.
    const missing = op('f64x2.eq', get(`$u${m}`), get('$no'));
    out.push(
      op(
        'if',
        op('i8x16.all_true', missing),
        op('then', set(`$ex${m}`, get('$zero'))),
        op(
          'else',
          ...exp(sub(get(`$u${m}`), get('$best')), `$ex${m}`),
          set(`$ex${m}`, op('v128.andnot', get(`$ex${m}`), missing)),
        ),
      ),
    );
  }
  let sum = get('$ex0');
  for (let m = 1; m < MODES; m++) sum = add(sum, get(`$ex${m}`));
  out.push(set('$sum', sum));
  const ln = log(get('$sum'));
  out.push(...ln.statements);
  out.push(set('$comp', div(op('f64x2.neg', add(get('$best'), ln.value)), get('$th'))));
  out.push(lanes.store('$compositeRow', op('v128.bitselect', get('$inf'), get('$comp'), get('$none'))));
  // Σ e_m·t_m over e_m > 0 (a missing mode's time is +∞: left out, not multiplied by 0).
  out.push(set('$tv', get('$zero')));
  for (let m = 0; m < MODES; m++) {
    const term = op(
      'v128.and',
      mul(get(`$ex${m}`), lanes.load(`$timeRow${m}`)),
      op('f64x2.gt', get(`$ex${m}`), get('$zero')),
    );
    out.push(set('$tv', add(get('$tv'), term)));
  }
  out.push(
    lanes.store(
      '$expectedRow',
      op('v128.bitselect', get('$inf'), div(get('$tv'), get('$sum')), get('$none')),
    ),
  );
  const shares = Array.from({ length: MODES }, (_, m) =>
    lanes.store(`$shareRow${m}`, op('v128.andnot', div(get(`$ex${m}`), get('$sum')), get('$none'))),
  );
  out.push(op('if', get('$withShares'), op('then', ...shares)));
  return out;
}

/** Vectors the body computes, then constants splatted once (name → value). */
const WORK = [
  '$c',
  '$best',
  '$none',
  '$sum',
  '$tv',
  '$comp',
  '$kd',
  '$r',
  '$k',
  '$lm',
  '$le',
  '$li',
  '$la',
  '$lu',
];
function constants(): [string, string][] {
  const splat = (v: string) => op('f64x2.splat', `(f64.const ${v})`);
  const fromExp = (offset: number) => `(v128.load64_splat offset=${offset} (local.get $e))`;
  const fromLog = (offset: number) => `(v128.load64_splat offset=${offset} (local.get $l))`;
  return [
    ['$th', op('f64x2.splat', get('$theta'))],
    ['$inf', splat('inf')],
    ['$no', splat('-inf')],
    ['$zero', splat('0')],
    ['$one', splat('1')],
    ['$two', splat('2')],
    ['$four', splat('4')],
    ['$half', splat('0.5')],
    ['$quarter', splat('0.25')],
    ['$sixtyfour', splat('64')],
    ['$step', splat('0.015625')],
    ['$mask63', '(i32x4.splat (i32.const 63))'],
    ['$bias', '(i64x2.splat (i64.const 1023))'],
    // EXP_CONSTANTS: 32/ln2, ln2/32 high and low, 1.5·2^52, the lowest x, 1/2! … 1/6!; the table from 80.
    ...['$einv', '$ehi', '$elo', '$eround', '$elowest', '$ec2', '$ec3', '$ec4', '$ec5', '$ec6'].map(
      (name, k) => [name, fromExp(8 * k)] as [string, string],
    ),
    // LOG_CONSTANTS: ln2, the series' 1 … −1/8; the table from 72.
    ['$ln2', fromLog(0)],
    ...Array.from({ length: 8 }, (_, k) => [`$q${k + 1}`, fromLog(8 * (k + 1))] as [string, string]),
    ...Array.from(
      { length: MODES },
      (_, m) => [`$k${m}`, op('f64x2.splat', get(`$mode${m}`))] as [string, string],
    ),
  ];
}

export function logitWat(): string {
  const c = constants();
  const rowParams = [
    ...Array.from({ length: MODES }, (_, m) => [`$costRow${m}`, `$timeRow${m}`]).flat(),
    '$compositeRow',
    '$expectedRow',
    ...Array.from({ length: MODES }, (_, m) => `$shareRow${m}`),
  ];
  const vectors = [
    ...WORK,
    ...Array.from({ length: MODES }, (_, m) => [`$u${m}`, `$ex${m}`]).flat(),
    ...c.map(([n]) => n),
  ];
  return `;; Generated by scripts/kernels/logit.ts (npm run build:kernels): do not edit.
;;
;; The multinomial logit of one origin over every destination (demand/modeChoice.ts chooseModes, whole
;; rows), in 128-bit SIMD, for logit.ts. Memory (imported; logit.ts lays it out, each row's byte offset a
;; parameter): per mode (walk, bike, bus, rail, car: DEMAND_MODES order) a row of z f64 perceived costs (+∞
;; where the mode is not available) and one of physical times; the outputs, z f64 each: the composite cost
;; (the logsum), the expected time and a row of shares per mode; the constants of demand/exp.ts
;; (EXP_CONSTANTS) and demand/log.ts (LOG_CONSTANTS).
;;
;; Per destination, chooseModes step for step: V_m = k_m − θ·c_m for an available mode, best = max V_m,
;; e_m = e^(V_m − best) (expNonPositive's steps; 0 for a mode not available), Σ = ((((e0 + e1) + e2) + e3) +
;; e4), composite = −(best + ln Σ)/θ (logOneToEight's steps), expected = (Σ e_m·t_m over e_m > 0, in mode
;; order)/Σ, share_m = e_m/Σ; +∞, +∞ and 0 where no mode is available. The same IEEE-754 operations in the
;; same order as the JavaScript, lane by lane: the same bits (tested). Destinations go two at a time; an
;; odd last one alone in lane 0.
(module
  (import "env" "memory" (memory 1))

  (func (export "choose") (param $z i32)
                          ${rowParams.map((n) => `(param ${n} i32)`).join(' ')}
                          (param $withShares i32) (param $e i32) (param $l i32) (param $theta f64)
                          ${Array.from({ length: MODES }, (_, m) => `(param $mode${m} f64)`).join(' ')}
    (local $j i32) (local $p i32) (local $et i32) (local $lt i32)
    ${vectors.map((n) => `(local ${n} v128)`).join(' ')}
    (local.set $et (i32.add (local.get $e) (i32.const 80)))
    (local.set $lt (i32.add (local.get $l) (i32.const 72)))
${lines(
  c.map(([n, v]) => set(n, v)),
  4,
)}
${destinationLoop(choice, 4)})

  ;; The same at the destinations list[0 … count) only (i32 row at $list; a scenario's changed pairs).
  (func (export "chooseList") (param $count i32) (param $list i32)
                          ${rowParams.map((n) => `(param ${n} i32)`).join(' ')}
                          (param $withShares i32) (param $e i32) (param $l i32) (param $theta f64)
                          ${Array.from({ length: MODES }, (_, m) => `(param $mode${m} f64)`).join(' ')}
    (local $q i32) (local $p0 i32) (local $p1 i32) (local $et i32) (local $lt i32)
    ${[...vectors, '$store'].map((n) => `(local ${n} v128)`).join(' ')}
    (local.set $et (i32.add (local.get $e) (i32.const 80)))
    (local.set $lt (i32.add (local.get $l) (i32.const 72)))
${lines(
  c.map(([n, v]) => set(n, v)),
  4,
)}
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (i32.add (local.get $q) (i32.const 1)) (local.get $count)))
        (local.set $p0 (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 3)))
        (local.set $p1 (i32.shl (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 3)))
${lines(choice(listPair), 8)}
        (local.set $q (i32.add (local.get $q) (i32.const 2)))
        (br $next)))
    ;; An odd last listed destination alone, in lane 0.
    (if (i32.lt_u (local.get $q) (local.get $count))
      (then
        (local.set $p0 (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 3)))
${lines(choice(listOne), 8)}))))
`;
}
