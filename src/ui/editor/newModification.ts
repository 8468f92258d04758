import type { Network } from '../../domain/network';
import type { Modification, ModificationType, Scenario } from '../../domain/scenario';
import { newAddLine } from './addLine';
import { lineStops, newAddPattern } from './addPattern';
import { newAdjustSpeed } from './adjustSpeed';
import { newCloseStation } from './closeStation';
import { newExtendLine, terminusOf } from './extendLine';
import { newRemoveLine } from './removeLine';
import { newSetHeadway } from './setHeadway';
import { newSetProcessing } from './setProcessing';
import { newSetTransfer } from './setTransfer';
import { junctions, newThroughRun } from './throughRun';

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
  const sorted = [...network.lines].sort((a, b) => a.id.localeCompare(b.id));
  const first = sorted[0];
  switch (type) {
    case 'add-line':
      return newAddLine(network, scenario);
    case 'extend-line': {
      const line = sorted.find((l) => terminusOf(l, 'last') !== undefined);
      return line && newExtendLine(scenario, line);
    }
    case 'set-headway':
      return first && newSetHeadway(scenario, first);
    case 'adjust-speed':
      return first && newAdjustSpeed(scenario, first.id);
    case 'add-pattern': {
      const line = sorted.find((l) => lineStops(l).length >= 3);
      return line && newAddPattern(scenario, line);
    }
    case 'through-run': {
      const j = junctions(network)[0];
      return j && newThroughRun(scenario, j);
    }
    case 'set-transfer': {
      const hub = network.hubs[0];
      const station = network.stations[0];
      return hub
        ? newSetTransfer(scenario, { hub: hub.id })
        : station && newSetTransfer(scenario, { station: station.id });
    }
    case 'set-processing':
      return newSetProcessing(network, scenario);
    case 'remove-line': {
      const line = [...base.lines].sort((a, b) => a.id.localeCompare(b.id))[0];
      return line && newRemoveLine(scenario, line.id);
    }
    case 'close-station': {
      const station = [...base.stations].sort((a, b) => a.id.localeCompare(b.id))[0];
      return station && newCloseStation(scenario, station.id);
    }
  }
}
