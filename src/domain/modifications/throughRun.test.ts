import { describe, expect, it } from 'vitest';
import { at, line, network, pattern, station, zone } from '../../../test/support/fixtures';
import { ok, problems } from '../../../test/support/modules';
import type { Network } from '../network';
import { frequency } from '../patternOps';
import type { ThroughRun } from '../scenario';
import { throughRun } from './throughRun';

/** L1 A → B and L2 B → C, both ways, every 300 s; L1's trains run 600 s, L2's 600 s; no dwell at the ends. */
function meeting(l2Headway = 300): Network {
  return network({
    zones: [zone('O', at(0, 100))],
    stations: [
      station('A', at(0)),
      station('B', at(6000)),
      station('C', at(12000)),
      station('X', at(6000, 3000)),
    ],
    lines: [line('L1', 'metro', ['A', 'B'], [600], 300), line('L2', 'metro', ['B', 'C'], [600], l2Headway)],
  });
}

const join = (extra: Partial<ThroughRun> = {}): ThroughRun => ({
  type: 'through-run',
  from: 'L1',
  to: 'L2',
  station: 'B',
  ...extra,
});

/** Trains per second of `line` in `direction` leaving stop `station`, over its patterns. */
function leaving(net: Network, lineId: string, direction: 0 | 1, station: string): number {
  return net.lines
    .flatMap((l) => l.patterns.map((p) => ({ l, p })))
    .filter(
      ({ l, p }) =>
        p.direction === direction &&
        p.stops.slice(0, -1).includes(station) &&
        (l.id === lineId || p.servedAs?.some((s) => s.line === lineId)),
    )
    .reduce((f, { p }) => f + frequency(p.headways['am-peak']), 0);
}

describe('through-run', () => {
  it('every train runs through, both ways; riders see the second line from the junction on', () => {
    const net = ok(throughRun, meeting(), join());
    expect(net.lines.map((l) => [l.id, l.patterns])).toEqual([
      [
        'L1',
        [
          {
            id: 'through-L2',
            direction: 0,
            stops: ['A', 'B', 'C'],
            runSeconds: [600, 600],
            dwellSeconds: [0, 30, 0], // the metro default dwell at the junction (both ends had none)
            headways: { 'am-peak': 300 },
            servedAs: [{ fromStop: 1, line: 'L2', direction: 0 }],
          },
        ],
      ],
      [
        'L2',
        [
          {
            id: 'through-L1',
            direction: 1,
            stops: ['C', 'B', 'A'],
            runSeconds: [600, 600],
            dwellSeconds: [0, 30, 0],
            headways: { 'am-peak': 300 },
            servedAs: [{ fromStop: 1, line: 'L1', direction: 1 }],
          },
        ],
      ],
    ]);
  });

  it('the through trains are taken from the lines own trains: each line keeps its frequency', () => {
    for (const [headways, l2] of [
      [undefined, 300],
      [{ 'am-peak': 600 }, 300],
      [undefined, 900],
      [{ 'am-peak': 1800 }, 900],
    ] as const) {
      const base = meeting(l2);
      const net = ok(throughRun, base, join(headways ? { headways } : {}));
      for (const [l, d, s] of [
        ['L1', 0, 'A'],
        ['L1', 1, 'B'],
        ['L2', 0, 'B'],
        ['L2', 1, 'C'],
      ] as const) {
        expect(
          leaving(net, l, d, s),
          `${l} ${d} at ${s}, through every ${headways?.['am-peak'] ?? 'default'}`,
        ).toBeCloseTo(leaving(base, l, d, s), 12);
      }
    }
    // By default as many as the less frequent line runs: L2 every 900 s, so L1 keeps 1/300 − 1/900.
    const net = ok(throughRun, meeting(900), join());
    expect(net.lines[0]!.patterns.find((p) => p.id === 'through-L2')!.headways).toEqual({ 'am-peak': 900 });
    expect(net.lines[0]!.patterns[0]!.headways['am-peak']).toBeCloseTo(450, 9);
  });

  it('one way only when the lines run one way', () => {
    const base = meeting();
    base.lines = base.lines.map((l) => ({ ...l, patterns: [l.patterns[0]!] }));
    const net = ok(throughRun, base, join());
    expect(net.lines.flatMap((l) => l.patterns.map((p) => `${l.id}/${p.id}/${p.direction}`))).toEqual([
      'L1/through-L2/0',
    ]);
  });

  it('problems: not a junction, one line onto itself, more trains than the lines run, twice', () => {
    const base = meeting();
    expect(problems(throughRun, base, join({ station: 'A' }))).toEqual([
      { path: '$.modifications[0].station', message: '"A" is not where line "L1" ends and line "L2" begins' },
    ]);
    expect(problems(throughRun, base, join({ to: 'L1' }))).toEqual([
      { path: '$.modifications[0].to', message: 'a line cannot run through onto itself' },
    ]);
    // Said once (the return trains repeat the check), and nothing about lines that do not run.
    expect(problems(throughRun, base, join({ headways: { 'am-peak': 200 } }))).toEqual([
      {
        path: '$.modifications[0].headways["am-peak"]',
        message: 'through trains every 200 s are more than the 300 s service the lines run at "B"',
      },
    ]);
    const offPeak = meeting();
    offPeak.periods.push({ id: 'off-peak', name: { en: 'off-peak' }, start: '10:00', end: '16:00' });
    expect(problems(throughRun, offPeak, join({ headways: { 'off-peak': 600 } }))).toEqual([
      {
        path: '$.modifications[0].headways["off-peak"]',
        message: 'lines "L1" and "L2" do not both run at "B" in "off-peak"',
      },
    ]);
    offPeak.lines[1]!.patterns = offPeak.lines[1]!.patterns.map((p) => ({
      ...p,
      headways: { 'off-peak': 600 },
    }));
    expect(problems(throughRun, offPeak, join())).toEqual([
      {
        path: '$.modifications[0].headways',
        message: 'the lines do not both run in any period, so no train can run through',
      },
    ]);
    const once = ok(throughRun, meeting(600), join({ headways: { 'am-peak': 1200 } }));
    expect(problems(throughRun, once, join({ headways: { 'am-peak': 1200 } }))).toEqual([
      { path: '$.modifications[0].to', message: 'line "L1" already runs through to "L2"' },
      { path: '$.modifications[0].to', message: 'line "L2" already runs through to "L1"' },
    ]);
    expect(problems(throughRun, base, join({ from: 'L9', station: 'Q' }))).toEqual([
      { path: '$.modifications[0].from', message: 'unknown line "L9"' },
      { path: '$.modifications[0].station', message: 'unknown station "Q"' },
    ]);
  });

  it('a line whose trains already run on keeps that: the spliced train carries both servedAs', () => {
    const base = meeting();
    base.lines.push(line('L0', 'metro', ['X', 'A'], [300], 300));
    const chain = ok(throughRun, ok(throughRun, base, join()), {
      type: 'through-run',
      from: 'L0',
      to: 'L1',
      station: 'A',
    });
    const p = chain.lines.find((l) => l.id === 'L0')!.patterns.find((q) => q.id === 'through-L1')!;
    expect(p.stops).toEqual(['X', 'A', 'B', 'C']);
    expect(p.servedAs).toEqual([
      { fromStop: 1, line: 'L1', direction: 0 },
      { fromStop: 2, line: 'L2', direction: 0 },
    ]);
  });

  it("follows the second line's main service, not a longer pattern that already runs on to a third line", () => {
    // L2 B → C every 300 s, and every 900 s a longer pattern B → C → D that continues onto L3's track
    // (as 房山线 trains continue onto 9号线). L1 A → B every 600 s runs through: 600 s of trains at B.
    // The through trains follow L2's own B → C (the most trains), and are taken from it: B → C keeps
    // 1/300 + 1/900 trains per second, the B → C → D pattern is untouched.
    const net = network({
      zones: [zone('O', at(0, 100))],
      stations: [
        station('A', at(0)),
        station('B', at(6000)),
        station('C', at(12000)),
        station('D', at(18000)),
      ],
      lines: [
        {
          ...line('L1', 'metro', ['A', 'B'], [600], 600),
          patterns: [pattern('all', 0, ['A', 'B'], [600], 600)],
        },
        {
          ...line('L2', 'metro', ['B', 'C'], [600], 300),
          patterns: [
            pattern('all', 0, ['B', 'C'], [600], 300),
            pattern('on-to-l3', 0, ['B', 'C', 'D'], [600, 600], 900),
          ],
        },
      ],
    });
    const after = ok(throughRun, net, join());
    const l1 = after.lines.find((l) => l.id === 'L1')!;
    const l2 = after.lines.find((l) => l.id === 'L2')!;
    expect(l1.patterns.map((p) => [p.id, p.stops, p.headways])).toEqual([
      ['through-L2', ['A', 'B', 'C'], { 'am-peak': 600 }],
    ]);
    expect(l2.patterns.map((p) => [p.id, p.headways['am-peak']])).toEqual([
      ['all', 600], // 1/300 − 1/600 = 1/600
      ['on-to-l3', 900],
    ]);
    expect(leaving(after, 'L2', 0, 'B')).toBeCloseTo(leaving(net, 'L2', 0, 'B'), 12);
  });
});
