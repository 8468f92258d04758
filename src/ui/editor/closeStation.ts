import type { CloseStation, Scenario } from '../../domain/scenario';
import { nextModificationId } from './ids';

export function newCloseStation(scenario: Scenario, station: string): CloseStation {
  return { type: 'close-station', id: nextModificationId(scenario), station };
}

export function withStation(mod: CloseStation, station: string): CloseStation {
  return { ...mod, station };
}
