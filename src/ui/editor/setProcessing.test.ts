import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, toy } from '../../../test/support/editorToy';
import {
  newSetProcessing,
  targetKind,
  toggleStation,
  withEntryMinutes,
  withExitMinutes,
  withTarget,
  withTargetKind,
} from './setProcessing';

describe('set-processing editor', () => {
  it('starts as walk-on suburban rail: entry as quick as the metro’s', () => {
    const mod = newSetProcessing(toy, scenarioWith());
    expect(mod).toEqual({ type: 'set-processing', id: 'mod-1', layer: 'suburban', entrySeconds: 120 });
    const net = expectApplies(mod);
    expect(net.assumptions?.layers?.suburban?.entrySeconds).toBe(120);
  });

  it('targets listed stations ticked on the map, or a hub, one kind at a time', () => {
    let mod = withTargetKind(newSetProcessing(toy, scenarioWith()), 'stations', toy);
    expect(mod).not.toHaveProperty('layer');
    expect(mod.stations).toEqual([]);
    mod = toggleStation(toggleStation(toggleStation(mod, 'toyton-rail'), 'airport'), 'toyton-rail');
    expect(mod.stations).toEqual(['airport']);
    mod = withExitMinutes(withEntryMinutes(mod, 1), 0.5);
    expect(mod).toEqual({
      type: 'set-processing',
      id: 'mod-1',
      stations: ['airport'],
      entrySeconds: 60,
      exitSeconds: 30,
    });
    const net = expectApplies(mod);
    expect(net.stations.find((s) => s.id === 'airport')!.processing).toEqual({
      entrySeconds: 60,
      exitSeconds: 30,
    });
    const hub = withTargetKind(mod, 'hub', toy);
    expect(hub).toMatchObject({ hub: 'toyton-hub' });
    expect(hub).not.toHaveProperty('stations');
    expect(targetKind(hub)).toBe('hub');
    expectApplies(hub);
    expect(withTarget(hub, { layer: 'trunk' })).toEqual({
      type: 'set-processing',
      id: 'mod-1',
      layer: 'trunk',
      entrySeconds: 60,
      exitSeconds: 30,
    });
  });

  it('leaves emptied times out', () => {
    const mod = withEntryMinutes(withExitMinutes(newSetProcessing(toy, scenarioWith()), 1), null);
    expect(mod).toEqual({ type: 'set-processing', id: 'mod-1', layer: 'suburban', exitSeconds: 60 });
  });
});
