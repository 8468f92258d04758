import { bbox as bboxOf, booleanPointInPolygon } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { type Language, nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';

/** Zones as polygons (or points where a zone has no geometry), feature id = zone index for feature-state. */
export function zoneFeatures(network: Network): FeatureCollection<Polygon | MultiPolygon | Point> {
  return {
    type: 'FeatureCollection',
    features: network.zones.map((z, i) => ({
      type: 'Feature',
      id: i,
      properties: { i },
      geometry: z.geometry ?? { type: 'Point', coordinates: z.centroid },
    })) as Feature<Polygon | MultiPolygon | Point>[],
  };
}

/** Each line as the segments its patterns run along, both directions drawn once; changes marked. */
export function lineFeatures(
  network: Network,
  base?: Network,
  lang: Language = 'en',
): FeatureCollection<MultiLineString> {
  const coord = new Map(network.stations.map((s) => [s.id, s.coord]));
  const baseLines = new Map(base?.lines.map((l) => [l.id, JSON.stringify(l)]));
  const features: Feature<MultiLineString>[] = network.lines.map((line) => {
    const seen = new Set<string>();
    const segments: [number, number][][] = [];
    for (const p of line.patterns) {
      const hops = p.loop ? p.stops.length : p.stops.length - 1;
      for (let k = 0; k < hops; k++) {
        const a = p.stops[k]!;
        const b = p.stops[(k + 1) % p.stops.length]!;
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (seen.has(key) || !coord.has(a) || !coord.has(b)) continue;
        seen.add(key);
        segments.push([coord.get(a)!, coord.get(b)!]);
      }
    }
    const changed = base
      ? !baseLines.has(line.id)
        ? 'added'
        : baseLines.get(line.id) !== JSON.stringify(line)
          ? 'modified'
          : ''
      : '';
    return {
      type: 'Feature',
      properties: {
        id: line.id,
        layer: line.layer,
        color: line.color,
        name: nameIn(line.name, lang),
        changed,
      },
      geometry: { type: 'MultiLineString', coordinates: segments },
    };
  });
  // Lines the scenario removes, drawn as ghosts.
  if (base) {
    const present = new Set(network.lines.map((l) => l.id));
    const baseCoord = new Map(base.stations.map((s) => [s.id, s.coord]));
    for (const line of base.lines) {
      if (present.has(line.id)) continue;
      const p = line.patterns[0]!;
      features.push({
        type: 'Feature',
        properties: {
          id: line.id,
          layer: line.layer,
          color: line.color,
          name: nameIn(line.name, lang),
          changed: 'removed',
        },
        geometry: {
          type: 'MultiLineString',
          coordinates: [p.stops.filter((s) => baseCoord.has(s)).map((s) => baseCoord.get(s)!)],
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function stationFeatures(network: Network, lang: Language = 'en'): FeatureCollection<Point> {
  const hubOf = new Map(network.hubs.flatMap((h) => h.stations.map((s) => [s, h.id] as const)));
  return {
    type: 'FeatureCollection',
    features: network.stations.map((s, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: s.id, layer: s.layer, hub: hubOf.has(s.id), name: nameIn(s.name, lang) },
      geometry: { type: 'Point', coordinates: s.coord },
    })),
  };
}

/** How far beyond an edge its other side is looked at (degrees, about 20 m): past hairline slivers. */
const PROBE = 0.0002;

/**
 * The outline of a set of zones: the edges of their polygons that no other zone of the set shares. An edge
 * two zones share vertex for vertex cancels out at once; one that does not match its neighbour's (a cell
 * cut at a district border beside a whole cell has extra vertices along the shared side) is dropped when
 * the ground just beyond it lies in another zone of the set. Cheaper than a polygon union and never fails
 * on slivers.
 */
export function outline(
  network: Network,
  inside: (zone: number) => boolean,
): FeatureCollection<MultiLineString | LineString> {
  const count = new Map<string, { a: number[]; b: number[]; n: number; zone: number }>();
  const key = (p: number[]) => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;
  const members: number[] = [];
  network.zones.forEach((z, i) => {
    if (!inside(i) || !z.geometry) return;
    members.push(i);
    for (const ring of rings(z.geometry)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k]!;
        const b = ring[k + 1]!;
        const ka = key(a);
        const kb = key(b);
        const id = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const entry = count.get(id);
        if (entry) entry.n++;
        else count.set(id, { a, b, n: 1, zone: i });
      }
    }
  });
  const beyond = zonesAt(network, members);
  const edges = [...count.values()].filter((e) => e.n === 1).flatMap((e) => uncovered(e, beyond));
  return {
    type: 'FeatureCollection',
    features: edges.length
      ? [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: edges } }]
      : [],
  };
}

/** Parts an edge is looked at in: a side half covered by a cut neighbour keeps its other half. */
const PARTS = 4;

/**
 * The parts of a single edge (of a zone of the set) that have no other zone of the set just beyond them,
 * joined where they follow each other.
 */
function uncovered(
  e: { a: number[]; b: number[]; zone: number },
  beyond: (p: number[], except: number) => boolean,
): number[][][] {
  const [ax, ay] = [e.a[0]!, e.a[1]!];
  const [dx, dy] = [e.b[0]! - ax, e.b[1]! - ay];
  const length = Math.hypot(dx, dy) || 1;
  const at = (f: number) => [ax + f * dx, ay + f * dy];
  const out: number[][][] = [];
  let joined = false;
  for (let k = 0; k < PARTS; k++) {
    const [mx, my] = at((k + 0.5) / PARTS);
    const covered = [1, -1].some((side) =>
      beyond([mx! - (side * dy * PROBE) / length, my! + (side * dx * PROBE) / length], e.zone),
    );
    const to = k === PARTS - 1 ? e.b : at((k + 1) / PARTS);
    if (!covered && joined) out.at(-1)![1] = to;
    else if (!covered) out.push([k === 0 ? e.a : at(k / PARTS), to]);
    joined = !covered;
  }
  return out;
}

function rings(g: NonNullable<Network['zones'][number]['geometry']>): number[][][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
}

/** Whether a point lies in one of `zones` other than `except` (a grid of their bounding boxes finds them). */
function zonesAt(network: Network, zones: number[]): (p: number[], except: number) => boolean {
  const CELL = 0.05;
  const grid = new Map<string, number[]>();
  for (const z of zones) {
    const [x0, y0, x1, y1] = bboxOf(network.zones[z]!.geometry!);
    for (let x = Math.floor(x0 / CELL); x <= Math.floor(x1 / CELL); x++)
      for (let y = Math.floor(y0 / CELL); y <= Math.floor(y1 / CELL); y++) {
        const k = `${x},${y}`;
        const list = grid.get(k);
        if (list) list.push(z);
        else grid.set(k, [z]);
      }
  }
  return (p, except) =>
    (grid.get(`${Math.floor(p[0]! / CELL)},${Math.floor(p[1]! / CELL)}`) ?? []).some(
      (z) => z !== except && booleanPointInPolygon(p, network.zones[z]!.geometry!),
    );
}
