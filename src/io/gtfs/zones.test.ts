import { describe, expect, it } from 'vitest';
import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { hexZones, zonesAround, zonesFromGeoJson } from './zones';

describe('hexZones', () => {
  const line: LonLat[] = Array.from({ length: 11 }, (_, k) => [116.3 + k * 0.01, 39.9]);

  it('covers the stations with cells about 1 km apart, all within 3 km of a station', () => {
    const { zones, spacingMeters } = hexZones(line);
    expect(spacingMeters).toBe(1000);
    // An 8.5 km line plus 1.5 km margins: about 11.5 × 3 km, 0.87 km² a cell.
    expect(zones.length).toBeGreaterThan(25);
    for (const z of zones)
      expect(Math.min(...line.map((s) => greatCircleMeters(z.centroid, s)))).toBeLessThanOrEqual(3000);
    const nearest = zones
      .filter((z) => z.id !== zones[0]!.id)
      .map((z) => greatCircleMeters(z.centroid, zones[0]!.centroid))
      .sort((a, b) => a - b)[0]!;
    expect(nearest).toBeGreaterThan(900);
    expect(nearest).toBeLessThan(1100);
    expect(zones[0]!.id).toBe(`hex-${'1'.padStart(String(zones.length).length, '0')}`);
  });

  it('widens the spacing to keep at most maxZones cells', () => {
    const { zones, spacingMeters } = hexZones(line, { maxZones: 10 });
    expect(zones.length).toBeLessThanOrEqual(10);
    expect(spacingMeters).toBeGreaterThan(1000);
  });

  it('picks the core around a point, or the nearest zone', () => {
    const { zones } = hexZones(line);
    expect(zonesAround(zones, line[5]!, 1010).length).toBeGreaterThanOrEqual(3);
    expect(zonesAround(zones, [116.0, 39.9], 1000)).toHaveLength(1);
  });
});

describe('zonesFromGeoJson', () => {
  it('reports bad JSON with the file name and position', () => {
    const r = zonesFromGeoJson('{"type": "FeatureCollection", "features": [}', 'z.geojson');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('z.geojson:$');
  });

  it('says when there are no zones', () => {
    expect(zonesFromGeoJson('{"type": "FeatureCollection", "features": []}', 'z.geojson')).toEqual({
      ok: false,
      issues: [
        {
          path: 'z.geojson:$.features',
          message: 'needs at least one zone (nothing to compute times between)',
        },
      ],
    });
  });
});
