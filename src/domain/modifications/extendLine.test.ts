import { describe, expect, it } from 'vitest';
import { at, pattern } from '../../../test/support/fixtures';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { ExtendLine } from '../scenario';
import { extendLine } from './extendLine';

const E = { id: 'E', name: { en: 'E' }, coord: at(10000) };
const extend = (extra: Partial<ExtendLine> = {}): ExtendLine => ({
  type: 'extend-line',
  line: 'M1',
  end: 'last',
  stops: [E],
  runSeconds: [500],
  dwellSeconds: 25,
  ...extra,
});

describe('extend-line', () => {
  it('beyond the last stop: direction 0 runs on, direction 1 starts there; the old terminus gets a dwell', () => {
    const net = ok(extendLine, toyNetwork(), extend());
    expect(net.stations.at(-1)).toEqual({ ...E, layer: 'metro', added: true });
    expect(net.lines[0]!.patterns.map((p) => [p.direction, p.stops, p.runSeconds, p.dwellSeconds])).toEqual([
      [0, ['A', 'B', 'C', 'E'], [300, 400, 500], [0, 30, 25, 0]],
      [1, ['E', 'C', 'B', 'A'], [500, 400, 300], [0, 25, 30, 0]],
    ]);
  });

  it('before the first stop, to an existing station, with the layer default dwell', () => {
    const net = ok(
      extendLine,
      toyNetwork(),
      extend({ end: 'first', stops: ['D'], dwellSeconds: undefined, runSeconds: [600] }),
    );
    expect(net.stations).toEqual(toyNetwork().stations);
    expect(net.lines[0]!.patterns.map((p) => [p.stops, p.runSeconds, p.dwellSeconds])).toEqual([
      [
        ['D', 'A', 'B', 'C'],
        [600, 300, 400],
        [0, 30, 30, 0],
      ],
      [
        ['C', 'B', 'A', 'D'],
        [400, 300, 600],
        [0, 30, 30, 0],
      ],
    ]);
  });

  it('short turns that do not reach the terminus are unchanged', () => {
    const base = toyNetwork();
    const short = pattern('short', 0, ['A', 'B'], [300], 600);
    base.lines[0]!.patterns.push(short);
    expect(ok(extendLine, base, extend()).lines[0]!.patterns[2]).toEqual(short);
  });

  it('problems: a station already on the line, unknown line, a loop, wrong run count', () => {
    const base = toyNetwork();
    expect(problems(extendLine, base, extend({ stops: ['B'] }))).toEqual([
      { path: '$.modifications[0].stops[0]', message: 'station "B" is already on line "M1"' },
    ]);
    expect(problems(extendLine, base, extend({ line: 'M9' }))).toEqual([
      { path: '$.modifications[0].line', message: 'unknown line "M9"' },
    ]);
    expect(problems(extendLine, base, extend({ runSeconds: [500, 100] }))).toEqual([
      { path: '$.modifications[0].runSeconds', message: 'expected 1 run times (one per hop), got 2' },
    ]);
    expect(problems(extendLine, base, extend({ end: 'middle' as 'last' }))).toEqual([
      { path: '$.modifications[0].end', message: 'end must be "first" or "last", got "middle"' },
    ]);
    const loop = toyNetwork();
    loop.lines[0]!.patterns = [
      { ...pattern('ring', 0, ['A', 'B', 'C'], [300, 400, 500], 300), loop: true, dwellSeconds: [0, 0, 0] },
    ];
    expect(problems(extendLine, loop, extend())).toEqual([
      { path: '$.modifications[0].line', message: 'line "M1" is a loop and has no terminus to extend' },
    ]);
  });
});
