import { describe, expect, it } from 'vitest';
import { defaultLayer, describeRouteType, layerFor } from './modes';

describe('route_type → layer', () => {
  it('maps basic and extended rail types and leaves buses, ferries and air out', () => {
    const table = Object.fromEntries(
      [
        0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 100, 101, 102, 103, 106, 109, 400, 401, 700, 715, 900, 1000, 1100,
        1300,
      ].map((t) => [t, defaultLayer(t)]),
    );
    expect(table).toEqual({
      0: 'metro',
      1: 'metro',
      2: 'suburban',
      3: null,
      4: null,
      5: 'metro',
      6: null,
      7: 'metro',
      11: null,
      12: 'metro',
      100: 'suburban',
      101: 'trunk',
      102: 'trunk',
      103: 'intercity',
      106: 'suburban',
      109: 'suburban',
      400: 'metro',
      401: 'metro',
      700: null,
      715: null,
      900: 'metro',
      1000: null,
      1100: null,
      1300: null,
    });
  });

  it('lets a route override its type and a type override the default', () => {
    expect(layerFor('r', 3, { 3: 'metro' }, undefined)).toEqual({ layer: 'metro', by: 'type' });
    expect(layerFor('r', 3, { 3: 'metro' }, { r: null })).toEqual({ layer: null, by: 'route' });
    expect(layerFor('r', 2, { 3: 'metro' }, { other: 'trunk' })).toEqual({
      layer: 'suburban',
      by: 'default',
    });
  });

  it('names route types for reports', () => {
    expect(describeRouteType(3)).toBe('bus (3)');
    expect(describeRouteType(715)).toBe('bus (715)');
    expect(describeRouteType(4242)).toBe('unknown mode (4242)');
  });
});
