import type { Language } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { Modification } from '../../domain/scenario';
import { entryOf, namer } from './registry';

/**
 * One line saying what a modification does, for the list ("Metro 2: am-peak 2 min"). Names come from the
 * first of `networks` that has the id: the scenario's network names the lines it adds, the base network
 * those it removes; unknown ids are shown as they are.
 */
export function describeModification(
  mod: Modification,
  networks: readonly Network[],
  lang: Language,
  tr: (key: string) => string,
): string {
  return entryOf(mod).describe(mod, namer(networks, lang, tr));
}
