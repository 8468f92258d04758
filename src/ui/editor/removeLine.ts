import type { RemoveLine, Scenario } from '../../domain/scenario';
import { nextModificationId } from './ids';

export function newRemoveLine(scenario: Scenario, line: string): RemoveLine {
  return { type: 'remove-line', id: nextModificationId(scenario), line };
}

export function withLine(mod: RemoveLine, line: string): RemoveLine {
  return { ...mod, line };
}
