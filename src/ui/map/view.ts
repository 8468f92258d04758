import { computed, type ReadonlySignal } from '@preact/signals';
import { resolveAssumptions } from '../../domain/assumptions';
import { currentMetric, providedValues } from '../state/metrics';
import { comparison, isochrone, mode, network } from '../state/store';
import { type Scale, scaleFor } from './classes';
import { zoneValues } from './values';

/** What one map shows: the baseline, the scenario, or their difference. */
export type MapSide = 'before' | 'after' | 'difference';

const cap = computed(() => resolveAssumptions(network.value?.network.assumptions).metrics.timeCapMinutes);

function valuesFor(side: MapSide) {
  return computed(() =>
    zoneValues(
      currentMetric.value,
      side === 'after' ? 'after' : 'before',
      side === 'difference' ? 'difference' : side,
      {
        report: comparison.value?.report,
        isochrone: isochrone.value ?? undefined,
        provided: providedValues.value,
        capMinutes: cap.value,
      },
    ),
  );
}

const baselineValues = valuesFor('before');

function scaleOf(side: MapSide) {
  return computed<Scale>(() =>
    scaleFor(currentMetric.value, side === 'difference' ? 'difference' : 'before', baselineValues.value),
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
