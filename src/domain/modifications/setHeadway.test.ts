import { describe, expect, it } from 'vitest';
import { pattern } from '../../../test/support/fixtures';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import { setHeadway } from './setHeadway';

function twoPeriods() {
  const base = toyNetwork();
  base.periods.push({ id: 'off-peak', name: { en: 'off-peak' }, start: '10:00', end: '16:00' });
  base.lines[0]!.patterns = base.lines[0]!.patterns.map((p) => ({
    ...p,
    headways: { 'am-peak': 300, 'off-peak': 600 },
  }));
  base.lines[0]!.patterns.push(pattern('short', 0, ['A', 'B'], [300], 900));
  return base;
}

describe('set-headway', () => {
  it('every pattern of the line, only the periods given', () => {
    const net = ok(setHeadway, twoPeriods(), {
      type: 'set-headway',
      line: 'M1',
      headways: { 'am-peak': 120 },
    });
    expect(net.lines[0]!.patterns.map((p) => p.headways)).toEqual([
      { 'am-peak': 120, 'off-peak': 600 },
      { 'am-peak': 120, 'off-peak': 600 },
      { 'am-peak': 120 },
    ]);
    expect(net.lines.slice(1)).toEqual(twoPeriods().lines.slice(1));
  });

  it('the listed patterns (both directions of an id), and a period a pattern did not run in', () => {
    const net = ok(setHeadway, twoPeriods(), {
      type: 'set-headway',
      line: 'M1',
      patterns: ['short'],
      headways: { 'off-peak': 1200 },
    });
    expect(net.lines[0]!.patterns.map((p) => p.headways)).toEqual([
      { 'am-peak': 300, 'off-peak': 600 },
      { 'am-peak': 300, 'off-peak': 600 },
      { 'am-peak': 900, 'off-peak': 1200 },
    ]);
  });

  it('problems: an unknown pattern (naming those there are), period, headway', () => {
    expect(
      problems(setHeadway, twoPeriods(), {
        type: 'set-headway',
        line: 'M1',
        patterns: ['all', 'exp'],
        headways: { night: 600, 'am-peak': -5 },
      }),
    ).toEqual([
      {
        path: '$.modifications[0].headways.night',
        message: 'unknown period "night" (network has am-peak, off-peak)',
      },
      {
        path: '$.modifications[0].headways["am-peak"]',
        message: 'headway must be a positive number of seconds, got -5',
      },
      {
        path: '$.modifications[0].patterns[1]',
        message: 'line "M1" has no pattern "exp" (it has all, short)',
      },
    ]);
    expect(problems(setHeadway, twoPeriods(), { type: 'set-headway', line: 'M1', headways: {} })).toEqual([
      {
        path: '$.modifications[0].headways',
        message: 'no headway for any period: the service would never run',
      },
    ]);
  });
});
