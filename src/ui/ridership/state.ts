import { computed, effect, signal } from '@preact/signals';
import type { DemandReport } from '../../demand/report';
import type { Network } from '../../domain/network';
import type { Scenario } from '../../domain/scenario';
import { districtNames } from '../../io/boundaries';
import { type LineLoad, type LoadNetworks, lineLoads } from '../../io/lineLoads';
import type { DemandProgress } from '../../workers/demandAnalysis';
import { CancelledError, isCancelled } from '../../workers/errors';
import { demandEngine, releaseDemandMemory } from '../compute/demand';
import { timing } from '../compute/timing';
import { boundaries } from '../data/areas';
import { errorText } from '../data/failure';
import { t } from '../i18n';
import { providedValues } from '../state/metrics';
import { beforeScenario, network, period, report, scenarioNetwork } from '../state/store';
import './strings';

/** Whether the planner has the Ridership view open: demand is computed only then (or for an export). */
export const ridershipOpen = signal(false);

/** Whose commutes the view's table and chart show: 'all', or a region's id (its resident workers). */
export const ridershipArea = signal('all');

/** The open view folded to its header (the map's own progress goes back over the map then). */
export const ridershipFolded = signal(false);

/** What a demand run was for, and what it found. */
export interface DemandResult {
  networkKey: string;
  /** The scenario computed (by identity: an edit makes a new object), null for the baseline alone. */
  scenario: Scenario | null;
  period: string;
  report: DemandReport;
  /** The networks the loads are drawn on (the scenario's only when the report has a scenario side). */
  networks: LoadNetworks;
  loads: LineLoad[];
  seconds: number;
}

/** The last demand computed (kept when a later run is cancelled or fails: the previous view stays). */
export const demandResult = signal<DemandResult | null>(null);

/** The demand run under way for the view: its stage, how far, and how to stop it. */
export const demandWork = signal<(DemandProgress & { cancel: () => void }) | null>(null);

/**
 * A run the line-loads export started (the view closed, or its figures for another scenario): the view
 * waits for it instead of running the model a second time beside it.
 */
export const exportDemandWork = signal<(DemandProgress & { cancel: () => void }) | null>(null);

/** What is shown now: the network, the scenario as it applies (pending modifications left out), the period. */
interface Inputs {
  network: Network;
  networkKey: string;
  scenario: Scenario | null;
  /** The network the scenario makes. */
  applied: Network | undefined;
  period: string;
}

const inputs = computed<Inputs | null>(() => {
  const loaded = network.value;
  if (!loaded) return null;
  const s = scenarioNetwork.value;
  return {
    network: loaded.network,
    networkKey: loaded.checksum,
    scenario: s?.scenario ?? null,
    applied: s?.scenario ? s.network : undefined,
    period: period.value,
  };
});

const isFor = (d: DemandResult, i: Inputs | null) =>
  i !== null && d.networkKey === i.networkKey && d.scenario === i.scenario && d.period === i.period;

/**
 * Whether the maps compare what the demand model does (the baseline, then the scenario). Compared with
 * another scenario, only the after side shows ridership: the model's "before" is always the baseline.
 */
export const demandMatchesBefore = computed(() => beforeScenario.value === null);

/** The last result when it is for the network shown (perhaps an earlier scenario or period). */
export const shownDemand = computed(() => {
  const d = demandResult.value;
  return d && d.networkKey === network.value?.checksum ? d : null;
});

/** The result for exactly what is shown, or null. */
export const currentDemand = computed(() => {
  const d = demandResult.value;
  return d && isFor(d, inputs.value) ? d : null;
});

/**
 * Demand for what is shown now, through the workers (DemandAnalysis); the result becomes the view's.
 * Rejects with CancelledError when `signal` aborts.
 */
export async function computeDemand(
  signal: AbortSignal,
  onProgress: (p: DemandProgress) => void,
): Promise<DemandResult> {
  const i = inputs.peek();
  if (!i) throw new Error('no network is open');
  const started = performance.now();
  const named = boundaries.peek();
  const run = await demandEngine().run({
    network: i.network,
    networkKey: i.networkKey,
    scenario: i.scenario,
    period: i.period,
    // The districts by name, as the maps label them (the zones carry only codes).
    ...(named && { districtNames: districtNames(named) }),
    signal,
    onProgress,
  });
  if (signal.aborted) throw new CancelledError();
  const networks: LoadNetworks =
    run.report.scenario && i.applied ? { baseline: i.network, scenario: i.applied } : { baseline: i.network };
  const seconds = (performance.now() - started) / 1000;
  const result: DemandResult = {
    networkKey: i.networkKey,
    scenario: i.scenario,
    period: i.period,
    report: run.report,
    networks,
    loads: lineLoads(run.report.lines, networks),
    seconds,
  };
  timing('demand', seconds * 1000);
  // A run that finishes after the inputs moved on never replaces figures that are for them.
  const shown = demandResult.peek();
  if (!(shown && isFor(shown, inputs.peek()) && !isFor(result, inputs.peek()))) demandResult.value = result;
  return result;
}

/**
 * When neither the view nor a line-loads export needs demand any more, the workers let go of the memory
 * they keep for the next run (108 MB a worker on JJJ) at once, not minutes later (nothing when demand never
 * ran). The bytes let go are marked (`demand-memory-released`) for the browser tests. One watcher, for the
 * page's life, from when this module loads.
 */
let inUse = false;
effect(() => {
  const now = ridershipOpen.value || exportDemandWork.value !== null;
  if (inUse && !now) void releaseDemandMemory().then((bytes) => timing('demand-memory-released', bytes));
  inUse = now;
});

/** Bumped by "Compute again" after a cancel: the view's run starts over for the same inputs. */
const retry = signal(0);
export const computeAgain = () => retry.value++;

let started = false;

/**
 * While the view is open, keeps its demand in step with what is shown: a change of network, scenario or
 * period cancels the run under way and starts one (unless the last result is already for it).
 */
function startController(): void {
  if (started) return;
  started = true;
  provideCommutes();
  let controller: AbortController | undefined;
  effect(() => {
    const open = ridershipOpen.value;
    const i = inputs.value;
    void retry.value;
    controller?.abort();
    controller = undefined;
    demandWork.value = null;
    const have = demandResult.peek();
    if (!open || !i || (have && isFor(have, i))) return;
    // The export's run is for what is shown too: its result ends this wait (or its cancel starts ours).
    if (exportDemandWork.value) return;
    const mine = new AbortController();
    controller = mine;
    const cancel = () => {
      mine.abort();
      if (controller === mine) demandWork.value = null;
    };
    demandWork.value = { stage: 'choice', done: 0, total: 1, cancel };
    computeDemand(mine.signal, (p) => {
      if (controller === mine && !mine.signal.aborted) demandWork.value = { ...p, cancel };
    })
      .catch((e: unknown) => {
        if (controller !== mine || isCancelled(e) || mine.signal.aborted) return;
        report({ level: 'error', title: t('ridership.failed'), detail: errorText(e) });
      })
      .finally(() => {
        if (controller === mine) demandWork.value = null;
      });
  });
}

/**
 * The mean commute of each zone's resident workers as a map metric (domain/metrics.ts `commute-minutes`),
 * from the demand computed for the network and period shown (offered without values while the open view
 * computes them, so a period change keeps the metric chosen). The before side only when it is the
 * baseline (not another scenario compared with); the after side only for the scenario shown, so a map
 * never pairs one scenario's commutes with another's edits.
 */
function provideCommutes(): void {
  effect(() => {
    const d = shownDemand.value;
    const i = inputs.value;
    const { demand: _, ...others } = providedValues.peek();
    const zones = d && i && d.period === i.period ? d.report.zones.commuteMinutes : undefined;
    // While the view is open it computes for the new period: the metric stays chosen, nothing drawn yet.
    const coming = ridershipOpen.value || exportDemandWork.value !== null;
    if (!zones) {
      if (coming) providedValues.value = { ...others, demand: {} };
      else if (_) providedValues.value = others;
      return;
    }
    const values: { before?: Float64Array; after?: Float64Array } = {};
    if (beforeScenario.value === null) values.before = zones.baseline;
    if (d!.scenario === i!.scenario && zones.scenario) values.after = zones.scenario;
    providedValues.value = { ...others, demand: values };
  });
}

/** Open or close the Ridership view. */
export function setRidershipOpen(open: boolean): void {
  startController();
  // Opened again, the view shows itself whole (it was folded when closed, perhaps long ago).
  if (open) ridershipFolded.value = false;
  ridershipOpen.value = open;
}
