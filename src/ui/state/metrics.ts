import { computed, signal } from '@preact/signals';
import { resolveAssumptions } from '../../domain/assumptions';
import { DEFAULT_METRIC, type Metric, metricLabel, metricsFor } from '../../domain/metrics';
import { lang, metric, network } from './store';

/** Every metric of the current network (domain/metrics.ts), jobs within each of its own thresholds. */
export const networkMetrics = computed<Metric[]>(() =>
  metricsFor(resolveAssumptions(network.value?.network.assumptions).metrics),
);

/**
 * Per-zone values of metrics computed elsewhere than the routing table (a `provided` source, e.g. the
 * demand model), by provider, before and after, in the metric's unit; a metric whose provider has
 * nothing here is not offered.
 */
export const providedValues = signal<Record<string, { before?: Float64Array; after?: Float64Array }>>({});

/** Of `metrics`, those a picker offers: a provided metric only once its provider has values. */
export function offered(metrics: readonly Metric[], provided: Record<string, unknown>): Metric[] {
  return metrics.filter((m) => m.source.kind !== 'provided' || provided[m.source.provider] !== undefined);
}

/** The metrics the picker offers for the current network. */
export const offeredMetrics = computed(() => offered(networkMetrics.value, providedValues.value));

/** A metric of the network by id (e.g. the one a click switched from). */
export function metricById(id: string | null): Metric | undefined {
  return id === null ? undefined : networkMetrics.value.find((m) => m.id === id);
}

/**
 * The metric shown: the chosen one if the network offers it (a URL or another network may name one it
 * has not, e.g. jobs-45 where the thresholds are 20 and 40), else the default.
 */
export const currentMetric = computed<Metric>(() => {
  const offered = offeredMetrics.value;
  return offered.find((m) => m.id === metric.value) ?? offered.find((m) => m.id === DEFAULT_METRIC)!;
});

/** The current metric's name in the chosen language. */
export const currentMetricLabel = computed(() => metricLabel(currentMetric.value, lang.value));
