import type { LonLat } from '../domain/geo';
import type { Issue } from '../domain/issue';
import type { LocalizedName } from '../domain/names';
import type { Network } from '../domain/network';
import type { ZoneGeometry } from '../domain/zone';
import type { NamedArea } from '../metrics/districts';
import { parseJson } from './json';
import { failed, type LoadResult } from './result';
import { boundariesFileSchema } from './schema/boundaries';
import { validate } from './zodIssues';

/** One district or subdistrict: names, where its name goes, its outline (null: no boundary known). */
export interface AreaShape extends NamedArea {
  name: LocalizedName;
  label: LonLat;
  geometry: ZoneGeometry | null;
}

/** A network's administrative areas, for the map's orientation layer and the district tables. */
export interface Boundaries {
  network: string;
  attribution: { text: string; url?: string; licence?: string }[];
  districts: AreaShape[];
  subdistricts: AreaShape[];
}

/**
 * Parse and validate a commuteshed.boundaries/1 file against the network it is for: every problem at once
 * (codes given twice, a subdistrict in an unknown district, zones the network does not have or that two
 * subdistricts claim), with JSON paths; never a partial value.
 */
export function loadBoundaries(file: string, text: string, network: Network): LoadResult<Boundaries> {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(file, parsed.issues);
  const result = validate(boundariesFileSchema, parsed.value);
  if (!result.success) return failed(file, result.issues);
  const doc = result.data;
  const issues: Issue[] = [];
  if (doc.network !== network.id)
    issues.push({ path: '$.network', message: `is for network "${doc.network}", not "${network.id}"` });
  const zoneIds = new Set(network.zones.map((z) => z.id));
  const seen = new Map<string, number>();
  const claimed = new Map<string, number>();
  const districts = new Set(
    doc.features.filter((f) => f.properties.level === 'district').map((f) => f.properties.code),
  );
  const out: Boundaries = {
    network: doc.network,
    attribution: doc.attribution,
    districts: [],
    subdistricts: [],
  };
  doc.features.forEach((f, k) => {
    const p = f.properties;
    const at = `$.features[${k}].properties`;
    const key = `${p.level}:${p.code}`;
    if (seen.has(key))
      issues.push({
        path: `${at}.code`,
        message: `${p.level} "${p.code}" is also features[${seen.get(key)}]`,
      });
    seen.set(key, k);
    const shape: AreaShape = {
      code: p.code,
      name: p.name,
      label: p.label as LonLat,
      geometry: f.geometry as ZoneGeometry | null,
    };
    if (p.level === 'district') {
      out.districts.push(shape);
      return;
    }
    if (!districts.has(p.district))
      issues.push({ path: `${at}.district`, message: `unknown district "${p.district}" (no such feature)` });
    p.zones.forEach((zone, j) => {
      if (!zoneIds.has(zone))
        issues.push({ path: `${at}.zones[${j}]`, message: `unknown zone "${zone}" (not in the network)` });
      else if (claimed.has(zone))
        issues.push({
          path: `${at}.zones[${j}]`,
          message: `zone "${zone}" is also in features[${claimed.get(zone)}]`,
        });
      claimed.set(zone, k);
    });
    out.subdistricts.push({ ...shape, district: p.district, zones: p.zones });
  });
  return issues.length > 0 ? failed(file, issues) : { ok: true, value: out };
}

/** District names by code (the zones' \`district\`), for the demand report's districts. */
export function districtNames(b: Boundaries): Map<string, LocalizedName> {
  return new Map(b.districts.map((d) => [d.code, d.name]));
}
