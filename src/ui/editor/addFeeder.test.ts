import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, toy } from '../../../test/support/editorToy';
import { greatCircleMeters } from '../../domain/geo';
import { catchment, newAddFeeder, radiusTo, withHeadwayMinutes, withRadius } from './addFeeder';

describe('add-feeder editing', () => {
  it('starts at the station the scenario adds last, else the first by id, and applies', () => {
    const mod = newAddFeeder(toy, scenarioWith())!;
    expect(mod.station).toBe([...toy.stations].sort((a, b) => a.id.localeCompare(b.id))[0]!.id);
    expect(mod.headways).toEqual({ 'am-peak': 600, 'off-peak': 600 });
    expectApplies(mod);
    const withNew = {
      ...toy,
      stations: [
        ...toy.stations,
        {
          id: 'new',
          name: { en: 'New' },
          coord: [0, 0] as [number, number],
          layer: 'suburban' as const,
          added: true as const,
        },
      ],
    };
    expect(newAddFeeder(withNew, scenarioWith())!.station).toBe('new');
  });

  it('a radius to 50 m within 100 m – 30 km; a drag sets it to the handle’s distance', () => {
    const mod = newAddFeeder(toy, scenarioWith())!;
    expect(withRadius(mod, 1234).radiusMeters).toBe(1250);
    expect(withRadius(mod, 10).radiusMeters).toBe(100);
    expect(withRadius(mod, 99_000).radiusMeters).toBe(30_000);
    const station = toy.stations.find((s) => s.id === mod.station)!.coord;
    const { handle } = catchment(station, 4200);
    expect(radiusTo(mod, station, handle).radiusMeters).toBe(4200);
  });

  it('draws the catchment as a closed ring whose points lie at the radius', () => {
    const c: [number, number] = [116.4, 39.9];
    const { ring } = catchment(c, 3000);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const p of ring) expect(Math.abs(greatCircleMeters(c, p) - 3000)).toBeLessThan(15);
  });

  it('an emptied period has no feeder in it', () => {
    const mod = withHeadwayMinutes(newAddFeeder(toy, scenarioWith())!, 'off-peak', null);
    expect(mod.headways).toEqual({ 'am-peak': 600 });
  });
});
