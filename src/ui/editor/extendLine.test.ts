import { describe, expect, it } from 'vitest';
import { expectApplies, line, scenarioWith, station, toy } from '../../../test/support/editorToy';
import type { LineEnv } from './addLine';
import {
  newExtendLine,
  terminusOf,
  withDwell,
  withEnd,
  withExplicitRuns,
  withLine,
  withRunMinutes,
  withSpeed,
  withStops,
} from './extendLine';
import { placeStop, type StopEnv } from './stops';

const env: LineEnv & { line: ReturnType<typeof line> } = {
  stations: toy.stations,
  routeFactor: 1.15,
  line: line('s1'),
};
const stopEnv: StopEnv = {
  stations: toy.stations,
  taken: new Set(toy.stations.map((s) => s.id)),
  snapMeters: 150,
  idPrefix: 's1',
};

describe('extend-line editor', () => {
  it('extends beyond the last stop of the direction-0 route, at the layer’s speed', () => {
    const mod = newExtendLine(scenarioWith(), line('s1'));
    expect(mod).toEqual({
      type: 'extend-line',
      id: 'mod-1',
      line: 's1',
      end: 'last',
      stops: [],
      speedKmh: 100,
    });
    expect(terminusOf(line('s1'), 'last')).toBe('new-town');
    expect(terminusOf(line('s1'), 'first')).toBe('toyton-rail');
    expect(terminusOf(line('m3'), 'last')).toBeUndefined();
  });

  it('places new stops outward from the terminus by clicking; the line runs on to them', () => {
    let mod = newExtendLine(scenarioWith(), line('s1'));
    for (const c of [
      [0.24, 44.9],
      [0.28, 44.89],
    ] as [number, number][])
      mod = withStops(mod, placeStop(mod.stops, c, stopEnv), 'new-town', env);
    expect(mod.stops).toEqual([
      { id: 's1-1', name: { en: 'New station 1', zh: '新站1' }, coord: [0.24, 44.9] },
      { id: 's1-2', name: { en: 'New station 2', zh: '新站2' }, coord: [0.28, 44.89] },
    ]);
    const net = expectApplies(mod);
    const s1 = net.lines.find((l) => l.id === 's1')!;
    expect(s1.patterns[0]!.stops).toEqual(['toyton-rail', 'airport', 'new-town', 's1-1', 's1-2']);
    expect(s1.patterns[1]!.stops).toEqual(['s1-2', 's1-1', 'new-town', 'airport', 'toyton-rail']);
  });

  it('has explicit run times from the terminus: one more hop than new stops', () => {
    let mod = newExtendLine(scenarioWith(), line('s1'));
    mod = withStops(mod, placeStop(mod.stops, [0.24, 44.9], stopEnv), 'new-town', env);
    mod = withExplicitRuns(mod, 'new-town', env);
    expect(mod.runSeconds).toHaveLength(1);
    mod = withStops(mod, placeStop(mod.stops, [0.28, 44.89], stopEnv), 'new-town', env);
    expect(mod.runSeconds).toHaveLength(2);
    mod = withRunMinutes(mod, 0, 3);
    expect(mod.runSeconds![0]).toBe(180);
    mod = withDwell(mod, 30);
    expect(mod.dwellSeconds).toBe(30);
    expectApplies(mod);
    expect(withSpeed(mod, 80)).not.toHaveProperty('runSeconds');
  });

  it('starts over when the line or the end changes (the old stops followed the old terminus)', () => {
    let mod = newExtendLine(scenarioWith(), line('s1'));
    mod = withStops(mod, placeStop(mod.stops, [0.24, 44.9], stopEnv), 'new-town', env);
    expect(withEnd(mod, 'first').stops).toEqual([]);
    expect(withLine(mod, 'm1')).toMatchObject({ line: 'm1', stops: [] });
    expect(withEnd(mod, 'last')).toBe(mod);
  });

  it('can make a transfer at an existing station off the line', () => {
    let mod = newExtendLine(scenarioWith(), line('m2'));
    mod = withStops(
      mod,
      placeStop(mod.stops, station('toyton-rail').coord, { ...stopEnv, idPrefix: 'm2' }),
      'rail-square',
      env,
    );
    expect(mod.stops).toEqual(['toyton-rail']);
    expectApplies(mod);
  });
});
