import { describe, expect, it } from 'vitest';
import { expectApplies, line, scenarioWith } from '../../../test/support/editorToy';
import { newSetHeadway, togglePattern, withHeadwayMinutes, withLine } from './setHeadway';

describe('set-headway editor', () => {
  it('starts from the line’s current headways and changes one period in minutes', () => {
    const mod = newSetHeadway(scenarioWith(), line('m2'));
    expect(mod).toEqual({
      type: 'set-headway',
      id: 'mod-1',
      line: 'm2',
      headways: { 'am-peak': 240, 'off-peak': 360 },
    });
    const faster = withHeadwayMinutes(mod, 'am-peak', 2);
    expect(faster.headways).toEqual({ 'am-peak': 120, 'off-peak': 360 });
    const net = expectApplies(faster);
    expect(net.lines.find((l) => l.id === 'm2')!.patterns.every((p) => p.headways['am-peak'] === 120)).toBe(
      true,
    );
  });

  it('leaves an emptied period unchanged (absent from the modification)', () => {
    const mod = withHeadwayMinutes(newSetHeadway(scenarioWith(), line('m2')), 'off-peak', null);
    expect(mod.headways).toEqual({ 'am-peak': 240 });
    const net = expectApplies(withHeadwayMinutes(mod, 'am-peak', 3));
    expect(net.lines.find((l) => l.id === 'm2')!.patterns[0]!.headways).toEqual({
      'am-peak': 180,
      'off-peak': 360,
    });
  });

  it('switches line with its headways, dropping a pattern list', () => {
    const mod = { ...newSetHeadway(scenarioWith(), line('m2')), patterns: ['all'] };
    expect(withLine(mod, line('s1'))).toEqual({
      type: 'set-headway',
      id: 'mod-1',
      line: 's1',
      headways: { 'am-peak': 600, 'off-peak': 1200 },
    });
  });

  it('ticks patterns: all ticked is no list; the last one cannot be unticked', () => {
    const mod = newSetHeadway(scenarioWith(), line('m1'));
    const ids = ['all', 'express'];
    const one = togglePattern(mod, 'express', ids);
    expect(one.patterns).toEqual(['all']);
    expect(togglePattern(one, 'express', ids)).not.toHaveProperty('patterns');
    expect(togglePattern(one, 'all', ids)).toBe(one);
  });
});
