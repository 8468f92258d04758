/**
 * OpenStreetMap positions (WGS84) from bj-subway-gtfs-boyinthesun: the partial GTFS stations (one per line
 * at interchanges), the raw OSM station objects, and the national-rail station extract. © OpenStreetMap
 * contributors, ODbL 1.0.
 */
import { join } from 'node:path';
import type { LonLat } from '../../src/domain/geo';
import { RAW, readCsv, readJson } from './raw';

export interface OsmPoint {
  /** OSM id as the source writes it (n123 node, r456 stop-area relation). */
  osmId: string;
  name: string;
  nameEn?: string;
  coord: LonLat;
  /** GTFS stop_code (first two digits = line) where the point is a GTFS station. */
  code?: string;
  kind: 'gtfs-station' | 'osm-station' | 'osm-rail';
}

interface StationObject {
  tags: Record<string, string>;
  lon?: number;
  lat?: number;
}

let cache: { gtfs: OsmPoint[]; objects: OsmPoint[]; rail: OsmPoint[] } | undefined;

/** Beijing's metro network lies inside this box; Tianjin's metro (also in the extract) does not. */
const BEIJING_BOX = { minLon: 115.4, maxLon: 117.6, minLat: 39.4, maxLat: 41.1 };

function inBeijingBox([lon, lat]: LonLat): boolean {
  return (
    lon >= BEIJING_BOX.minLon &&
    lon <= BEIJING_BOX.maxLon &&
    lat >= BEIJING_BOX.minLat &&
    lat <= BEIJING_BOX.maxLat
  );
}

export function osmData(): { gtfs: OsmPoint[]; objects: OsmPoint[]; rail: OsmPoint[] } {
  if (cache) return cache;
  const gtfs = readCsv(join(RAW.osm, 'gtfs', 'stops.txt'))
    .filter((r) => r.location_type === '1' && r.stop_lat !== '' && r.stop_lon !== '')
    .map(
      (r): OsmPoint => ({
        osmId: r.stop_id!,
        name: r.stop_name!,
        coord: [Number(r.stop_lon), Number(r.stop_lat)],
        ...(r.stop_code && { code: r.stop_code }),
        kind: 'gtfs-station',
      }),
    );
  const raw = readJson<Record<string, StationObject>>(join(RAW.osm, 'data', 'osm', 'station.json'));
  const objects: OsmPoint[] = [];
  for (const [osmId, o] of Object.entries(raw)) {
    if (o.lon === undefined || o.lat === undefined || !o.tags.name) continue;
    const t = o.tags;
    const urbanRail =
      t.station === 'subway' ||
      t.station === 'light_rail' ||
      t.subway === 'yes' ||
      t.tram === 'yes' ||
      t.light_rail === 'yes';
    if (!urbanRail) continue;
    const coord: LonLat = [o.lon, o.lat];
    if (!inBeijingBox(coord)) continue;
    objects.push({
      osmId,
      name: t.name,
      ...(t['name:en'] && { nameEn: t['name:en'] }),
      coord,
      kind: 'osm-station',
    });
  }
  objects.sort((a, b) => (a.osmId < b.osmId ? -1 : a.osmId > b.osmId ? 1 : 0));
  const rail = readCsv(join(RAW.osm, 'derived', 'osm_rail_stations.csv')).map(
    (r): OsmPoint => ({
      osmId: r.osm_id!,
      name: r.name!,
      ...(r.name_en && { nameEn: r.name_en }),
      coord: [Number(r.lon), Number(r.lat)],
      kind: 'osm-rail',
    }),
  );
  cache = { gtfs, objects, rail };
  return cache;
}

/** English names of OSM subway station objects near a point with the same Chinese name. */
export function englishNameNear(
  name: string,
  coord: LonLat,
  meters: number,
  distance: (a: LonLat, b: LonLat) => number,
): string | undefined {
  const { objects } = osmData();
  const hits = objects.filter(
    (o) => (o.name === name || o.name === `${name}站`) && o.nameEn && distance(o.coord, coord) <= meters,
  );
  hits.sort((a, b) => distance(a.coord, coord) - distance(b.coord, coord));
  return hits[0]?.nameEn;
}
