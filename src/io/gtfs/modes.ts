import type { LayerId } from '../../domain/layer';

/** route_type → layer, or null for a mode the model does not carry. Keys are route_type numbers. */
export type RouteTypeMapping = Record<number, LayerId | null>;

/**
 * The default mapping of GTFS route types (basic and extended) to the four rail layers. Rail that riders
 * use like a metro (tram, light rail, subway, monorail, funicular) is `metro`; ordinary rail is
 * `suburban`; high-speed and long-distance rail `trunk`; inter-regional rail `intercity`. Buses are left
 * to the area-wide bus unless the import keeps them (`keepBuses`: the `bus` layer); ferries, air and taxis
 * are not carried.
 */
export function defaultLayer(routeType: number): LayerId | null {
  switch (routeType) {
    case 0: // tram, light rail
    case 1: // subway, metro
    case 5: // cable tram
    case 7: // funicular
    case 12: // monorail
      return 'metro';
    case 2: // rail
      return 'suburban';
    // Extended types (Google's, from the HVT list).
    case 101: // high speed rail
    case 102: // long distance trains
    case 105: // sleeper rail
    case 114: // cross-country rail
      return 'trunk';
    case 103: // inter-regional rail
      return 'intercity';
    case 100: // railway service
    case 106: // regional rail
    case 109: // suburban railway
    case 113: // all rail services
    case 117: // additional rail service
      return 'suburban';
    case 108: // rail shuttle within a complex (airport people movers)
    case 1400: // funicular
      return 'metro';
  }
  if (routeType >= 400 && routeType <= 405) return 'metro'; // urban railway, metro, underground, monorail
  if (routeType >= 900 && routeType <= 906) return 'metro'; // tram
  return null;
}

/** Road services a feed's buses come as: bus, trolleybus, coach (basic and extended types). */
export function isBusRouteType(routeType: number): boolean {
  return (
    routeType === 3 ||
    routeType === 11 ||
    (routeType >= 200 && routeType <= 299) ||
    (routeType >= 700 && routeType <= 899)
  );
}

/** What a route type is, for reports: "bus (3)", "high speed rail (101)". */
export function describeRouteType(routeType: number): string {
  const basic: Record<number, string> = {
    0: 'tram / light rail',
    1: 'subway / metro',
    2: 'rail',
    3: 'bus',
    4: 'ferry',
    5: 'cable tram',
    6: 'aerial lift',
    7: 'funicular',
    11: 'trolleybus',
    12: 'monorail',
  };
  const extended: [number, number, string][] = [
    [100, 199, 'rail'],
    [200, 299, 'coach'],
    [400, 499, 'urban railway'],
    [700, 799, 'bus'],
    [800, 899, 'trolleybus'],
    [900, 999, 'tram'],
    [1000, 1099, 'water transport'],
    [1100, 1199, 'air'],
    [1200, 1299, 'ferry'],
    [1300, 1399, 'aerial lift'],
    [1400, 1499, 'funicular'],
    [1500, 1599, 'taxi'],
    [1700, 1799, 'miscellaneous'],
  ];
  const name =
    basic[routeType] ??
    extended.find(([lo, hi]) => routeType >= lo && routeType <= hi)?.[2] ??
    'unknown mode';
  return `${name} (${routeType})`;
}

/**
 * The layer of one route: a per-route override first, then the caller's route_type mapping, then the
 * default. `undefined` in a mapping means "not said", `null` means "not carried".
 */
export function layerFor(
  routeId: string,
  routeType: number,
  byType: Partial<RouteTypeMapping> | undefined,
  byRoute: Record<string, LayerId | null> | undefined,
  keepBuses = false,
): { layer: LayerId | null; by: 'route' | 'type' | 'default' } {
  if (byRoute && Object.hasOwn(byRoute, routeId)) return { layer: byRoute[routeId] ?? null, by: 'route' };
  if (byType && Object.hasOwn(byType, routeType)) return { layer: byType[routeType] ?? null, by: 'type' };
  if (keepBuses && isBusRouteType(routeType)) return { layer: 'bus', by: 'type' };
  return { layer: defaultLayer(routeType), by: 'default' };
}
