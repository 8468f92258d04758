import type { Issue } from '../domain/issue';
import type { Scenario } from '../domain/scenario';
import { parseJson } from './json';
import { failed, type LoadResult } from './result';
import { scenarioSchema } from './schema/scenario';
import { fromZod } from './zodIssues';

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
  const result = scenarioSchema.safeParse(value, { reportInput: true });
  if (!result.success) return failed(file, fromZod(result.error.issues));
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

export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
