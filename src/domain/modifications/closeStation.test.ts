import { describe, expect, it } from 'vitest';
import { line, pattern } from '../../../test/support/fixtures';
import { ok, problems, run } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import { buildSpec } from '../../graph/build';
import { closeStation } from './closeStation';

describe('close-station', () => {
  it('trains pass through: the stop, its dwell and the stop loss go; the runs either side merge', () => {
    // M1 A —300— B —400— C, dwell 30 at B. Metro stop loss 40 s: A→C runs max(700 − 40, 350) = 660.
    const net = ok(closeStation, toyNetwork(), { type: 'close-station', station: 'B' });
    const m1 = net.lines.find((l) => l.id === 'M1')!;
    expect(m1.patterns.map((p) => [p.direction, p.stops, p.runSeconds, p.dwellSeconds])).toEqual([
      [0, ['A', 'C'], [660], [0, 0]],
      [1, ['C', 'A'], [660], [0, 0]],
    ]);
    expect(net.stations.map((s) => s.id)).not.toContain('B');
  });

  it('a pattern left with one stop goes, and a line left with no pattern', () => {
    // M2 is B–D only.
    const net = ok(closeStation, toyNetwork(), { type: 'close-station', station: 'B' });
    expect(net.lines.map((l) => l.id)).toEqual(['M1', 'T']);
  });

  it('a closed terminus drops its run', () => {
    const net = ok(closeStation, toyNetwork(), { type: 'close-station', station: 'A' });
    expect(net.lines.find((l) => l.id === 'M1')!.patterns[0]).toMatchObject({
      stops: ['B', 'C'],
      runSeconds: [400],
    });
  });

  it('hubs lose the station (and go below two stations), transfer rules that name it or its hub go', () => {
    const base = toyNetwork();
    base.transfers = [
      { at: { station: 'C' }, walkSeconds: 60 },
      { at: { stations: ['R2', 'C'] }, walkSeconds: 90 },
      { at: { hub: 'H' }, processingSeconds: 0 },
      { at: { station: 'B' }, walkSeconds: 30 },
    ];
    const net = ok(closeStation, base, { type: 'close-station', station: 'C' });
    expect(net.hubs).toEqual([]);
    expect(net.transfers).toEqual([{ at: { station: 'B' }, walkSeconds: 30 }]);
  });

  it('an unknown station, or one closed earlier', () => {
    expect(problems(closeStation, toyNetwork(), { type: 'close-station', station: 'Q' })).toEqual([
      { path: '$.modifications[0].station', message: 'unknown station "Q"' },
    ]);
    const { issues } = run(
      closeStation,
      toyNetwork(),
      { type: 'close-station', station: 'Q' },
      { closedStations: new Map([['Q', 'modification 1 (close-station)']]) },
    );
    expect(issues).toEqual([
      {
        path: '$.modifications[0].station',
        message: 'station "Q" was closed by modification 1 (close-station)',
      },
    ]);
  });

  it('through trains onto a line the closure removes end where they would have become it', () => {
    // M1's trains run A→B, then on as M2 to D; M2 itself runs only B→D. Closing D leaves M2 with one stop,
    // so M2 goes, and no train may still run as M2 (its platforms would belong to no line).
    const base = toyNetwork();
    base.lines[0] = {
      ...base.lines[0]!,
      patterns: [
        {
          ...pattern('thru', 0, ['A', 'B', 'D'], [300, 500], 300, 30),
          servedAs: [{ fromStop: 1, line: 'M2', direction: 0 }],
        },
      ],
    };
    base.lines[1] = { ...base.lines[1]!, patterns: [pattern('all', 0, ['B', 'D'], [500], 600)] };
    base.lines.push(line('M3', 'metro', ['B', 'C'], [450], 300));
    const net = ok(closeStation, base, { type: 'close-station', station: 'D' });
    expect(net.lines.map((l) => l.id)).toEqual(['M1', 'T', 'M3']);
    expect(net.lines[0]!.patterns).toEqual([
      { ...pattern('thru', 0, ['A', 'B'], [300], 300), dwellSeconds: [0, 0] },
    ]);
    expect(() => buildSpec(net, 'am-peak')).not.toThrow();
  });
});
