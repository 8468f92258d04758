import { computed, type ReadonlySignal } from '@preact/signals';
import { resolveAssumptions } from '../../domain/assumptions';
import { comparison, isochrone, metric, mode, network } from '../state/store';
import { type Scale, scaleFor } from './classes';
import { zoneValues } from './values';

/** What one map shows: the baseline, the scenario, or their difference. */
export type MapSide = 'before' | 'after' | 'difference';

const cap = computed(() => resolveAssumptions(network.value?.network.assumptions).metrics.timeCapMinutes);

function valuesFor(side: MapSide) {
  return computed(() =>
    zoneValues(
      metric.value,
      side === 'after' ? 'after' : 'before',
      side === 'difference' ? 'difference' : side,
      comparison.value?.report,
      isochrone.value ?? undefined,
      cap.value,
    ),
  );
}

const baselineValues = valuesFor('before');

function scaleOf(side: MapSide) {
  return computed<Scale>(() =>
    scaleFor(metric.value, side === 'difference' ? 'difference' : 'before', baselineValues.value),
  );
}

const SIDES: MapSide[] = ['before', 'after', 'difference'];
export const sideValues = Object.fromEntries(SIDES.map((s) => [s, valuesFor(s)])) as Record<
  MapSide,
  ReadonlySignal<Float64Array | undefined>
>;
export const sideScale = Object.fromEntries(SIDES.map((s) => [s, scaleOf(s)])) as Record<
  MapSide,
  ReadonlySignal<Scale>
>;

/** The single map's side follows the view mode; a scenario-less view is always the baseline. */
export const singleSide = computed<MapSide>(() =>
  comparison.value?.report.scenario ? (mode.value as MapSide) : 'before',
);
