import type { Row, TableSpec } from './fields';

export interface GtfsRoute {
  id: string;
  shortName: string;
  longName: string;
  type: number;
  /** "#RRGGBB" when the feed gives a valid route_color. */
  color: string | undefined;
  line: number;
}

/** routes.txt. */
export class RouteTable {
  /** False when the file is missing or lacks a required column: rows referring to it are then dropped
   *  without an error each (the file's own error says it all). */
  readable = true;
  readonly routes: GtfsRoute[] = [];
  readonly index = new Map<string, number>();

  readonly spec: TableSpec = {
    file: 'routes.txt',
    required: ['route_id', 'route_type'],
    optional: ['route_short_name', 'route_long_name', 'route_color', 'agency_id'],
    row: (r: Row) => {
      const id = r.required('route_id');
      // Extended route types run to 1799; Google's list is open-ended, so accept any non-negative number.
      const type = r.int('route_type', 0, 99_999);
      if (id === undefined || type === undefined) return false;
      if (this.index.has(id)) {
        r.error(
          'route_id',
          `duplicate route_id "${id}" (first on line ${this.routes[this.index.get(id)!]!.line})`,
        );
        return false;
      }
      const rawColor = r.text('route_color');
      let color: string | undefined;
      if (/^#?[0-9A-Fa-f]{6}$/.test(rawColor)) color = `#${rawColor.replace('#', '').toUpperCase()}`;
      else if (rawColor !== '')
        r.warn('route_color', `not a colour RRGGBB: "${rawColor}"; the layer's colour is used`);
      const shortName = r.text('route_short_name');
      const longName = r.text('route_long_name');
      if (shortName === '' && longName === '')
        r.warn('route_short_name', 'the route has neither a short nor a long name; its id is used');
      this.index.set(id, this.routes.length);
      this.routes.push({ id, shortName, longName, type, color, line: r.line });
      return true;
    },
  };
}

/** The name riders use: the short name ("1", "S2", "1号线") if any, else the long name, else the id. */
export function routeName(route: GtfsRoute): string {
  return route.shortName || route.longName || route.id;
}
