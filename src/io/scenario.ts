import { applyScenario } from '../domain/applyScenario';
import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { parseJson } from './json';
import { checkNetworkGeography } from './networkChecks';
import { failed, type LoadResult } from './result';
import { patternSchema } from './schema/network';
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
    if (!applied.ok) return failed(file, applied.issues);
    const outOfBounds = resultIssues(network, structural.value, applied.network);
    return outOfBounds.length > 0 ? failed(file, outOfBounds) : structural;
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

/**
 * What the lines a scenario changed or added would be as a network file: every number in its domain, every
 * run plausible for its stations. Each modification is valid alone, but changes compound (two adjust-speed
 * factors of 0.1 make a run a hundred times longer), so the result is checked too; a problem is reported
 * at the first modification whose changes, with those listed before it, produce it.
 */
function resultIssues(base: Network, scenario: Scenario, result: Network): Issue[] {
  const problems = changedLineProblems(base, result);
  if (problems.length === 0) return [];
  for (let k = 0; k < scenario.modifications.length; k++) {
    const prefix = applyScenario(base, {
      ...scenario,
      modifications: scenario.modifications.slice(0, k + 1),
    });
    const found = prefix.ok ? changedLineProblems(base, prefix.network) : [];
    if (found.length > 0)
      return found.map((message) => ({
        path: `$.modifications[${k}]`,
        message: `with the changes listed before it, this makes ${message}`,
      }));
  }
  return problems.map((message) => ({ path: '$.modifications', message: `together these make ${message}` }));
}

/** Lines of `result` that are not `base`'s own objects, checked like a network file's lines. */
function changedLineProblems(base: Network, result: Network): string[] {
  const before = new Set(base.lines);
  const lines = result.lines.filter((l) => !before.has(l));
  const problems: string[] = [];
  for (const line of lines) {
    for (const p of line.patterns) {
      const checked = validate(patternSchema, p);
      if (checked.success) continue;
      for (const i of checked.issues)
        problems.push(
          `line "${line.id}" (pattern "${p.id}", direction ${p.direction}) ${i.path.slice(2)}: ${i.message}`,
        );
    }
  }
  for (const i of checkNetworkGeography({ stations: result.stations, lines })) {
    const m = /^\$\.lines\[(\d+)\]\.patterns\[(\d+)\]/.exec(i.path);
    if (!m) continue;
    const line = lines[Number(m[1])]!;
    const p = line.patterns[Number(m[2])]!;
    problems.push(
      `line "${line.id}" (pattern "${p.id}", direction ${p.direction}) implausible: ${i.message.replace(/ \(\$\.stations.*$/, '.')}`,
    );
  }
  return problems;
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
