import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../../test/support/editorToy';
import {
  addModification,
  createScenario,
  duplicateScenario,
  indexOfModification,
  removeModification,
  setEnabled,
  setNote,
  withFreshId,
} from './scenarioOps';

describe('scenario operations', () => {
  it('creates empty scenarios with unused ids', () => {
    const first = createScenario('toy', [], 'New');
    expect(first).toEqual({
      format: 'commuteshed.scenario/1',
      id: 'toy-scenario',
      name: 'New',
      description: '',
      network: 'toy',
      modifications: [],
    });
    expect(createScenario('toy', [first], 'New').id).toBe('toy-scenario-2');
  });

  it('duplicates under a new id and name; an import keeps its id unless taken', () => {
    const s = scenarioWith({ type: 'remove-line', line: 'm2' });
    const copy = duplicateScenario(s, [s], '(copy)');
    expect(copy).toMatchObject({ id: 'test-copy', name: 'Test (copy)', modifications: s.modifications });
    expect(copy.modifications[0]).not.toBe(s.modifications[0]);
    expect(withFreshId(s, [])).toBe(s);
    expect(withFreshId(s, [s, copy]).id).toBe('test-2');
  });

  it('adds, removes, disables and annotates modifications without touching the original', () => {
    const s = scenarioWith({ type: 'remove-line', line: 'm2', id: 'mod-1' });
    const two = addModification(s, { type: 'close-station', station: 'park' });
    expect(two.modifications).toHaveLength(2);
    expect(s.modifications).toHaveLength(1);
    const off = setEnabled(two, 0, false);
    expect(off.modifications[0]).toEqual({ type: 'remove-line', line: 'm2', id: 'mod-1', enabled: false });
    expect(setEnabled(off, 0, true).modifications[0]).toEqual({
      type: 'remove-line',
      line: 'm2',
      id: 'mod-1',
    });
    expect(setNote(two, 1, 'why').modifications[1]).toMatchObject({ note: 'why' });
    expect(setNote(setNote(two, 1, 'why'), 1, ' ').modifications[1]).not.toHaveProperty('note');
    expect(removeModification(two, 0).modifications).toEqual([{ type: 'close-station', station: 'park' }]);
    expect(indexOfModification(two, 'mod-1')).toBe(0);
    expect(indexOfModification(two, '#1')).toBe(1);
  });
});
