import { uniqueId } from '../../domain/ids';
import type { Network } from '../../domain/network';
import type { Scenario } from '../../domain/scenario';

export { uniqueId };

/** A modification id unused in the scenario: `mod-1`, `mod-2`, … (the number after the highest). */
export function nextModificationId(scenario: Scenario): string {
  let high = 0;
  for (const m of scenario.modifications) {
    const k = /^mod-(\d+)$/.exec(m.id ?? '')?.[1];
    if (k) high = Math.max(high, Number(k));
  }
  return uniqueId(`mod-${high + 1}`, new Set(scenario.modifications.map((m) => m.id ?? '')));
}

/** Every station id of the network and every new station the scenario creates: ids a new station may not take. */
export function takenStationIds(network: Network, scenario: Scenario): Set<string> {
  const taken = new Set(network.stations.map((s) => s.id));
  for (const m of scenario.modifications) {
    if (m.type !== 'add-line' && m.type !== 'extend-line') continue;
    for (const s of m.stops ?? []) if (typeof s !== 'string') taken.add(s.id);
  }
  return taken;
}

/** Line ids of the network and of lines the scenario adds. */
export function takenLineIds(network: Network, scenario: Scenario): Set<string> {
  const taken = new Set(network.lines.map((l) => l.id));
  for (const m of scenario.modifications) if (m.type === 'add-line' && m.line?.id) taken.add(m.line.id);
  return taken;
}
