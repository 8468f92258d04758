import type { LonLat } from '../../domain/geo';
import type { Row, TableSpec } from './fields';
import { feedPath, type IssueLog } from './issues';

/** location_type: 0 stop or platform, 1 station, 2 entrance, 3 generic node, 4 boarding area. */
export interface GtfsStop {
  id: string;
  name: string;
  coord: LonLat | undefined;
  type: number;
  parentId: string;
  line: number;
}

/**
 * stops.txt and its location_type hierarchy. A commuteshed Station is a parent station with its platforms
 * merged into it; a stop without a parent is its own station; entrances and nodes are not stations.
 */
export class StopTable {
  /** False when the file is missing or lacks a required column: rows referring to it are then dropped
   *  without an error each (the file's own error says it all). */
  readable = true;
  readonly stops: GtfsStop[] = [];
  readonly index = new Map<string, number>();
  /** Per stop, the stop that is its station (itself for a station or a stop without parent); -1 none. */
  station: Int32Array = new Int32Array(0);
  private missingCoord = 0;
  private firstMissingCoord = '';

  constructor(private readonly log: IssueLog) {}

  readonly spec: TableSpec = {
    file: 'stops.txt',
    // stop_lat and stop_lon are required for stops, stations and entrances, which every usable feed has.
    required: ['stop_id', 'stop_lat', 'stop_lon'],
    optional: ['stop_name', 'location_type', 'parent_station'],
    row: (r: Row) => {
      const id = r.required('stop_id');
      if (id === undefined) return false;
      if (this.index.has(id)) {
        r.error(
          'stop_id',
          `duplicate stop_id "${id}" (first on line ${this.stops[this.index.get(id)!]!.line})`,
        );
        return false;
      }
      const type = r.int('location_type', 0, 4, 0) ?? 0;
      const needsCoord = type <= 2;
      const lat = r.number('stop_lat', -90, 90, false);
      const lon = r.number('stop_lon', -180, 180, false);
      let coord: LonLat | undefined = lat !== undefined && lon !== undefined ? [lon, lat] : undefined;
      if (coord && coord[0] === 0 && coord[1] === 0) coord = undefined;
      if (!r.ok) return false;
      if (!coord && needsCoord) {
        // Only an error if a trip calls here (checked when patterns are built); many feeds list unused stops.
        if (this.missingCoord++ === 0) this.firstMissingCoord = feedPath('stops.txt', r.line, 'stop_lat');
      }
      this.index.set(id, this.stops.length);
      this.stops.push({
        id,
        name: r.text('stop_name'),
        coord,
        type,
        parentId: r.text('parent_station'),
        line: r.line,
      });
      return true;
    },
  };

  /** Resolve parent_station links once all rows are read. */
  resolve(): void {
    if (this.missingCoord > 0) {
      this.log.warn(
        this.firstMissingCoord,
        `${this.missingCoord} stop${this.missingCoord === 1 ? ' has' : 's have'} no position (first here); trips calling there cannot be imported`,
      );
    }
    const n = this.stops.length;
    const station = new Int32Array(n).fill(-1);
    const parentOf = (k: number): number | undefined => {
      const s = this.stops[k]!;
      if (s.parentId === '') return undefined;
      const p = this.index.get(s.parentId);
      if (p === undefined) {
        this.log.error(
          feedPath('stops.txt', s.line, 'parent_station'),
          `unknown parent station "${s.parentId}"`,
        );
        return undefined;
      }
      return p;
    };
    for (let k = 0; k < n; k++) {
      const s = this.stops[k]!;
      if (s.type === 1) {
        if (s.parentId !== '')
          this.log.warn(
            feedPath('stops.txt', s.line, 'parent_station'),
            'a station (location_type 1) cannot have a parent; ignored',
          );
        station[k] = k;
      }
    }
    for (let k = 0; k < n; k++) {
      const s = this.stops[k]!;
      if (s.type === 1) continue;
      const p = parentOf(k);
      if (s.type === 0) {
        if (p === undefined) station[k] = k;
        else if (this.stops[p]!.type === 1) station[k] = p;
        else {
          this.log.warn(
            feedPath('stops.txt', s.line, 'parent_station'),
            `parent "${s.parentId}" is not a station (location_type 1); the stop is its own station`,
          );
          station[k] = k;
        }
      } else if (s.type === 2 || s.type === 3) {
        if (p === undefined) {
          if (s.parentId === '')
            this.log.warn(
              feedPath('stops.txt', s.line, 'parent_station'),
              'an entrance or node needs a parent station; ignored',
            );
        } else if (this.stops[p]!.type === 1) station[k] = p;
      }
    }
    // Boarding areas belong to a platform, whose station is now known.
    for (let k = 0; k < n; k++) {
      const s = this.stops[k]!;
      if (s.type !== 4) continue;
      const p = parentOf(k);
      if (p !== undefined && this.stops[p]!.type === 0) station[k] = station[p]!;
      else if (p !== undefined)
        this.log.warn(
          feedPath('stops.txt', s.line, 'parent_station'),
          "a boarding area's parent must be a platform (location_type 0)",
        );
    }
    this.station = station;
  }

  /** Position of a station stop: its own, else the mean of its platforms' (a parent without one). */
  stationCoord(k: number, platforms: readonly number[]): LonLat | undefined {
    const own = this.stops[k]!.coord;
    if (own) return own;
    const coords = platforms.map((p) => this.stops[p]!.coord).filter((c): c is LonLat => c !== undefined);
    if (coords.length === 0) return undefined;
    return [
      coords.reduce((a, c) => a + c[0], 0) / coords.length,
      coords.reduce((a, c) => a + c[1], 0) / coords.length,
    ];
  }

  /** Counts for the report. */
  counts(): { stops: number; stations: number; platforms: number; entrances: number; other: number } {
    let stations = 0;
    let platforms = 0;
    let entrances = 0;
    for (const s of this.stops) {
      if (s.type === 1) stations++;
      else if (s.type === 0) platforms++;
      else if (s.type === 2) entrances++;
    }
    return {
      stops: this.stops.length,
      stations,
      platforms,
      entrances,
      other: this.stops.length - stations - platforms - entrances,
    };
  }
}
