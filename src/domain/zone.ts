import type { LonLat } from './geo';
import type { LocalizedName } from './names';
import type { ZoneClass } from './surface';

/** GeoJSON polygon geometry, declared here so the domain depends on no geometry library. */
export type ZoneGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** An origin and destination of trips; no path passes through a zone. */
export interface Zone {
  id: string;
  name?: LocalizedName;
  centroid: LonLat;
  population: number;
  jobs: number;
  /** Employed residents (people who live here and work); absent: population × the employment rate. */
  workers?: number;
  /** Administrative unit the zone's population was allotted from, e.g. a district code. */
  district?: string;
  /** Urban or rural: sets the bus and bike parameters (DESIGN.md §2.1). Default urban. */
  class?: ZoneClass;
  geometry?: ZoneGeometry;
}

/** Where zone attributes came from and whether they are estimates; the app shows this. */
export interface ZoneAttributeSource {
  source: string;
  estimate: boolean;
}
