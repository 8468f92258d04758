import { batch, computed, effect, signal } from '@preact/signals';
import type { Modification, Scenario } from '../../domain/scenario';
import { t } from '../i18n';
import './strings';
import { isReadOnly } from '../persistence/workspace';
import { activeScenario, network, report, scenarioId, scenarios } from '../state/store';
import { type Change, History, putScenario } from './history';
import {
  addModification,
  createScenario,
  duplicateScenario,
  indexOfModification,
  modificationKey,
  removeModification,
  replaceModification,
  withFreshId,
} from './scenarioOps';

/**
 * The editing session. Edits change a draft of the active scenario at once (the editor and its map overlay
 * follow every keystroke and drag); the draft is committed to `scenarios` — a new scenario object, which
 * the compute controller reacts to — after COMMIT_MS without further edits, so a drag or a typed number
 * starts one computation, not dozens. Every edit is recorded for undo.
 */
export const COMMIT_MS = 400;

/** The active scenario as edited but not yet committed; null when nothing is pending. */
export const draft = signal<Scenario | null>(null);

/** What the editor shows: the pending draft, else the active scenario. */
export const working = computed<Scenario | null>(() => {
  const d = draft.value;
  const a = activeScenario.value;
  return d && a && d.id === a.id ? d : a;
});

/** The modification open in the editor (its id, or `#index` for one without). */
export const selected = signal<string | null>(null);

/** Whether undo/redo have something to do (for the buttons). */
export const undoState = signal({ canUndo: false, canRedo: false });

const history = new History();
let timer: ReturnType<typeof setTimeout> | undefined;
/** A drag in progress: commit when it ends, not in a pause mid-drag. */
let holding = false;

function syncUndoState(): void {
  undoState.value = { canUndo: history.canUndo, canRedo: history.canRedo };
}

function schedule(): void {
  clearTimeout(timer);
  if (!holding) timer = setTimeout(flush, COMMIT_MS);
}

/** Commit the draft now (before any change to the list itself, on undo of another scenario, on unload). */
export function flush(): void {
  clearTimeout(timer);
  const d = draft.value;
  if (!d) return;
  batch(() => {
    draft.value = null;
    scenarios.value = putScenario(scenarios.value, d.id, d);
  });
}

/**
 * A change to the list (create, delete, import) or the active scenario, committed at once and recorded.
 * Callers flush() the draft first: the change is computed from the list with it.
 */
function commitNow(change: Change): void {
  history.record(change);
  batch(() => {
    scenarios.value = putScenario(scenarios.value, change.scenario, change.after, change.index);
    scenarioId.value = change.activeAfter;
  });
  syncUndoState();
}

/** Add `s` to the list and make it the active scenario (one recorded change). */
function insertActive(s: Scenario, activeBefore: string | null): void {
  commitNow({ scenario: s.id, before: null, after: s, activeBefore, activeAfter: s.id });
}

/**
 * Apply `update` to the active scenario. A bundled scenario is read-only: the first edit copies it and the
 * edit goes to the copy. `key` groups edits into one undo step (one visit to a field, one drag).
 */
export function edit(update: (s: Scenario) => Scenario, key?: string): void {
  let base = working.value;
  if (!base) return;
  if (isReadOnly(base)) base = copyForEditing(base);
  const next = update(base);
  if (next === base) return;
  history.record({
    scenario: base.id,
    before: base,
    after: next,
    activeBefore: base.id,
    activeAfter: base.id,
    ...(key !== undefined && { key }),
  });
  draft.value = next;
  schedule();
  syncUndoState();
}

function copyForEditing(original: Scenario): Scenario {
  flush();
  const copy = duplicateScenario(original, scenarios.value, t('scen.copySuffix'));
  insertActive(copy, original.id);
  report({ level: 'info', title: t('scen.copied', { name: original.name }) });
  return copy;
}

/** Edit one modification (by editor key) of the active scenario. */
export function editModification(
  key: string,
  update: (m: Modification) => Modification,
  undoKey?: string,
): void {
  edit((s) => {
    const k = indexOfModification(s, key);
    if (k < 0) return s;
    const next = update(s.modifications[k]!);
    return next === s.modifications[k] ? s : replaceModification(s, k, next);
  }, undoKey);
}

/** Add the modification `make` gives from the working scenario (none: nothing changes) and open it. */
export function addNew(make: (s: Scenario) => Modification | undefined): void {
  let key: string | null = null;
  edit((s) => {
    const mod = make(s);
    if (!mod) return s;
    key = modificationKey(mod, s.modifications.length);
    return addModification(s, mod);
  });
  if (key) selected.value = key;
}

export function removeModificationByKey(key: string): void {
  edit((s) => {
    const k = indexOfModification(s, key);
    return k < 0 ? s : removeModification(s, k);
  });
  if (selected.value === key) selected.value = null;
}

/** Hold commits during a drag; the end of the drag commits (after the usual pause). */
export function beginGesture(): void {
  holding = true;
  clearTimeout(timer);
}

export function endGesture(): void {
  holding = false;
  if (draft.value) schedule();
}

export function undo(): void {
  const c = history.undo();
  if (c) restore(c.scenario, c.before, c.activeBefore, c.index);
  syncUndoState();
}

export function redo(): void {
  const c = history.redo();
  if (c) restore(c.scenario, c.after, c.activeAfter, c.index);
  syncUndoState();
}

/**
 * Put a scenario back as a change recorded it. A change to the active scenario goes through the draft
 * (so undoing quickly many times starts one computation); anything else is committed at once.
 */
function restore(id: string, value: Scenario | null, active: string | null, index?: number): void {
  const inList = scenarios.value.some((s) => s.id === id);
  if (value && inList && scenarioId.value === id && active === id) {
    draft.value = value;
    schedule();
    return;
  }
  flush();
  batch(() => {
    scenarios.value = putScenario(scenarios.value, id, value, index);
    scenarioId.value = active;
    draft.value = null;
  });
}

/** A new empty scenario for the current network, made active. */
export function createNew(name: string): Scenario | undefined {
  const n = network.value?.network;
  if (!n) return undefined;
  flush();
  const s = createScenario(n.id, scenarios.value, name);
  insertActive(s, scenarioId.value);
  selected.value = null;
  return s;
}

/** A copy of the active scenario (bundled or not), made active. */
export function duplicateActive(): void {
  const s = working.value;
  if (!s) return;
  flush();
  insertActive(duplicateScenario(s, scenarios.value, t('scen.copySuffix')), s.id);
}

export function deleteActive(): void {
  const s = working.value;
  if (!s || isReadOnly(s)) return;
  flush();
  const index = scenarios.value.findIndex((x) => x.id === s.id);
  commitNow({ scenario: s.id, before: s, after: null, activeBefore: s.id, activeAfter: null, index });
  selected.value = null;
}

/**
 * Add a scenario that was read from a file (already validated): under a fresh id if one is taken, so an
 * import never replaces the planner's work; made active.
 */
export function adopt(scenario: Scenario): Scenario {
  flush();
  const s = withFreshId(scenario, scenarios.value);
  insertActive(s, scenarioId.value);
  selected.value = null;
  return s;
}

/** Whether a key pressed on `target` is typing (a text field), not a shortcut. */
export function editableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'range', 'color'].includes(target.type)
  );
}

/**
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes — except in a text field, where the browser's own
 * text undo is what a planner expects; the buttons work everywhere. Pending edits are committed when the
 * page is hidden or closed. Returns the function that removes the listeners.
 */
export function startSession(): () => void {
  const key = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || editableTarget(e.target)) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) undo();
    else if ((k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey)) redo();
    else return;
    e.preventDefault();
  };
  const hide = () => flush();
  const visibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('keydown', key);
  window.addEventListener('pagehide', hide);
  document.addEventListener('visibilitychange', visibility);
  // Switching scenario or network commits what is pending first; a new network starts a new history.
  let lastNetwork = network.peek();
  const stop = effect(() => {
    const id = scenarioId.value;
    const n = network.value;
    const d = draft.peek();
    // On a network change this runs as the new network is set, while the list is still the old one's,
    // so the draft lands with its own network's scenarios.
    if ((d && d.id !== id) || n !== lastNetwork) flush();
    if (n !== lastNetwork) {
      lastNetwork = n;
      history.clear();
      selected.value = null;
      syncUndoState();
    }
  });
  return () => {
    window.removeEventListener('keydown', key);
    window.removeEventListener('pagehide', hide);
    document.removeEventListener('visibilitychange', visibility);
    stop();
  };
}
