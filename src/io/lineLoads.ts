/**
 * Line loads as planners take them away (DESIGN.md §3.1 step 4): one row per line × direction × segment
 * between consecutive stops, with the estimated riders before and after a scenario. The same rows make the
 * CSV, the GeoJSON (a LineString per segment) and the app's load map, so all three show the same numbers.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { LineReport } from '../demand/report';
import { greatCircleMeters, type LonLat } from '../domain/geo';
import type { LayerId } from '../domain/layer';
import type { LocalizedName } from '../domain/names';
import type { Network } from '../domain/network';
import type { Station } from '../domain/station';
import { tableCsv, type ZoneTable } from './exports';

/** The networks the loads were computed on: the baseline and, with a scenario, the network it makes. */
export interface LoadNetworks {
  baseline: Network;
  scenario?: Network;
}

/** One segment of a line in one direction, its riders on each side. */
export interface LineLoad {
  line: string;
  name: LocalizedName;
  layer: LayerId;
  color: string;
  direction: 0 | 1;
  from: Station;
  to: Station;
  /** Great-circle length, km (as passenger-km count it), to the metre. */
  km: number;
  /**
   * Riders to 0.1 (estimates: whole commuters are not implied); 0 where the side runs the segment and
   * nobody rides it, null where the side does not run it (a new line before, a removed one after).
   */
  baseline: number | null;
  /** Present when the loads have a scenario. */
  scenario?: number | null;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** A line's hops in one network, per direction, in pattern and stop order (loops close on their first stop). */
function hopsOf(
  network: Network | undefined,
  line: string,
): { direction: 0 | 1; from: string; to: string }[] {
  const l = network?.lines.find((x) => x.id === line);
  if (!l) return [];
  return l.patterns.flatMap((p) =>
    p.stops.flatMap((from, k) => {
      const next = k + 1 < p.stops.length ? k + 1 : p.loop ? 0 : -1;
      return next < 0 ? [] : [{ direction: p.direction, from, to: p.stops[next]! }];
    }),
  );
}

const keyOf = (s: { direction: number; from: string; to: string }) => `${s.direction}|${s.from}|${s.to}`;

/**
 * Every segment of every line of the report (its order: the networks' lines, the scenario's new ones
 * last), direction 0 before 1, in the order its patterns run: the baseline's segments, then those only the
 * scenario runs. A segment a side's network runs but the report has no riders on carries 0 (the assignment
 * lists loaded segments only); one the side does not run carries null.
 */
export function lineLoads(lines: readonly LineReport[], networks: LoadNetworks): LineLoad[] {
  const withScenario = networks.scenario !== undefined;
  const stations = new Map(
    [...(networks.scenario?.stations ?? []), ...networks.baseline.stations].map((s) => [s.id, s] as const),
  );
  const stationOf = (id: string) => {
    const s = stations.get(id);
    if (!s) throw new Error(`line loads: station "${id}" is in neither network`);
    return s;
  };
  return lines.flatMap((l) => {
    const sides = [
      { runs: l.baseline !== null, net: networks.baseline, segments: l.segments.baseline },
      ...(withScenario
        ? [{ runs: l.scenario != null, net: networks.scenario, segments: l.segments.scenario ?? [] }]
        : []),
    ].map((side) => {
      const riders = new Map(side.segments.map((s) => [keyOf(s), s.riders]));
      const hops = side.runs ? [...hopsOf(side.net, l.line), ...side.segments] : [];
      return { riders, served: new Set(hops.map(keyOf)), hops };
    });
    const order = new Map<string, { direction: 0 | 1; from: string; to: string }>();
    for (const side of sides) for (const h of side.hops) if (!order.has(keyOf(h))) order.set(keyOf(h), h);
    const segments = [...order.values()].sort((a, b) => a.direction - b.direction);
    return segments.map((s): LineLoad => {
      const k = keyOf(s);
      const [b, after] = sides.map((side) => (side.served.has(k) ? tenth(side.riders.get(k) ?? 0) : null));
      const from = stationOf(s.from);
      const to = stationOf(s.to);
      const load: LineLoad = {
        line: l.line,
        name: l.name,
        layer: l.layer,
        color: l.color,
        direction: s.direction,
        from,
        to,
        km: Math.round(greatCircleMeters(from.coord, to.coord)) / 1000,
        baseline: b!,
      };
      if (withScenario) load.scenario = after!;
      return load;
    });
  });
}

/** Scenario − baseline riders; a side that does not run the segment counts 0 (a new line gains all). */
export function loadChange(l: LineLoad): number | null {
  if (l.scenario === undefined || (l.baseline === null && l.scenario === null)) return null;
  return tenth((l.scenario ?? 0) - (l.baseline ?? 0));
}

/** The columns of CSV and GeoJSON: ids, names (en, zh), layer, direction, km, then riders per side. */
export function lineLoadTable(loads: readonly LineLoad[], withScenario: boolean): ZoneTable {
  const columns = [
    'line',
    'line_en',
    'line_zh',
    'layer',
    'direction',
    'from',
    'from_en',
    'from_zh',
    'to',
    'to_en',
    'to_zh',
    'km',
    'baseline_riders',
    ...(withScenario ? ['scenario_riders', 'delta_riders'] : []),
  ];
  const rows = loads.map((l) => [
    l.line,
    l.name.en ?? null,
    l.name.zh ?? null,
    l.layer,
    l.direction,
    l.from.id,
    l.from.name.en ?? null,
    l.from.name.zh ?? null,
    l.to.id,
    l.to.name.en ?? null,
    l.to.name.zh ?? null,
    l.km,
    l.baseline,
    ...(withScenario ? [l.scenario ?? null, loadChange(l)] : []),
  ]);
  return { columns, rows };
}

/** What the numbers are: carried with the GeoJSON (foreign member) and named in the file names. */
export interface LineLoadsMeta {
  network: string;
  scenario: { id: string; name: string } | null;
  period: string;
  term: 'short' | 'long';
}

/** Line loads as CSV (as the zones' CSV: RFC 4180, CRLF, a BOM for the Chinese names; empty = not run). */
export function lineLoadsCsv(loads: readonly LineLoad[], withScenario: boolean): string {
  return tableCsv(lineLoadTable(loads, withScenario));
}

/**
 * Line loads as GeoJSON: a LineString per segment, from its first stop to its second, with the CSV's
 * columns as properties, and what they are as a foreign member `commuteshed` (RFC 7946 §6.1).
 */
export function lineLoadsGeoJson(
  loads: readonly LineLoad[],
  withScenario: boolean,
  meta: LineLoadsMeta,
): FeatureCollection<LineString> & { commuteshed: object } {
  const { columns, rows } = lineLoadTable(loads, withScenario);
  const features = loads.map(
    (l, k): Feature<LineString> => ({
      type: 'Feature',
      properties: Object.fromEntries(columns.map((c, i) => [c, rows[k]![i]])),
      geometry: { type: 'LineString', coordinates: [l.from.coord, l.to.coord] as LonLat[] },
    }),
  );
  return {
    type: 'FeatureCollection',
    commuteshed: {
      format: 'commuteshed.lineLoads/1',
      ...meta,
      estimate: true,
      units: {
        km: 'great-circle kilometres between the two stops',
        riders: "commuters on the segment in a working day's morning commute (model estimate)",
      },
    },
    features,
  };
}
