import type { LocalizedName } from '../domain/names';
import type { Zone } from '../domain/zone';
import { metricChanges, type PeopleChanging, peopleChanging } from './comparison';
import type { ZoneMetricsTable } from './originMetrics';
import { type SummaryOptions, summarize, type ZoneWeights } from './summary';

export type AreaLevel = 'district' | 'subdistrict';

/** A named administrative area as a boundaries file gives it: its code, names and (subdistricts) zones. */
export interface NamedArea {
  code: string;
  name?: LocalizedName;
  /** The district a subdistrict lies in. */
  district?: string;
  /** Ids of the zones a subdistrict holds (each zone in one subdistrict). */
  zones?: string[];
}

/** An area results are broken down by: a district or subdistrict with its zones (indices, network order). */
export interface AreaUnit {
  level: AreaLevel;
  id: string;
  parent?: string;
  name?: LocalizedName;
  zones: number[];
}

/** Regional figures of one area, by the same rules as the region's summary (summarize). */
export interface AreaMetrics {
  population: number;
  /**
   * The figures of the metrics broken down by district (a `district` key in the registry), by id, by
   * the summary's rules: e.g. the mean time to the core, no path counted as the cap (seconds; null
   * without a core or residents), and jobs within reach per resident.
   */
  metrics: Record<string, number | null>;
  populationWithoutPathToCore: number;
}

export interface AreaReport {
  level: AreaLevel;
  id: string;
  parent?: string;
  name?: LocalizedName;
  zones: number;
  baseline: AreaMetrics;
  scenario?: AreaMetrics;
  delta?: {
    metrics: Record<string, number | null>;
    peopleGaining: PeopleChanging[];
    peopleLosing: PeopleChanging[];
  };
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The areas of a network: the districts its zones carry (named where `named` names them), in code order,
 * then the subdistricts `named` lists with their zones, by district and code. Zones without a district
 * are in no district; a subdistrict's unknown zone ids are left out, and a subdistrict with no zone left
 * is dropped.
 */
export function areaUnits(
  zones: readonly Pick<Zone, 'id' | 'district'>[],
  named?: { districts: readonly NamedArea[]; subdistricts: readonly NamedArea[] },
): AreaUnit[] {
  const members = new Map<string, number[]>();
  zones.forEach((z, k) => {
    if (z.district === undefined) return;
    const list = members.get(z.district);
    if (list) list.push(k);
    else members.set(z.district, [k]);
  });
  const names = new Map(named?.districts.map((d) => [d.code, d.name]));
  const units: AreaUnit[] = [...members]
    .map(([code, list]) => ({ code, list }))
    .sort(byCode)
    .map(({ code, list }) => {
      const name = names.get(code);
      return { level: 'district', id: code, ...(name && { name }), zones: list };
    });
  const index = new Map(zones.map((z, k) => [z.id, k]));
  const subs = [...(named?.subdistricts ?? [])].sort(
    (a, b) => byCode({ code: a.district ?? '' }, { code: b.district ?? '' }) || byCode(a, b),
  );
  for (const s of subs) {
    const list = (s.zones ?? []).flatMap((id) => {
      const k = index.get(id);
      return k === undefined ? [] : [k];
    });
    if (list.length === 0) continue;
    units.push({
      level: 'subdistrict',
      id: s.code,
      ...(s.district !== undefined && { parent: s.district }),
      ...(s.name && { name: s.name }),
      zones: list,
    });
  }
  return units;
}

/** The table's entries of `zones` only: every per-zone array is picked, whatever the table holds. */
function pick<T extends object>(table: T, zones: readonly number[]): T {
  const one = (a: Float64Array) => Float64Array.from(zones, (z) => a[z]!);
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [
      key,
      value instanceof Float64Array
        ? one(value)
        : Array.isArray(value) && value.every((v) => v instanceof Float64Array)
          ? value.map(one)
          : value,
    ]),
  ) as T;
}

function areaMetrics(table: ZoneMetricsTable, weights: ZoneWeights, options: SummaryOptions): AreaMetrics {
  const s = summarize(table, weights, options);
  return {
    population: s.population,
    metrics: s.metrics,
    populationWithoutPathToCore: s.populationWithoutPathToCore,
  };
}

/**
 * Each area's figures before and after, and their change: the region's summary rules applied to the
 * area's zones (summarize), people gaining and losing counted by the region's rule (peopleChanging).
 */
export function areaReports(
  units: readonly AreaUnit[],
  weights: ZoneWeights,
  options: SummaryOptions,
  baseline: ZoneMetricsTable,
  scenario?: ZoneMetricsTable,
): AreaReport[] {
  // The district figures: the metrics with a key in the district breakdown.
  const byDistrict = { ...options, metrics: options.metrics.filter((m) => m.results?.district) };
  return units.map((unit) => {
    const w = pick(weights, unit.zones);
    const before = areaMetrics(pick(baseline, unit.zones), w, byDistrict);
    const out: AreaReport = {
      level: unit.level,
      id: unit.id,
      ...(unit.parent !== undefined && { parent: unit.parent }),
      ...(unit.name && { name: unit.name }),
      zones: unit.zones.length,
      baseline: before,
    };
    if (scenario) {
      const after = areaMetrics(pick(scenario, unit.zones), w, byDistrict);
      const { gaining, losing } = peopleChanging(
        { base: baseline, scen: scenario },
        weights.population,
        undefined,
        unit.zones,
      );
      out.scenario = after;
      out.delta = {
        metrics: metricChanges(before.metrics, after.metrics),
        peopleGaining: gaining,
        peopleLosing: losing,
      };
    }
    return out;
  });
}
