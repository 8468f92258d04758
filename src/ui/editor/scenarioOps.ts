import { type Modification, SCENARIO_FORMAT, type Scenario } from '../../domain/scenario';
import { uniqueId } from './ids';

/** An empty scenario for the network, with an id unused among `existing`. */
export function createScenario(networkId: string, existing: readonly Scenario[], name: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    id: uniqueId(`${networkId}-scenario`, new Set(existing.map((s) => s.id))),
    name,
    description: '',
    network: networkId,
    modifications: [],
  };
}

/** A copy under a new id (and a name saying so), e.g. to edit a bundled scenario. */
export function duplicateScenario(
  scenario: Scenario,
  existing: readonly Scenario[],
  suffix: string,
): Scenario {
  return {
    ...scenario,
    id: uniqueId(`${scenario.id}-copy`, new Set(existing.map((s) => s.id))),
    name: `${scenario.name} ${suffix}`,
    modifications: scenario.modifications.map((m) => ({ ...m })),
  };
}

/** The scenario under an id unused among `existing` (an import must not replace the planner's work). */
export function withFreshId(scenario: Scenario, existing: readonly Scenario[]): Scenario {
  const taken = new Set(existing.map((s) => s.id));
  return taken.has(scenario.id) ? { ...scenario, id: uniqueId(scenario.id, taken) } : scenario;
}

export function renameScenario(scenario: Scenario, name: string): Scenario {
  return { ...scenario, name };
}

export function describeScenario(scenario: Scenario, description: string): Scenario {
  return { ...scenario, description };
}

export function addModification(scenario: Scenario, mod: Modification): Scenario {
  return { ...scenario, modifications: [...scenario.modifications, mod] };
}

export function replaceModification(scenario: Scenario, index: number, mod: Modification): Scenario {
  return { ...scenario, modifications: scenario.modifications.map((m, k) => (k === index ? mod : m)) };
}

export function removeModification(scenario: Scenario, index: number): Scenario {
  return { ...scenario, modifications: scenario.modifications.filter((_, k) => k !== index) };
}

/** Disabled modifications stay in the file but are not applied; enabled is the default, so the field goes. */
export function setEnabled(scenario: Scenario, index: number, enabled: boolean): Scenario {
  const mod = scenario.modifications[index];
  if (!mod) return scenario;
  const { enabled: _e, ...rest } = mod;
  return replaceModification(scenario, index, (enabled ? rest : { ...rest, enabled: false }) as Modification);
}

export function setNote(scenario: Scenario, index: number, note: string): Scenario {
  const mod = scenario.modifications[index];
  if (!mod) return scenario;
  const { note: _n, ...rest } = mod;
  return replaceModification(scenario, index, (note.trim() ? { ...rest, note } : rest) as Modification);
}

/** Index of the modification with `id` (editors address modifications by id; files may lack ids). */
export function indexOfModification(scenario: Scenario, id: string): number {
  return scenario.modifications.findIndex((m, k) => modificationKey(m, k) === id);
}

/** The id editors use for a modification: its own, or its position for files without ids. */
export function modificationKey(mod: Modification, index: number): string {
  return mod.id ?? `#${index}`;
}
