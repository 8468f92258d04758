/**
 * networks/jjj.boundaries.geojson: the districts and subdistricts (街道/镇/乡) of Beijing from
 * bj-subdistricts-thebamboogrove, simplified for drawing, with names in Chinese and English and, per
 * subdistrict, the zones it holds (the subdistrict each zone is named after: the one holding most of its
 * population). Units outside Beijing have no boundaries in the data: they are listed with their names
 * and a label at their zones' population centre, and no geometry.
 */
import { join } from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from '../../src/domain/geo';
import { BOUNDARIES_FORMAT } from '../../src/io/schema/boundaries';
import type { Unit } from './population';
import { RAW, REPO_ROOT, readJson } from './raw';
import type { Subdistrict, ZoneOut } from './zones';

export const BOUNDARIES_PATH = join(REPO_ROOT, 'networks', 'jjj.boundaries.geojson');

/**
 * Simplification tolerance, metres: a boundary moves by at most this much (a couple of pixels at zoom
 * 12, invisible at the zooms where districts are read). The raw 132,000 vertices become about a tenth.
 */
export const TOLERANCE_M = 80;
/** Coordinates to 4 decimals (≈ 10 m), finer than the tolerance. */
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const METRES_PER_DEGREE = 111_320;
const COS_LAT = Math.cos((40 * Math.PI) / 180);

interface DistrictFeature {
  properties: { Name: string; code: number; labelPoint: [number, number] };
  geometry: Polygon | MultiPolygon;
}

/** Douglas–Peucker on one open polyline (planar, longitude scaled to metres at 40° N). */
function douglasPeucker(points: Position[], tolerance: number): Position[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const xy = points.map((p) => [p[0]! * COS_LAT * METRES_PER_DEGREE, p[1]! * METRES_PER_DEGREE] as const);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = xy[a]!;
    const [bx, by] = xy[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let far = -1;
    let farD = tolerance;
    for (let k = a + 1; k < b; k++) {
      const [px, py] = xy[k]!;
      const d =
        length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dx * (ay - py) - dy * (ax - px)) / length;
      if (d > farD) {
        far = k;
        farD = d;
      }
    }
    if (far < 0) continue;
    keep[far] = 1;
    stack.push([a, far], [far, b]);
  }
  return points.filter((_, k) => keep[k] === 1);
}

/**
 * A closed ring simplified: split at the vertex farthest from its start (so both halves are open lines),
 * each half simplified, rounded, repeated positions dropped. Undefined when it collapses (a sliver or an
 * islet smaller than the tolerance).
 */
function simplifyRing(ring: Position[]): Position[] | undefined {
  const open = ring.slice(0, -1);
  if (open.length < 3) return undefined;
  let far = 1;
  let farD = -1;
  for (let k = 1; k < open.length; k++) {
    const d = Math.hypot((open[k]![0]! - open[0]![0]!) * COS_LAT, open[k]![1]! - open[0]![1]!);
    if (d > farD) {
      far = k;
      farD = d;
    }
  }
  const first = douglasPeucker(open.slice(0, far + 1), TOLERANCE_M);
  const second = douglasPeucker([...open.slice(far), open[0]!], TOLERANCE_M);
  const out: Position[] = [];
  for (const p of [...first, ...second.slice(1)]) {
    const q = [round4(p[0]!), round4(p[1]!)];
    const last = out.at(-1);
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : undefined;
}

/** Polygons simplified; a polygon whose outer ring collapses is dropped, a collapsed hole forgotten. */
function simplifyGeometry(g: Polygon | MultiPolygon): MultiPolygon | null {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((rings) => {
    const [outer, ...holes] = rings.map(simplifyRing);
    if (!outer) return [];
    return [[outer, ...holes.filter((h): h is Position[] => h !== undefined)]];
  });
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

const lonLatOf = (labelPoint: [number, number]): LonLat => [round4(labelPoint[1]), round4(labelPoint[0])];

export function buildBoundaries(units: Unit[], subs: Subdistrict[], zones: ZoneOut[]): unknown {
  const outlines = new Map(
    readJson<{ features: DistrictFeature[] }>(join(RAW.subdistricts, 'bj_districts_16.geojson')).features.map(
      (f) => [String(f.properties.code).slice(0, 6), f],
    ),
  );
  const districts = units.map((u) => {
    const outline = u.beijing ? outlines.get(u.code) : undefined;
    if (u.beijing && !outline) throw new Error(`no outline for district ${u.code}`);
    let label: LonLat;
    if (outline) label = lonLatOf(outline.properties.labelPoint);
    else {
      const mine = zones.filter((z) => z.district === u.code);
      const people = mine.reduce((s, z) => s + z.population, 0);
      label = [
        round4(mine.reduce((s, z) => s + z.centroid[0] * z.population, 0) / people),
        round4(mine.reduce((s, z) => s + z.centroid[1] * z.population, 0) / people),
      ];
    }
    return {
      type: 'Feature',
      properties: { level: 'district', code: u.code, name: u.name, label },
      geometry: outline ? simplifyGeometry(outline.geometry) : null,
    };
  });
  const zonesOf = new Map<string, string[]>();
  for (const z of zones)
    if (z.subdistrict)
      (zonesOf.get(z.subdistrict) ?? zonesOf.set(z.subdistrict, []).get(z.subdistrict)!).push(z.id);
  const subdistricts = subs.map((s) => ({
    type: 'Feature',
    properties: {
      level: 'subdistrict',
      code: s.code,
      name: { zh: s.name, en: s.en },
      label: [round4(s.label[0]), round4(s.label[1])],
      district: s.district,
      zones: zonesOf.get(s.code) ?? [],
    },
    geometry: simplifyGeometry(s.geometry),
  }));
  return {
    type: 'FeatureCollection',
    format: BOUNDARIES_FORMAT,
    network: 'jjj',
    attribution: [
      {
        text: `Beijing district and subdistrict boundaries: thebamboogrove/bj-subdistricts (traced from 天地图 maps; 2023–24 divisions), simplified to ${TOLERANCE_M} m by scripts/build-network; names of the units outside Beijing and each subdistrict's zones by scripts/build-network`,
        url: 'https://github.com/thebamboogrove/bj-subdistricts',
        licence: 'MIT',
      },
    ],
    features: [...districts, ...subdistricts],
  };
}
