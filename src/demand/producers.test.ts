import { describe, expect, it } from 'vitest';
import { at, zone } from '../../test/support/fixtures';
import { producers } from './producers';

/**
 * Four zones: a city (A, B) and its suburbs (C, D), workers given.
 *   workers  A 400  B 600  C 300  D 200   (total 1,500; city 1,000)
 *   jobs     A 900  B 900  C 100  D 100   (total 2,000; city 1,800)
 * One scale: 1,500 / 2,000 = 0.75 → the city holds 1,350 jobs for its 1,000 workers: 350 must come in.
 * Published: 150 come in net. City jobs = 1,000 + 150 = 1,150 → ×1,150/1,800 = 0.638…; the suburbs' jobs
 * fill what is left: 1,500 − 1,150 = 350 → ×350/200 = 1.75.
 */
const zones = [
  { ...zone('A', at(0), 800, 900), workers: 400, district: 'a' },
  { ...zone('B', at(1000), 900, 900), workers: 600, district: 'b' },
  { ...zone('C', at(9000), 500, 100), workers: 300, district: 'c' },
  { ...zone('D', at(12000), 400, 100), workers: 200, district: 'd' },
];

describe('producers and attractors', () => {
  it('one scale for all jobs without a net inflow', () => {
    const p = producers(zones, 0.5);
    expect(p.jobsScale).toBe(0.75);
    expect(Array.from(p.attractors)).toEqual([675, 675, 75, 75]);
    expect(p.jobsScaleByRegion).toBeUndefined();
  });

  it('a region with a published net inflow: its jobs total its workers plus the inflow, the rest fill the total', () => {
    const p = producers(zones, 0.5, [{ region: 'city', zones: [0, 1], commuters: 150 }]);
    expect(p.jobsScaleByRegion!.city).toBeCloseTo(1150 / 1800, 12);
    expect(p.jobsScale).toBeCloseTo(1.75, 12);
    const a = Array.from(p.attractors);
    expect(a[0]! + a[1]!).toBeCloseTo(1150, 9);
    expect(a[2]! + a[3]!).toBeCloseTo(350, 9);
    // Every worker still has a job (the doubly-constrained totals agree).
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1500, 9);
  });

  it('inflows that cannot fit are a DemandError that says why', () => {
    const fail = (inflow: Parameters<typeof producers>[2]) => () => producers(zones, 0.5, inflow);
    const named = (message: RegExp) =>
      expect.objectContaining({
        name: 'DemandError',
        problem: 'net-inflow',
        message: expect.stringMatching(message),
      });
    // More in-commuters than the suburbs have workers: nothing left for the suburbs' jobs.
    expect(fail([{ region: 'city', zones: [0, 1], commuters: 600 }])).toThrowError(named(/do not fit/));
    // A region everyone leaves and more.
    expect(fail([{ region: 'city', zones: [0, 1], commuters: -1000 }])).toThrowError(named(/cannot total/));
    expect(
      fail([
        { region: 'city', zones: [0, 1], commuters: 0 },
        { region: 'west', zones: [1, 2], commuters: 0 },
      ]),
    ).toThrowError(named(/both "city" and "west"/));
  });
});
