import { describe, expect, it } from 'vitest';
import { expectApplies, line, scenarioWith } from '../../../test/support/editorToy';
import {
  lineStops,
  newAddPattern,
  shortTurn,
  toggleStop,
  withDirection,
  withHeadwayMinutes,
  withLine,
  withPatternId,
} from './addPattern';

const m1 = lineStops(line('m1'));

describe('add-pattern editor', () => {
  it('starts calling everywhere at the line’s headways', () => {
    expect(newAddPattern(scenarioWith(), line('m1'))).toEqual({
      type: 'add-pattern',
      id: 'mod-1',
      line: 'm1',
      pattern: { id: 'express', stops: m1, headways: { 'am-peak': 180, 'off-peak': 300 } },
    });
    expect(lineStops(line('m3'))).toEqual([]);
  });

  it('makes the bundled express by unticking stops (order kept), with its own headway', () => {
    let mod = newAddPattern(scenarioWith(), line('m1'));
    for (const s of ['old-town', 'market', 'park', 'riverside']) mod = toggleStop(mod, s, m1);
    mod = withHeadwayMinutes(withHeadwayMinutes(mod, 'am-peak', 6), 'off-peak', null);
    expect(mod.pattern).toEqual({
      id: 'express',
      stops: ['west-hills', 'central', 'east-gate'],
      headways: { 'am-peak': 360 },
    });
    expect(toggleStop(mod, 'market', m1).pattern.stops).toEqual([
      'west-hills',
      'market',
      'central',
      'east-gate',
    ]);
    expect(toggleStop(mod, 'museum', m1)).toBe(mod);
    const net = expectApplies(mod);
    const express = net.lines.find((l) => l.id === 'm1')!.patterns.filter((p) => p.id === 'express');
    expect(express.map((p) => p.stops)).toEqual([
      ['west-hills', 'central', 'east-gate'],
      ['east-gate', 'central', 'west-hills'],
    ]);
  });

  it('makes a short turn from two stations, in either order', () => {
    const mod = shortTurn(newAddPattern(scenarioWith(), line('m1')), 'park', 'market', m1);
    expect(mod.pattern.stops).toEqual(['market', 'central', 'park']);
    expectApplies(withPatternId(mod, 'short'));
    expect(shortTurn(mod, 'park', 'museum', m1)).toBe(mod);
  });

  it('runs one direction only when asked, and takes an unused id', () => {
    const first = newAddPattern(scenarioWith(), line('m1'));
    const second = newAddPattern(scenarioWith(first), line('m1'));
    expect(second.pattern.id).toBe('express-2');
    const one = withDirection(toggleStop(first, 'market', m1), 1);
    expect(one.pattern.direction).toBe(1);
    const net = expectApplies(one);
    expect(
      net.lines
        .find((l) => l.id === 'm1')!
        .patterns.filter((p) => p.id === 'express')
        .map((p) => p.direction),
    ).toEqual([1]);
    expect(withDirection(one, undefined).pattern).not.toHaveProperty('direction');
  });

  it('switches line with that line’s stops', () => {
    const mod = withLine(newAddPattern(scenarioWith(), line('m1')), line('m2'), scenarioWith());
    expect(mod.pattern.stops).toEqual(lineStops(line('m2')));
    expect(mod.line).toBe('m2');
  });
});
