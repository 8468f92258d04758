import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Network } from '../../domain/network';
import { loadNetwork } from '../../io/network';
import { unwrap } from '../../io/result';
import { boundaries } from '../data/areas';
import { network } from '../state/store';
import { orientation } from './orientation';

const toy = unwrap(
  loadNetwork({
    file: 'toy.network.json',
    text: readFileSync(new URL('../../../networks/toy.network.json', import.meta.url), 'utf8'),
  }),
);
/** The toy network with districts West and East, by the side of the meridian a zone is on. */
const withDistricts: Network = {
  ...toy,
  zones: toy.zones.map((z) => ({ ...z, district: z.centroid[0] < 0 ? 'W' : 'E' })),
};
const show = (n: Network) => {
  network.value = { network: n, checksum: 'sha256:test', source: 'test' };
};

afterEach(() => {
  network.value = null;
  boundaries.value = null;
});

describe('the orientation layer', () => {
  it('marks the core, and draws nothing else for zones without districts (GTFS, toy)', () => {
    show(toy);
    const o = orientation.value;
    expect(o.boundaries.features).toEqual([]);
    expect(o.labels.features).toEqual([]);
    expect(o.core.features).toHaveLength(1);
    expect(o.core.features[0]!.properties).toEqual({ en: 'Central', zh: '中央' });
  });

  it('outlines districts from the zones that carry them when there is no boundaries file', () => {
    show(withDistricts);
    const o = orientation.value;
    expect(o.boundaries.features.map((f) => f.properties?.level)).toEqual(['district', 'district']);
    expect(o.labels.features).toEqual([]);
  });

  it('draws the boundaries file: outlines where it has them, every name, English without the kind', () => {
    show(withDistricts);
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 45],
          [0.1, 45],
          [0.1, 45.1],
          [0, 45],
        ],
      ],
    };
    boundaries.value = {
      network: 'toy',
      attribution: [{ text: 'invented' }],
      districts: [
        { code: 'W', name: { en: 'West', zh: '西' }, label: [-0.05, 45], geometry: square },
        { code: 'E', name: { en: 'East' }, label: [0.05, 45], geometry: null },
      ],
      subdistricts: [
        {
          code: 'E1',
          district: 'E',
          name: { en: 'Donghu Subdistrict', zh: '东湖街道' },
          label: [0.06, 45],
          geometry: square,
          zones: [],
        },
      ],
    };
    const o = orientation.value;
    expect(o.boundaries.features.map((f) => f.properties?.level)).toEqual(['district', 'subdistrict']);
    expect(o.labels.features.map((f) => f.properties)).toEqual([
      { level: 'district', en: 'West', zh: '西' },
      { level: 'district', en: 'East' },
      { level: 'subdistrict', en: 'Donghu', zh: '东湖街道' },
    ]);
  });
});
