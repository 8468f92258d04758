/**
 * Zones: a hexagonal grid, 1.5 km between centres where the land is built up and 3 km elsewhere, cut
 * where a cell spans two population units (so every zone belongs to one district or county), empty cells
 * dropped. Population and jobs are first placed on a 250 m sample lattice, then summed per zone:
 *
 * - Beijing: each sample lies in one subdistrict (bj-subdistricts-thebamboogrove, rasterised). A sample is
 *   urban when it is in a 街道 within 3 km of the subdistrict's label point or 1.5 km of a station, or in
 *   a 镇/乡 within 1.2 km of its label point (the town seat) or 1 km of a station; otherwise rural. Each
 *   district's census urban population is spread evenly over its urban samples, its rural population over
 *   its rural samples.
 * - Outside Beijing (no boundaries in the data): each unit's urban population is spread over a disc around
 *   each OSM anchor sized by an assumed urban density, its rural population over an 8 km ring around that,
 *   samples going to the nearest anchor and never to land inside Beijing.
 */

import { join } from 'node:path';
import { bboxClip, difference, featureCollection, intersect, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { greatCircleMeters, type LonLat } from '../../src/domain/geo';
import { HexGrid, Lattice, project, round5, unproject } from './grid';
import type { Unit } from './population';
import { RAW, readJson } from './raw';

export const FINE_SPACING = 1500;
export const COARSE_SPACING = 3000;
export const SAMPLE = 250;
export const STREET_CORE_M = 3000;
export const STREET_STATION_M = 1500;
export const SEAT_M = 1200;
export const TOWN_STATION_M = 1000;
export const RURAL_RING_M = 8000;
/** A fine cell is used where at least this share of its samples is urban. */
export const FINE_URBAN_SHARE = 0.5;

interface SubdistrictFeature {
  properties: {
    Name: string;
    pinyin: string;
    code: number;
    parentCode: number;
    labelPoint: [number, number];
  };
  geometry: Polygon | MultiPolygon;
}

export interface Subdistrict {
  name: string;
  /** English name from the source's pinyin: 东华门街道 donghuamenjiedao → "Donghuamen Subdistrict". */
  en: string;
  code: string;
  district: string;
  street: boolean;
  label: LonLat;
  geometry: Polygon | MultiPolygon;
}

export interface ZoneOut {
  id: string;
  name: { zh: string; en?: string };
  centroid: LonLat;
  /** Fractional until rounded per unit. */
  population: number;
  jobs: number;
  /** Employed residents: the unit's (long-form industry total × LONG_FORM_RATE) spread by population. */
  workers?: number;
  district: string;
  /** Fine cells (mostly urban land) are urban, coarse cells rural: the zone class of DESIGN.md §2.1. */
  class: 'urban' | 'rural';
  /** Beijing: the code of the subdistrict holding most of its population (the one it is named after). */
  subdistrict?: string;
  geometry: Polygon | MultiPolygon;
}

export interface SampleField {
  lattice: Lattice;
  /** Unit index per sample (−1 outside every unit). */
  unit: Int16Array;
  /** Subdistrict index per sample (Beijing), −1 otherwise. */
  sub: Int16Array;
  urban: Uint8Array;
  population: Float64Array;
  jobs: Float64Array;
}

export function subdistricts(): Subdistrict[] {
  const fc = readJson<{ features: SubdistrictFeature[] }>(
    join(RAW.subdistricts, 'bj_subdistricts_343.geojson'),
  );
  return fc.features
    .map((f) => ({
      name: f.properties.Name,
      en: englishName(f.properties.Name, f.properties.pinyin),
      code: String(f.properties.code),
      district: String(f.properties.parentCode).slice(0, 6),
      street: f.properties.Name.endsWith('街道'),
      label: [f.properties.labelPoint[1], f.properties.labelPoint[0]] as LonLat,
      geometry: f.geometry,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** The unit kinds of the subdistrict layer, with their pinyin endings and the usual English terms. */
const SUBDISTRICT_KINDS: [zh: string, pinyin: string, en: string][] = [
  ['街道', 'jiedao', 'Subdistrict'],
  ['镇', 'zhen', 'Town'],
  ['乡', 'xiang', 'Township'],
];

/** A subdistrict's English name: its pinyin place name, capitalised, and its kind (as official romanisation). */
export function englishName(zh: string, pinyin: string): string {
  const kind = SUBDISTRICT_KINDS.find(([z, p]) => zh.endsWith(z) && pinyin.endsWith(p));
  if (!kind) throw new Error(`subdistrict ${zh}: pinyin "${pinyin}" does not end with its kind`);
  const place = pinyin.slice(0, -kind[1].length);
  return `${place.charAt(0).toUpperCase()}${place.slice(1)} ${kind[2]}`;
}

function projectedRings(g: Polygon | MultiPolygon): [number, number][][][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map((p) => project(p as LonLat))));
}

/** Indices of points within `meters` of (x, y), from a bucket grid. */
class PointIndex {
  private readonly buckets = new Map<string, number[]>();
  constructor(
    private readonly points: [number, number][],
    private readonly cell: number,
  ) {
    points.forEach(([x, y], k) => {
      const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
      (this.buckets.get(key) ?? this.buckets.set(key, []).get(key)!).push(k);
    });
  }

  within(x: number, y: number, meters: number): boolean {
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    const reach = Math.ceil(meters / this.cell);
    for (let i = cx - reach; i <= cx + reach; i++) {
      for (let j = cy - reach; j <= cy + reach; j++) {
        for (const k of this.buckets.get(`${i},${j}`) ?? []) {
          const [px, py] = this.points[k]!;
          if ((px - x) ** 2 + (py - y) ** 2 <= meters * meters) return true;
        }
      }
    }
    return false;
  }
}

/** Place every unit's population on the sample lattice (see the module comment). */
export function placePopulation(units: Unit[], subs: Subdistrict[], stations: LonLat[]): SampleField {
  const box = { minLon: 115.3, maxLon: 117.75, minLat: 38.75, maxLat: 41.15 };
  const [x0, y0] = project([box.minLon, box.minLat]);
  const [x1, y1] = project([box.maxLon, box.maxLat]);
  const lattice = new Lattice(x0, y0, x1, y1, SAMPLE);
  const unit = new Int16Array(lattice.size).fill(-1);
  const sub = new Int16Array(lattice.size).fill(-1);
  const urban = new Uint8Array(lattice.size);
  const population = new Float64Array(lattice.size);
  const jobs = new Float64Array(lattice.size);
  const unitIndex = new Map(units.map((u, k) => [u.code, k]));
  const stationIndex = new PointIndex(stations.map(project), 1000);

  subs.forEach((s, k) => {
    const u = unitIndex.get(s.district);
    if (u === undefined) throw new Error(`subdistrict ${s.name}: unknown district ${s.district}`);
    const [lx, ly] = project(s.label);
    for (const rings of projectedRings(s.geometry)) {
      lattice.rasterise(rings, (i) => {
        if (sub[i] !== -1) return;
        sub[i] = k;
        unit[i] = u;
        const x = lattice.x(i % lattice.cols);
        const y = lattice.y(Math.floor(i / lattice.cols));
        const fromLabel = Math.hypot(x - lx, y - ly);
        urban[i] = s.street
          ? fromLabel <= STREET_CORE_M || stationIndex.within(x, y, STREET_STATION_M)
            ? 1
            : 0
          : fromLabel <= SEAT_M || stationIndex.within(x, y, TOWN_STATION_M)
            ? 1
            : 0;
      });
    }
  });

  // Outside Beijing: nearest anchor within its disc + ring.
  const anchors = units.flatMap((u, k) =>
    (u.anchors ?? []).map((a) => {
      const urbanArea = (u.urban * a.share) / u.urbanDensity!; // km²
      const rUrban = Math.sqrt(urbanArea / Math.PI) * 1000;
      return { unit: k, share: a.share, xy: project(a.coord), rUrban, rOuter: rUrban + RURAL_RING_M };
    }),
  );
  const anchorOf = new Int16Array(lattice.size).fill(-1);
  for (let j = 0; j < lattice.rows; j++) {
    for (let i = 0; i < lattice.cols; i++) {
      const idx = j * lattice.cols + i;
      if (unit[idx] !== -1) continue;
      const x = lattice.x(i);
      const y = lattice.y(j);
      let best = -1;
      let bestD = Infinity;
      anchors.forEach((a, k) => {
        const d = Math.hypot(x - a.xy[0], y - a.xy[1]);
        if (d <= a.rOuter && d < bestD) {
          best = k;
          bestD = d;
        }
      });
      if (best < 0) continue;
      anchorOf[idx] = best;
      unit[idx] = anchors[best]!.unit;
      urban[idx] = bestD <= anchors[best]!.rUrban ? 1 : 0;
    }
  }

  // Spread: Beijing per district over its urban / rural samples; outside per anchor (its share).
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number) => (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  for (let i = 0; i < lattice.size; i++) {
    const u = unit[i]!;
    if (u < 0) continue;
    const key = units[u]!.beijing ? `${u}` : `${u}/${anchorOf[i]}`;
    add(`${key}|${urban[i]}`, i);
  }
  const spread = (key: string, amount: number, fallbackKey: string) => {
    const list = groups.get(key) ?? groups.get(fallbackKey);
    if (!list || list.length === 0) throw new Error(`no land for ${key}`);
    const each = amount / list.length;
    for (const i of list) population[i] += each;
  };
  units.forEach((u, k) => {
    if (u.beijing) {
      spread(`${k}|1`, u.urban, `${k}|0`);
      spread(`${k}|0`, u.rural, `${k}|1`);
    } else {
      anchors.forEach((a, ak) => {
        if (a.unit !== k) return;
        spread(`${k}/${ak}|1`, u.urban * a.share, `${k}/${ak}|0`);
        spread(`${k}/${ak}|0`, u.rural * a.share, `${k}/${ak}|1`);
      });
    }
  });
  return { lattice, unit, sub, urban, population, jobs };
}

type CellKey = string;

/**
 * Cut the sample field into zones: fine cells where at least half the samples are urban, coarse cells
 * elsewhere, one zone per (cell, unit); geometry = the hexagon (a coarse one less its fine cells), cut to
 * the Beijing district it belongs to where a cell spans a border. Zones with no population and no jobs
 * are dropped.
 */
export function buildZones(
  field: SampleField,
  units: Unit[],
  subs: Subdistrict[],
  districtShapes: Map<string, Feature<Polygon | MultiPolygon>>,
): ZoneOut[] {
  const { lattice, unit, sub, urban, population, jobs } = field;
  const fine = new HexGrid(FINE_SPACING);
  const coarse = new HexGrid(COARSE_SPACING);
  const fineStats = new Map<CellKey, { n: number; urban: number }>();
  const fineOf = new Int32Array(lattice.size * 2);
  for (let i = 0; i < lattice.size; i++) {
    if (unit[i]! < 0) continue;
    const x = lattice.x(i % lattice.cols);
    const y = lattice.y(Math.floor(i / lattice.cols));
    const [q, r] = fine.cellOf(x, y);
    fineOf[2 * i] = q;
    fineOf[2 * i + 1] = r;
    const key = `${q},${r}`;
    const s = fineStats.get(key) ?? fineStats.set(key, { n: 0, urban: 0 }).get(key)!;
    s.n++;
    s.urban += urban[i]!;
  }
  const cellArea = (FINE_SPACING * FINE_SPACING * Math.sqrt(3)) / 2 / (SAMPLE * SAMPLE);
  const activeFine = new Set(
    [...fineStats].filter(([, s]) => s.urban >= FINE_URBAN_SHARE * cellArea).map(([k]) => k),
  );

  interface Acc {
    kind: 'f' | 'c';
    q: number;
    r: number;
    unit: number;
    pop: number;
    jobs: number;
    n: number;
    sx: number;
    sy: number;
    px: number;
    py: number;
    subPop: Map<number, number>;
  }
  const accs = new Map<string, Acc>();
  for (let i = 0; i < lattice.size; i++) {
    const u = unit[i]!;
    if (u < 0) continue;
    const x = lattice.x(i % lattice.cols);
    const y = lattice.y(Math.floor(i / lattice.cols));
    const fq = fineOf[2 * i]!;
    const fr = fineOf[2 * i + 1]!;
    let kind: 'f' | 'c' = 'f';
    let q = fq;
    let r = fr;
    if (!activeFine.has(`${fq},${fr}`)) {
      kind = 'c';
      [q, r] = coarse.cellOf(x, y);
    }
    const key = `${kind}${q},${r}|${u}`;
    let a = accs.get(key);
    if (!a) {
      a = { kind, q, r, unit: u, pop: 0, jobs: 0, n: 0, sx: 0, sy: 0, px: 0, py: 0, subPop: new Map() };
      accs.set(key, a);
    }
    const p = population[i]!;
    a.pop += p;
    a.jobs += jobs[i]!;
    a.n++;
    a.sx += x;
    a.sy += y;
    a.px += p * x;
    a.py += p * y;
    const s = sub[i]!;
    a.subPop.set(s, (a.subPop.get(s) ?? 0) + p + 1e-9);
  }
  const unitsPerCell = new Map<string, number>();
  for (const a of accs.values()) {
    const ck = `${a.kind}${a.q},${a.r}`;
    unitsPerCell.set(ck, (unitsPerCell.get(ck) ?? 0) + 1);
  }
  // Coarse hexes lose the area of the fine cells inside them.
  const fineByCoarse = new Map<string, string[]>();
  for (const k of activeFine) {
    const [q, r] = k.split(',').map(Number) as [number, number];
    const [cx, cy] = fine.centre(q, r);
    const touched = new Set<string>();
    for (let a = 0; a < 6; a++) {
      const ang = (Math.PI / 180) * (60 * a - 30);
      touched.add(
        coarse
          .cellOf(cx + fine.size * 0.999 * Math.cos(ang), cy + fine.size * 0.999 * Math.sin(ang))
          .join(','),
      );
    }
    touched.add(coarse.cellOf(cx, cy).join(','));
    for (const t of touched) (fineByCoarse.get(t) ?? fineByCoarse.set(t, []).get(t)!).push(k);
  }

  const zones: ZoneOut[] = [];
  const sorted = [...accs.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.q - b.q || a.r - b.r || a.unit - b.unit,
  );
  for (const a of sorted) {
    if (a.pop <= 0 && a.jobs <= 0) continue;
    const u = units[a.unit]!;
    const grid = a.kind === 'f' ? fine : coarse;
    let geometry: Polygon | MultiPolygon = { type: 'Polygon', coordinates: [grid.ring(a.q, a.r)] };
    if (a.kind === 'c') {
      const holes = fineByCoarse.get(`${a.q},${a.r}`) ?? [];
      if (holes.length > 0) {
        const cut = difference(
          featureCollection([
            polygon(geometry.coordinates as number[][][]),
            ...holes.map((k) => {
              const [q, r] = k.split(',').map(Number) as [number, number];
              return polygon([fine.ring(q, r)]);
            }),
          ]),
        );
        if (cut) geometry = cut.geometry;
      }
    }
    const ck = `${a.kind}${a.q},${a.r}`;
    const split = (unitsPerCell.get(ck) ?? 1) > 1;
    if (split && u.beijing) {
      const shape = districtShapes.get(u.code);
      if (shape) {
        const ring = geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
        const xs = ring.map((p) => p[0]!);
        const ys = ring.map((p) => p[1]!);
        const clippedShape = bboxClip(shape, [
          Math.min(...xs) - 1e-4,
          Math.min(...ys) - 1e-4,
          Math.max(...xs) + 1e-4,
          Math.max(...ys) + 1e-4,
        ]).geometry;
        const clipped =
          clippedShape.type === 'Polygon' || clippedShape.type === 'MultiPolygon'
            ? cleanGeometry(clippedShape)
            : undefined;
        if (clipped) {
          try {
            const cut = intersect(
              featureCollection([
                { type: 'Feature', properties: {}, geometry },
                { type: 'Feature', properties: {}, geometry: clipped },
              ]),
            );
            if (cut) geometry = cut.geometry;
          } catch {
            // A degenerate clip (hairline slivers between traced polygons): keep the uncut cell.
          }
        }
      }
    }
    const centroid =
      a.pop > 0 ? unproject([a.px / a.pop, a.py / a.pop]) : unproject([a.sx / a.n, a.sy / a.n]);
    let name: { zh: string; en?: string } = { zh: u.name.zh, en: u.name.en };
    let sub: Subdistrict | undefined;
    if (u.beijing) {
      const top = [...a.subPop].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
      sub = subs[top];
      if (sub) name = { zh: `${u.name.zh} ${sub.name}`, en: `${sub.en}, ${u.name.en}` };
    }
    zones.push({
      id: `${a.kind}${a.q}_${a.r}${split ? `-${u.codes[0]}` : ''}`,
      name,
      centroid: [round5(centroid[0]), round5(centroid[1])],
      population: a.pop,
      jobs: a.jobs,
      district: u.code,
      class: a.kind === 'f' ? 'urban' : 'rural',
      ...(sub && { subdistrict: sub.code }),
      geometry: roundGeometry(geometry),
    });
  }
  return zones;
}

/** Drop rings with fewer than four positions (and polygons left without an outer ring). */
function cleanGeometry(g: Polygon | MultiPolygon): MultiPolygon | undefined {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return polys.length > 0 ? { type: 'MultiPolygon', coordinates: polys } : undefined;
}

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: number[][]) => {
    const out: number[][] = [];
    for (const p of r) {
      const q = [round5(p[0]!), round5(p[1]!)];
      const last = out.at(-1);
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

/** Beijing district shapes, built from the subdistricts (the district outlines overlap at 首都机场). */
export function districtShapes(subs: Subdistrict[]): Map<string, Feature<Polygon | MultiPolygon>> {
  const out = new Map<string, Feature<Polygon | MultiPolygon>>();
  const byDistrict = new Map<string, Subdistrict[]>();
  for (const s of subs)
    (byDistrict.get(s.district) ?? byDistrict.set(s.district, []).get(s.district)!).push(s);
  for (const [code, list] of byDistrict) {
    const coords = list.flatMap((s) =>
      s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates,
    );
    out.set(code, {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: coords },
    });
  }
  return out;
}

export { greatCircleMeters };
