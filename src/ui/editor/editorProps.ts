import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { Network } from '../../domain/network';
import type { Modification, Scenario } from '../../domain/scenario';
import type { FieldIssue } from './issues';
import { type MapTool, mapTool } from './mapTool';
import { editModification } from './session';

/** What every modification editor is given. */
export interface EditorProps<M extends Modification> {
  mod: M;
  /** The modification's editor key (its id, or `#index`). */
  modKey: string;
  /** The network with the rest of the scenario applied: what pickers offer and clicks snap to. */
  network: Network;
  /** The network as loaded (removals and closures refer to it: they apply first). */
  base: Network;
  scenario: Scenario;
  /** This modification's problems, by field path below it. */
  issues: FieldIssue[];
}

/** Edits of one modification: `fn` gets the current (working) modification, so map callbacks never go stale. */
export function updater<M extends Modification>(modKey: string) {
  return (fn: (m: M) => M, undoKey?: string) => editModification(modKey, (m) => fn(m as M), undoKey);
}

/**
 * Put `tool` on the map while the editor is open (and take it off when it closes). Set as the editor
 * renders (a layout effect), so a click right after the editor opens already goes to the tool.
 */
export function useMapTool(tool: MapTool): void {
  useLayoutEffect(() => {
    mapTool.value = tool;
  });
  useEffect(
    () => () => {
      mapTool.value = null;
    },
    [],
  );
}

let gestures = 0;
/** An undo key for one drag: all its moves are one step. */
export function newGestureKey(): string {
  return `drag#${++gestures}`;
}
