import { describe, expect, it } from 'vitest';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { AdjustSpeed } from '../scenario';
import { adjustSpeed } from './adjustSpeed';

const faster = (extra: Partial<AdjustSpeed> = {}): AdjustSpeed => ({
  type: 'adjust-speed',
  line: 'M1',
  speedFactor: 2,
  ...extra,
});

describe('adjust-speed', () => {
  it('the whole line, both directions: runs divided by the factor, dwells unchanged', () => {
    const base = toyNetwork();
    const net = ok(adjustSpeed, base, faster());
    expect(net.lines[0]!.patterns.map((p) => [p.runSeconds, p.dwellSeconds])).toEqual([
      [
        [150, 200],
        [0, 30, 0],
      ],
      [
        [200, 150],
        [0, 30, 0],
      ],
    ]);
    expect(net.lines.slice(1)).toEqual(base.lines.slice(1));
  });

  it('a segment, given in either order: only runs with both ends in it', () => {
    for (const [from, to] of [
      ['B', 'C'],
      ['C', 'B'],
    ]) {
      const net = ok(adjustSpeed, toyNetwork(), faster({ from, to, speedFactor: 0.5 }));
      expect(net.lines[0]!.patterns.map((p) => p.runSeconds)).toEqual([
        [300, 800],
        [800, 300],
      ]);
    }
  });

  it('problems: the factor, one end only, ends not on the line, the same end twice', () => {
    const base = toyNetwork();
    for (const speedFactor of [0, -1, 10.5, Number.NaN]) {
      expect(problems(adjustSpeed, base, faster({ speedFactor }))).toEqual([
        {
          path: '$.modifications[0].speedFactor',
          message: `speed factor must be between 0 and 10 (1.2 = 20 % faster), got ${speedFactor}`,
        },
      ]);
    }
    expect(problems(adjustSpeed, base, faster({ from: 'A' }))).toEqual([
      {
        path: '$.modifications[0].to',
        message: 'a segment needs both ends (from and to), or neither for the whole line',
      },
    ]);
    expect(problems(adjustSpeed, base, faster({ from: 'D', to: 'Q' }))).toEqual([
      { path: '$.modifications[0].from', message: 'station "D" is not on line "M1"' },
      { path: '$.modifications[0].to', message: 'station "Q" is not on line "M1"' },
    ]);
    expect(problems(adjustSpeed, base, faster({ from: 'B', to: 'B' }))).toEqual([
      { path: '$.modifications[0].to', message: 'the segment ends are the same station' },
    ]);
    expect(problems(adjustSpeed, base, faster({ line: 'M9' }))).toEqual([
      { path: '$.modifications[0].line', message: 'unknown line "M9"' },
    ]);
  });
});
