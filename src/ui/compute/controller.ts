import { effect, untracked } from '@preact/signals';
import { ZONE_METRIC } from '../../domain/metrics';
import type { Scenario } from '../../domain/scenario';
import { buildResults } from '../../io/results';
import { isCancelled } from '../../workers/errors';
import { areas } from '../data/areas';
import { errorText } from '../data/failure';
import {
  beforeNetwork,
  comparison,
  computeError,
  destinationZone,
  hoveredZone,
  isochrone,
  metric,
  network,
  period,
  progress,
  scenarioNetwork,
  selectedZone,
  trips,
} from '../state/store';
import { engine } from './engine';
import { timing } from './timing';

/**
 * The two scenarios computed, before and after: the active one as it applies (modifications still being
 * made left out) after the one compared with (the baseline unless another is picked). An active scenario
 * that does not apply is shown as its errors, and the comparison falls back to the baseline alone.
 */
function runnable(): { before: Scenario | null; after: Scenario | null } {
  const after = scenarioNetwork.value?.scenario ?? null;
  return { before: after ? (beforeNetwork.value?.scenario ?? null) : null, after };
}

/**
 * Keeps results in step with what the planner is looking at: a change of network, scenario or period
 * cancels the computation under way and starts a new one; zone clicks fetch an isochrone and routes.
 */
export function startController(): void {
  let controller: AbortController | undefined;

  effect(() => {
    const loaded = network.value;
    const { before, after: scenario } = runnable();
    const p = period.value;
    const units = areas.value;
    controller?.abort();
    if (!loaded) return;
    const mine = new AbortController();
    controller = mine;
    const started = performance.now();
    computeErrorClear();
    progress.value = {
      done: 0,
      total: loaded.network.zones.length * (scenario ? 2 : 1),
      cancel: () => mine.abort(),
    };
    engine()
      .compare({
        network: loaded.network,
        networkKey: loaded.checksum,
        scenario,
        before,
        period: p,
        areas: units,
        signal: mine.signal,
        onProgress: ({ done, total }) => {
          if (controller === mine) progress.value = { done, total, cancel: () => mine.abort() };
        },
      })
      .then((result) => {
        if (controller !== mine) return;
        const seconds = (performance.now() - started) / 1000;
        const doc = buildResults({
          network: loaded.network,
          checksum: loaded.checksum,
          scenario,
          before,
          period: p,
          report: result.report,
          generatedAt: new Date(),
          engineVersion: result.engineVersion,
        });
        comparison.value = {
          scenario,
          before,
          report: result.report,
          doc,
          seconds,
        };
        timing('compare', seconds * 1000);
      })
      .catch((e: unknown) => {
        if (controller !== mine || isCancelled(e)) return;
        computeError.value = errorText(e);
      })
      .finally(() => {
        if (controller === mine) progress.value = null;
      });
  });

  // The isochrone of the selected zone, before and after.
  let isoToken = 0;
  effect(() => {
    const loaded = network.value;
    const zone = selectedZone.value;
    const { before, after: scenario } = runnable();
    const p = period.value;
    const token = ++isoToken;
    if (!loaded || zone === null) {
      isochrone.value = null;
      return;
    }
    const started = performance.now();
    const request = { network: loaded.network, networkKey: loaded.checksum, period: p };
    const show = (baseline: Float64Array, after: Float64Array | undefined) => {
      isochrone.value = after ? { zone, baseline, scenario: after } : { zone, baseline };
      timing('isochrone', performance.now() - started);
    };
    // Rows fetched while the zone was hovered are shown at once: the colours go into the frame the map
    // draws for the click itself.
    const known = engine().knownIsochrone({ ...request, scenario: before }, zone);
    const knownAfter = scenario ? engine().knownIsochrone({ ...request, scenario }, zone) : undefined;
    if (known && (!scenario || knownAfter)) return show(known, knownAfter);
    Promise.all([
      engine().isochrone({ ...request, scenario: before }, zone),
      scenario ? engine().isochrone({ ...request, scenario }, zone) : Promise.resolve(undefined),
    ])
      .then(([baseline, after]) => {
        if (token === isoToken) show(baseline, after);
      })
      .catch((e: unknown) => {
        if (token === isoToken) computeError.value = errorText(e);
      });
  });

  // The hovered zone's isochrone, fetched ahead of a click when the map shows travel time from a zone
  // and nothing else is being computed (a row is well under a millisecond in a worker).
  effect(() => {
    const zone = hoveredZone.value;
    const loaded = network.peek();
    if (zone === null || !loaded || metric.peek() !== ZONE_METRIC || progress.peek()) return;
    const { before, after: scenario } = untracked(runnable);
    const request = { network: loaded.network, networkKey: loaded.checksum, period: period.peek() };
    engine().prefetchIsochrone({ ...request, scenario: before }, zone);
    if (scenario) engine().prefetchIsochrone({ ...request, scenario }, zone);
  });

  // Routes between the selected origin and destination, before and after.
  let tripToken = 0;
  effect(() => {
    const loaded = network.value;
    const o = selectedZone.value;
    const d = destinationZone.value;
    const { before, after: scenario } = runnable();
    const p = period.value;
    const token = ++tripToken;
    if (!loaded || o === null || d === null) {
      trips.value = null;
      return;
    }
    const request = { network: loaded.network, networkKey: loaded.checksum, period: p };
    Promise.all([
      engine().trip({ ...request, scenario: before }, o, d),
      scenario ? engine().trip({ ...request, scenario }, o, d) : Promise.resolve(undefined),
    ])
      .then(([baseline, after]) => {
        if (token !== tripToken) return;
        trips.value =
          after !== undefined
            ? { origin: o, destination: d, baseline, scenario: after }
            : { origin: o, destination: d, baseline };
      })
      .catch((e: unknown) => {
        if (token === tripToken) computeError.value = errorText(e);
      });
  });
}

function computeErrorClear(): void {
  computeError.value = null;
}
