/**
 * What the kernels that make direct surface trips share (surface.ts for the demand model's options,
 * lowerRail.ts for the engine's accessibility rows): the origin's constants, the great-circle metres from
 * unit vectors and one mode's closed form — engine/surface.ts's arithmetic, step for step, in f64x2 lanes.
 */
import { add, get, i32, mul, op, set, splat, sub } from './wat';

/** Walk, bike and the area-wide bus. */
export const SURFACE_MODES = 3;
/** Per surface mode and destination class, originEntries' seven values (engine/surface.ts). */
const ENTRY = 7;

/**
 * Vectors set once per origin (name → value): constants, the origin's unit vector (rows $ux, $uy, $uz at
 * index $o) and originEntries' 42 values at $entries, mode m's value k for destination class cd as
 * `$e${m}_${k}${cd}`.
 */
export function originSetup(): [string, string][] {
  return [
    ['$zero', splat('(f64.const 0)')],
    ['$one', splat('(f64.const 1)')],
    ['$half', splat('(f64.const 0.5)')],
    ['$twentyfour', splat('(f64.const 24)')],
    ['$inf', splat('(f64.const inf)')],
    ['$radius', splat(get('$earthRadius'))],
    ...['x', 'y', 'z'].map(
      (axis) =>
        [
          `$o${axis}`,
          splat(op('f64.load', op('i32.add', get(`$u${axis}`), op('i32.shl', get('$o'), i32(3))))),
        ] as [string, string],
    ),
    ...Array.from({ length: SURFACE_MODES }, (_, m) =>
      Array.from({ length: ENTRY }, (_, k) =>
        [0, 1].map(
          (cd) =>
            [
              `$e${m}_${k}${cd}`,
              splat(op('f64.load', `offset=${8 * (cd * 21 + m * ENTRY + k)}`, get('$entries'))),
            ] as [string, string],
        ),
      ).flat(),
    ).flat(),
  ];
}

/** The work vectors the statements below set. */
export const SURFACE_WORK = ['$dx', '$dy', '$dz', '$c2', '$x', '$rural', '$reach', '$moving'];

/**
 * Statements setting $dx, $dy, $dz and $c2 from the destinations' unit vectors (`load` of a row's base
 * local), then the metres R·√c²·(1 + c²/24) (an expression): engine/surface.ts zoneMeters' order.
 */
export function chordMeters(load: (base: string) => string): { statements: string[]; meters: string } {
  const d = (axis: string) => sub(get(`$o${axis}`), load(`$u${axis}`));
  return {
    statements: [
      set('$dx', d('x')),
      set('$dy', d('y')),
      set('$dz', d('z')),
      set(
        '$c2',
        add(add(mul(get('$dx'), get('$dx')), mul(get('$dy'), get('$dy'))), mul(get('$dz'), get('$dz'))),
      ),
    ],
    meters: mul(
      mul(get('$radius'), op('f64x2.sqrt', get('$c2'))),
      add(get('$one'), op('f64x2.div', get('$c2'), get('$twentyfour'))),
    ),
  };
}

/** Mode m's entry k for the lanes' destination classes ($rural: the lanes of class 1). */
export const entryOf = (m: number, k: number) =>
  op('v128.bitselect', get(`$e${m}_${k}1`), get(`$e${m}_${k}0`), get('$rural'));

/**
 * Mode m over $x metres: `reach` (x ≤ max metres; NaN not), and from $moving = ⌊x·pace + max(0, x −
 * beyond)·extra + 0.5⌋ (the statement `moving`) its cost, fixed + weight·moving, and time, fixed + moving.
 */
export function modeTrip(m: number): { reach: string; moving: string; cost: string; time: string } {
  const p = (k: number) => entryOf(m, k);
  return {
    reach: op('f64x2.le', get('$x'), p(0)),
    moving: set(
      '$moving',
      op(
        'f64x2.floor',
        add(
          add(mul(get('$x'), p(1)), mul(op('f64x2.max', get('$zero'), sub(get('$x'), p(5))), p(6))),
          get('$half'),
        ),
      ),
    ),
    cost: add(p(2), mul(p(3), get('$moving'))),
    time: add(p(4), get('$moving')),
  };
}
