import type { Scenario } from '../../domain/scenario';

/**
 * One undoable change: a scenario before and after (created: before is null; deleted: after is null), and
 * which scenario was active. Changes are per scenario, not snapshots of the whole list, so undoing one
 * never touches scenarios changed some other way (a file dropped on the page, another network's list).
 */
export interface Change {
  scenario: string;
  before: Scenario | null;
  after: Scenario | null;
  activeBefore: string | null;
  activeAfter: string | null;
  /** Where the scenario stood in the list (a deleted one comes back in its place). */
  index?: number;
  /**
   * Consecutive changes with the same key to the same scenario are one step: every keystroke of one
   * visit to a field, every move of one drag.
   */
  key?: string;
}

/** Undo and redo stacks of changes. Recording a change clears what could be redone, as editors do. */
export class History {
  private done: Change[] = [];
  private undone: Change[] = [];

  constructor(readonly limit = 500) {}

  record(change: Change): void {
    const last = this.done.at(-1);
    if (change.key !== undefined && last?.key === change.key && last.scenario === change.scenario) {
      this.done[this.done.length - 1] = { ...last, after: change.after, activeAfter: change.activeAfter };
    } else {
      this.done.push(change);
      if (this.done.length > this.limit) this.done.shift();
    }
    this.undone = [];
  }

  /** The change to reverse (apply its `before`), or undefined when there is none. */
  undo(): Change | undefined {
    const c = this.done.pop();
    if (c) this.undone.push(c);
    return c;
  }

  /** The change to repeat (apply its `after`). */
  redo(): Change | undefined {
    const c = this.undone.pop();
    if (c) this.done.push(c);
    return c;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/** The list with scenario `id` set to `value`: replaced in place, inserted (at `index`), or removed (null). */
export function putScenario(
  list: readonly Scenario[],
  id: string,
  value: Scenario | null,
  index?: number,
): Scenario[] {
  const at = list.findIndex((s) => s.id === id);
  if (value === null) return list.filter((s) => s.id !== id);
  if (at >= 0) return list.map((s, k) => (k === at ? value : s));
  const next = [...list];
  next.splice(index === undefined ? next.length : Math.min(index, next.length), 0, value);
  return next;
}
