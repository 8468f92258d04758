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

/**
 * The outline of a set of zones: the edges of their polygons that no other zone of the set shares. Exact
 * for tessellations (a hexagon grid, administrative units) whose neighbours share vertices; cheaper than a
 * polygon union and never fails on slivers.
 */
export function outline(
  network: Network,
  inside: (zone: number) => boolean,
): FeatureCollection<MultiLineString | LineString> {
  const count = new Map<string, { a: number[]; b: number[]; n: number }>();
  const key = (p: number[]) => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;
  network.zones.forEach((z, i) => {
    if (!inside(i) || !z.geometry) return;
    const polygons = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const a = ring[k]!;
          const b = ring[k + 1]!;
          const ka = key(a);
          const kb = key(b);
          const id = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
          const entry = count.get(id);
          if (entry) entry.n++;
          else count.set(id, { a, b, n: 1 });
        }
      }
    }
  });
  const edges = [...count.values()].filter((e) => e.n === 1).map((e) => [e.a, e.b]);
  return {
    type: 'FeatureCollection',
    features: edges.length
      ? [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: edges } }]
      : [],
  };
}
