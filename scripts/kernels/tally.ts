/**
 * Writes src/demand/kernels/tally.wat: one origin's commute tally (demand/tally.ts tallyOrigin) over every
 * destination, scalar: the sums in the JavaScript's order, so the bits are its own. A mode without share
 * is skipped by a branch, as in the JavaScript: adding 0 instead took twice the time (25 against 12.5 ns
 * a destination on JJJ rows), every missing mode adding to the last band's sum, one chain of memory
 * writes. `npm run build:kernels` runs it.
 */
import { get, i32, lines, op, set } from './wat';

const MODES = 5;

const f64 = (name: string, ...args: string[]) => op(`f64.${name}`, ...args);
const at = (base: string, index: string, shift: number) =>
  op('i32.add', get(base), op('i32.shl', index, i32(shift)));
const select = (ifTrue: string, ifFalse: string, condition: string) =>
  op('select', ifTrue, ifFalse, condition);
const zero = '(f64.const 0)';

/** A running sum in memory at `address`: mem += value. */
const addAt = (address: string, value: string) =>
  op('f64.store', address, f64('add', op('f64.load', address), value));

function destination(): string[] {
  const out: string[] = [
    set('$x', op('f64.load', at('$trips', get('$j'), 3))),
    // A destination without trips adds nothing (the JavaScript's `continue`).
    op(
      'if',
      f64('gt', get('$x'), zero),
      op(
        'then',
        set('$commuters', f64('add', get('$commuters'), get('$x'))),
        set(
          '$ownDistrict',
          f64(
            'add',
            get('$ownDistrict'),
            select(
              get('$x'),
              zero,
              op(
                'i32.and',
                op('i32.ge_s', get('$own'), i32(0)),
                op('i32.eq', op('i32.load', at('$district', get('$j'), 2)), get('$own')),
              ),
            ),
          ),
        ),
        // Region r's flag at regions + r·z + j; its sum at out + 8·(OUT_REGIONS + r).
        set('$r', i32(0)),
        op(
          'block',
          '$regionsDone',
          op(
            'loop',
            '$region',
            op('br_if', '$regionsDone', op('i32.ge_u', get('$r'), get('$regionCount'))),
            op(
              'if',
              op(
                'i32.load8_u',
                op('i32.add', get('$regions'), op('i32.add', op('i32.mul', get('$r'), get('$z')), get('$j'))),
              ),
              op('then', addAt(at('$regionSums', get('$r'), 3), get('$x'))),
            ),
            set('$r', op('i32.add', get('$r'), i32(1))),
            op('br', '$region'),
          ),
        ),
        ...Array.from({ length: MODES }, (_, m) => mode(m)).flat(),
      ),
    ),
  ];
  return out;
}

/**
 * Mode m at destination $j, its shares and times in the rows at `side` (the prefix of their parameters):
 * its commuters y = x·share (x the local `x`: the trips, or their negation to take commuters away) where
 * the share is above 0.
 */
function mode(m: number, side = '', x = '$x'): string[] {
  const share = op('f64.load', at(`$${side}share${m}`, get('$j'), 3));
  const time = op('f64.load', at(`$${side}time${m}`, get('$j'), 3));
  const y = get('$y');
  const t = get('$t');
  return [
    set('$s', share),
    // A mode without share adds nothing (the JavaScript's `continue`): beyond walking and cycling range,
    // most pairs' walk and bike, a branch the processor predicts.
    op(
      'if',
      f64('gt', get('$s'), zero),
      op(
        'then',
        set('$t', time),
        set('$y', f64('mul', get(x), get('$s'))),
        set(`$byMode${m}`, f64('add', get(`$byMode${m}`), y)),
        set('$seconds', f64('add', get('$seconds'), f64('mul', y, t))),
        set('$within45', f64('add', get('$within45'), select(y, zero, f64('le', t, get('$within'))))),
        set('$over60', f64('add', get('$over60'), select(y, zero, f64('gt', t, get('$over'))))),
        // min(last band, floor(t / band)).
        set('$b', op('i32.trunc_sat_f64_u', f64('floor', f64('div', t, get('$band'))))),
        set('$b', select(get('$b'), get('$lastBand'), op('i32.lt_u', get('$b'), get('$lastBand')))),
        addAt(at('$histogram', get('$b'), 3), y),
      ),
    ),
  ];
}

/** tallyModeChange at listed destination $j: each mode's commuters before leave (−x), after arrive (+x). */
function change(): string[] {
  return [
    set('$x', op('f64.load', at('$trips', get('$j'), 3))),
    op(
      'if',
      f64('gt', get('$x'), zero),
      op(
        'then',
        set('$nx', f64('neg', get('$x'))),
        ...Array.from({ length: MODES }, (_, m) => [...mode(m, 'before', '$nx'), ...mode(m, 'after')]).flat(),
      ),
    ),
  ];
}

export function tallyWat(): string {
  const params = [
    '$z',
    '$trips',
    '$district',
    '$own',
    '$regions',
    '$regionCount',
    ...Array.from({ length: MODES }, (_, m) => [`$share${m}`, `$time${m}`]).flat(),
    '$out',
    '$lastBand',
  ];
  const sums = ['$commuters', '$seconds', '$within45', '$over60', '$ownDistrict'];
  const byMode = Array.from({ length: MODES }, (_, m) => `$byMode${m}`);
  return `;; Generated by scripts/kernels/tally.ts (npm run build:kernels): do not edit.
;;
;; One origin's commute tally over every destination (demand/tally.ts tallyOrigin), for tally.ts: trips[j]
;; commuters to destination j, of whom share_m[j] take mode m, taking time_m[j] seconds. Memory (imported;
;; tally.ts lays it out, byte offsets as parameters): the trips row (f64), the zones' districts (i32), one
;; row of bytes per region (1: the zone is in it), the shares and times of the five modes (f64 rows), and
;; the output (f64): commuters, seconds, within 45, over 60, own district (the origin's sums, from 0), then
;; the sums that start from the tally's values: commuters by mode (5), by band of time (lastBand + 1), into
;; each region. Sums in the JavaScript's order, destination by destination and mode by mode, skipping a
;; destination without trips and a mode without share as it does: the same bits.
(module
  (import "env" "memory" (memory 1))

  (func (export "tally") ${params.map((n) => `(param ${n} i32)`).join(' ')}
                         (param $within f64) (param $over f64) (param $band f64)
    (local $j i32) (local $r i32) (local $b i32) (local $histogram i32) (local $regionSums i32)
    (local $x f64) (local $y f64) (local $s f64) (local $t f64)
    ${[...sums, ...byMode].map((n) => `(local ${n} f64)`).join(' ')}
${lines(
  [
    ...byMode.map((n, m) => set(n, op('f64.load', `offset=${8 * (sums.length + m)}`, get('$out')))),
    set('$histogram', op('i32.add', get('$out'), i32(8 * (sums.length + MODES)))),
    set(
      '$regionSums',
      op('i32.add', get('$histogram'), op('i32.shl', op('i32.add', get('$lastBand'), i32(1)), i32(3))),
    ),
  ],
  4,
)}
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z)))
${lines(destination(), 8)}
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
${lines(
  [...sums, ...byMode].map((n, k) => op('f64.store', `offset=${8 * k}`, get('$out'), get(n))),
  4,
)})

  ;; tallyModeChange: at destinations list[0 … count) (i32), the trips' commuters move from the modes of
  ;; the before rows to those of the after rows; seconds, within 45 and over 60 from 0, commuters by mode and
  ;; by band from the tally's values, in the output's places (the other sums untouched).
  (func (export "tallyChange") (param $count i32) (param $list i32) (param $trips i32)
                               ${['before', 'after']
                                 .flatMap((side) =>
                                   Array.from({ length: MODES }, (_, m) => [
                                     `$${side}share${m}`,
                                     `$${side}time${m}`,
                                   ]).flat(),
                                 )
                                 .map((n) => `(param ${n} i32)`)
                                 .join(' ')}
                               (param $out i32) (param $lastBand i32) (param $within f64) (param $over f64) (param $band f64)
    (local $q i32) (local $j i32) (local $b i32) (local $histogram i32)
    (local $x f64) (local $nx f64) (local $y f64) (local $s f64) (local $t f64)
    ${[...sums, ...byMode].map((n) => `(local ${n} f64)`).join(' ')}
${lines(
  [
    ...byMode.map((n, m) => set(n, op('f64.load', `offset=${8 * (sums.length + m)}`, get('$out')))),
    set('$histogram', op('i32.add', get('$out'), i32(8 * (sums.length + MODES)))),
  ],
  4,
)}
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $j (i32.load (i32.add (local.get $list) (i32.shl (local.get $q) (i32.const 2)))))
${lines(change(), 8)}
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
${lines(
  [...sums, ...byMode].map((n, k) => op('f64.store', `offset=${8 * k}`, get('$out'), get(n))),
  4,
)}))
`;
}
