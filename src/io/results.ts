import type { DemandReport } from '../demand/report';
import { resolveAssumptions } from '../domain/assumptions';
import type { Issue } from '../domain/issue';
import { tableColumn } from '../domain/metrics';
import { TRIP_MODES, type TripMode, tripModeOf } from '../domain/modes';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { DeltaSummary } from '../metrics/comparison';
import type { AreaMetrics, AreaReport } from '../metrics/districts';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import type { ComparisonReport } from '../metrics/report';
import type { Summary } from '../metrics/summary';
import { demandResults } from './demandResults';
import type { MatrixInput } from './exports';
import { figuresOf, resultsMetrics, thresholdIssues } from './resultsFigures';
import { normalizeScenario } from './scenario';
import { type ResultsDocument, resultsSchema } from './schema/results';
import { validate } from './zodIssues';

export const RESULTS_FORMAT = 'commuteshed.results/1';

export interface ResultsInput {
  network: Network;
  checksum: string;
  /** The after side (null: the before side alone). */
  scenario: Scenario | null;
  /** The before side when it is not the baseline (scenario A vs scenario B). */
  before?: Scenario | null;
  period: string;
  report: ComparisonReport;
  generatedAt: Date;
  /** The engine that computed the results (from the workers' Comparison). */
  engineVersion: string;
  /** The demand model's report, when it ran (DESIGN.md §3.1). */
  demand?: DemandReport;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const toMinutes = (seconds: number) => r2(seconds / 60);

export function buildResults(input: ResultsInput): ResultsDocument {
  const { network, report } = input;
  const a = resolveAssumptions(network.assumptions);
  const metrics = resultsMetrics(a.metrics);
  const period = network.periods.find((p) => p.id === input.period);
  if (!period) throw new RangeError(`network "${network.id}" has no period "${input.period}"`);
  const circle = a.metrics.commuteCircleMinutes * 60;

  // Each figure, and after it how the zone's trip for it travels where the metric says (modeToCore).
  const zoneMetrics = (t: ZoneMetricsTable, z: number) => ({
    ...figuresOf(
      metrics,
      'zone',
      'value',
      (m) => tableColumn(m, t)[z]!,
      (m) => m.source.mode && { [m.source.mode]: tripModeOf(t[m.source.mode][z]!) },
    ),
    inCommuteCircle: t.timeToCore[z]! <= circle,
  });
  const summary = (s: Summary) => ({
    zones: s.zones,
    population: r2(s.population),
    jobs: r2(s.jobs),
    ...figuresOf(metrics, 'summary', 'value', (m) => s.metrics[m.id] ?? null),
    commuteCircle: {
      zones: s.commuteCircle.zones,
      population: r2(s.commuteCircle.population),
      jobs: r2(s.commuteCircle.jobs),
    },
    populationWithoutPathToCore: r2(s.populationWithoutPathToCore),
    modeToCore: Object.fromEntries(TRIP_MODES.map((m, k) => [m, r2(s.modeToCore[k]!)])) as Record<
      TripMode,
      number
    >,
    timeToCoreHistogram: {
      bandMinutes: s.timeToCoreHistogram.bandSeconds / 60,
      population: s.timeToCoreHistogram.population.map(r2),
    },
  });
  const counts = (list: { minutes: number; population: number }[]) =>
    Object.fromEntries(list.map((g) => [String(g.minutes), r2(g.population)]));
  const delta = (d: DeltaSummary) => ({
    ...figuresOf(metrics, 'summary', 'change', (m) => d.metrics[m.id] ?? null),
    commuteCircle: {
      zones: d.commuteCircle.zones,
      population: r2(d.commuteCircle.population),
      jobs: r2(d.commuteCircle.jobs),
    },
    peopleGaining: counts(d.peopleGaining),
    peopleLosing: counts(d.peopleLosing),
    peopleGainingSwitchedMode: Object.fromEntries(
      d.peopleGaining.map((g) => [String(g.minutes), r2(g.switchedMode)]),
    ),
    peopleLosingSwitchedMode: Object.fromEntries(
      d.peopleLosing.map((g) => [String(g.minutes), r2(g.switchedMode)]),
    ),
    newlyConnected: { zones: d.newlyConnected.zones, population: r2(d.newlyConnected.population) },
    disconnected: { zones: d.disconnected.zones, population: r2(d.disconnected.population) },
    modeSwitches: d.modeSwitches.map((m) => ({
      from: tripModeOf(m.from),
      to: tripModeOf(m.to),
      population: r2(m.population),
    })),
    zonesChanged: d.zonesChanged,
    topGainers: d.topGainers.map((g) => ({
      zone: network.zones[g.zone]!.id,
      timeToCoreMinutes: toMinutes(g.timeToCore),
      population: r2(g.population),
    })),
  });

  const areaMetrics = (m: AreaMetrics) => ({
    population: r2(m.population),
    ...figuresOf(metrics, 'district', 'value', (x) => m.metrics[x.id] ?? null),
    populationWithoutPathToCore: r2(m.populationWithoutPathToCore),
  });
  const area = (a: AreaReport) => ({
    level: a.level,
    id: a.id,
    ...(a.parent !== undefined && { parent: a.parent }),
    ...(a.name && { name: a.name }),
    zones: a.zones,
    baseline: areaMetrics(a.baseline),
    ...(a.scenario && { scenario: areaMetrics(a.scenario) }),
    ...(a.delta && {
      delta: {
        ...figuresOf(metrics, 'district', 'change', (m) => a.delta!.metrics[m.id] ?? null),
        peopleGaining: counts(a.delta.peopleGaining),
        peopleLosing: counts(a.delta.peopleLosing),
      },
    }),
  });

  const doc: ResultsDocument = {
    format: RESULTS_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    engine: { name: 'commuteshed', version: input.engineVersion },
    network: {
      id: network.id,
      name: network.name,
      checksum: input.checksum,
      attribution: network.attribution,
      ...(network.zoneAttributes && { zoneAttributes: network.zoneAttributes }),
    },
    ...(input.before && { before: normalizeScenario(input.before) }),
    scenario: input.scenario && normalizeScenario(input.scenario),
    period,
    assumptions: a,
    core: network.core,
    summary: {
      baseline: summary(report.baseline.summary),
      ...(report.scenario && { scenario: summary(report.scenario.summary) }),
      ...(report.delta && { delta: delta(report.delta.summary) }),
    },
    ...(report.areas && { districts: report.areas.map(area) }),
    zones: network.zones.map((zone, z) => {
      const commute = demandZone(input.demand, z);
      return {
        id: zone.id,
        ...(zone.name && { name: zone.name }),
        population: r2(zone.population),
        jobs: r2(zone.jobs),
        ...(commute && { workers: commute.workers }),
        baseline: {
          ...zoneMetrics(report.baseline.table, z),
          ...(commute && { commuteMinutes: commute.baseline }),
        },
        ...(report.scenario && {
          scenario: {
            ...zoneMetrics(report.scenario.table, z),
            ...(commute?.scenario !== undefined && { commuteMinutes: commute.scenario }),
          },
        }),
        ...(report.delta && {
          delta: {
            ...figuresOf(metrics, 'zone', 'zoneChange', (m) => report.delta!.zones[m.id]![z]!),
            ...(commute?.change !== undefined && { commuteMinutes: commute.change }),
          },
        }),
      };
    }),
    ...(input.demand && { demand: demandResults(input.demand) }),
  };
  return doc;
}

/** A zone's demand figures for the results: its workers and their mean commute, minutes (null: none). */
function demandZone(d: DemandReport | undefined, z: number) {
  if (!d) return undefined;
  const minutes = (m: Float64Array | undefined) => {
    const x = m?.[z];
    return x === undefined ? undefined : Number.isFinite(x) ? r2(x) : null;
  };
  const baseline = minutes(d.zones.commuteMinutes.baseline) ?? null;
  const scenario = minutes(d.zones.commuteMinutes.scenario);
  return {
    workers: r2(d.zones.workers[z]!),
    baseline,
    scenario,
    change:
      scenario === undefined
        ? undefined
        : baseline === null || scenario === null
          ? null
          : r2(scenario - baseline),
  };
}

/**
 * The document as written to disk or downloaded: two-space JSON, newline-terminated. With a travel-time
 * matrix the same bytes come from resultsJsonPieces (io/exports.ts), which never builds the matrix as one
 * value.
 */
export function serializeResults(doc: ResultsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The document (and the matrix written with it) against its own schema: the problems, or none. Results are
 * computed, so a problem here is a bug; a caller writing a file refuses to write it (DESIGN.md §4: never a
 * file that breaks its format). Travel times must be whole seconds ≥ 0, or +Infinity (no path, written null).
 */
export function checkResults(doc: ResultsDocument, matrix?: MatrixInput): Issue[] {
  const checked = validate(resultsSchema, doc);
  // The figures by threshold are checked against the document's own thresholds once its shape holds.
  const issues = checked.success ? thresholdIssues(doc) : checked.issues;
  return [...issues, ...(matrix ? matrixIssues(doc.zones.length, matrix) : [])];
}

/**
 * A travel-time matrix as results embed it: `zones` × `zones` cells per side, each whole seconds ≥ 0 or
 * +Infinity (no path, written null). At most `limit` problems, each at its cell.
 */
export function matrixIssues(zones: number, matrix: MatrixInput, limit = 100): Issue[] {
  const issues: Issue[] = [];
  for (const [side, m] of Object.entries(matrix) as [string, Float32Array][]) {
    if (m.length !== zones * zones) {
      issues.push({ path: `$.matrix.${side}`, message: `has ${m.length} cells for ${zones} zones` });
      continue;
    }
    for (let k = 0; k < m.length; k++) {
      const t = m[k]!;
      if (t === Number.POSITIVE_INFINITY || (Number.isInteger(t) && t >= 0)) continue;
      issues.push({
        path: `$.matrix.${side}[${Math.floor(k / zones)}][${k % zones}]`,
        message: `travel time ${t} s is not whole seconds ≥ 0`,
      });
      if (issues.length >= limit) return issues;
    }
  }
  return issues;
}
