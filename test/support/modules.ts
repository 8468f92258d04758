import type { Issue } from '../../src/domain/issue';
import { ResolveContext } from '../../src/domain/modifications/context';
import type { ModificationModule } from '../../src/domain/modifications/module';
import type { Network } from '../../src/domain/network';
import type { Modification } from '../../src/domain/scenario';
import { deepFreeze } from './route';

/**
 * Resolve one modification with its module against a deep-frozen copy of `base` (so any mutation throws)
 * and apply it: the issues, or the new network. The frozen base is checked unchanged afterwards.
 */
export function run<M extends Modification>(
  module: ModificationModule<M>,
  base: Network,
  mod: M,
  context: { removedLines?: Map<string, string>; closedStations?: Map<string, string> } = {},
): { issues: Issue[]; network?: Network } {
  const snapshot = structuredClone(base);
  const frozen = deepFreeze(structuredClone(base));
  const ctx = new ResolveContext(
    frozen,
    '$.modifications[0]',
    context.removedLines ?? new Map(),
    context.closedStations ?? new Map(),
  );
  const resolved = module.resolve(deepFreeze(structuredClone(mod)), ctx);
  if (ctx.issues.length > 0 || !resolved) {
    if (ctx.issues.length === 0) throw new Error('resolve returned nothing and reported nothing');
    if (resolved) throw new Error('resolve reported issues and still returned a change');
    return { issues: ctx.issues };
  }
  const network = resolved.apply(frozen);
  if (JSON.stringify(frozen) !== JSON.stringify(snapshot)) throw new Error('the base network changed');
  return { issues: [], network };
}

/** The network a modification makes; fails with its issues when it does not resolve. */
export function ok<M extends Modification>(module: ModificationModule<M>, base: Network, mod: M): Network {
  const { issues, network } = run(module, base, mod);
  if (!network) throw new Error(`does not resolve: ${JSON.stringify(issues)}`);
  return network;
}

/** The issues a modification reports; fails when it resolves. */
export function problems<M extends Modification>(
  module: ModificationModule<M>,
  base: Network,
  mod: M,
): Issue[] {
  const { issues, network } = run(module, base, mod);
  if (network) throw new Error('resolved, but it should not');
  return issues;
}
