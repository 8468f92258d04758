import { hexGrid } from '@turf/turf';
import { greatCircleMeters, type LonLat } from '../../domain/geo';
import type { Issue } from '../../domain/issue';
import { portableCos } from '../../domain/portableMath';
import type { Zone, ZoneGeometry } from '../../domain/zone';
import { parseJson } from '../json';
import { loadZones } from '../network';

const M_PER_DEG_LAT = 111_195;

/** Points bucketed by a square cell of `radius` metres, for "is any point within radius" queries. */
class NearIndex {
  private readonly cells = new Map<string, LonLat[]>();
  private readonly dLat: number;
  private readonly dLon: number;

  constructor(
    points: readonly LonLat[],
    private readonly radius: number,
  ) {
    const maxLat = Math.min(85, Math.max(0, ...points.map((p) => Math.abs(p[1]))));
    this.dLat = radius / M_PER_DEG_LAT;
    this.dLon = this.dLat / portableCos((maxLat * Math.PI) / 180);
    for (const p of points) {
      const key = this.key(Math.floor(p[0] / this.dLon), Math.floor(p[1] / this.dLat));
      const cell = this.cells.get(key);
      if (cell) cell.push(p);
      else this.cells.set(key, [p]);
    }
  }

  private key(c: number, r: number): string {
    return `${c},${r}`;
  }

  any(p: LonLat): boolean {
    const c = Math.floor(p[0] / this.dLon);
    const r = Math.floor(p[1] / this.dLat);
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        for (const q of this.cells.get(this.key(c + dc, r + dr)) ?? [])
          if (greatCircleMeters(p, q) <= this.radius) return true;
      }
    }
    return false;
  }
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export interface HexOptions {
  /** Distance between neighbouring cell centres; default 1 km, widened until at most `maxZones` cells. */
  spacingMeters?: number;
  maxZones?: number;
  /** Cells whose centre is farther than this from every station are left out. */
  keepWithinMeters?: number;
  marginMeters?: number;
}

/**
 * Zones where the user gave none: a hexagonal grid (turf hexGrid) over the stations' extent plus a margin,
 * keeping the cells near a station. Population and jobs are unknown: 1 per zone, and the caller says so.
 */
export function hexZones(
  stations: readonly LonLat[],
  options: HexOptions = {},
): { zones: Zone[]; spacingMeters: number } {
  const maxZones = options.maxZones ?? 3000;
  const keep = options.keepWithinMeters ?? 3000;
  const margin = options.marginMeters ?? 1500;
  if (stations.length === 0) return { zones: [], spacingMeters: options.spacingMeters ?? 1000 };
  const lons = stations.map((p) => p[0]);
  const lats = stations.map((p) => p[1]);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const dLat = margin / M_PER_DEG_LAT;
  const dLon = dLat / Math.max(0.05, portableCos((midLat * Math.PI) / 180));
  const bbox: [number, number, number, number] = [
    Math.max(-180, Math.min(...lons) - dLon),
    Math.max(-85, Math.min(...lats) - dLat),
    Math.min(180, Math.max(...lons) + dLon),
    Math.min(85, Math.max(...lats) + dLat),
  ];
  let spacing = options.spacingMeters ?? 1000;
  // A continental feed would make millions of 1 km cells before filtering: start no finer than 200k cells.
  const bboxArea =
    (bbox[2] - bbox[0]) *
    M_PER_DEG_LAT *
    portableCos((midLat * Math.PI) / 180) *
    (bbox[3] - bbox[1]) *
    M_PER_DEG_LAT;
  const hexArea = (s: number) => (Math.sqrt(3) / 2) * s * s;
  if (options.spacingMeters === undefined && bboxArea / hexArea(spacing) > 200_000)
    spacing = Math.sqrt(bboxArea / 200_000 / (Math.sqrt(3) / 2));
  const near = new NearIndex(stations, keep);
  for (;;) {
    // turf's cellSide is the hexagon's side (centre to vertex); neighbouring centres are √3 sides apart.
    const grid = hexGrid(bbox, spacing / 1000 / Math.sqrt(3), { units: 'kilometers' });
    const kept: Zone[] = [];
    for (const f of grid.features) {
      const ring = f.geometry.coordinates[0]!;
      const corners = ring.slice(0, -1);
      const centroid: LonLat = [
        round6(corners.reduce((a, c) => a + c[0]!, 0) / corners.length),
        round6(corners.reduce((a, c) => a + c[1]!, 0) / corners.length),
      ];
      if (!near.any(centroid)) continue;
      const geometry: ZoneGeometry = {
        type: 'Polygon',
        coordinates: [ring.map((c) => [round6(c[0]!), round6(c[1]!)])],
      };
      kept.push({ id: '', centroid, population: 1, jobs: 1, geometry });
    }
    if (kept.length <= maxZones || options.spacingMeters !== undefined) {
      const width = String(kept.length).length;
      kept.forEach((z, k) => {
        z.id = `hex-${String(k + 1).padStart(width, '0')}`;
      });
      return { zones: kept, spacingMeters: Math.round(spacing) };
    }
    spacing *= 1.25;
  }
}

/**
 * Zones from the user's GeoJSON FeatureCollection (Polygon / MultiPolygon features with properties
 * population, jobs and optionally id and name). A feature without an id takes the feature's own id or its
 * position (`z1`, `z2` …). Problems are JSON paths in the file, all at once.
 */
export function zonesFromGeoJson(
  text: string,
  file: string,
): { ok: true; zones: Zone[] } | { ok: false; issues: Issue[] } {
  const parsed = parseJson(text);
  const prefix = (issues: Issue[]) => issues.map((i) => ({ path: `${file}:${i.path}`, message: i.message }));
  if (!parsed.ok) return { ok: false, issues: prefix(parsed.issues) };
  const value = parsed.value as { features?: unknown };
  if (value && typeof value === 'object' && Array.isArray(value.features)) {
    value.features.forEach((f: unknown, k: number) => {
      if (!f || typeof f !== 'object') return;
      const feature = f as { id?: unknown; properties?: Record<string, unknown> | null };
      if (
        feature.properties &&
        typeof feature.properties === 'object' &&
        feature.properties.id === undefined
      ) {
        feature.properties.id =
          typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : `z${k + 1}`;
      }
    });
  }
  const loaded = loadZones(JSON.stringify(value));
  if (!loaded.ok) return { ok: false, issues: prefix(loaded.issues) };
  const zones = loaded.value.map((z) => ({
    ...z,
    centroid: [round6(z.centroid[0]), round6(z.centroid[1])] as LonLat,
  }));
  return { ok: true, zones };
}

/**
 * Core zones around a point: those whose centre is within `radius` metres, else the nearest one (the
 * core is never empty when there are zones).
 */
export function zonesAround(zones: readonly Zone[], at: LonLat, radius: number): string[] {
  const within = zones.filter((z) => greatCircleMeters(z.centroid, at) <= radius).map((z) => z.id);
  if (within.length > 0 || zones.length === 0) return within;
  let best = zones[0]!;
  for (const z of zones)
    if (greatCircleMeters(z.centroid, at) < greatCircleMeters(best.centroid, at)) best = z;
  return [best.id];
}
