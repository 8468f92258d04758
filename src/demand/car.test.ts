import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/fixtures';
import { carParams, DEFAULT_DEMAND } from '../domain/demand';
import type { LonLat } from '../domain/geo';
import { greatCircleMeters, unitVector } from '../domain/geo';
import { ZONE_CLASSES } from '../domain/surface';
import { zoneMeters as engineZoneMeters } from '../engine/surface';
import type { CompactGraph } from '../engine/types';
import { CLASS_CODES } from '../graph/surface';
import { carRow, carTable, intrazonalMeters, zoneClassCodes, zoneMeters, zoneUnitVectors } from './car';

const lonLat = fc.tuple(
  fc.double({ min: 113, max: 120, noNaN: true }),
  fc.double({ min: 36, max: 42, noNaN: true }),
) as fc.Arbitrary<LonLat>;

describe('the car from zone distances', () => {
  it('distances are the engine’s, bit for bit (its zone vectors and its own zoneMeters)', () => {
    fc.assert(
      fc.property(lonLat, lonLat, (a, b) => {
        const mine = zoneUnitVectors([a, b]);
        const [ua, ub] = [unitVector(a), unitVector(b)];
        expect([...mine]).toEqual([...ua, ...ub]);
        const engine = { zoneUnit: Float64Array.of(...ua, ...ub) } as CompactGraph;
        expect(zoneMeters(mine, 0, 1)).toBe(engineZoneMeters(engine, 0, 1));
        // …and within 3·10⁻⁶ of the haversine the domain uses elsewhere.
        const h = greatCircleMeters(a, b);
        expect(Math.abs(zoneMeters(mine, 0, 1) - h)).toBeLessThanOrEqual(3e-6 * h + 1e-6);
      }),
      { seed: 20260513, numRuns: 200 },
    );
  });

  it('zone class codes are the engine’s', () => {
    for (const c of ZONE_CLASSES) expect(zoneClassCodes([c])[0]).toBe(CLASS_CODES[c]);
    expect(zoneClassCodes([undefined])[0]).toBe(CLASS_CODES.urban);
  });

  it('hand-computed rows: urban–urban, urban–rural, and a trip within the zone', () => {
    // Defaults, am-peak: urban 25 km/h, rural 45 km/h, detour 1.3; access 120 s urban; parking 480 s urban,
    // 120 s rural; fee 600 s urban, 0 rural; driving weight 1, terminal weight 2.
    const unit = zoneUnitVectors([at(0), at(10_000), at(0, 10_000)]);
    const t = carTable(carParams(DEFAULT_DEMAND.car, 'am-peak'));
    const codes = zoneClassCodes(['urban', 'urban', 'rural']);
    const intrazonal = intrazonalMeters(unit); // nearest neighbour 10 km away from each: 5 km
    const cost = new Float64Array(3);
    const time = new Float64Array(3);
    carRow(0, unit, codes, intrazonal, t, cost, time);
    const d = zoneMeters(unit, 0, 1); // 10,000 m to the millimetre
    expect(d).toBeCloseTo(10_000, 2);
    // Urban → urban, 10 km: driving 10,000 × 1.3 × 3.6 / 25 = 1,872 s; time 120 + 1,872 + 480 = 2,472 s;
    // cost 1,872 + 2 × (120 + 480) + 600 = 3,672.
    expect(time[1]).toBe(2472);
    expect(cost[1]).toBe(3672);
    // Urban → rural, 10 km: half at each end's speed, 1.3 × (3.6/25 + 3.6/45) / 2 = 0.1456 s/m → 1,456 s;
    // time 120 + 1,456 + 120 = 1,696 s; cost 1,456 + 2 × 240 + 0 = 1,936.
    expect(time[2]).toBe(1696);
    expect(cost[2]).toBe(1936);
    // Within the zone: 5,000 m → 936 s driving; time 120 + 936 + 480 = 1,536 s; cost 936 + 1,200 + 600 = 2,736.
    expect(intrazonal[0]).toBeCloseTo(5000, 2);
    expect(time[0]).toBe(1536);
    expect(cost[0]).toBe(2736);
    // The off-peak is faster: 35 km/h urban.
    carRow(0, unit, codes, intrazonal, carTable(carParams(DEFAULT_DEMAND.car, 'off-peak')), cost, time);
    expect(time[1]).toBe(120 + Math.floor((10_000 * 1.3 * 3.6) / 35 + 0.5) + 480);
  });

  it('a trip within a zone is half the way to the nearest other zone (0 for a lone zone)', () => {
    const unit = zoneUnitVectors([at(0), at(1500), at(4000)]);
    const m = intrazonalMeters(unit);
    expect([...m].map((x) => Math.round(x))).toEqual([750, 750, 1250]);
    expect([...intrazonalMeters(zoneUnitVectors([at(0)]))]).toEqual([0]);
  });

  it('the sweep finds each zone’s nearest: the brute force’s bits, with clusters, lines and repeated centroids', () => {
    // Every pair, as the definition says (what intrazonalMeters computed before the sweep).
    const everyPair = (unit: Float64Array) => {
      const n = unit.length / 3;
      return Array.from({ length: n }, (_, a) => {
        let nearest = Number.POSITIVE_INFINITY;
        for (let b = 0; b < n; b++) if (b !== a) nearest = Math.min(nearest, zoneMeters(unit, a, b));
        return n > 1 ? nearest / 2 : 0;
      });
    };
    // Points near a few centres (as a city's zones crowd its core), some on one meridian or parallel (ties
    // along the sweep's axis), some repeated (a nearest zone 0 m away).
    const near = (c: LonLat) =>
      fc
        .tuple(
          fc.double({ min: -0.05, max: 0.05, noNaN: true }),
          fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        )
        .map(([dx, dy]) => [c[0] + dx, c[1] + dy] as LonLat);
    const points = fc
      .tuple(fc.array(lonLat, { minLength: 1, maxLength: 4 }), fc.nat(), fc.integer({ min: 1, max: 60 }))
      .chain(([centres, pick, n]) =>
        fc.array(
          fc.oneof(
            lonLat,
            near(centres[pick % centres.length]!),
            fc.double({ min: 36, max: 42, noNaN: true }).map((lat) => [116.4, lat] as LonLat),
            fc.double({ min: 113, max: 120, noNaN: true }).map((lon) => [lon, 39.9] as LonLat),
          ),
          { minLength: n, maxLength: n },
        ),
      )
      .chain((ps) => fc.subarray(ps).map((again) => [...ps, ...again]));
    fc.assert(
      fc.property(points, (ps) => {
        const unit = zoneUnitVectors(ps);
        expect([...intrazonalMeters(unit)]).toEqual(everyPair(unit));
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
