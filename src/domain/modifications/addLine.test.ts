import { describe, expect, it } from 'vitest';
import { at } from '../../../test/support/fixtures';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { AddLine } from '../scenario';
import { addLine } from './addLine';

const lineSpec = { id: 'N', name: { en: 'New' }, layer: 'suburban' as const, color: '#AA00ff' };

describe('add-line', () => {
  it('both directions through existing and new stations, with explicit runs and dwell', () => {
    const base = toyNetwork();
    const net = ok(addLine, base, {
      type: 'add-line',
      line: lineSpec,
      stops: ['A', { id: 'N1', name: { en: 'N1' }, coord: at(3000, -2000) }, 'D'],
      runSeconds: [100, 200],
      dwellSeconds: 20,
      headways: { 'am-peak': 450 },
    });
    expect(net.stations.slice(0, base.stations.length)).toEqual(base.stations);
    // A new station takes the line's layer unless it says otherwise, and is marked as the scenario's.
    expect(net.stations.at(-1)).toEqual({
      id: 'N1',
      name: { en: 'N1' },
      coord: at(3000, -2000),
      layer: 'suburban',
      added: true,
    });
    expect(net.lines.slice(0, 3)).toEqual(base.lines);
    expect(net.lines[3]).toEqual({
      id: 'N',
      name: { en: 'New' },
      layer: 'suburban',
      color: '#AA00ff',
      patterns: [
        {
          id: 'main',
          direction: 0,
          stops: ['A', 'N1', 'D'],
          runSeconds: [100, 200],
          dwellSeconds: [0, 20, 0],
          headways: { 'am-peak': 450 },
        },
        expect.objectContaining({
          id: 'main',
          direction: 1,
          stops: ['D', 'N1', 'A'],
          runSeconds: [200, 100],
          dwellSeconds: [0, 20, 0],
          headways: { 'am-peak': 450 },
        }),
      ],
    });
  });

  it('one way only; run times from a speed; the layer default dwell', () => {
    // A → B is 3000 m; × suburban route factor 1.15 = 3450 m at 69 km/h (19.1667 m/s) = 180 s.
    const net = ok(addLine, toyNetwork(), {
      type: 'add-line',
      line: lineSpec,
      stops: ['A', 'B', 'C'],
      speedKmh: 69,
      headways: { 'am-peak': 600 },
      bidirectional: false,
    });
    const [p, ...rest] = net.lines[3]!.patterns;
    expect(rest).toEqual([]);
    expect(p!.runSeconds[0]).toBeCloseTo(180, 6);
    expect(p!.runSeconds[1]).toBeCloseTo(240, 6); // 4000 m × 1.15 / 19.1667 m/s
    expect(p!.dwellSeconds).toEqual([0, 60, 0]); // suburban default dwell 60 s
  });

  it('reports every problem at once, each at its path', () => {
    const mod = {
      type: 'add-line',
      line: { id: 'M1', name: { en: 'x' }, layer: 'tram', color: 'red' },
      stops: ['A', 'Q', { id: 'B', name: { en: 'B' }, coord: [0, 0] }, 'A'],
      runSeconds: [100, -5],
      headways: { 'am-peak': 0, 'pm-peak': 300 },
    } as unknown as AddLine;
    expect(problems(addLine, toyNetwork(), mod)).toEqual([
      { path: '$.modifications[0].line.id', message: 'line id "M1" is already used' },
      {
        path: '$.modifications[0].line.layer',
        message: 'unknown layer "tram" (trunk, intercity, suburban or metro)',
      },
      { path: '$.modifications[0].line.color', message: 'colour must be "#RRGGBB", got "red"' },
      {
        path: '$.modifications[0].headways["am-peak"]',
        message: 'headway must be a positive number of seconds, got 0',
      },
      {
        path: '$.modifications[0].headways["pm-peak"]',
        message: 'unknown period "pm-peak" (network has am-peak)',
      },
    ]);
  });

  it('stops: unknown, reused ids, repeated, too few', () => {
    const base = toyNetwork();
    const mod = (stops: AddLine['stops'], extra: Partial<AddLine> = {}): AddLine => ({
      type: 'add-line',
      line: lineSpec,
      stops,
      runSeconds: stops.slice(1).map(() => 60),
      headways: { 'am-peak': 300 },
      ...extra,
    });
    expect(
      problems(addLine, base, mod(['A', 'Q', { id: 'B', name: { en: 'B' }, coord: at(0) }, 'A'])),
    ).toEqual([
      { path: '$.modifications[0].stops[1]', message: 'unknown station "Q"' },
      { path: '$.modifications[0].stops[2].id', message: 'station id "B" is already used' },
      { path: '$.modifications[0].stops[3]', message: 'station "A" appears twice on the route' },
    ]);
    expect(problems(addLine, base, mod(['A']))).toEqual([
      { path: '$.modifications[0].stops', message: 'a line needs at least two stops' },
    ]);
    expect(problems(addLine, base, mod(['A', { id: 'X', name: { en: 'X' }, coord: [200, 0] }]))).toEqual([
      {
        path: '$.modifications[0].stops[1].coord',
        message: 'coord must be [longitude, latitude] in degrees',
      },
    ]);
  });

  it('run times: both or neither of speed and runs, a wrong count, a non-positive run, a negative dwell', () => {
    const base = toyNetwork();
    const mod = (extra: Partial<AddLine>): AddLine => ({
      type: 'add-line',
      line: lineSpec,
      stops: ['A', 'B', 'C'],
      headways: { 'am-peak': 300 },
      ...extra,
    });
    const either = {
      path: '$.modifications[0].speedKmh',
      message: 'give either speedKmh (run times from station positions) or runSeconds, not both or neither',
    };
    expect(problems(addLine, base, mod({}))).toEqual([either]);
    expect(problems(addLine, base, mod({ speedKmh: 40, runSeconds: [60, 60] }))).toEqual([either]);
    expect(problems(addLine, base, mod({ runSeconds: [60] }))).toEqual([
      { path: '$.modifications[0].runSeconds', message: 'expected 2 run times (one per hop), got 1' },
    ]);
    expect(problems(addLine, base, mod({ runSeconds: [60, 0], dwellSeconds: -1 }))).toEqual([
      { path: '$.modifications[0].runSeconds[1]', message: 'run time must be > 0 seconds, got 0' },
      { path: '$.modifications[0].dwellSeconds', message: 'must be a number of seconds ≥ 0, got -1' },
    ]);
    expect(problems(addLine, base, mod({ speedKmh: 0 }))).toEqual([
      { path: '$.modifications[0].speedKmh', message: 'speed must be between 0 and 600 km/h, got 0' },
    ]);
  });
});
