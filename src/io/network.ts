import { centroid } from '@turf/turf';
import type { LonLat } from '../domain/geo';
import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Zone } from '../domain/zone';
import { parseJson } from './json';
import { checkNetworkGeography, checkNetworkReferences } from './networkChecks';
import { failed, type LoadResult } from './result';
import { networkSchema, SIBLING_ZONES_FILE, zonesFileSchema } from './schema/network';
import { validate } from './zodIssues';

export interface NetworkSource {
  /** The network file's name as the user knows it; every message names it. */
  file: string;
  text: string;
  /** The sibling `<id>.zones.geojson`, when the network keeps its zones there. */
  zones?: { file: string; text: string };
}

/**
 * Parse and validate a commuteshed.network/1 file (and its zones file): every problem in both, with
 * JSON paths, or the network. Never a partial network, never an exception for bad input.
 */
export function loadNetwork(source: NetworkSource): LoadResult<Network> {
  const parsed = parseJson(source.text);
  if (!parsed.ok) return failed(source.file, parsed.issues);
  const structure = validate(networkSchema, parsed.value);
  const issues: Issue[] = structure.success ? [] : [...structure.issues];
  issues.push(...checkNetworkReferences(parsed.value));
  if (issues.length > 0 || !structure.success) return failed(source.file, issues);

  const network = structure.data as Network;
  const geography = checkNetworkGeography(network);
  if (geography.length > 0) return failed(source.file, geography);
  if (network.zonesFile === undefined) {
    const regions = regionIssues(network, network.zones ?? []);
    if (regions.length > 0) return failed(source.file, regions);
    return loaded({ ...network, zones: network.zones ?? [] });
  }
  if (!source.zones) {
    return failed(source.file, [
      {
        path: '$.zonesFile',
        message: `the zones file "${network.zonesFile}" was not given; open it together with the network`,
      },
    ]);
  }
  const zones = loadZones(source.zones.text);
  if (!zones.ok) return failed(source.zones.file, zones.issues);
  const zoneIds = new Set(zones.value.map((z) => z.id));
  const coreIssues = network.core.flatMap((area, a) =>
    area.zones.flatMap((z, k) =>
      zoneIds.has(z)
        ? []
        : [
            {
              path: `$.core[${a}].zones[${k}]`,
              message: `unknown zone "${z}" (not in ${source.zones!.file})`,
            },
          ],
    ),
  );
  coreIssues.push(...regionIssues(network, zones.value));
  if (coreIssues.length > 0) return failed(source.file, coreIssues);
  return loaded({ ...network, zones: zones.value });
}

/** A network that loads, with what a planner should hear about it. */
function loaded(network: Network): LoadResult<Network> {
  const warnings: Issue[] = [];
  if (network.core.length === 0)
    warnings.push({
      path: '$.core',
      message:
        'no core zones: time to the core and the 1-hour commute circle cannot be computed (name the core zones)',
    });
  if (network.lines.length === 0)
    warnings.push({ path: '$.lines', message: 'no rail lines: every trip is a walk' });
  return warnings.length > 0 ? { ok: true, value: network, warnings } : { ok: true, value: network };
}

/**
 * The sibling zones file a network's text names (top-level `zonesFile`, a plain file name), or undefined.
 * Read from the parsed document, never by searching the text: a "zonesFile" key nested anywhere else (a
 * note, a name) is not the network's, and a malformed one is the validator's to report.
 */
export function zonesFileOf(text: string): string | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') return undefined;
  const name = (parsed.value as Record<string, unknown>).zonesFile;
  return typeof name === 'string' && SIBLING_ZONES_FILE.test(name) ? name : undefined;
}

/**
 * A region's district that no zone has is a typo, not an empty region; so is an unknown calibration or
 * net-inflow region.
 */
function regionIssues(network: Network, zones: readonly Zone[]): Issue[] {
  const districts = new Set(zones.map((z) => z.district));
  const calibration = network.assumptions?.demand?.calibration?.region;
  const regions = network.regions ?? [];
  const known = (id: string) => regions.some((r) => r.id === id);
  const unknown = (id: string) =>
    `no region "${id}" (regions: ${regions.map((r) => r.id).join(', ') || 'none'})`;
  return [
    ...regions.flatMap((r, a) =>
      r.districts.flatMap((d, k) =>
        districts.has(d)
          ? []
          : [{ path: `$.regions[${a}].districts[${k}]`, message: `no zone has district "${d}"` }],
      ),
    ),
    ...(calibration === undefined || known(calibration)
      ? []
      : [{ path: '$.assumptions.demand.calibration.region', message: unknown(calibration) }]),
    ...(network.assumptions?.demand?.netInflow ?? []).flatMap((x, k) =>
      known(x.region)
        ? []
        : [{ path: `$.assumptions.demand.netInflow[${k}].region`, message: unknown(x.region) }],
    ),
  ];
}

/** Zones from a GeoJSON FeatureCollection whose properties carry id, population and jobs. */
export function loadZones(text: string): { ok: true; value: Zone[] } | { ok: false; issues: Issue[] } {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const result = validate(zonesFileSchema, parsed.value);
  if (!result.success) return { ok: false, issues: result.issues };
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const zones = result.data.features.map((f, k): Zone => {
    const p = f.properties;
    if (seen.has(p.id))
      issues.push({ path: `$.features[${k}].properties.id`, message: `duplicate zone id "${p.id}"` });
    seen.add(p.id);
    const zone: Zone = {
      id: p.id,
      centroid: (p.centroid as LonLat | undefined) ?? (centroid(f.geometry).geometry.coordinates as LonLat),
      population: p.population,
      jobs: p.jobs,
      geometry: f.geometry,
    };
    if (p.name) zone.name = p.name;
    if (p.workers !== undefined) zone.workers = p.workers;
    if (p.district !== undefined) zone.district = p.district;
    if (p.class !== undefined) zone.class = p.class;
    return zone;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: zones };
}

/** The network as a file: zones inline (a network loaded from a zones file is written self-contained). */
export function serializeNetwork(network: Network): string {
  const { zonesFile: _, ...rest } = network;
  return `${JSON.stringify(rest, null, 1)}\n`;
}
