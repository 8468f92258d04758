import { distance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../domain/geo';
import { SpatialGrid } from './spatialGrid';

const M_PER_DEG_LAT = (Math.PI * 6371008.8) / 180;

/** A point `dx`, `dy` metres from `c` (flat-earth offset; only used to scatter points). */
function offset(c: LonLat, dx: number, dy: number): LonLat {
  return [c[0] + dx / (M_PER_DEG_LAT * Math.cos((c[1] * Math.PI) / 180)), c[1] + dy / M_PER_DEG_LAT];
}

const meters = (a: LonLat, b: LonLat) => distance(a, b, { units: 'meters' });

describe('SpatialGrid', () => {
  it('near() holds every point within the radius (turf distance, as access links measure), ascending', () => {
    const scene = fc.record({
      lon: fc.double({ min: -170, max: 170, noNaN: true }),
      lat: fc.double({ min: -75, max: 75, noNaN: true }),
      radius: fc.integer({ min: 50, max: 5000 }),
      points: fc.array(
        fc.tuple(
          fc.integer({ min: -3, max: 3 }),
          fc.integer({ min: -3, max: 3 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        {
          minLength: 1,
          maxLength: 40,
        },
      ),
      queries: fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), {
        minLength: 1,
        maxLength: 10,
      }),
      reference: fc.constantFrom('first', 'zero', 'pole-ward'),
    });
    fc.assert(
      fc.property(scene, ({ lon, lat, radius, points, queries, reference }) => {
        const c: LonLat = [lon, lat];
        // Points and queries spread over a few radii, many right at the radius.
        const pts = points.map(([i, j, u]) => offset(c, i * radius * 0.5 * (1 + u * 0.01), j * radius * 0.5));
        const qs = queries.map(([i, j]) => offset(c, i * radius * 0.5, j * radius * 0.5));
        const refLat = reference === 'first' ? pts[0]![1] : reference === 'zero' ? 0 : lat;
        const grid = new SpatialGrid(pts, radius, refLat);
        for (const q of qs) {
          const near = grid.near(q);
          expect([...near].sort((x, y) => x - y)).toEqual(near);
          expect(new Set(near).size).toBe(near.length);
          const within = pts.flatMap((p, k) => (meters(q, p) <= radius ? [k] : []));
          for (const k of within)
            expect(near, `point ${k} at ${meters(q, pts[k]!)} m of ${radius}`).toContain(k);
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it('a query poleward of every point still finds them (cells sized by the points and reference only)', () => {
    // Points at 70° N, the reference at 0°; the query a little further north, within the radius.
    const radius = 3000;
    const pts: LonLat[] = [offset([100, 70], 2900, 0), offset([100, 70], -2950, 0), [100, 70]];
    const grid = new SpatialGrid(pts, radius, 0);
    const q = offset([100, 70], 0, 300);
    const within = pts.flatMap((p, k) => (meters(q, p) <= radius ? [k] : []));
    expect(within.length).toBeGreaterThan(1);
    for (const k of within) expect(grid.near(q)).toContain(k);
  });
});
