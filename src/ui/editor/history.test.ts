import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../../test/support/editorToy';
import { type Change, History, putScenario } from './history';

const a = { ...scenarioWith(), id: 'a', name: 'A' };
const b = { ...scenarioWith(), id: 'b', name: 'B' };
const named = (s: typeof a, name: string) => ({ ...s, name });
const edit = (before: typeof a, after: typeof a, key?: string): Change => ({
  scenario: before.id,
  before,
  after,
  activeBefore: before.id,
  activeAfter: before.id,
  ...(key !== undefined && { key }),
});

describe('History', () => {
  it('undoes and redoes in order, and a new change clears the redo stack', () => {
    const h = new History();
    const a1 = named(a, 'A1');
    const a2 = named(a, 'A2');
    h.record(edit(a, a1));
    h.record(edit(a1, a2));
    expect(h.undo()?.before).toBe(a1);
    expect(h.undo()?.before).toBe(a);
    expect(h.undo()).toBeUndefined();
    expect(h.canRedo).toBe(true);
    expect(h.redo()?.after).toBe(a1);
    h.record(edit(a1, named(a, 'A3')));
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.after?.name).toBe('A3');
  });

  it('merges consecutive changes with one key to one scenario into one step', () => {
    const h = new History();
    h.record(edit(a, named(a, 'N'), 'name#1'));
    h.record(edit(named(a, 'N'), named(a, 'Ne'), 'name#1'));
    h.record(edit(named(a, 'Ne'), named(a, 'New'), 'name#1'));
    const step = h.undo()!;
    expect(step.before).toBe(a);
    expect(step.after?.name).toBe('New');
    expect(h.canUndo).toBe(false);
  });

  it('keeps steps apart for another key, another scenario, or no key', () => {
    const h = new History();
    h.record(edit(a, named(a, 'x'), 'k'));
    h.record(edit(b, named(b, 'y'), 'k'));
    h.record(edit(named(a, 'x'), named(a, 'z'), 'k2'));
    h.record(edit(named(a, 'z'), named(a, 'w')));
    h.record(edit(named(a, 'w'), named(a, 'v')));
    let n = 0;
    while (h.undo()) n++;
    expect(n).toBe(5);
  });

  it('forgets the oldest steps beyond its limit', () => {
    const h = new History(3);
    for (let k = 0; k < 5; k++) h.record(edit(named(a, `${k}`), named(a, `${k + 1}`)));
    expect([h.undo()?.before?.name, h.undo()?.before?.name, h.undo()?.before?.name, h.undo()]).toEqual([
      '4',
      '3',
      '2',
      undefined,
    ]);
  });
});

describe('putScenario', () => {
  it('replaces in place, inserts at an index (or the end) and removes', () => {
    const a2 = named(a, 'A2');
    expect(putScenario([a, b], 'a', a2)).toEqual([a2, b]);
    expect(putScenario([b], 'a', a, 0)).toEqual([a, b]);
    expect(putScenario([b], 'a', a)).toEqual([b, a]);
    expect(putScenario([a, b], 'a', null)).toEqual([b]);
  });
});
