import { describe, expect, it } from 'vitest';
import { at, line, network, station, zone } from '../../../test/support/fixtures';
import { carParams, DEFAULT_DEMAND, logitParams, resolveDemand } from '../../domain/demand';
import type { Issue } from '../../domain/issue';
import { loadNetwork, loadZones } from '../network';

/**
 * The demand section of a network's assumptions (DESIGN.md §3.1, issue 10): values outside their physical
 * domains are rejected at their JSON paths, all at once; the calibration names one of the network's regions.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON under test is edited freely
type Json = any;

function valid(): Json {
  const n: Json = JSON.parse(
    JSON.stringify(
      network({
        id: 'toy',
        zones: [
          { ...zone('O', at(0, 100)), district: 'a', workers: 450 },
          { ...zone('D', at(12000, 100)), district: 'b' },
        ],
        stations: [station('A', at(0)), station('B', at(6000))],
        lines: [line('L1', 'metro', ['A', 'B'], [600], 300)],
      }),
    ),
  );
  n.regions = [{ id: 'city', name: { en: 'City' }, districts: ['a', 'b'] }];
  return n;
}

function load(value: Json) {
  return loadNetwork({ file: 'toy.network.json', text: JSON.stringify(value) });
}

function issues(value: Json): Issue[] {
  const result = load(value);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('demand assumptions in a network file', () => {
  it('a full demand section and zones with workers load, and resolve over the defaults', () => {
    const n = valid();
    n.assumptions.demand = {
      employmentRate: 0.5,
      tripsPerWorkday: 2,
      thetaPerMinute: 0.03,
      calibration: { region: 'city', targetMinutes: 47, source: 'CAUPD commute monitoring 2020–2023' },
      constants: { car: -0.5, walk: 0.2 },
      car: {
        speedKmh: { urban: 22 },
        parkSeconds: { rural: 60 },
        byPeriod: { 'am-peak': { speedKmh: { rural: 40 } } },
      },
    };
    const result = load(n);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.value.zones[0]!.workers).toBe(450);
    const d = resolveDemand(result.value.assumptions?.demand);
    expect(d.employmentRate).toBe(0.5);
    expect(d.betaPerMinute).toBe(DEFAULT_DEMAND.betaPerMinute);
    expect(d.constants).toEqual({ walk: 0.2, bike: 0, bus: 0, rail: 0, car: -0.5 });
    expect(d.calibration).toEqual({
      region: 'city',
      targetMinutes: 47,
      source: 'CAUPD commute monitoring 2020–2023',
    });
    // Speeds: the network's urban 22 everywhere; its am-peak rural 40; the default off-peak stays.
    expect(carParams(d.car, 'am-peak').speedKmh).toEqual({ urban: 22, rural: 40 });
    expect(carParams(d.car, 'off-peak').speedKmh).toEqual({ urban: 35, rural: 55 });
    expect(carParams(d.car, 'night').speedKmh).toEqual({ urban: 22, rural: 45 });
    expect(d.car.parkSeconds).toEqual({ urban: 480, rural: 60 });
    const logit = logitParams(d);
    expect(logit.thetaPerSecond).toBeCloseTo(0.0005, 15);
    expect(logit.constants).toEqual([0.2, 0, 0, 0, -0.5]);
  });

  it('β, θ, rates, shares, speeds, times and constants outside their domains: each at its path, all at once', () => {
    const n = valid();
    n.assumptions.demand = {
      employmentRate: 1.2,
      tripsPerWorkday: 0,
      betaPerMinute: -0.01,
      thetaPerMinute: 0,
      calibration: { region: 'city', targetMinutes: -5, source: '' },
      constants: { car: 40, tram: 0 },
      car: { detour: 0.8, speedKmh: { urban: 0, suburban: 30 }, parkSeconds: { rural: -1 }, driveWeight: 0 },
    };
    n.zones[1].workers = -3;
    const paths = issues(n).map((i) => i.path);
    for (const path of [
      '$.assumptions.demand.employmentRate',
      '$.assumptions.demand.tripsPerWorkday',
      '$.assumptions.demand.betaPerMinute',
      '$.assumptions.demand.thetaPerMinute',
      '$.assumptions.demand.calibration.targetMinutes',
      '$.assumptions.demand.calibration.source',
      '$.assumptions.demand.constants.car',
      '$.assumptions.demand.constants',
      '$.assumptions.demand.car.detour',
      '$.assumptions.demand.car.speedKmh.urban',
      '$.assumptions.demand.car.speedKmh',
      '$.assumptions.demand.car.parkSeconds.rural',
      '$.assumptions.demand.car.driveWeight',
      '$.zones[1].workers',
    ])
      expect(paths, path).toContain(path);
  });

  it('a β or θ too small to be a rate per minute (a unit error) is rejected, saying the domain', () => {
    const n = valid();
    n.assumptions.demand = { betaPerMinute: 1e-6, thetaPerMinute: 1e-300 };
    const found = issues(n).filter((i) => /PerMinute$/.test(i.path));
    expect(found.map((i) => i.path).sort()).toEqual([
      '$.assumptions.demand.betaPerMinute',
      '$.assumptions.demand.thetaPerMinute',
    ]);
    n.assumptions.demand = { betaPerMinute: 1e-4, thetaPerMinute: 1 };
    expect(load(n).ok).toBe(true);
  });

  it('a calibration region the network does not have is named with the regions it has', () => {
    const n = valid();
    n.assumptions.demand = { calibration: { region: 'beijing', targetMinutes: 47, source: 'CAUPD' } };
    expect(issues(n)).toContainEqual({
      path: '$.assumptions.demand.calibration.region',
      message: 'no region "beijing" (regions: city)',
    });
  });

  it('net inflows: an unknown region and a count out of its domain, each at its path', () => {
    const n = valid();
    n.assumptions.demand = {
      netInflow: [
        { region: 'city', commuters: 2e8, source: 'survey' },
        { region: 'beijing', commuters: 330000, source: '' },
      ],
    };
    const found = issues(n);
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        '$.assumptions.demand.netInflow[0].commuters',
        '$.assumptions.demand.netInflow[1].source',
      ]),
    );
    // Region references are checked once the shapes are right.
    n.assumptions.demand.netInflow = [{ region: 'beijing', commuters: 330000, source: 'commute-facts.md' }];
    expect(issues(n)).toContainEqual({
      path: '$.assumptions.demand.netInflow[0].region',
      message: 'no region "beijing" (regions: city)',
    });
    n.assumptions.demand.netInflow = [{ region: 'city', commuters: -100, source: 'commute-facts.md' }];
    expect(load(n).ok).toBe(true);
  });

  it('a zones file carries workers, and rejects negative ones at their path', () => {
    const feature = (id: string, workers: unknown) => ({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0.01, 0],
            [0.01, 0.01],
            [0, 0],
          ],
        ],
      },
      properties: { id, population: 1000, jobs: 10, workers },
    });
    const ok = loadZones(JSON.stringify({ type: 'FeatureCollection', features: [feature('a', 480)] }));
    expect(ok.ok && ok.value[0]!.workers).toBe(480);
    const bad = loadZones(JSON.stringify({ type: 'FeatureCollection', features: [feature('a', -1)] }));
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['$.features[0].properties.workers']);
  });
});
