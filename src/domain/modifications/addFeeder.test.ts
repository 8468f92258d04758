import { describe, expect, it } from 'vitest';
import { ok, problems } from '../../../test/support/modules';
import { deepFreeze } from '../../../test/support/route';
import { toyNetwork } from '../../../test/support/toy';
import { addFeeder } from './addFeeder';

const feeder = {
  type: 'add-feeder' as const,
  station: 'D',
  radiusMeters: 3000,
  headways: { 'am-peak': 600 },
  speedKmh: 20,
};

describe('add-feeder', () => {
  it('adds a feeder to the station, the base untouched', () => {
    const base = deepFreeze(toyNetwork());
    const net = ok(addFeeder, base, feeder);
    expect(net.feeders).toEqual([
      { id: 'feeder-D', station: 'D', radiusMeters: 3000, headways: { 'am-peak': 600 }, speedKmh: 20 },
    ]);
    expect(base.feeders).toBeUndefined();
  });

  it('a second feeder at one station gets its own id; a named one keeps its name', () => {
    const once = ok(addFeeder, toyNetwork(), feeder);
    const twice = ok(addFeeder, once, { ...feeder, name: { en: 'Loop D' }, headways: { 'am-peak': 900 } });
    expect(twice.feeders?.map((f) => [f.id, f.name?.en])).toEqual([
      ['feeder-D', undefined],
      ['feeder-D-2', 'Loop D'],
    ]);
  });

  it('problems, each at its path: unknown station, period, headway, radius and speed out of range', () => {
    expect(
      problems(addFeeder, toyNetwork(), {
        ...feeder,
        station: 'Nowhere',
        headways: { night: 600, 'am-peak': 0 },
        radiusMeters: 50,
        speedKmh: 500,
      }),
    ).toEqual([
      { path: '$.modifications[0].station', message: 'unknown station "Nowhere"' },
      {
        path: '$.modifications[0].headways.night',
        message: 'unknown period "night" (network has am-peak)',
      },
      {
        path: '$.modifications[0].headways["am-peak"]',
        message: 'headway must be a positive number of seconds, got 0',
      },
      { path: '$.modifications[0].radiusMeters', message: 'radius must be 100–30000 m, got 50' },
      { path: '$.modifications[0].speedKmh', message: 'speed must be 1–120 km/h, got 500' },
    ]);
  });
});
