import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioWith, toy } from '../../../test/support/editorToy';
import { bundledIds } from '../persistence/workspace';
import { activeScenario, messages, network, scenarioId, scenarios } from '../state/store';
import { renameScenario } from './scenarioOps';
import {
  adopt,
  COMMIT_MS,
  createNew,
  deleteActive,
  draft,
  edit,
  flush,
  redo,
  undo,
  working,
} from './session';

const shipped = {
  ...scenarioWith({ type: 'set-headway', line: 'm2', headways: { 'am-peak': 120 } }),
  id: 'toy-express',
  name: 'Express',
};
const names = () => scenarios.value.map((s) => s.name);

beforeEach(() => {
  vi.useFakeTimers();
  network.value = { network: toy, checksum: 'sha256:test', source: 'toy' };
  bundledIds.value = new Set([shipped.id]);
  scenarios.value = [shipped];
  scenarioId.value = null;
  messages.value = [];
  // Empty the history left by the previous test.
  while (draft.value || scenarios.value.length > 1) flush();
});
afterEach(() => {
  flush();
  vi.useRealTimers();
});

describe('editing session', () => {
  it('shows an edit at once and commits it (a new scenario object) after a pause', () => {
    const created = createNew('Plan A')!;
    const committed = activeScenario.value;
    edit((s) => renameScenario(s, 'Plan B'));
    expect(working.value?.name).toBe('Plan B');
    expect(activeScenario.value).toBe(committed);
    vi.advanceTimersByTime(COMMIT_MS - 1);
    expect(activeScenario.value?.name).toBe('Plan A');
    vi.advanceTimersByTime(1);
    expect(activeScenario.value?.name).toBe('Plan B');
    expect(activeScenario.value).not.toBe(committed);
    expect(draft.value).toBeNull();
    expect(created.id).toBe('toy-scenario');
  });

  it('commits a burst of edits once', () => {
    createNew('Plan');
    const seen: string[] = [];
    const before = scenarios.value;
    for (const n of ['a', 'ab', 'abc']) {
      edit((s) => renameScenario(s, n), 'typing');
      vi.advanceTimersByTime(COMMIT_MS / 2);
      if (scenarios.value !== before) seen.push(activeScenario.value!.name);
    }
    vi.advanceTimersByTime(COMMIT_MS);
    expect(seen).toEqual([]);
    expect(activeScenario.value?.name).toBe('abc');
  });

  it('copies a bundled scenario on the first edit; undo and redo step through copy and edit', () => {
    scenarioId.value = shipped.id;
    edit((s) => renameScenario(s, 'Mine'));
    expect(scenarioId.value).toBe('toy-express-copy');
    expect(messages.value.map((m) => m.level)).toEqual(['info']);
    vi.advanceTimersByTime(COMMIT_MS);
    expect(names()).toEqual(['Express', 'Mine']);
    expect(scenarios.value[0]).toBe(shipped);

    undo();
    vi.advanceTimersByTime(COMMIT_MS);
    expect(names()).toEqual(['Express', 'Express (copy)']);
    undo();
    expect(names()).toEqual(['Express']);
    expect(scenarioId.value).toBe(shipped.id);
    redo();
    redo();
    vi.advanceTimersByTime(COMMIT_MS);
    expect(names()).toEqual(['Express', 'Mine']);
    expect(scenarioId.value).toBe('toy-express-copy');
  });

  it('undoes the keystrokes of one visit to a field in one step', () => {
    createNew('P');
    for (const n of ['Pl', 'Pla', 'Plan']) edit((s) => renameScenario(s, n), 'name#1');
    edit((s) => renameScenario(s, 'Plan 2'), 'name#2');
    undo();
    expect(working.value?.name).toBe('Plan');
    undo();
    expect(working.value?.name).toBe('P');
  });

  it('brings a deleted scenario back in its place, and an imported one never replaces another', () => {
    const a = createNew('A')!;
    createNew('B');
    scenarioId.value = a.id;
    deleteActive();
    expect(names()).toEqual(['Express', 'B']);
    expect(scenarioId.value).toBeNull();
    undo();
    expect(names()).toEqual(['Express', 'A', 'B']);
    expect(scenarioId.value).toBe(a.id);
    const imported = adopt({ ...scenarioWith(), id: a.id, name: 'A from a file' });
    expect(imported.id).toBe(`${a.id}-3`); // -2 is B
    expect(names()).toEqual(['Express', 'A', 'B', 'A from a file']);
    expect(scenarioId.value).toBe(imported.id);
  });

  it('never deletes a bundled scenario', () => {
    scenarioId.value = shipped.id;
    deleteActive();
    expect(scenarios.value).toEqual([shipped]);
  });
});
