import { applyScenario } from '../domain/applyScenario';
import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { parseJson } from './json';
import { failed, type LoadResult } from './result';
import { modificationSchema, scenarioSchema } from './schema/scenario';
import { validate } from './zodIssues';

/**
 * Parse and validate a commuteshed.scenario/1 file. References to the network's lines and stations are
 * checked when it is applied (they depend on the modifications before them).
 */
export function loadScenario(file: string, text: string): LoadResult<Scenario> {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(file, parsed.issues);
  return validateScenario(file, parsed.value);
}

export function validateScenario(file: string, value: unknown): LoadResult<Scenario> {
  const result = validate(scenarioSchema, value);
  if (!result.success) return failed(file, result.issues);
  const issues: Issue[] = [];
  const ids = new Set<string>();
  result.data.modifications.forEach((m, k) => {
    if (m.id === undefined) return;
    if (ids.has(m.id))
      issues.push({ path: `$.modifications[${k}].id`, message: `duplicate modification id "${m.id}"` });
    ids.add(m.id);
  });
  return issues.length > 0 ? failed(file, issues) : { ok: true, value: result.data as Scenario };
}

/**
 * A scenario file checked against the network it is for: its structural problems and, for every
 * modification that is structurally sound, the problems of applying it — all in one list.
 */
export function loadScenarioFor(network: Network, file: string, text: string): LoadResult<Scenario> {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(file, parsed.issues);
  const structural = validateScenario(file, parsed.value);
  if (structural.ok) {
    const applied = applyScenario(network, structural.value);
    return applied.ok ? structural : failed(file, applied.issues);
  }
  const raw = parsed.value as { network?: unknown; modifications?: unknown };
  if (!Array.isArray(raw?.modifications)) return structural;
  const skip = new Set<number>();
  const modifications = raw.modifications.map((m, k) => {
    const r = validate(modificationSchema, m);
    if (!r.success) skip.add(k);
    return r.success ? r.data : m;
  });
  const applied = applyScenario(
    network,
    {
      format: 'commuteshed.scenario/1',
      id: '',
      name: '',
      description: '',
      network: typeof raw.network === 'string' ? raw.network : network.id,
      modifications,
    } as Scenario,
    { skip },
  );
  const issues = [...structural.issues, ...(applied.ok ? [] : applied.issues)];
  return failed(
    file,
    issues.sort((a, b) => comparePaths(a.path, b.path)),
  );
}

/** JSON paths in document order: array indices numerically. */
function comparePaths(a: string, b: string): number {
  const split = (p: string) => p.split(/[.[\]]+/).filter(Boolean);
  const pa = split(a);
  const pb = split(b);
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
    if (pa[k] === pb[k]) continue;
    const na = Number(pa[k]);
    const nb = Number(pb[k]);
    return Number.isInteger(na) && Number.isInteger(nb) ? na - nb : pa[k]! < pb[k]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * The scenario as its schema orders it: the editor builds objects in the order a user fills them in, a
 * file may have any key order, yet the same scenario must give the same bytes wherever it is written.
 */
export function normalizeScenario(scenario: Scenario): Scenario {
  const result = validate(scenarioSchema, scenario);
  return result.success ? (result.data as Scenario) : scenario;
}

export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(normalizeScenario(scenario), null, 2)}\n`;
}
