import { computed } from '@preact/signals';
import { applyScenario } from '../../domain/applyScenario';
import type { Network } from '../../domain/network';
import type { Scenario } from '../../domain/scenario';
import { appliedScenario, network } from '../state/store';
import { type FieldIssue, groupIssues } from './issues';
import { indexOfModification } from './scenarioOps';
import { selected, working } from './session';

/** The working scenario applied (main thread: plain-data edits of a few milliseconds), for its issues. */
export const applied = computed(() => {
  const n = network.value?.network;
  const s = working.value;
  return n && s ? appliedScenario(n, s) : null;
});

export const grouped = computed(() =>
  groupIssues(applied.value && !applied.value.ok ? applied.value.issues : []),
);

export function issuesOf(index: number): FieldIssue[] {
  return grouped.value.byModification.get(index) ?? [];
}

/**
 * The network a modification is edited against: the base with the rest of the scenario applied (so a
 * line added by another modification can be extended), leaving out modifications that do not apply. Falls
 * back to the base network.
 */
function contextNetwork(base: Network, scenario: Scenario, index: number): Network {
  const skip = new Set([index]);
  // Leaving one out can break those that build on it (a headway for the line it adds): leave those out too.
  for (let round = 0; round < 4; round++) {
    const result = applyScenario(base, scenario, { skip });
    if (result.ok) return result.network;
    const { byModification } = groupIssues(result.issues);
    if (byModification.size === 0) break;
    for (const k of byModification.keys()) skip.add(k);
  }
  return base;
}

/** The open modification, its list index and the network it is edited against. */
export const selectedContext = computed(() => {
  const n = network.value?.network;
  const s = working.value;
  const key = selected.value;
  if (!n || !s || key === null) return null;
  const index = indexOfModification(s, key);
  if (index < 0) return null;
  return { key, index, mod: s.modifications[index]!, network: contextNetwork(n, s, index) };
});
