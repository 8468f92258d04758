import type { Row, TableSpec } from './fields';
import type { RouteTable } from './routes';

export interface GtfsTrip {
  id: string;
  /** Index into the route table. */
  route: number;
  service: string;
  /** direction_id; undefined when the feed does not say. */
  direction: 0 | 1 | undefined;
  headsign: string;
  line: number;
}

/** trips.txt; needs routes.txt read first. */
export class TripTable {
  /** False when the file is missing or lacks a required column: rows referring to it are then dropped
   *  without an error each (the file's own error says it all). */
  readable = true;
  readonly trips: GtfsTrip[] = [];
  readonly index = new Map<string, number>();

  constructor(private readonly routes: RouteTable) {}

  readonly spec: TableSpec = {
    file: 'trips.txt',
    required: ['route_id', 'service_id', 'trip_id'],
    optional: ['direction_id', 'trip_headsign'],
    row: (r: Row) => {
      const routeId = r.required('route_id');
      const service = r.required('service_id');
      const id = r.required('trip_id');
      const direction =
        r.has('direction_id') && r.text('direction_id') !== '' ? r.int('direction_id', 0, 1) : undefined;
      if (routeId === undefined || service === undefined || id === undefined || !r.ok) return false;
      if (this.index.has(id)) {
        r.error(
          'trip_id',
          `duplicate trip_id "${id}" (first on line ${this.trips[this.index.get(id)!]!.line})`,
        );
        return false;
      }
      const route = this.routes.index.get(routeId);
      if (route === undefined) {
        if (this.routes.readable) r.error('route_id', `unknown route "${routeId}" (not in routes.txt)`);
        return false;
      }
      this.index.set(id, this.trips.length);
      this.trips.push({
        id,
        route,
        service,
        direction: direction as 0 | 1 | undefined,
        headsign: r.text('trip_headsign'),
        line: r.line,
      });
      return true;
    },
  };
}
