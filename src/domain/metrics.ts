/**
 * The metrics zones are coloured, summarised and exported by: one entry each (DESIGN.md §6), and every
 * place that shows or writes a metric — the map's picker, legends and tooltips, the regional summary, the
 * district table, the results document, its schema and the CSV — reads it from here. A family per
 * accessibility threshold (jobs within N min) is expanded from the network's own thresholds, whatever
 * they are.
 */
import { DEFAULT_ASSUMPTIONS, type MetricAssumptions } from './assumptions';
import type { Language } from './names';

/** Text in both languages; `{minutes}` stands for a per-threshold metric's threshold. */
export type Text = Record<Language, string>;

export type MetricUnit = 'min' | 'jobs';

/** The columns of the routing metrics table (metrics/originMetrics.ts ZoneMetricsTable) a metric reads. */
export type TableColumn = 'timeToCore' | 'meanTimeToJobs' | 'jobsWithin';

/**
 * Where a metric's per-zone values come from:
 * - `table`: a column of the routing metrics table, one value per zone (times in seconds, +Infinity = no
 *   path, NaN = none); a per-threshold family reads its threshold's array of `jobsWithin`. `mode` names the
 *   column saying how that trip travels, when there is one (written beside the figure in the results).
 * - `isochrone`: the selected zone's travel times (seconds), fetched per click, not part of the results.
 * - `provided`: computed elsewhere (e.g. the demand model) and handed to the map by `provider`, in the
 *   metric's unit (ui/state/metrics.ts providedValues); with nothing provided the metric is not offered.
 *   Its regional figures and its place in the results come with the computation that provides it: the
 *   summary rule and results keys here serve the routing table's metrics.
 */
export type MetricSource =
  | { kind: 'table'; column: TableColumn; mode?: 'modeToCore' }
  | { kind: 'isochrone' }
  | { kind: 'provided'; provider: string };

/**
 * The classes a map colours values by. `fixed`: class edges in the metric's unit (≤ the first, …, above
 * the last). `quantiles`: edges at these quantiles of the before side's zone values, rounded up to 1, 2 or
 * 5 × 10^n, so before, after and side by side read the same colours.
 */
export type MetricClasses =
  | { kind: 'fixed'; breaks: readonly number[]; palette: 'time' }
  | { kind: 'quantiles'; quantiles: readonly number[]; palette: 'jobs' };

/**
 * How a difference (after − before) is classed: magnitudes of change on the better side (four classes)
 * and the worse side (three), a neutral class between. `fixed`: magnitudes in the metric's unit.
 * `relative`: top = the before side's `quantile` of zone values ÷ `divide`, rounded up to 1, 2 or 5 × 10^n,
 * and each magnitude is top ÷ a divisor (so a region of a few thousand jobs and one of millions both read).
 */
export type ChangeClasses =
  | { kind: 'fixed'; better: readonly number[]; worse: readonly number[] }
  | {
      kind: 'relative';
      quantile: number;
      divide: number;
      better: readonly number[];
      worse: readonly number[];
    };

/**
 * How a region's (or district's) figure aggregates the zone values: the population-weighted mean over
 * the zones that have a value (NaN is none). `capped`: no path and longer trips count as the time cap.
 * `needsCore`: no figure (null) when the network names no core. `empty`: the figure of a region with
 * no residents (or none with a value).
 */
export interface SummaryRule {
  capped: boolean;
  needsCore: boolean;
  empty: null | 0;
  /** Decimals the summary shows. */
  digits: number;
}

/**
 * Where the figures go in the results document (commuteshed.results/1) and so in its CSV columns: the
 * per-zone key (zones[].baseline/scenario/delta), the regional key (summary.*) and, with `district`, the
 * key in the district breakdown. A per-threshold family's key holds an object by threshold minutes.
 */
export interface ResultsKeys {
  zone: string;
  summary: string;
  district?: string;
}

export interface MetricFamily {
  /** The metric's id (URL, picker), or a per-threshold family's stem: `jobs` → `jobs-45`. */
  id: string;
  /** One metric per accessibility threshold (assumptions.metrics.accessibilityMinutes). */
  perThreshold?: boolean;
  label: Text;
  /** The regional summary's row (with how it is weighted), where it differs from the label. */
  summaryLabel?: Text;
  /** The district table's heading over before / after / change, where it differs from the label. */
  districtLabel?: Text;
  unit: MetricUnit;
  /** Which way is better: a change that way is a gain (coloured as one in maps and tables). */
  better: 'lower' | 'higher';
  source: MetricSource;
  classes: MetricClasses;
  change: ChangeClasses;
  /**
   * In a difference, no path counts as the time cap (as in the results), so a newly served zone shows its
   * gain; without it a zone with no value on one side has no difference to show.
   */
  capChange: boolean;
  summary?: SummaryRule;
  results?: ResultsKeys;
}

/** One metric as a network offers it: a family, for a per-threshold family one of its thresholds. */
export interface Metric extends MetricFamily {
  /** A per-threshold metric's threshold, minutes. */
  minutes?: number;
  /** Its position among the thresholds (ascending): its array in the table's `jobsWithin`. */
  index?: number;
}

/** Minutes, quick to slow: the hour (the commute circle) where green turns yellow, then on past 90 min. */
const TIME_CLASSES: MetricClasses = {
  kind: 'fixed',
  breaks: [15, 30, 45, 60, 75, 90, 120, 150],
  palette: 'time',
};
/** Gains of at least 1, 5, 10, 20 min; losses of at least 1, 5, 10 min. */
const TIME_CHANGE: ChangeClasses = { kind: 'fixed', better: [1, 5, 10, 20], worse: [1, 5, 10] };

/**
 * The registry, in the order the picker offers the metrics and the results write them (kept literal, so
 * the results document's type knows its keys).
 */
export const METRIC_FAMILIES = [
  {
    id: 'time-to-core',
    label: { en: 'Time to the core', zh: '到核心区时间' },
    summaryLabel: {
      en: 'Mean time to the core (min, population-weighted)',
      zh: '到核心区平均时间（分钟，人口加权）',
    },
    districtLabel: { en: 'Mean time to the core (min)', zh: '到核心区平均时间（分钟）' },
    unit: 'min',
    better: 'lower',
    source: { kind: 'table', column: 'timeToCore', mode: 'modeToCore' },
    classes: TIME_CLASSES,
    change: TIME_CHANGE,
    capChange: true,
    summary: { capped: true, needsCore: true, empty: null, digits: 1 },
    results: {
      zone: 'timeToCoreMinutes',
      summary: 'meanTimeToCoreMinutes',
      district: 'meanTimeToCoreMinutes',
    },
  },
  {
    id: 'time-from-zone',
    label: { en: 'Travel time from the selected zone', zh: '从所选分区出发的出行时间' },
    unit: 'min',
    better: 'lower',
    source: { kind: 'isochrone' },
    classes: TIME_CLASSES,
    change: TIME_CHANGE,
    capChange: true,
  },
  {
    id: 'mean-time-to-jobs',
    label: { en: 'Mean time to jobs', zh: '到就业岗位平均时间' },
    summaryLabel: { en: 'Mean time to jobs (min)', zh: '到岗位平均时间（分钟）' },
    unit: 'min',
    better: 'lower',
    source: { kind: 'table', column: 'meanTimeToJobs' },
    classes: TIME_CLASSES,
    change: TIME_CHANGE,
    // Each trip in the mean is capped already (NaN: a region without jobs).
    capChange: false,
    summary: { capped: false, needsCore: false, empty: null, digits: 1 },
    results: { zone: 'meanTimeToJobsMinutes', summary: 'meanTimeToJobsMinutes' },
  },
  {
    id: 'jobs',
    perThreshold: true,
    label: { en: 'Jobs within {minutes} min', zh: '{minutes}分钟可达岗位' },
    summaryLabel: {
      en: 'Jobs within {minutes} min (mean per resident)',
      zh: '{minutes}分钟可达岗位（人均）',
    },
    unit: 'jobs',
    better: 'higher',
    source: { kind: 'table', column: 'jobsWithin' },
    classes: { kind: 'quantiles', quantiles: [0.2, 0.4, 0.6, 0.8, 0.95], palette: 'jobs' },
    change: { kind: 'relative', quantile: 0.9, divide: 5, better: [50, 5, 2, 1], worse: [50, 5, 2] },
    capChange: false,
    summary: { capped: false, needsCore: false, empty: 0, digits: 0 },
    results: { zone: 'jobsWithin', summary: 'jobsWithin', district: 'jobsWithin' },
  },
  {
    // The demand model's (DESIGN.md §3.1): where people commute, not where they could; offered once the
    // Ridership view has computed it. Its figures are in the results' demand section, not here.
    id: 'commute-minutes',
    label: {
      en: 'Mean commute of resident workers (estimate)',
      zh: '居住就业者平均通勤时间（估算）',
    },
    unit: 'min',
    better: 'lower',
    source: { kind: 'provided', provider: 'demand' },
    classes: TIME_CLASSES,
    change: TIME_CHANGE,
    // Every commute is a real trip (no cap to count); a zone without workers has no value.
    capChange: false,
  },
] as const satisfies readonly MetricFamily[];

/** The metric shown first, and the one a click on a zone switches to (travel times from it). */
export const DEFAULT_METRIC = 'time-to-core';
export const ZONE_METRIC = 'time-from-zone';

/** The accessibility thresholds, minutes, ascending and each once: the order of the table's `jobsWithin`. */
export function accessibilityThresholds(m: Pick<MetricAssumptions, 'accessibilityMinutes'>): number[] {
  return [...new Set(m.accessibilityMinutes)].sort((a, b) => a - b);
}

/** Every metric of a network: the families in order, a per-threshold family once per threshold. */
export function metricsFor(
  m: Pick<MetricAssumptions, 'accessibilityMinutes'>,
  families: readonly MetricFamily[] = METRIC_FAMILIES,
): Metric[] {
  const thresholds = accessibilityThresholds(m);
  return families.flatMap((f): Metric[] =>
    f.perThreshold
      ? thresholds.map((minutes, index) => ({ ...f, id: `${f.id}-${minutes}`, minutes, index }))
      : [f],
  );
}

/** A metric the routing table holds. */
export type TableMetric = Metric & { source: Extract<MetricSource, { kind: 'table' }> };

/** Metric `id` of a network with these thresholds (by default 30, 45, 60 and 90 min), if it has it. */
export function metricOf(
  id: string,
  m: Pick<MetricAssumptions, 'accessibilityMinutes'> = DEFAULT_ASSUMPTIONS.metrics,
): Metric | undefined {
  return metricsFor(m).find((x) => x.id === id);
}

/** The metrics the routing table holds (the ones a run computes, summarises and writes). */
export function tableMetrics(metrics: readonly Metric[]): TableMetric[] {
  return metrics.filter((m): m is TableMetric => m.source.kind === 'table');
}

/** A metric's text in `lang`, its threshold filled in. */
export function metricText(m: Metric, text: Text, lang: Language): string {
  return text[lang].replace('{minutes}', String(m.minutes ?? ''));
}

export function metricLabel(m: Metric, lang: Language): string {
  return metricText(m, m.label, lang);
}

/**
 * The thresholds a compact view (the regional summary, the district table) shows: the two largest
 * within the commute circle (45 and 60 of 30/45/60/90 with a 1-hour circle), else the two smallest. The
 * map, the results and the CSV have every threshold.
 */
export function headlineThresholds(
  m: Pick<MetricAssumptions, 'accessibilityMinutes' | 'commuteCircleMinutes'>,
) {
  const all = accessibilityThresholds(m);
  const within = all.filter((x) => x <= m.commuteCircleMinutes);
  return within.length > 0 ? within.slice(-2) : all.slice(0, 2);
}

/** Whether a compact view shows metric `m` (every metric but the thresholds past the headline ones). */
export function inHeadline(
  m: Metric,
  assumptions: Pick<MetricAssumptions, 'accessibilityMinutes' | 'commuteCircleMinutes'>,
): boolean {
  return m.minutes === undefined || headlineThresholds(assumptions).includes(m.minutes);
}

/**
 * A per-zone column of the routing table for a table metric: its array, or for a per-threshold metric its
 * threshold's array. Generic over the table so domain needs no metrics types; a table without the
 * metric's column does not compile.
 */
export function tableColumn<T extends Record<TableColumn, Float64Array | Float64Array[]>>(
  m: TableMetric,
  table: T,
): Float64Array {
  const c = table[m.source.column];
  if (!Array.isArray(c)) return c;
  const column = c[m.index ?? -1];
  if (!column)
    throw new RangeError(`metric ${m.id}: the table has no column ${m.index} of ${m.source.column}`);
  return column;
}
