import { describe, expect, it } from 'vitest';
import type { Network } from '../../domain/network';
import { outline } from './geojson';

/** Zones from rings, as much of a network as outline reads. */
const network = (rings: number[][][]): Network =>
  ({
    zones: rings.map((ring, k) => ({
      id: `z${k}`,
      centroid: ring[0],
      population: 1,
      jobs: 1,
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  }) as unknown as Network;

const edges = (n: Network, inside: (z: number) => boolean) =>
  (outline(n, inside).features[0]?.geometry.coordinates ?? [])
    .map((e) =>
      (e as number[][])
        .map((p) => p.join(','))
        .sort()
        .join(' – '),
    )
    .sort();

describe('outline', () => {
  // Two unit squares side by side, [0,1] and [1,2] (× 0.01°); the right one cut in two halves at y = 0.005
  // (a cell split at a district border), so its left side has a vertex at (1, 0.5) the left square lacks.
  const s = 0.01;
  const left = [
    [0, 0],
    [s, 0],
    [s, s],
    [0, s],
    [0, 0],
  ];
  const lower = [
    [s, 0],
    [2 * s, 0],
    [2 * s, s / 2],
    [s, s / 2],
    [s, 0],
  ];
  const upper = [
    [s, s / 2],
    [2 * s, s / 2],
    [2 * s, s],
    [s, s],
    [s, s / 2],
  ];
  const n = network([left, lower, upper]);

  it('is the boundary of the set, also where shared sides do not match vertex for vertex', () => {
    expect(edges(n, () => true)).toEqual(
      [
        ['0,0', '0.01,0'],
        ['0.01,0', '0.02,0'],
        ['0.02,0', '0.02,0.005'],
        ['0.02,0.005', '0.02,0.01'],
        ['0.01,0.01', '0.02,0.01'],
        ['0,0.01', '0.01,0.01'],
        ['0,0', '0,0.01'],
      ]
        .map((e) => e.sort().join(' – '))
        .sort(),
    );
  });

  it('keeps a side whose other side is outside the set', () => {
    // Only the left square and the lower half: the upper half of the left square's right side borders
    // the upper half (out) and stays; its lower half borders the lower half (in) and goes.
    const out = edges(n, (z) => z !== 2);
    expect(out).toContain(['0.01,0.005', '0.01,0.01'].join(' – '));
    expect(out).toContain(['0.01,0.005', '0.02,0.005'].join(' – '));
    expect(out).not.toContain(['0.01,0', '0.01,0.005'].join(' – '));
  });
});
