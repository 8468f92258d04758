import type { LayerId } from '../../domain/layer';
import type { Direction, Line, ServicePattern } from '../../domain/line';
import type { ServiceDay } from './calendar';
import { Ids, plural } from './ids';
import type { IssueLog } from './issues';
import { describeRouteType } from './modes';
import type { BuiltPattern, PeriodWindow, RouteTrips } from './patterns';
import type { DroppedRoute } from './report';
import { type GtfsRoute, routeName } from './routes';
import type { Names } from './translations';

export const LAYER_COLORS: Record<LayerId, string> = {
  trunk: '#1F4E79',
  intercity: '#7B3F99',
  suburban: '#2E8B57',
  metro: '#C0392B',
  bus: '#7F8C8D',
};

/** A route that becomes a line. */
export interface RouteImport {
  route: number;
  layer: LayerId;
  patterns: BuiltPattern[];
  /** The line's id (the route_id, made safe). */
  line: string;
}

/**
 * Each route either becomes a line or is dropped with the first reason that applies: a mode not carried,
 * no trips at all, no service day, no trips on the day, every trip invalid, no trip in the periods.
 */
export function sortRoutes(args: {
  routes: readonly GtfsRoute[];
  layers: readonly { layer: LayerId | null; by: 'route' | 'type' | 'default' }[];
  built: ReadonlyMap<number, RouteTrips>;
  tripsPerRoute: ReadonlyMap<number, number>;
  day: ServiceDay | undefined;
  noServiceDay: string | undefined;
  periodText: string;
  log: IssueLog;
}): { imported: RouteImport[]; dropped: DroppedRoute[] } {
  const { built, day, log } = args;
  const ids = new Ids();
  const imported: RouteImport[] = [];
  const dropped: DroppedRoute[] = [];
  args.routes.forEach((route, k) => {
    const { layer, by } = args.layers[k]!;
    const drop = (reason: string) =>
      dropped.push({ id: route.id, name: routeName(route), routeType: route.type, reason });
    if (layer === null) {
      drop(
        by === 'default'
          ? `${describeRouteType(route.type)}: not a mode the model carries (map its route_type or the route to a layer to import it)`
          : `${describeRouteType(route.type)}: mapped to no layer by the import options`,
      );
      return;
    }
    const outcome = built.get(k);
    if (!args.tripsPerRoute.get(k)) drop('no trips in trips.txt');
    else if (!day) drop(`no service day (${args.noServiceDay ?? 'none chosen'})`);
    else if (!outcome || outcome.onDay === 0)
      drop(`no trips on the service day ${day.date} (${day.weekday})`);
    else if (outcome.patterns.length === 0) {
      if (outcome.invalid === outcome.onDay)
        drop(
          `all ${plural(outcome.onDay, 'trip')} on ${day.date} were dropped for errors or implausible times in their stop times (see the errors and warnings)`,
        );
      else drop(`no trip departs in the periods (${args.periodText}) on ${day.date}`);
    } else {
      imported.push({ route: k, layer, patterns: outcome.patterns, line: ids.make(route.id) });
      if (outcome.noDirection > 0) {
        log.warn(
          'trips.txt',
          `route "${route.id}": ${plural(outcome.noDirection, 'trip')} without direction_id, read as direction 0`,
        );
      }
    }
  });
  return { imported, dropped };
}

/** A route's line: patterns sorted (direction, most trips, most stops, stops) and named `d0-1`, `d0-2`, `d1-1` … */
export function buildLine(
  r: RouteImport,
  route: GtfsRoute,
  stationId: (base: number, layer: LayerId) => string,
  names: Names,
  periods: readonly PeriodWindow[],
): Line {
  const total = (p: BuiltPattern) => Object.values(p.trips).reduce((a, n) => a + n, 0);
  const withIds = r.patterns.map((p) => ({
    p,
    stops: p.stations.map((s) => stationId(s, r.layer)),
    key: '',
  }));
  for (const w of withIds) w.key = w.stops.join('\u0000');
  withIds.sort(
    (a, b) =>
      a.p.direction - b.p.direction ||
      total(b.p) - total(a.p) ||
      b.stops.length - a.stops.length ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const rank = [0, 0];
  const patterns: ServicePattern[] = withIds.map(({ p, stops }) => {
    rank[p.direction]!++;
    const headways: Record<string, number> = {};
    for (const w of periods) if (p.headways[w.id] !== undefined) headways[w.id] = p.headways[w.id]!;
    return {
      id: `d${p.direction}-${rank[p.direction]}`,
      direction: p.direction as Direction,
      ...(p.headsign !== undefined && { headsign: names.headsign(p.headsign) }),
      stops,
      runSeconds: p.runSeconds,
      dwellSeconds: p.dwellSeconds,
      headways,
    };
  });
  const line: Line = {
    id: r.line,
    name: names.route(route),
    layer: r.layer,
    color: route.color ?? LAYER_COLORS[r.layer],
    patterns,
    source: `GTFS route ${route.id}${route.shortName && route.longName ? ` (${route.longName})` : ''}`,
  };
  // Direction names from the busiest pattern's headsign each way, when both ways have one.
  const headsignOf = (d: Direction) =>
    withIds.find(({ p }) => p.direction === d && p.headsign !== undefined)?.p.headsign;
  const h0 = headsignOf(0);
  const h1 = headsignOf(1);
  if (h0 !== undefined && h1 !== undefined) line.directionNames = [names.headsign(h0), names.headsign(h1)];
  return line;
}
