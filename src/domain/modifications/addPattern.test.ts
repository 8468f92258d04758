import { describe, expect, it } from 'vitest';
import { line, pattern } from '../../../test/support/fixtures';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { AddPattern } from '../scenario';
import { addPattern } from './addPattern';

const express = (extra: Partial<AddPattern['pattern']> = {}, lineId = 'M1'): AddPattern => ({
  type: 'add-pattern',
  line: lineId,
  pattern: { id: 'exp', stops: ['A', 'C'], headways: { 'am-peak': 600 }, ...extra },
});

describe('add-pattern', () => {
  it('an express in both directions: passed stops save the stop loss, dwells come from the base', () => {
    // A —300— B —400— C; passing B saves the metro stop loss of 40 s: 700 − 40 = 660.
    const base = toyNetwork();
    const net = ok(addPattern, base, express());
    const m1 = net.lines.find((l) => l.id === 'M1')!;
    expect(m1.patterns.slice(0, 2)).toEqual(base.lines[0]!.patterns);
    expect(m1.patterns.slice(2)).toEqual([
      {
        id: 'exp',
        direction: 0,
        stops: ['A', 'C'],
        runSeconds: [660],
        dwellSeconds: [0, 0],
        headways: { 'am-peak': 600 },
      },
      {
        id: 'exp',
        direction: 1,
        stops: ['C', 'A'],
        runSeconds: [660],
        dwellSeconds: [0, 0],
        headways: { 'am-peak': 600 },
      },
    ]);
  });

  it('a short turn keeps the runs; one direction when asked, or when the line runs one way', () => {
    const net = ok(addPattern, toyNetwork(), express({ id: 'short', stops: ['A', 'B'], direction: 1 }));
    expect(net.lines[0]!.patterns.slice(2)).toEqual([
      {
        id: 'short',
        direction: 1,
        stops: ['B', 'A'],
        runSeconds: [300],
        dwellSeconds: [30, 0],
        headways: { 'am-peak': 600 },
      },
    ]);
    const oneWay = toyNetwork();
    oneWay.lines[0] = { ...oneWay.lines[0]!, patterns: [oneWay.lines[0]!.patterns[0]!] };
    expect(ok(addPattern, oneWay, express()).lines[0]!.patterns.map((p) => p.direction)).toEqual([0, 0]);
  });

  it('a passed stop never saves more than half the run through it', () => {
    // Trunk stop loss 180 s; runs 100 + 100: max(200 − 180, 100) = 100.
    const base = toyNetwork();
    base.stations.push({ ...base.stations[4]!, id: 'R3' });
    base.lines.push(line('T2', 'trunk', ['R1', 'R3', 'R2'], [100, 100], 1200));
    expect(
      ok(addPattern, base, express({ stops: ['R1', 'R2'] }, 'T2')).lines[3]!.patterns[2]!.runSeconds,
    ).toEqual([100]);
  });

  it('the base is the first pattern of that direction calling at the stops in order', () => {
    const base = toyNetwork();
    base.lines[0]!.patterns.unshift(pattern('short', 0, ['A', 'B'], [250], 300));
    // 'short' does not call at C: the all-stop pattern is the base.
    expect(ok(addPattern, base, express({ direction: 0 })).lines[0]!.patterns.at(-1)!.runSeconds).toEqual([
      660,
    ]);
  });

  it('problems: unknown line, stops out of order or missing, an id in use, direction, headways', () => {
    const base = toyNetwork();
    expect(problems(addPattern, base, express({}, 'M9'))).toEqual([
      { path: '$.modifications[0].line', message: 'unknown line "M9"' },
    ]);
    expect(problems(addPattern, base, express({ stops: ['C', 'A'], direction: 0 }))).toEqual([
      {
        path: '$.modifications[0].pattern.stops',
        message: 'no direction-0 pattern of line "M1" calls at these stops in this order',
      },
    ]);
    expect(problems(addPattern, base, express({ id: 'all' }))).toEqual([
      {
        path: '$.modifications[0].pattern.id',
        message: 'line "M1" already has a pattern "all" in direction 0',
      },
      {
        path: '$.modifications[0].pattern.id',
        message: 'line "M1" already has a pattern "all" in direction 1',
      },
    ]);
    expect(problems(addPattern, base, express({ stops: ['A'] }))).toEqual([
      { path: '$.modifications[0].pattern.stops', message: 'a pattern needs at least two stops' },
    ]);
    expect(problems(addPattern, base, express({ direction: 2 as 0, headways: {} }))).toEqual([
      {
        path: '$.modifications[0].pattern.headways',
        message: 'no headway for any period: the service would never run',
      },
      { path: '$.modifications[0].pattern.direction', message: 'direction must be 0 or 1, got 2' },
    ]);
  });
});
