import { batch, effect, signal } from '@preact/signals';
import { DEFAULT_METRIC, ZONE_METRIC } from '../../domain/metrics';
import { offeredMetrics } from './metrics';
import { metric, mode, network, scenarioId, selectedZone } from './store';

/** The metric shown before a click switched to travel times from the clicked zone (to go back to it). */
export const metricBeforeClick = signal<string | null>(null);

/**
 * A zone picked as the origin. Under a metric that does not depend on it (time to the core, jobs) a
 * click would only outline the zone: the map switches to travel times from it, and the legend offers the
 * way back.
 */
export function selectZone(zone: number | null): void {
  batch(() => {
    selectedZone.value = zone;
    if (zone !== null && metric.peek() !== ZONE_METRIC) {
      metricBeforeClick.value = metric.peek();
      metric.value = ZONE_METRIC;
    }
  });
}

/** Back to the metric shown before the click. */
export function restoreMetric(): void {
  const previous = metricBeforeClick.peek();
  if (previous) metric.value = previous;
}

/**
 * A scenario chosen from the list. Coming from the baseline with the map on Before, nothing on the map
 * would change: it shows what the scenario changes (the difference) instead.
 */
export function chooseScenario(id: string | null): void {
  batch(() => {
    if (scenarioId.peek() === null && id !== null && mode.peek() === 'before') mode.value = 'difference';
    scenarioId.value = id;
  });
}

/**
 * Choosing a metric forgets the way back from a click; a metric the network does not offer (named by a
 * URL, or of the network before: jobs within 45 min where the thresholds are 20 and 40) gives way to the
 * default.
 */
export function startExploreRules(): () => void {
  const back = effect(() => {
    if (metric.value !== ZONE_METRIC) metricBeforeClick.value = null;
  });
  const offered = effect(() => {
    if (network.value && !offeredMetrics.value.some((m) => m.id === metric.value))
      metric.value = DEFAULT_METRIC;
  });
  return () => {
    back();
    offered();
  };
}
