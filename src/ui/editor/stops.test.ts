import { describe, expect, it } from 'vitest';
import { station, toy } from '../../../test/support/editorToy';
import type { LonLat } from '../../domain/geo';
import type { StopRef } from '../../domain/scenario';
import {
  addExistingStop,
  metersPerPixel,
  moveStop,
  parseCoord,
  placeStop,
  removeStop,
  renameStop,
  reorderStop,
  type StopEnv,
  snapStation,
} from './stops';

const env: StopEnv = {
  stations: toy.stations,
  taken: new Set(toy.stations.map((s) => s.id)),
  snapMeters: 150,
  idPrefix: 's9',
};
const central = station('central').coord;
const near = (c: LonLat, dLon = 0.0005): LonLat => [c[0] + dLon, c[1]];

describe('placing stops', () => {
  it('creates a new station away from stations, numbered, with a rounded position', () => {
    const stops = placeStop([], [0.31234567, 44.9012345], env);
    expect(stops).toEqual([
      { id: 's9-1', name: { en: 'New station 1', zh: '新站1' }, coord: [0.312346, 44.901235] },
    ]);
    const two = placeStop(stops, [0.33, 44.9], env);
    expect(two[1]).toMatchObject({ id: 's9-2', name: { en: 'New station 2' } });
  });

  it('uses an existing station within snapping distance (a transfer there), never twice', () => {
    const stops = placeStop([], near(central), env);
    expect(stops).toEqual(['central']);
    expect(placeStop(stops, near(central, -0.0003), env)).toEqual(['central']);
    // 0.0005° of longitude at 45° N is about 39 m: outside a 20 m snap it is a new station.
    expect(placeStop([], near(central), { ...env, snapMeters: 20 })[0]).toMatchObject({ id: 's9-1' });
  });

  it('ignores a click on one of its own new stations (that is the start of a drag, not a stop)', () => {
    const stops = placeStop([], [0.31, 44.9], env);
    expect(placeStop(stops, [0.3101, 44.9], env)).toEqual(stops);
  });

  it('gives new stations ids unused by the network and the scenario, and inserts at an index', () => {
    const taken = new Set([...env.taken, 's9-1', 's9-2']);
    const stops = placeStop(['central', 'park'], [0.31, 44.9], { ...env, taken }, 1);
    expect(stops[0]).toBe('central');
    expect(stops[1]).toMatchObject({ id: 's9-1-2' });
    expect(stops[2]).toBe('park');
  });

  it('adds an existing station from the list once', () => {
    expect(addExistingStop(['central'], 'park')).toEqual(['central', 'park']);
    expect(addExistingStop(['central', 'park'], 'central')).toEqual(['central', 'park']);
    expect(addExistingStop(['central', 'park'], 'museum', 0)).toEqual(['museum', 'central', 'park']);
  });
});

describe('editing stops', () => {
  const drawn: StopRef[] = placeStop(placeStop(['central'], [0.31, 44.9], env), [0.35, 44.9], env);

  it('moves a new station, and turns it into an existing station when dropped on one', () => {
    const moved = moveStop(drawn, 1, [0.32, 44.91], env);
    expect(moved[1]).toMatchObject({ id: 's9-1', coord: [0.32, 44.91] });
    expect(moveStop(drawn, 2, near(station('new-town').coord), env)[2]).toBe('new-town');
    // Not onto a station already on the route.
    expect(moveStop(drawn, 2, near(central), env)[2]).toMatchObject({ id: 's9-2', coord: near(central) });
  });

  it('never moves a station of the network', () => {
    expect(moveStop(drawn, 0, [0.2, 44.8], env)).toEqual(drawn);
  });

  it('removes, reorders and renames', () => {
    expect(removeStop(drawn, 1)).toEqual([drawn[0], drawn[2]]);
    expect(reorderStop(drawn, 0, 1)).toEqual([drawn[1], drawn[0], drawn[2]]);
    expect(reorderStop(drawn, 0, -1)).toEqual(drawn);
    const renamed = renameStop(drawn, 1, 'en', 'Airport West');
    expect(renamed[1]).toMatchObject({ name: { en: 'Airport West', zh: '新站1' } });
    expect(renameStop(renamed, 1, 'zh', '')[1]).toMatchObject({ name: { en: 'Airport West' } });
    expect((renameStop(renamed, 1, 'zh', '')[1] as { name: object }).name).not.toHaveProperty('zh');
    expect(renameStop(drawn, 0, 'en', 'x')).toEqual(drawn);
  });
});

describe('positions', () => {
  it('snaps to the nearest station within the distance', () => {
    const between: LonLat = [(central[0] + station('park').coord[0]) / 2 + 0.001, central[1]];
    expect(snapStation(toy.stations, between, 5000)?.id).toBe('park');
    expect(snapStation(toy.stations, between, 10)).toBeUndefined();
    expect(snapStation(toy.stations, between, 5000, new Set(['park']))?.id).toBe('central');
  });

  it('parses typed coordinates', () => {
    expect(parseCoord('116.40, 39.90')).toEqual([116.4, 39.9]);
    expect(parseCoord(' 116.4 39.9 ')).toEqual([116.4, 39.9]);
    expect(parseCoord('39.9')).toBeUndefined();
    expect(parseCoord('200, 10')).toBeUndefined();
    expect(parseCoord('a, b')).toBeUndefined();
  });

  it('knows metres per pixel (512 px tiles)', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.52, 1);
    expect(metersPerPixel(60, 1)).toBeCloseTo(78271.52 / 4, 1);
  });
});
