import { computed, signal } from '@preact/signals';
import { type ApplyResult, applyScenario } from '../../domain/applyScenario';
import type { Issue } from '../../domain/issue';
import type { LayerId } from '../../domain/layer';
import { DEFAULT_METRIC } from '../../domain/metrics';
import type { Language } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { Scenario } from '../../domain/scenario';
import type { ResultsDocument } from '../../io/schema/results';
import type { ComparisonReport } from '../../metrics/report';
import type { TripDetail } from '../../workers/protocol';

export const MODES = ['before', 'after', 'difference'] as const;
export type ViewMode = (typeof MODES)[number];
export const LAYOUTS = ['single', 'side-by-side', 'swipe'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface LoadedNetworkState {
  network: Network;
  checksum: string;
  /** Where it came from: a bundled id or a file name. */
  source: string;
}

export interface Message {
  id: number;
  level: 'error' | 'warning' | 'info';
  title: string;
  file?: string;
  issues?: Issue[];
  detail?: string;
}

export interface ComparisonState {
  /** The scenario object these results were computed for (by identity: an edit makes a new object). */
  scenario: Scenario | null;
  /** The before side's scenario (null: the baseline), by identity too. */
  before: Scenario | null;
  report: ComparisonReport;
  doc: ResultsDocument;
  seconds: number;
}

export const network = signal<LoadedNetworkState | null>(null);
/**
 * What clicks on the map do: explore (select origin and destination zones) or edit (the scenario editor
 * owns the clicks while a tool is active).
 */
export const mapMode = signal<'explore' | 'edit'>('explore');
export const scenarios = signal<Scenario[]>([]);
export const scenarioId = signal<string | null>(null);
/**
 * The scenario compared with (the before side) when a scenario is chosen: null, the baseline; or another
 * scenario of the session (scenario A vs scenario B).
 */
export const beforeId = signal<string | null>(null);
export const period = signal('am-peak');
/** The id of the metric the map colours zones by (domain/metrics.ts; state/metrics.ts: what it is). */
export const metric = signal<string>(DEFAULT_METRIC);
export const mode = signal<ViewMode>('before');
export const layout = signal<Layout>('single');
export const selectedZone = signal<number | null>(null);
/** The zone under the pointer (its isochrone is fetched ahead of a click). */
export const hoveredZone = signal<number | null>(null);
export const destinationZone = signal<number | null>(null);
export const lang = signal<Language>('en');
export const layerVisible = signal<Record<LayerId, boolean>>({
  trunk: true,
  intercity: true,
  suburban: true,
  metro: true,
  bus: true,
});
export const basemapUrl = signal<string>('');
export const messages = signal<Message[]>([]);
/** Work the planner waits for: how far, what (default: computing commute times), and how to stop it. */
export const progress = signal<{ done: number; total: number; label?: string; cancel: () => void } | null>(
  null,
);
export const comparison = signal<ComparisonState | null>(null);
export const computeError = signal<string | null>(null);
/** Times (seconds) from the selected zone to every zone, before and after. */
export const isochrone = signal<{ zone: number; baseline: Float64Array; scenario?: Float64Array } | null>(
  null,
);
export const trips = signal<{
  origin: number;
  destination: number;
  baseline: TripDetail | null;
  scenario?: TripDetail | null;
} | null>(null);

export const activeScenario = computed<Scenario | null>(
  () => scenarios.value.find((s) => s.id === scenarioId.value) ?? null,
);

/**
 * The before side's scenario: the one picked to compare with, while a scenario (another one) is chosen
 * to compare; otherwise null, the baseline.
 */
export const beforeScenario = computed<Scenario | null>(() =>
  scenarioId.value === null || beforeId.value === scenarioId.value
    ? null
    : (scenarios.value.find((s) => s.id === beforeId.value) ?? null),
);

const appliedCache = new WeakMap<Network, WeakMap<Scenario, ApplyResult>>();

/**
 * The scenario applied to the network, once per pair of objects: the map, the editor's issues and its
 * list all ask for the same (main thread, about a millisecond on the JJJ network). An edit makes a new
 * scenario object, so nothing stale is returned.
 */
export function appliedScenario(n: Network, s: Scenario): ApplyResult {
  let byScenario = appliedCache.get(n);
  if (!byScenario) {
    byScenario = new WeakMap();
    appliedCache.set(n, byScenario);
  }
  let result = byScenario.get(s);
  if (!result) {
    result = applyScenario(n, s);
    byScenario.set(s, result);
  }
  return result;
}

/** The modifications (indices) every one of `issues` is about, or null when one is about the scenario itself. */
function modificationsOf(issues: readonly Issue[]): Set<number> | null {
  const indices = new Set<number>();
  for (const issue of issues) {
    const m = /^\$\.modifications\[(\d+)\]/.exec(issue.path);
    if (!m) return null;
    indices.add(Number(m[1]));
  }
  return indices;
}

const withoutPending = new WeakMap<Scenario, Scenario>();

/**
 * The scenario with the modifications at `indices` switched off (once per scenario object, so the same
 * object is computed and cached again).
 */
function switchedOff(s: Scenario, indices: Set<number>): Scenario {
  let out = withoutPending.get(s);
  if (!out) {
    out = {
      ...s,
      modifications: s.modifications.map((m, k) => (indices.has(k) ? { ...m, enabled: false } : m)),
    };
    withoutPending.set(s, out);
  }
  return out;
}

export interface AppliedScenario {
  network: Network;
  issues: Issue[];
  /** What is computed: the scenario, its pending modifications switched off; null when it does not apply. */
  scenario: Scenario | null;
  pending: number[];
}

/**
 * A scenario applied to the network, for drawing and computing. A modification still being made (a new
 * line with one stop) is pending, not an error: the rest of the scenario is applied and computed without
 * it (`scenario`, `pending`). Only problems that remain without the pending ones make the whole scenario
 * not apply (`issues`; `scenario` null, the baseline is shown).
 */
function appliedForView(s: Scenario | null): AppliedScenario | null {
  const n = network.value?.network;
  if (!n || !s) return null;
  const applied = appliedScenario(n, s);
  if (applied.ok) return { network: applied.network, issues: [], scenario: s, pending: [] };
  const indices = modificationsOf(applied.issues);
  if (indices) {
    const rest = switchedOff(s, indices);
    const again = appliedScenario(n, rest);
    if (again.ok) return { network: again.network, issues: [], scenario: rest, pending: [...indices] };
  }
  return { network: n, issues: applied.issues, scenario: null, pending: [] };
}

/** The active scenario (the after side) applied to the network. */
export const scenarioNetwork = computed(() => appliedForView(activeScenario.value));
/** The before side's scenario applied to the network (null: the baseline, the network as given). */
export const beforeNetwork = computed(() => appliedForView(beforeScenario.value));

/**
 * The network a map side shows: the before side's (the network as given, or the scenario compared with)
 * on the before map, the active scenario's on the after and difference maps (the before side's where the
 * scenario does not apply). Undefined without a network.
 */
export function sideNetwork(side: 'before' | 'after' | 'difference'): Network | undefined {
  const base = network.value?.network;
  const before = beforeNetwork.value?.network ?? base;
  return side === 'before' ? before : (scenarioNetwork.value?.network ?? before);
}

let nextMessage = 1;
export function report(message: Omit<Message, 'id'>): void {
  messages.value = [...messages.value, { ...message, id: nextMessage++ }];
}
export function dismiss(id: number): void {
  messages.value = messages.value.filter((m) => m.id !== id);
}
