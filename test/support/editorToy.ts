import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import type { Network } from '../../src/domain/network';
import { type Modification, SCENARIO_FORMAT, type Scenario } from '../../src/domain/scenario';
import { loadNetwork } from '../../src/io/network';
import { unwrap } from '../../src/io/result';
import { validateScenario } from '../../src/io/scenario';

/** The invented test network (networks/toy.network.json), for editor unit tests. */
export const toy: Network = unwrap(
  loadNetwork({
    file: 'toy.network.json',
    text: readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8'),
  }),
);

export function scenarioWith(...modifications: Modification[]): Scenario {
  return {
    format: SCENARIO_FORMAT,
    id: 'test',
    name: 'Test',
    description: '',
    network: 'toy',
    modifications,
  };
}

export const station = (id: string) => toy.stations.find((s) => s.id === id)!;
export const line = (id: string) => toy.lines.find((l) => l.id === id)!;

/** What an editor produced is a valid file (the schema) and applies to the network without issues. */
export function expectApplies(...mods: Modification[]): Network {
  const scenario = scenarioWith(...mods);
  const valid = validateScenario('test', JSON.parse(JSON.stringify(scenario)));
  expect(valid.ok ? [] : valid.issues).toEqual([]);
  const applied = applyScenario(toy, scenario);
  expect(applied.ok ? [] : applied.issues).toEqual([]);
  return applied.ok ? applied.network : toy;
}
