import type { Network } from '../network';
import type { Modification } from '../scenario';
import type { ResolveContext } from './context';

/**
 * A resolved modification: every reference checked, every number known. Applying cannot fail and returns
 * a new network; the one it is given is never mutated.
 */
export interface Resolved {
  apply(network: Network): Network;
}

/** One modification type: resolve (report issues to the context, or return the resolved change), then apply. */
export interface ModificationModule<M extends Modification> {
  readonly type: M['type'];
  /**
   * Place in the fixed apply order (lower first, unique): removals, then what creates lines and stations,
   * then what changes them — so nothing can use what is gone, and a reference to it says so.
   */
  readonly order: number;
  resolve(mod: M, ctx: ResolveContext): Resolved | undefined;
}
