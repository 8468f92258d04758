import { batch, effect, signal } from '@preact/signals';
import type { Issue } from '../../domain/issue';
import { isModificationType } from '../../domain/modifications/index';
import type { Scenario } from '../../domain/scenario';
import { validateScenario } from '../../io/scenario';
import { withFreshId } from '../editor/scenarioOps';
import { t } from '../i18n';
import { report, scenarioId, scenarios } from '../state/store';
import { readWorkspace, type SavedWorkspace, writeWorkspace } from './db';

/** Ids of the scenarios shipped with the app for the current network: read-only (editing one copies it). */
export const bundledIds = signal<ReadonlySet<string>>(new Set());

/** The network whose saved scenarios are in `scenarios`; nothing is saved before they were restored. */
const restoredNetwork = signal<string | null>(null);

/** Whether the last write failed (private browsing, storage full): reported once, not on every edit. */
let failureReported = false;

export function isReadOnly(scenario: Scenario | null): boolean {
  return scenario !== null && bundledIds.value.has(scenario.id);
}

const STRUCTURED: Record<string, string | undefined> = {
  'add-line': 'line',
  'add-pattern': 'pattern',
  'set-transfer': 'at',
};

/**
 * The planner's own work may be saved mid-edit, not yet a valid file (a new line with one stop): it is
 * restored as long as it has the shape the editors need, and its problems are shown where it is edited.
 */
export function editableShape(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (typeof s.id !== 'string' || typeof s.name !== 'string' || typeof s.network !== 'string') return false;
  if (!Array.isArray(s.modifications)) return false;
  return s.modifications.every((m: unknown) => {
    if (typeof m !== 'object' || m === null) return false;
    const type = (m as { type?: unknown }).type;
    if (typeof type !== 'string' || !isModificationType(type)) return false;
    const nested = STRUCTURED[type];
    return nested === undefined || typeof (m as Record<string, unknown>)[nested] === 'object';
  });
}

/**
 * The bundled scenarios with the saved ones after them. A saved scenario is validated as a file would
 * be; one that fails but is still editable work is kept (its problems show in the editor), anything else
 * is left out and reported. One whose id a bundled scenario has since taken gets a new id.
 */
export function mergeSaved(
  networkId: string,
  bundled: readonly Scenario[],
  saved: readonly unknown[],
): { scenarios: Scenario[]; issues: Issue[] } {
  const out = [...bundled];
  const issues: Issue[] = [];
  saved.forEach((value, k) => {
    const result = validateScenario(`saved[${k}]`, value);
    let s: Scenario;
    if (result.ok) s = result.value;
    else if (editableShape(value)) s = value;
    else {
      issues.push(
        ...result.issues.map((i) => ({ path: `saved[${k}]${i.path.slice(1)}`, message: i.message })),
      );
      return;
    }
    if (s.network !== networkId) return;
    out.push(withFreshId(s, out));
  });
  return { scenarios: out, issues };
}

/** The user's scenarios of `list` for saving: not bundled, for this network. */
export function userScenarios(
  list: readonly Scenario[],
  networkId: string,
  bundled: ReadonlySet<string>,
): Scenario[] {
  return list.filter((s) => s.network === networkId && !bundled.has(s.id));
}

/** A network's scenarios as they will be shown: the bundled ones and the planner's saved ones. */
export interface Workspace {
  networkId: string;
  bundled: Scenario[];
  scenarios: Scenario[];
  /** The scenario that was active when the workspace was last saved. */
  active: string | null;
  /** False when the saved scenarios could not be read: then nothing is saved over them this session. */
  readable: boolean;
}

/**
 * Read what was saved for a network and merge it with its bundled scenarios. Problems (storage that cannot
 * be read, saved scenarios that no longer validate) are reported; the bundled scenarios are always there.
 */
export async function readWorkspaceOf(networkId: string, bundled: Scenario[]): Promise<Workspace> {
  let saved: SavedWorkspace | undefined;
  let readable = true;
  try {
    saved = await readWorkspace(networkId);
  } catch (e) {
    readable = false;
    report({
      level: 'warning',
      title: t('persist.readFailed'),
      detail: `${e instanceof Error ? e.message : String(e)}. ${t('persist.notSaving')}`,
    });
  }
  const merged = mergeSaved(networkId, bundled, saved?.scenarios ?? []);
  if (merged.issues.length > 0)
    report({ level: 'warning', title: t('persist.skipped'), issues: merged.issues });
  return { networkId, bundled, scenarios: merged.scenarios, active: saved?.active ?? null, readable };
}

/**
 * Show a network's workspace: its scenarios in `scenarios`, the one that was active re-selected unless
 * one of them is already selected, and autosave from now on writing under this network. Called in the
 * same batch as the network itself changes (ui/data/current.ts), so no save ever pairs one network's id
 * with another's list.
 */
export function showWorkspace(w: Workspace): void {
  batch(() => {
    bundledIds.value = new Set(w.bundled.map((s) => s.id));
    scenarios.value = w.scenarios;
    if (!w.scenarios.some((s) => s.id === scenarioId.value))
      scenarioId.value = w.scenarios.some((s) => s.id === w.active) ? w.active : null;
    // Saved scenarios that could not be read are never written over with what this session has.
    restoredNetwork.value = w.readable ? w.networkId : null;
  });
}

/**
 * Save on every committed change (the editor commits at most every ~400 ms), not on unload only, so the
 * work survives a crash. Writes are queued so they land in order.
 */
export function startAutosave(): () => void {
  let queue = Promise.resolve();
  let last = '';
  return effect(() => {
    const networkId = restoredNetwork.value;
    const list = scenarios.value;
    const active = scenarioId.value;
    if (!networkId) return;
    const mine = userScenarios(list, networkId, bundledIds.value);
    const text = JSON.stringify([networkId, mine, active]);
    if (text === last) return;
    last = text;
    const workspace: SavedWorkspace = {
      network: networkId,
      scenarios: mine,
      active,
      savedAt: new Date().toISOString(),
    };
    queue = queue
      .then(() => writeWorkspace(workspace))
      .then(() => {
        failureReported = false;
      })
      .catch((e: unknown) => {
        if (failureReported) return;
        failureReported = true;
        report({
          level: 'error',
          title: t('persist.writeFailed'),
          detail: e instanceof Error ? e.message : String(e),
        });
      });
  });
}
