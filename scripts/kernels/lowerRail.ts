/**
 * Writes src/engine/kernels/lowerRail.wat: one access link's station row folded into an origin's best
 * trips (engine/stationRows.ts lowerByRail's inner loop), and the origin's direct surface trips those start
 * from (engine/router.ts directSurface), in 128-bit SIMD, two destinations at a time.
 * `npm run build:kernels` runs it.
 */
import { TRIP_MODE } from '../../src/engine/types';
import { chordMeters, modeTrip, originSetup, SURFACE_WORK } from './surfaceTrips';
import { add, get, i32, lines, op, set, splat } from './wat';

/** Byte offset of destination $j in a row of `width`-byte values. */
const at = (base: string, width: number) =>
  op('i32.add', get(base), width === 1 ? get('$j') : op('i32.shl', get('$j'), i32(Math.log2(width))));

/** The loads and stores of two destinations (pair) or one in lane 0 (one), by the rows' value widths. */
interface Access {
  f64(base: string): string;
  f64Store(base: string, value: string): string;
  /** f32 values widened to f64 lanes. */
  f32(base: string): string;
  /** Mode bytes: two (or one) in the low bytes of lane 0, and where the mask's lanes are. */
  byte(base: string): string;
  byteStore(base: string, value: string): string;
  byteMask(mask: string): string;
  /** i32 values in lanes 0 and 1, and the mask there. */
  int(base: string): string;
  intStore(base: string, value: string): string;
  intMask(mask: string): string;
  /** Mode bytes made by narrowing: bytes 0 and 1 (or 0) of the vector. */
  modeStore(base: string, bytes: string): string;
}

/** The f64 mask's lanes as bytes 0 and 1 (and again through the vector): lane l's byte 8l. */
const byteMask = (mask: string) =>
  op('i8x16.shuffle', ...'0 8 0 8 0 8 0 8 0 8 0 8 0 8 0 8'.split(' '), mask, mask);
/** The f64 mask's lanes as i32 lanes 0 and 1. */
const intMask = (mask: string) =>
  op('i8x16.shuffle', ...'0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11'.split(' '), mask, mask);

const pair: Access = {
  f64: (base) => op('v128.load', at(base, 8)),
  f64Store: (base, value) => op('v128.store', at(base, 8), value),
  f32: (base) => op('f64x2.promote_low_f32x4', op('v128.load64_zero', at(base, 4))),
  byte: (base) => op('i32x4.splat', op('i32.load16_u', at(base, 1))),
  byteStore: (base, value) => op('i32.store16', at(base, 1), op('i32x4.extract_lane', '0', value)),
  byteMask,
  int: (base) => op('v128.load64_zero', at(base, 4)),
  intStore: (base, value) => op('v128.store64_lane', '0', at(base, 4), value),
  intMask,
  modeStore: (base, bytes) => op('v128.store16_lane', '0', at(base, 1), bytes),
};

const one: Access = {
  f64: (base) => op('v128.load64_zero', at(base, 8)),
  f64Store: (base, value) => op('v128.store64_lane', '0', at(base, 8), value),
  f32: (base) => op('f64x2.promote_low_f32x4', op('v128.load32_zero', at(base, 4))),
  byte: (base) => op('i32x4.splat', op('i32.load8_u', at(base, 1))),
  byteStore: (base, value) => op('i32.store8', at(base, 1), op('i32x4.extract_lane', '0', value)),
  byteMask,
  int: (base) => op('v128.load32_zero', at(base, 4)),
  intStore: (base, value) => op('v128.store32_lane', '0', at(base, 4), value),
  intMask,
  modeStore: (base, bytes) => op('v128.store8_lane', '0', at(base, 1), bytes),
};

/**
 * lowerByRail at the destinations here: c = ac + row cost, t = at + row time; written where not c > best
 * cost and (c < best cost or t < best time) — the JavaScript's test, lane by lane.
 */
function lower(a: Access): string[] {
  const write = get('$write');
  return [
    set('$c', add(get('$ac'), a.f64('$rowCost'))),
    set('$bc', a.f64('$outCost')),
    set('$t', add(get('$at'), a.f32('$rowTime'))),
    set('$bt', a.f64('$outTime')),
    set(
      '$write',
      op(
        'v128.andnot',
        op('v128.or', op('f64x2.lt', get('$c'), get('$bc')), op('f64x2.lt', get('$t'), get('$bt'))),
        op('f64x2.gt', get('$c'), get('$bc')),
      ),
    ),
    // After the zone's first links most destinations keep what they have: no stores then.
    op(
      'if',
      op('v128.any_true', write),
      op(
        'then',
        a.f64Store('$outCost', op('v128.bitselect', get('$c'), get('$bc'), write)),
        a.f64Store('$outTime', op('v128.bitselect', get('$t'), get('$bt'), write)),
        op(
          'if',
          get('$withMode'),
          op(
            'then',
            a.byteStore(
              '$outMode',
              op('v128.bitselect', a.byte('$rowMode'), a.byte('$outMode'), a.byteMask(write)),
            ),
          ),
        ),
        op(
          'if',
          get('$withLink'),
          op(
            'then',
            a.intStore('$outLink', op('v128.bitselect', get('$link'), a.int('$outLink'), a.intMask(write))),
          ),
        ),
      ),
    ),
  ];
}

/** The TRIP_MODE of each surface mode, in surfaceTrips' order. */
const MODE_CODES = [TRIP_MODE.walk, TRIP_MODE.bike, TRIP_MODE.bus];

/**
 * directSurface at the destinations here: the great-circle metres x = R·√c²·(1 + c²/24), then walk, bike
 * and bus each where x is within reach — moving = ⌊x·pace + max(0, x − beyond)·extra + 0.5⌋, cost = fixed
 * + weight·moving, time = fixed + moving — the best by (cost, time), walk first; the JavaScript's steps,
 * lane by lane.
 */
function direct(a: Access): string[] {
  const m = chordMeters((base) => a.f64(base));
  const out = [
    ...m.statements,
    set('$x', m.meters),
    set('$rural', op('f64x2.eq', a.f64('$cls'), get('$one'))),
    set('$bc', get('$inf')),
    set('$bt', get('$inf')),
    set('$bm', get('$none')),
  ];
  MODE_CODES.forEach((code, mode) => {
    const trip = modeTrip(mode);
    out.push(set('$reach', trip.reach));
    // Beyond walking and cycling range for both destinations (most pairs): nothing to weigh.
    const weigh = [
      trip.moving,
      set('$c', trip.cost),
      set('$t', trip.time),
      // Walk, the first, wherever it reaches; the others where better by (cost, time).
      set(
        '$better',
        mode === 0
          ? get('$reach')
          : op(
              'v128.and',
              get('$reach'),
              op(
                'v128.or',
                op('f64x2.lt', get('$c'), get('$bc')),
                op('v128.and', op('f64x2.eq', get('$c'), get('$bc')), op('f64x2.lt', get('$t'), get('$bt'))),
              ),
            ),
      ),
      set('$bc', op('v128.bitselect', get('$c'), get('$bc'), get('$better'))),
      set('$bt', op('v128.bitselect', get('$t'), get('$bt'), get('$better'))),
      set('$bm', op('v128.bitselect', splat(`(f64.const ${code})`), get('$bm'), get('$better'))),
    ];
    out.push(op('if', op('v128.any_true', get('$reach')), op('then', ...weigh)));
  });
  // Modes as bytes: the f64 lanes to i32, to i16, to u8 (codes 0 … 255 stay as they are).
  const bytes = op(
    'i8x16.narrow_i16x8_u',
    op('i16x8.narrow_i32x4_u', op('i32x4.trunc_sat_f64x2_u_zero', get('$bm')), get('$bm')),
    get('$bm'),
  );
  out.push(
    a.f64Store('$outCost', get('$bc')),
    a.f64Store('$outTime', get('$bt')),
    op('if', get('$withMode'), op('then', a.modeStore('$outMode', bytes))),
  );
  return out;
}

export function lowerRailWat(): string {
  const setup: [string, string][] = [...originSetup(), ['$none', splat(`(f64.const ${TRIP_MODE.none})`)]];
  const vectors = [
    ...SURFACE_WORK,
    '$c',
    '$t',
    '$better',
    '$bc',
    '$bt',
    '$bm',
    ...setup.map(([name]) => name),
  ];
  return `;; Generated by scripts/kernels/lowerRail.ts (npm run build:kernels): do not edit.
;;
;; One access link's station row folded into an origin's best trips through stations, for lowerRail.ts
;; (engine/stationRows.ts lowerByRail's loop over destinations): per destination d, c = ac + rowCost[d] and
;; t = at + rowTime[d] (f64; the row's times are f32, widened exactly); where not c > outCost[d] and (c <
;; outCost[d] or t < outTime[d]), outCost[d] = c, outTime[d] = t, and with them outMode[d] = rowMode[d]
;; (bytes) and outLink[d] = link (i32) where asked. The same test and the same sums as the JavaScript: the
;; same bits (tested). Memory (imported; lowerRail.ts lays it out, byte offsets as parameters).
;; Destinations go two at a time; an odd last one alone in lane 0.
(module
  (import "env" "memory" (memory 1))

  (func (export "lower") (param $z i32) (param $outCost i32) (param $outTime i32) (param $outMode i32)
                         (param $outLink i32) (param $withMode i32) (param $withLink i32)
                         (param $rowCost i32) (param $rowTime i32) (param $rowMode i32)
                         (param $accessCost f64) (param $accessTime f64) (param $k i32)
    (local $j i32)
    (local $ac v128) (local $at v128) (local $link v128) (local $c v128) (local $bc v128) (local $t v128)
    (local $bt v128) (local $write v128)
${lines(
  [
    set('$ac', splat(get('$accessCost'))),
    set('$at', splat(get('$accessTime'))),
    set('$link', op('i32x4.splat', get('$k'))),
  ],
  4,
)}
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (i32.and (local.get $z) (i32.const -2))))
${lines(lower(pair), 8)}
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next)))
    ;; An odd last destination alone, in lane 0.
    (if (i32.lt_u (local.get $j) (local.get $z))
      (then
${lines(lower(one), 8)})))

  ;; Origin o's direct surface trips (engine/router.ts directSurface) into the best trips: per destination
  ;; the great-circle metres from the unit vectors (rows $ux, $uy, $uz, f64), walk, bike and bus within
  ;; their reach by originEntries' 42 values ($entries; the destination's class from $cls, f64 0 or 1), the
  ;; best by (cost, time) with its TRIP_MODE where asked; the origin itself 0, 0, walk. The same steps as
  ;; the JavaScript: the same bits (tested).
  (func (export "direct") (param $z i32) (param $o i32) (param $ux i32) (param $uy i32) (param $uz i32)
                          (param $cls i32) (param $entries i32) (param $outCost i32) (param $outTime i32)
                          (param $outMode i32) (param $withMode i32) (param $earthRadius f64)
    (local $j i32)
    ${vectors.map((n) => `(local ${n} v128)`).join(' ')}
${lines(
  setup.map(([n, v]) => set(n, v)),
  4,
)}
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (i32.and (local.get $z) (i32.const -2))))
${lines(direct(pair), 8)}
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next)))
    ;; An odd last destination alone, in lane 0.
    (if (i32.lt_u (local.get $j) (local.get $z))
      (then
${lines(direct(one), 8)}))
    ;; The origin itself.
    (f64.store (i32.add (local.get $outCost) (i32.shl (local.get $o) (i32.const 3))) (f64.const 0))
    (f64.store (i32.add (local.get $outTime) (i32.shl (local.get $o) (i32.const 3))) (f64.const 0))
    (if (local.get $withMode)
      (then (i32.store8 (i32.add (local.get $outMode) (local.get $o)) (i32.const ${TRIP_MODE.walk}))))))
`;
}
