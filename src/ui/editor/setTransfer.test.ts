import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, toy } from '../../../test/support/editorToy';
import {
  newSetTransfer,
  pickStation,
  placeKind,
  withPlaceKind,
  withProcessingMinutes,
  withSide,
  withWalkMinutes,
} from './setTransfer';

describe('set-transfer editor', () => {
  it('starts as security mutual recognition at a hub (processing 0)', () => {
    const mod = newSetTransfer(scenarioWith(), { hub: 'toyton-hub' });
    expect(mod).toEqual({
      type: 'set-transfer',
      id: 'mod-1',
      at: { hub: 'toyton-hub' },
      processingSeconds: 0,
    });
    expectApplies(mod);
  });

  it('switches the kind of place keeping what it can', () => {
    const hub = newSetTransfer(scenarioWith(), { hub: 'toyton-hub' });
    const atStation = withPlaceKind(hub, 'station', toy);
    expect(atStation.at).toEqual({ station: 'toyton-rail' });
    const pair = withPlaceKind(atStation, 'stations', toy);
    expect(pair.at).toEqual({ stations: ['toyton-rail', 'rail-square'] });
    expect(placeKind(pair.at)).toBe('stations');
    expect(withPlaceKind(pair, 'hub', toy).at).toEqual({ hub: 'toyton-hub' });
    expectApplies(pair);
  });

  it('takes stations clicked on the map as the place of its kind', () => {
    const hub = newSetTransfer(scenarioWith(), { hub: 'toyton-hub' });
    expect(pickStation(hub, 'rail-square', toy).at).toEqual({ hub: 'toyton-hub' });
    expect(pickStation(hub, 'central', toy)).toBe(hub);
    const station = withPlaceKind(hub, 'station', toy);
    expect(pickStation(station, 'central', toy).at).toEqual({ station: 'central' });
    const pair = { ...hub, at: { stations: ['toyton-rail', 'toyton-rail'] as [string, string] } };
    expect(pickStation(pair, 'rail-square', toy).at).toEqual({ stations: ['toyton-rail', 'rail-square'] });
  });

  it('sets sides and times in minutes; emptied times are left out', () => {
    let mod = withPlaceKind(newSetTransfer(scenarioWith(), { hub: 'toyton-hub' }), 'station', toy);
    mod = withSide(mod, 'from', { layer: 'trunk' });
    mod = withSide(mod, 'to', { line: 's1' });
    mod = withWalkMinutes(mod, 1.5);
    mod = withProcessingMinutes(mod, 2);
    expect(mod).toEqual({
      type: 'set-transfer',
      id: 'mod-1',
      at: { station: 'toyton-rail' },
      from: { layer: 'trunk' },
      to: { line: 's1' },
      walkSeconds: 90,
      processingSeconds: 120,
    });
    expectApplies(mod);
    const cleared = withSide(withProcessingMinutes(mod, null), 'to', undefined);
    expect(cleared).not.toHaveProperty('processingSeconds');
    expect(cleared).not.toHaveProperty('to');
    expectApplies(cleared);
  });
});
