import { describe, expect, it } from 'vitest';
import { expectApplies, line, scenarioWith } from '../../../test/support/editorToy';
import { newAdjustSpeed, pickSegmentEnd, withFactor, withLine, withSegment } from './adjustSpeed';

const m1 = line('m1').patterns[0]!.stops;

describe('adjust-speed editor', () => {
  it('speeds a whole line by a factor', () => {
    const mod = withFactor(newAdjustSpeed(scenarioWith(), 'm1'), 1.25);
    expect(mod).toEqual({ type: 'adjust-speed', id: 'mod-1', line: 'm1', speedFactor: 1.25 });
    const net = expectApplies(mod);
    const before = line('m1').patterns[0]!.runSeconds;
    expect(net.lines.find((l) => l.id === 'm1')!.patterns[0]!.runSeconds).toEqual(
      before.map((r) => r / 1.25),
    );
  });

  it('sets a segment by clicking its two ends on the line; a third click starts a new segment', () => {
    let mod = newAdjustSpeed(scenarioWith(), 'm1');
    mod = pickSegmentEnd(mod, 'old-town', m1);
    expect(mod).toMatchObject({ from: 'old-town' });
    expect(mod).not.toHaveProperty('to');
    mod = pickSegmentEnd(mod, 'old-town', m1);
    expect(mod).not.toHaveProperty('to');
    mod = pickSegmentEnd(mod, 'park', m1);
    expect(mod).toEqual({
      type: 'adjust-speed',
      id: 'mod-1',
      line: 'm1',
      speedFactor: 1.2,
      from: 'old-town',
      to: 'park',
    });
    const net = expectApplies(mod);
    const runs = net.lines.find((l) => l.id === 'm1')!.patterns[0]!.runSeconds;
    const base = line('m1').patterns[0]!.runSeconds;
    expect(runs[0]).toBe(base[0]);
    expect(runs[1]).toBeCloseTo(base[1]! / 1.2);
    expect(runs[5]).toBe(base[5]);
    expect(pickSegmentEnd(mod, 'market', m1)).toMatchObject({ from: 'market' });
    expect(pickSegmentEnd(mod, 'museum', m1)).toBe(mod);
  });

  it('drops the segment when the line changes or the segment is cleared', () => {
    const mod = withSegment(newAdjustSpeed(scenarioWith(), 'm1'), 'old-town', 'park');
    expect(withLine(mod, 'm2')).toEqual({ type: 'adjust-speed', id: 'mod-1', line: 'm2', speedFactor: 1.2 });
    expect(withSegment(mod, undefined, undefined)).toEqual({
      type: 'adjust-speed',
      id: 'mod-1',
      line: 'm1',
      speedFactor: 1.2,
    });
  });
});
