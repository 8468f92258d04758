import { tableColumn } from '../domain/metrics';
import type { ZoneMetricsTable } from './originMetrics';
import type { SummarisedMetric, Summary, ZoneWeights } from './summary';

/**
 * Per-zone after − before of each summarised metric, by its id, in table units (seconds, jobs): no
 * path counted as the time cap where the metric's changes are capped; 0 where a side has no value.
 */
export type ZoneDeltas = Record<string, Float64Array>;

export interface Gainer {
  zone: number;
  /** Change in time to the core (negative = quicker), seconds. */
  timeToCore: number;
  population: number;
}

/** People whose time to the core changes by at least `minutes`; `switchedMode` of them travel another way. */
export interface PeopleChanging {
  minutes: number;
  population: number;
  switchedMode: number;
}

export interface DeltaSummary {
  /** Each summarised metric's regional figure, after − before, by id; null where a side has none. */
  metrics: Record<string, number | null>;
  commuteCircle: { zones: number; population: number; jobs: number };
  /**
   * People whose time to the core falls (gaining) or rises (losing) by at least each step — only where a
   * path exists before and after: a zone that had none is newly connected, not a gain of the time cap.
   */
  peopleGaining: PeopleChanging[];
  peopleLosing: PeopleChanging[];
  /** Zones (and people) with a path to the core in the scenario and none before; and the reverse. */
  newlyConnected: { zones: number; population: number };
  disconnected: { zones: number; population: number };
  /** People whose trip to the core changes mode, by (from, to) mode code (NO_TRIP: no path), largest first. */
  modeSwitches: { from: number; to: number; population: number }[];
  zonesChanged: number;
  /** Zones whose time to the core falls most (population > 0, a path before and after), at most `topN`. */
  topGainers: Gainer[];
}

/**
 * One zone's change of a metric, after − before: capped at the time cap where the metric's changes are
 * (so a newly served zone shows its gain), NaN where a side has no value.
 */
export function zoneChange(capChange: boolean, before: number, after: number, cap: number): number {
  return capChange ? Math.min(after, cap) - Math.min(before, cap) : after - before;
}

/** After − before for every zone. Same engine, same inputs: an unchanged zone's delta is exactly 0. */
export function zoneDeltas(
  metrics: readonly SummarisedMetric[],
  base: ZoneMetricsTable,
  scen: ZoneMetricsTable,
  capSeconds: number,
): ZoneDeltas {
  return Object.fromEntries(
    metrics.map((m) => {
      const b = tableColumn(m, base);
      const s = tableColumn(m, scen);
      return [
        m.id,
        b.map((x, z) => {
          const d = zoneChange(m.capChange, x, s[z]!, capSeconds);
          return Number.isNaN(d) ? 0 : d;
        }),
      ];
    }),
  );
}

/**
 * How zone z's time to the core changed, seconds (negative: quicker), or null where either side has no
 * path — the one rule for "gaining" and "losing" (a capped "no path" is never a gain).
 */
export function coreTimeChange(base: ZoneMetricsTable, scen: ZoneMetricsTable, z: number): number | null {
  const b = base.timeToCore[z]!;
  const s = scen.timeToCore[z]!;
  return Number.isFinite(b) && Number.isFinite(s) ? s - b : null;
}

/** The steps (minutes) at which people gaining and losing time to the core are counted. */
export const GAIN_STEPS = [5, 10];

/** Who gains, who loses, who is newly connected or cut off, and who travels another way. */
export interface PeopleChanges {
  gaining: PeopleChanging[];
  losing: PeopleChanging[];
  newlyConnected: { zones: number; population: number };
  disconnected: { zones: number; population: number };
  /** Population by (from mode × 256 + to mode) where the trip to the core changes mode. */
  switches: Map<number, number>;
}

/**
 * People whose time to the core falls (gaining) or rises (losing) by at least each step, over `zones`
 * (all zones when omitted), by coreTimeChange's rule, and of them who travel another way: the one rule for
 * the region and for its districts.
 */
export function peopleChanging(
  tables: { base: ZoneMetricsTable; scen: ZoneMetricsTable },
  population: ArrayLike<number>,
  steps: readonly number[] = GAIN_STEPS,
  zones?: Iterable<number>,
): PeopleChanges {
  const out: PeopleChanges = {
    gaining: steps.map((minutes) => ({ minutes, population: 0, switchedMode: 0 })),
    losing: steps.map((minutes) => ({ minutes, population: 0, switchedMode: 0 })),
    newlyConnected: { zones: 0, population: 0 },
    disconnected: { zones: 0, population: 0 },
    switches: new Map(),
  };
  const count = (z: number) => {
    const p = population[z]!;
    const fromMode = tables.base.modeToCore[z]!;
    const toMode = tables.scen.modeToCore[z]!;
    const switched = fromMode !== toMode;
    if (switched)
      out.switches.set(fromMode * 256 + toMode, (out.switches.get(fromMode * 256 + toMode) ?? 0) + p);
    const d = coreTimeChange(tables.base, tables.scen, z);
    if (d === null) {
      const before = Number.isFinite(tables.base.timeToCore[z]!);
      const after = Number.isFinite(tables.scen.timeToCore[z]!);
      const moved = !before && after ? out.newlyConnected : before && !after ? out.disconnected : undefined;
      if (moved) {
        moved.zones++;
        moved.population += p;
      }
      return;
    }
    for (const g of out.gaining) {
      if (-d < g.minutes * 60) continue;
      g.population += p;
      if (switched) g.switchedMode += p;
    }
    for (const l of out.losing) {
      if (d < l.minutes * 60) continue;
      l.population += p;
      if (switched) l.switchedMode += p;
    }
  };
  if (zones) for (const z of zones) count(z);
  else for (let z = 0; z < tables.base.timeToCore.length; z++) count(z);
  return out;
}

/** Each metric's after − before, null where a side has no figure. */
export function metricChanges(
  before: Record<string, number | null>,
  after: Record<string, number | null>,
): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(before).map(([id, b]) => {
      const a = after[id] ?? null;
      return [id, b === null || a === null ? null : a - b];
    }),
  );
}

/**
 * The regional change. A zone counts as changed when one of its times changes (the time metrics'
 * deltas: a change of jobs within reach comes with a change of time to them).
 */
export function compareSummaries(
  base: Summary,
  scen: Summary,
  deltas: ZoneDeltas,
  w: ZoneWeights,
  tables: { base: ZoneMetricsTable; scen: ZoneMetricsTable },
  options: { metrics: readonly SummarisedMetric[]; gainSteps?: number[]; topN?: number },
): DeltaSummary {
  const people = peopleChanging(tables, w.population, options.gainSteps);
  const times = options.metrics.filter((m) => m.unit === 'min').map((m) => deltas[m.id]!);
  let changed = 0;
  const gainers: Gainer[] = [];
  for (let z = 0; z < w.population.length; z++) {
    const p = w.population[z]!;
    if (times.some((d) => d[z] !== 0)) changed++;
    const d = coreTimeChange(tables.base, tables.scen, z);
    if (d === null) continue;
    if (d < 0 && p > 0) gainers.push({ zone: z, timeToCore: d, population: p });
  }
  gainers.sort((a, b) => a.timeToCore - b.timeToCore || b.population - a.population || a.zone - b.zone);
  return {
    metrics: metricChanges(base.metrics, scen.metrics),
    commuteCircle: {
      zones: scen.commuteCircle.zones - base.commuteCircle.zones,
      population: scen.commuteCircle.population - base.commuteCircle.population,
      jobs: scen.commuteCircle.jobs - base.commuteCircle.jobs,
    },
    peopleGaining: people.gaining,
    peopleLosing: people.losing,
    newlyConnected: people.newlyConnected,
    disconnected: people.disconnected,
    modeSwitches: [...people.switches]
      .map(([key, population]) => ({ from: key >> 8, to: key & 255, population }))
      .sort((a, b) => b.population - a.population || a.from - b.from || a.to - b.to),
    zonesChanged: changed,
    topGainers: gainers.slice(0, options.topN ?? 10),
  };
}
