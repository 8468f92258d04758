import type { Issue } from './issue';
import { describeModification, ResolveContext } from './modifications/context';
import { isModificationType, MODIFICATION_ORDER, MODIFICATIONS } from './modifications/index';
import type { Network } from './network';
import type { Modification, Scenario } from './scenario';

export type ApplyResult = { ok: true; network: Network } | { ok: false; issues: Issue[] };

/**
 * Apply a scenario's enabled modifications in the fixed order (by type, then as listed). Each is resolved
 * against the network the ones before it produced; a modification that does not resolve is reported and
 * skipped, so every problem is found in one pass. Any problem → no network (never a partial scenario).
 * The base network is not mutated. `skip` leaves out modifications by list index (ones already reported
 * as malformed), so the rest can still be checked and keep their paths.
 */
export function applyScenario(
  base: Network,
  scenario: Scenario,
  options: { skip?: ReadonlySet<number> } = {},
): ApplyResult {
  const issues: Issue[] = [];
  if (scenario.network !== base.id) {
    issues.push({
      path: '$.network',
      message: `scenario is for network "${scenario.network}", not "${base.id}"`,
    });
  }
  const listed = scenario.modifications.map((mod, listIndex) => ({ mod, listIndex }));
  const ordered = listed
    .filter(({ mod, listIndex }) => mod.enabled !== false && !options.skip?.has(listIndex))
    .sort((a, b) => rank(a.mod) - rank(b.mod) || a.listIndex - b.listIndex);
  const removedLines = new Map<string, string>();
  const closedStations = new Map<string, string>();
  let network = base;
  for (const { mod, listIndex } of ordered) {
    const path = `$.modifications[${listIndex}]`;
    if (!isModificationType(mod.type)) {
      issues.push({ path: `${path}.type`, message: `unknown modification type "${String(mod.type)}"` });
      continue;
    }
    const ctx = new ResolveContext(network, path, removedLines, closedStations);
    const resolved = resolveWith(mod, ctx);
    issues.push(...ctx.issues);
    if (!resolved || ctx.issues.length > 0) continue;
    network = resolved.apply(network);
    const by = describeModification(mod, listIndex);
    if (mod.type === 'remove-line') removedLines.set(mod.line, by);
    if (mod.type === 'close-station') closedStations.set(mod.station, by);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, network };
}

function rank(mod: Modification): number {
  const k = MODIFICATION_ORDER.indexOf(mod.type);
  return k < 0 ? MODIFICATION_ORDER.length : k;
}

function resolveWith(mod: Modification, ctx: ResolveContext) {
  // The map is keyed by type, so the module always matches the modification's own type.
  const module = MODIFICATIONS[mod.type] as {
    resolve(m: Modification, c: ResolveContext): ReturnType<(typeof MODIFICATIONS)['add-line']['resolve']>;
  };
  try {
    return module.resolve(mod, ctx);
  } catch (e) {
    // Input that passed validation but still trips a resolver (a shape the validator let through) is
    // reported against the modification, never thrown past it.
    ctx.issue([], `cannot be applied: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
