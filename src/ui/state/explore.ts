import { batch, effect, signal } from '@preact/signals';
import { type MetricId, metric, mode, scenarioId, selectedZone } from './store';

/** The metric that shows the selected zone's travel times. */
export const ZONE_METRIC: MetricId = 'time-from-zone';

/** The metric shown before a click switched to travel times from the clicked zone (to go back to it). */
export const metricBeforeClick = signal<MetricId | null>(null);

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
 * What follows from the planner's choices once the page is set up (not while the URL's view is restored):
 * choosing a scenario while the map shows the baseline shows what it changes (the difference); choosing a
 * metric forgets the way back from a click.
 */
export function startExploreRules(): () => void {
  let lastScenario = scenarioId.peek();
  const stops = [
    effect(() => {
      const id = scenarioId.value;
      if (lastScenario === null && id !== null && mode.peek() === 'before') mode.value = 'difference';
      lastScenario = id;
    }),
    effect(() => {
      if (metric.value !== ZONE_METRIC) metricBeforeClick.value = null;
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
