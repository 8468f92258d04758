import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBoundaries } from './boundaries';
import { loadNetwork } from './network';
import { unwrap } from './result';

const toy = unwrap(
  loadNetwork({
    file: 'toy.network.json',
    text: readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8'),
  }),
);
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 45],
      [0.1, 45],
      [0.1, 45.1],
      [0, 45],
    ],
  ],
};
const file = (features: unknown[], network = 'toy') =>
  JSON.stringify({
    type: 'FeatureCollection',
    format: 'commuteshed.boundaries/1',
    network,
    attribution: [{ text: 'invented' }],
    features,
  });
const district = (code: string, geometry: unknown = square) => ({
  type: 'Feature',
  properties: { level: 'district', code, name: { en: code }, label: [0.05, 45.05] },
  geometry,
});
const subdistrict = (code: string, parent: string, zones: string[]) => ({
  type: 'Feature',
  properties: {
    level: 'subdistrict',
    code,
    district: parent,
    name: { zh: code },
    label: [0.05, 45.05],
    zones,
  },
  geometry: square,
});

describe('loadBoundaries', () => {
  it('reads districts (with or without an outline) and subdistricts with their zones', () => {
    const b = unwrap(
      loadBoundaries(
        'toy.boundaries.geojson',
        file([district('A'), district('B', null), subdistrict('A1', 'A', ['z0_0', 'z2_0'])]),
        toy,
      ),
    );
    expect(b.districts.map((d) => [d.code, d.geometry?.type ?? null])).toEqual([
      ['A', 'Polygon'],
      ['B', null],
    ]);
    expect(b.subdistricts).toMatchObject([{ code: 'A1', district: 'A', zones: ['z0_0', 'z2_0'] }]);
    expect(b.attribution).toEqual([{ text: 'invented' }]);
  });

  it('lists every problem at once, with its JSON path, and returns nothing', () => {
    const result = loadBoundaries(
      'other.boundaries.geojson',
      file(
        [
          district('A'),
          district('A'),
          subdistrict('S1', 'Z', ['z0_0', 'nowhere']),
          subdistrict('S2', 'A', ['z0_0']),
        ],
        'elsewhere',
      ),
      toy,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe('other.boundaries.geojson');
    expect(result.issues).toEqual([
      { path: '$.network', message: 'is for network "elsewhere", not "toy"' },
      { path: '$.features[1].properties.code', message: 'district "A" is also features[0]' },
      { path: '$.features[2].properties.district', message: 'unknown district "Z" (no such feature)' },
      { path: '$.features[2].properties.zones[1]', message: 'unknown zone "nowhere" (not in the network)' },
      { path: '$.features[3].properties.zones[0]', message: 'zone "z0_0" is also in features[2]' },
    ]);
  });

  it('refuses a file that is not a boundaries file, naming what is wrong where', () => {
    const result = loadBoundaries(
      'x.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { level: 'town' } }],
      }),
      toy,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('$.format');
    expect(paths).toContain('$.attribution');
    expect(paths.some((p) => p.startsWith('$.features[0]'))).toBe(true);
    expect(loadBoundaries('y.geojson', '{"type": ', toy).ok).toBe(false);
  });
});
