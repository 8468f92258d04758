/**
 * Metro stations: one Station per physical station complex, joined by name with OpenStreetMap positions.
 * The timetables name a place once however many lines serve it (西直门 is one station of lines 2, 4 and
 * 13); a "(N号线)" suffix marks two different stations that share a name and are linked by an
 * out-of-station (virtual) transfer (木樨地, 大钟寺): those stay two stations.
 */
import { greatCircleMeters, type LonLat } from '../../src/domain/geo';
import type { MetroLineDraft } from './metro';
import { englishNameNear, type OsmPoint, osmData } from './osm';
import { romanized } from './pinyin';

export interface MetroStation {
  /** Timetable name. */
  key: string;
  id: string;
  name: { zh: string; en?: string };
  coord: LonLat;
  source: string;
  /** OSM ids whose positions were averaged (empty when interpolated). */
  osmIds: string[];
  lines: string[];
}

export interface Resolution {
  name: string;
  line: string;
  how: string;
}

/**
 * Names the join does not find as written, with what the OSM data calls the same place. Each is checked
 * against the line's own inter-station distances before it is used (see `checkSpacing`).
 */
export const NAME_VARIANTS: Record<string, { osmName: string; why: string }> = {
  北宫门: { osmName: '北宫门站', why: 'the GTFS station (r1664486) is named with the suffix 站' },
  泰和路: {
    osmName: '泰河路',
    why: 'OSM spells the T1 stop 泰河路 (node n8252163804, name:en Taihe Lu); it lies between 九号村 and 鹿圈东 as the timetable has it',
  },
};

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function mean(points: LonLat[]): LonLat {
  const lon = points.reduce((s, p) => s + p[0], 0) / points.length;
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
  return [round5(lon), round5(lat)];
}

function lineNumberPrefix(suffix: string): string | undefined {
  const m = /^(\d+)号线$/.exec(suffix);
  return m ? m[1]!.padStart(2, '0') : undefined;
}

export function resolveMetroStations(lines: MetroLineDraft[]): {
  stations: MetroStation[];
  resolutions: Resolution[];
  spacing: string[];
} {
  const { gtfs, objects } = osmData();
  const linesOf = new Map<string, string[]>();
  for (const l of lines)
    for (const s of l.stations) (linesOf.get(s) ?? linesOf.set(s, []).get(s)!).push(l.id);
  const names = [...linesOf.keys()];
  const found = new Map<string, { points: OsmPoint[]; how?: string }>();
  const resolutions: Resolution[] = [];

  for (const name of names) {
    const m = /^(.*)\((.+)\)$/.exec(name);
    const base = m ? m[1]! : name;
    let points = gtfs.filter((p) => p.name === base);
    if (m) {
      const prefix = lineNumberPrefix(m[2]!);
      points = points.filter((p) => p.code?.startsWith(prefix ?? '??'));
    }
    if (points.length > 0) {
      found.set(name, { points });
      continue;
    }
    const variant = NAME_VARIANTS[base];
    const wanted = variant ? [variant.osmName] : [base, `${base}站`];
    const byGtfs = gtfs.filter((p) => wanted.includes(p.name));
    const byObject = objects.filter((p) => wanted.includes(p.name));
    const hits = byGtfs.length > 0 ? byGtfs : byObject.slice(0, 1);
    if (hits.length > 0) {
      found.set(name, { points: hits });
      resolutions.push({
        name,
        line: linesOf.get(name)!.join(','),
        how: variant
          ? `name variant: ${variant.why}`
          : `not among the GTFS stations; OSM ${hits[0]!.kind === 'gtfs-station' ? 'GTFS station' : 'station node'} ${hits.map((h) => h.osmId).join(', ')} "${hits[0]!.name}"`,
      });
    }
  }

  // Stations with no OSM position in the data: placed on the straight line between their neighbours
  // (which have OSM positions) at the fraction the timetable's inter-station distances give.
  const interpolated = new Map<string, LonLat>();
  for (const name of names) {
    if (found.has(name)) continue;
    const line = lines.find((l) => l.stations.includes(name))!;
    const k = line.stations.indexOf(name);
    const prev = line.stations[k - 1];
    const next = line.stations[k + 1];
    if (!prev || !next || !found.has(prev) || !found.has(next))
      throw new Error(`no position for ${name} and none for its neighbours`);
    const a = mean(found.get(prev)!.points.map((p) => p.coord));
    const b = mean(found.get(next)!.points.map((p) => p.coord));
    const f = line.dists[k]! / (line.dists[k]! + line.dists[k + 1]!);
    interpolated.set(name, [round5(a[0] + (b[0] - a[0]) * f), round5(a[1] + (b[1] - a[1]) * f)]);
    resolutions.push({
      name,
      line: line.id,
      how: `no OSM position anywhere in the data (OSM has only an untagged or coordinate-less object); interpolated between ${prev} and ${next} at ${(f * 100).toFixed(0)} % (timetable distances ${line.dists[k]} m + ${line.dists[k + 1]} m)`,
    });
  }

  const used = new Set<string>();
  const stations: MetroStation[] = [];
  for (const l of lines) {
    l.stations.forEach((name, k) => {
      if (stations.some((s) => s.key === name)) return;
      const f = found.get(name);
      const coord = f ? mean(f.points.map((p) => p.coord)) : interpolated.get(name)!;
      const base = name.replace(/\(.+\)$/, '');
      const suffix = /\((\d+)号线\)$/.exec(name)?.[1];
      const alias = lines.map((x) => x.stationAliases[name]).find((a) => a !== undefined);
      const en = titleCase(englishNameNear(base, coord, 600, greatCircleMeters) ?? alias);
      let id = `m-${en ? slug(en) : `${l.id}-${k}`}${suffix ? `-l${suffix}` : ''}`;
      while (used.has(id)) id = `${id}-2`;
      used.add(id);
      const zh = suffix ? `${base}(${suffix}号线)` : base;
      // Without an English name in the data, the Chinese one in pinyin (the id stays the line's and index).
      const english = en ?? romanized(base);
      const position = f
        ? `OSM ${f.points.map((p) => p.osmId).join(', ')} (${f.points[0]!.kind === 'gtfs-station' ? 'GTFS station' : 'station node'}, joined by name); © OpenStreetMap contributors`
        : `interpolated between OSM positions of its neighbours by timetable distances (no OSM position in the data)`;
      stations.push({
        key: name,
        id,
        name: { zh, en: suffix ? `${english} (Line ${suffix})` : english },
        coord,
        source: en ? position : `${position}; English name: the Chinese in pinyin (none in the data)`,
        osmIds: f ? f.points.map((p) => p.osmId) : [],
        lines: linesOf.get(name)!,
      });
    });
  }
  return { stations, resolutions, spacing: checkSpacing(lines, stations) };
}

/**
 * A name join is right when the positions agree with the line's own geometry: the great-circle distance
 * between consecutive stations is at most the track distance (plus 300 m of slack for positions taken at
 * station centres) and not below a third of it. Returns the hops that disagree.
 */
export function checkSpacing(lines: MetroLineDraft[], stations: MetroStation[]): string[] {
  const at = new Map(stations.map((s) => [s.key, s.coord]));
  const out: string[] = [];
  for (const l of lines) {
    for (let k = 1; k < l.stations.length; k++) {
      const d = l.dists[k]!;
      const gc = greatCircleMeters(at.get(l.stations[k - 1]!)!, at.get(l.stations[k]!)!);
      if (gc > d + 300 || gc < d / 3)
        out.push(`${l.id} ${l.stations[k - 1]}→${l.stations[k]}: ${Math.round(gc)} m apart, track ${d} m`);
    }
  }
  return out;
}

/**
 * A few OSM name:en tags are in capitals (TIANGONGYUAN); written as the others are (Tiangongyuan). Codes
 * (PEK T3) stay: a name is recased only when every word is letters only and longer than three.
 */
function titleCase(name: string | undefined): string | undefined {
  if (
    name === undefined ||
    name !== name.toUpperCase() ||
    !name.split(/\s+/).every((w) => /^[A-Z'-]{4,}$/.test(w))
  )
    return name;
  return name.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}
