/**
 * The metric figures of the results document, written and read through the metric registry
 * (domain/metrics.ts): where each metric's figure sits (its key, by threshold for jobs within N min),
 * in what unit, and its CSV column. The schema's shape of them comes from the same registry
 * (schema/figures.ts).
 */
import { DEFAULT_ASSUMPTIONS, type MetricAssumptions } from '../domain/assumptions';
import type { Issue } from '../domain/issue';
import { inHeadline, metricsFor, type ResultsKeys, type TableMetric, tableMetrics } from '../domain/metrics';
import type { Figures, Place, Role } from './schema/figures';
import type { ResultsDocument } from './schema/results';

/** A metric with figures in the results document. */
export type ResultsMetric = TableMetric & { results: ResultsKeys };

/** The metrics a document of a network with these assumptions holds, in registry order. */
export function resultsMetrics(a: Pick<MetricAssumptions, 'accessibilityMinutes'>): ResultsMetric[] {
  return tableMetrics(metricsFor(a)).filter((m): m is ResultsMetric => m.results !== undefined);
}

/** The metric assumptions a document carries (the defaults where it states none). */
function metricAssumptions(doc: Pick<ResultsDocument, 'assumptions'>): MetricAssumptions {
  return { ...DEFAULT_ASSUMPTIONS.metrics, ...doc.assumptions.metrics };
}

/** The metrics of a document, from the assumptions it carries. */
export function documentMetrics(doc: Pick<ResultsDocument, 'assumptions'>): ResultsMetric[] {
  return resultsMetrics(metricAssumptions(doc));
}

/**
 * The metrics a compact view of the document shows at `place` (the regional summary, the district
 * table): those with a figure there, jobs within N min for the headline thresholds only.
 */
export function compactMetrics(doc: Pick<ResultsDocument, 'assumptions'>, place: Place): ResultsMetric[] {
  const a = metricAssumptions(doc);
  return documentMetrics(doc).filter((m) => m.results[place] !== undefined && inHeadline(m, a));
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** A metric's figure as the document writes it: minutes (from seconds) or counts, to 0.01; null for none. */
function figure(m: ResultsMetric, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return m.unit === 'min' ? r2(value / 60) : r2(value);
}

/**
 * The figures of `metrics` under their keys of the document's `place` (in table units: seconds or
 * counts), a per-threshold family's as one object by threshold minutes ({"30": …, "45": …}), in registry
 * order; `after` adds entries after a metric's figure.
 */
export function figuresOf<P extends Place, R extends Role>(
  metrics: readonly ResultsMetric[],
  place: P,
  _role: R,
  value: (m: ResultsMetric) => number | null,
  after?: (m: ResultsMetric) => Record<string, unknown> | undefined,
): Figures<P, R> {
  const out: Record<string, unknown> = {};
  for (const m of metrics) {
    const key = m.results[place];
    if (key === undefined) continue;
    const v = figure(m, value(m));
    if (m.minutes === undefined) out[key] = v;
    else {
      const byThreshold = (out[key] ?? {}) as Record<string, number | null>;
      byThreshold[String(m.minutes)] = v;
      out[key] = byThreshold;
    }
    Object.assign(out, after?.(m));
  }
  // The same registry made the schema's shape of these figures (schema/figures.ts).
  return out as Figures<P, R>;
}

/**
 * Metric `m`'s figure in a section of the document (a zone's side or change, a summary, a district's
 * side or change), as written (minutes or counts); undefined where the section or the figure is absent.
 */
export function figureIn(
  section: object | undefined,
  m: ResultsMetric,
  place: Place,
): number | null | undefined {
  const key = m.results[place];
  if (!section || key === undefined) return undefined;
  const v = (section as Record<string, unknown>)[key];
  const x = m.minutes === undefined ? v : (v as Record<string, unknown> | undefined)?.[String(m.minutes)];
  return typeof x === 'number' || x === null ? x : undefined;
}

/** A figure's column in the CSV tables (after its side's prefix): `timeToCoreMinutes`, `jobsWithin45`. */
export function figureColumn(m: ResultsMetric, place: Place): string {
  return `${m.results[place]}${m.minutes ?? ''}`;
}

/**
 * Per-threshold figures must hold exactly the document's thresholds (its assumptions): a file whose
 * "jobs within" keys say other minutes would be mislabelled wherever it is shown. At most `limit` problems.
 */
export function thresholdIssues(doc: ResultsDocument, limit = 100): Issue[] {
  const perThreshold = documentMetrics(doc).filter((m) => m.minutes !== undefined);
  const wanted = (place: Place) => {
    const keys = new Map<string, string[]>();
    for (const m of perThreshold) {
      const key = m.results[place];
      if (key !== undefined) keys.set(key, [...(keys.get(key) ?? []), String(m.minutes)]);
    }
    return keys;
  };
  const places = { zone: wanted('zone'), summary: wanted('summary'), district: wanted('district') };
  const issues: Issue[] = [];
  const check = (section: object | undefined, place: Place, path: string) => {
    for (const [key, keys] of places[place]) {
      const value = (section as Record<string, unknown> | undefined)?.[key];
      if (typeof value !== 'object' || value === null || issues.length >= limit) continue;
      const found = Object.keys(value).sort((a, b) => Number(a) - Number(b));
      if (found.join() !== keys.join())
        issues.push({
          path: `${path}.${key}`,
          message: `has thresholds ${found.join(', ') || 'none'} min; the document's assumptions say ${keys.join(', ')}`,
        });
    }
  };
  const sides = ['baseline', 'scenario', 'delta'] as const;
  for (const side of sides) check(doc.summary[side], 'summary', `$.summary.${side}`);
  doc.districts?.forEach((d, k) => {
    for (const side of sides) check(d[side], 'district', `$.districts[${k}].${side}`);
  });
  doc.zones.forEach((z, k) => {
    for (const side of sides) check(z[side], 'zone', `$.zones[${k}].${side}`);
  });
  return issues;
}
