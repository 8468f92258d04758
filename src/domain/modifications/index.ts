import type { Modification, ModificationType } from '../scenario';
import { addLine } from './addLine';
import { addPattern } from './addPattern';
import { adjustSpeed } from './adjustSpeed';
import { closeStation } from './closeStation';
import { extendLine } from './extendLine';
import type { ModificationModule } from './module';
import { removeLine } from './removeLine';
import { setHeadway } from './setHeadway';
import { setProcessing } from './setProcessing';
import { setTransfer } from './setTransfer';
import { throughRun } from './throughRun';

/**
 * The fixed apply order: removals first (so nothing later can use what is gone, and a reference to it is
 * an error that says so), then what creates lines and stations, then what changes them.
 */
export const MODIFICATION_ORDER: readonly ModificationType[] = [
  'remove-line',
  'close-station',
  'add-line',
  'extend-line',
  'add-pattern',
  'through-run',
  'adjust-speed',
  'set-headway',
  'set-transfer',
  'set-processing',
];

type ModuleMap = { [T in ModificationType]: ModificationModule<Extract<Modification, { type: T }>> };

export const MODIFICATIONS: ModuleMap = {
  'remove-line': removeLine,
  'close-station': closeStation,
  'add-line': addLine,
  'extend-line': extendLine,
  'add-pattern': addPattern,
  'through-run': throughRun,
  'adjust-speed': adjustSpeed,
  'set-headway': setHeadway,
  'set-transfer': setTransfer,
  'set-processing': setProcessing,
};

export function isModificationType(value: unknown): value is ModificationType {
  return typeof value === 'string' && (MODIFICATION_ORDER as readonly string[]).includes(value);
}
