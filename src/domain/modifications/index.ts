import type { Modification, ModificationType } from '../scenario';
import { addFeeder } from './addFeeder';
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

type ModuleMap = { [T in ModificationType]: ModificationModule<Extract<Modification, { type: T }>> };

/**
 * Every modification type, one entry each (a type missing here does not compile). Its place in the apply
 * order is the module's own `order`; io/schema and ui/editor keep their entries in registries of the same
 * shape, so a new type is one module, one schema and one editor entry.
 */
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
  'add-feeder': addFeeder,
};

/** The fixed apply order, from the modules' `order`. */
export const MODIFICATION_ORDER: readonly ModificationType[] = Object.values(MODIFICATIONS)
  .sort((a, b) => a.order - b.order)
  .map((m) => m.type);

export function isModificationType(value: unknown): value is ModificationType {
  return typeof value === 'string' && Object.hasOwn(MODIFICATIONS, value);
}
