/**
 * Writes src/demand/kernels/sources.wat: a scenario's rail riders of one origin by rider class (demand/
 * sources.ts riderClassRows, classifyPair and splitPair, weight 1), scalar: the same operations in the same
 * order, so the same bits. `npm run build:kernels` runs it.
 */
import { get, i32, lines, op, scalarLoop, set } from './wat';

const MODES = 5;
const RAIL = 3;
/** The rider class of each source (sources.ts CLASS_OF_SOURCE): walk, bike, bus, rail (none), car, new pairs. */
const CLASS_OF_SOURCE = [1, 2, 3, -1, 4, 5];
const SOURCES = MODES + 1;
const CLASSES = 6;

const f64 = (name: string, ...args: string[]) => op(`f64.${name}`, ...args);
const zero = '(f64.const 0)';
const load = (base: string) => op('f64.load', op('i32.add', get(base), op('i32.shl', get('$j'), i32(3))));
const store = (base: string, value: string) =>
  op('f64.store', op('i32.add', get(base), op('i32.shl', get('$j'), i32(3))), value);
/** The scenario's ridersAt: fround(t·s) where both are above 0, else 0. */
const riders = () =>
  op(
    'select',
    op('f64.promote_f32', op('f32.demote_f64', f64('mul', load('$trips1'), load(`$after${RAIL}`)))),
    zero,
    op('i32.and', f64('gt', load('$trips1'), zero), f64('gt', load(`$after${RAIL}`), zero)),
  );

/** The loss of mode m's share (before − after, at least 0). */
const loss = (m: number) => f64('max', zero, f64('sub', load(`$before${m}`), load(`$after${m}`)));

/**
 * classifyPair(before, after, j, r): the sources of pair $j's $r riders into $s0 … $s5 (splitPair into
 * zeros), then classes 1 … 5 written and the totals added; $rail gets those who were on rail before.
 */
function classify(): string[] {
  const s = (k: number) => `$s${k}`;
  const split = [
    ...Array.from({ length: SOURCES }, (_, k) => set(s(k), zero)),
    set('$t1', load('$trips1')),
    set('$r1', load(`$after${RAIL}`)),
    op(
      'if',
      op('i32.and', f64('gt', get('$t1'), zero), f64('gt', get('$r1'), zero)),
      op(
        'then',
        set('$t0', load('$trips0')),
        set('$r0', load(`$before${RAIL}`)),
        set('$base', f64('min', get('$t0'), get('$t1'))),
        // 0 + x: the scratch's zeros plus each part, as splitPair adds into a cleared scratch.
        set(
          s(MODES),
          f64(
            'add',
            get(s(MODES)),
            f64('mul', f64('max', zero, f64('sub', get('$t1'), get('$t0'))), get('$r1')),
          ),
        ),
        set(s(RAIL), f64('add', get(s(RAIL)), f64('mul', get('$base'), f64('min', get('$r0'), get('$r1'))))),
        op(
          'if',
          op('i32.and', f64('gt', get('$r1'), get('$r0')), f64('gt', get('$base'), zero)),
          op(
            'then',
            set('$lost', zero),
            ...[0, 1, 2, 4].map((m) => set('$lost', f64('add', get('$lost'), loss(m)))),
            op(
              'if',
              f64('gt', get('$lost'), zero),
              op(
                'then',
                set(
                  '$gained',
                  f64('div', f64('mul', get('$base'), f64('sub', get('$r1'), get('$r0'))), get('$lost')),
                ),
                ...[0, 1, 2, 4].map((m) =>
                  set(s(m), f64('add', get(s(m)), f64('mul', get('$gained'), loss(m)))),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
  const spread: string[] = [set('$rail', zero)];
  for (let m = 0; m < SOURCES; m++) {
    const c = CLASS_OF_SOURCE[m]!;
    if (c < 0) spread.push(set('$rail', f64('add', get('$rail'), get(s(m)))));
    else
      spread.push(
        store(`$class${c}`, get(s(m))),
        set(`$total${m}`, f64('add', get(`$total${m}`), get(s(m)))),
      );
  }
  return [
    // Unchanged trips and rail share: every rider was on rail before.
    op(
      'if',
      op(
        'i32.and',
        f64('eq', load('$trips0'), load('$trips1')),
        f64('eq', load(`$before${RAIL}`), load(`$after${RAIL}`)),
      ),
      op('then', set('$rail', get('$r'))),
      op('else', ...split, ...spread),
    ),
  ];
}

/** Destination $j: its riders (listed or all: the scenario's; else the kept ones), then their classes. */
function destination(): string[] {
  const listed = get('$listed');
  return [
    set(
      '$listed',
      op(
        'i32.or',
        op('i32.eqz', get('$hasList')),
        op(
          'i32.and',
          op('i32.lt_u', get('$q'), get('$count')),
          op(
            'i32.eq',
            op('i32.load', op('i32.add', get('$list'), op('i32.shl', get('$q'), i32(2)))),
            get('$j'),
          ),
        ),
      ),
    ),
    op(
      'if',
      listed,
      op(
        'then',
        set('$q', op('i32.add', get('$q'), get('$hasList'))),
        set('$r', riders()),
        // Classes past the first are written where the pair is listed (all, without a list).
        ...Array.from({ length: CLASSES - 1 }, (_, c) => store(`$class${c + 1}`, zero)),
      ),
      op(
        'else',
        set(
          '$r',
          op(
            'f64.promote_f32',
            op('f32.load', op('i32.add', get('$kept'), op('i32.shl', get('$j'), i32(2)))),
          ),
        ),
      ),
    ),
    store('$class0', get('$r')),
    op(
      'if',
      f64('ne', get('$r'), zero),
      op(
        'then',
        op('if', listed, op('then', ...classify()), op('else', set('$rail', get('$r')))),
        set('$railBefore', f64('add', get('$railBefore'), get('$rail'))),
      ),
    ),
  ];
}

export function sourcesWat(): string {
  const sides = ['before', 'after'].flatMap((side) =>
    Array.from({ length: MODES }, (_, m) => `$${side}${m}`),
  );
  const params = [
    '$z',
    '$hasList',
    '$list',
    '$count',
    '$kept',
    '$trips0',
    '$trips1',
    ...sides,
    ...Array.from({ length: CLASSES }, (_, c) => `$class${c}`),
    '$totals',
  ];
  const totals = Array.from({ length: SOURCES }, (_, m) => `$total${m}`);
  return `;; Generated by scripts/kernels/sources.ts (npm run build:kernels): do not edit.
;;
;; One origin's scenario rail riders by rider class (demand/sources.ts riderClassRows), for sources.ts.
;; Memory (imported; byte offsets as parameters): the trips of both sides and the shares of their five modes
;; (f64 rows; rail the fourth), the kept riders (f32, the baseline's: every rider of a pair not listed),
;; the list of changed pairs (i32, ascending; hasList 0: every pair is one), the six class rows it writes
;; (riders, then those who came from walk, bike, bus, car and new pairs) and the totals (six f64, added
;; to: walk, bike, bus, rail before, car, new pairs). Classes past the first are written at listed pairs
;; only. Every value by the JavaScript's operations in its order: the same bits.
(module
  (import "env" "memory" (memory 1))

  (func (export "riderClasses") ${params.map((n) => `(param ${n} i32)`).join(' ')}
    (local $j i32) (local $q i32) (local $listed i32)
    (local $r f64) (local $rail f64) (local $railBefore f64) (local $t0 f64) (local $t1 f64) (local $r0 f64)
    (local $r1 f64) (local $base f64) (local $lost f64) (local $gained f64)
    ${[...Array.from({ length: SOURCES }, (_, k) => `$s${k}`), ...totals].map((n) => `(local ${n} f64)`).join(' ')}
${lines(
  totals.map((n, m) => set(n, op('f64.load', `offset=${8 * m}`, get('$totals')))),
  4,
)}
${scalarLoop('$j', '$z', destination(), 4)}
    ;; The totals: each source's, then those on rail before added to the rail total.
${lines(
  [
    ...totals.map((n, m) => op('f64.store', `offset=${8 * m}`, get('$totals'), get(n))),
    op(
      'f64.store',
      `offset=${8 * RAIL}`,
      get('$totals'),
      f64('add', op('f64.load', `offset=${8 * RAIL}`, get('$totals')), get('$railBefore')),
    ),
  ],
  4,
)}))
`;
}
