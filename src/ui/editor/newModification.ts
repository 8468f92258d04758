import type { Network } from '../../domain/network';
import type { Modification, ModificationType, Scenario } from '../../domain/scenario';
import { EDITORS } from './registry';

/**
 * A new modification of `type` with its first sensible target (the first line, hub or junction), for the
 * planner to change — or undefined when the network has nothing it could apply to (no junction to run
 * through). `network` is the scenario's network so far; removals and closures take `base` (they apply first).
 */
export function newModification(
  type: ModificationType,
  scenario: Scenario,
  network: Network,
  base: Network,
): Modification | undefined {
  const sortedLines = [...network.lines].sort((a, b) => a.id.localeCompare(b.id));
  return EDITORS[type].create({ scenario, network, base, sortedLines });
}
