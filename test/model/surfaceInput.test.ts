import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/domain/issue';
import { loadNetwork } from '../../src/io/network';
import { loadScenarioFor } from '../../src/io/scenario';
import { at, line, network, station, zone } from '../support/fixtures';

/**
 * Surface-mode parameters and feeders out of their domains are rejected with their JSON paths, all at once,
 * and never reach the engine (DESIGN.md §2.1; issue: speed ≤ 0, headway ≤ 0, negative distances).
 */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON under test is edited freely
type Json = any;

function valid(): Json {
  return JSON.parse(
    JSON.stringify(
      network({
        id: 'toy',
        zones: [zone('O', at(0, 100)), { ...zone('D', at(12000, 100)), class: 'rural' }],
        stations: [station('A', at(0)), station('B', at(6000))],
        lines: [line('L1', 'metro', ['A', 'B'], [600], 300)],
        core: ['D'],
      }),
    ),
  );
}

function issues(value: Json): Issue[] {
  const result = loadNetwork({ file: 'toy.network.json', text: JSON.stringify(value) });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('surface modes in a network file', () => {
  it('the fixture with explicit surface parameters, a rural zone and a feeder loads', () => {
    const n = valid();
    n.assumptions.surface = {
      bike: { speedKmh: 15, unlockSeconds: 60 },
      bus: { headwaySeconds: 480, expressSpeedKmh: 45 },
      byClass: { rural: { bus: { headwaySeconds: 1200 }, bike: null } },
      byPeriod: { 'am-peak': { bus: { speedKmh: 16 } } },
    };
    n.feeders = [{ id: 'f', station: 'B', radiusMeters: 3000, headways: { 'am-peak': 600 }, speedKmh: 20 }];
    const result = loadNetwork({ file: 'toy.network.json', text: JSON.stringify(n) });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('speeds ≤ 0, a headway of 0, negative distances, an unknown period and zone class: each at its path', () => {
    const n = valid();
    n.assumptions.surface = {
      bike: { speedKmh: 0, maxMeters: -1 },
      bus: { headwaySeconds: 0, stopWalkMeters: -50, accessNearest: 2.5 },
      byPeriod: { night: { bus: { speedKmh: 20 } } },
    };
    n.zones[0].class = 'suburban';
    n.feeders = [{ id: 'f', station: 'X', radiusMeters: -3, headways: { evening: 600 }, speedKmh: -20 }];
    const paths = issues(n).map((i) => i.path);
    for (const path of [
      '$.assumptions.surface.bike.speedKmh',
      '$.assumptions.surface.bike.maxMeters',
      '$.assumptions.surface.bus.headwaySeconds',
      '$.assumptions.surface.bus.stopWalkMeters',
      '$.assumptions.surface.bus.accessNearest',
      '$.assumptions.surface.byPeriod.night',
      '$.zones[0].class',
      '$.feeders[0].radiusMeters',
      '$.feeders[0].speedKmh',
    ])
      expect(paths, path).toContain(path);
  });

  it('names what replaced the retired feeder and access-speed assumptions', () => {
    const n = valid();
    n.assumptions.feeder = { maxMeters: 8000, speedKmh: 12, waitSeconds: 300, nearest: 2 };
    n.assumptions.layers = { metro: { accessSpeedKmh: 9 } };
    const found = issues(n);
    expect(found.find((i) => i.path === '$.assumptions.feeder')?.message).toMatch(/surface/);
    expect(found.find((i) => i.path === '$.assumptions.layers.metro.accessSpeedKmh')?.message).toMatch(
      /walkSpeedKmh|surface/,
    );
  });
});

describe('add-feeder in a scenario file', () => {
  it('a station that does not exist, a radius and speed out of range, an unknown period: all at once', () => {
    const n = loadNetwork({ file: 'toy.network.json', text: JSON.stringify(valid()) });
    if (!n.ok) throw new Error('fixture');
    const text = JSON.stringify({
      format: 'commuteshed.scenario/1',
      id: 's',
      name: 's',
      description: '',
      network: 'toy',
      modifications: [
        {
          type: 'add-feeder',
          station: 'Nowhere',
          radiusMeters: 50_000,
          headways: { night: 600 },
          speedKmh: 0,
        },
      ],
    });
    const result = loadScenarioFor(n.value, 's.scenario.json', text);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    for (const path of ['$.modifications[0].radiusMeters', '$.modifications[0].speedKmh'])
      expect(paths, path).toContain(path);
  });
});
