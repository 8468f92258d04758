/**
 * One problem found in input: where (a JSON path such as `$.lines[3].patterns[0].headways.am-peak`, or a
 * GTFS `stop_times.txt:42:arrival_time`) and what is wrong. Every loader and resolver reports all of them.
 */
export interface Issue {
  path: string;
  message: string;
}

/** Scenario modifications that cannot be resolved against the network; nothing was applied. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly issues: Issue[]) {
    super(
      `Scenario cannot be applied: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`,
    );
  }
}

export function formatIssues(issues: readonly Issue[], file?: string): string {
  return issues.map((i) => `  ${file ? `${file}: ` : ''}${i.path}: ${i.message}`).join('\n');
}

/** `$.a` + `b` → `$.a.b`; `$.a` + 3 → `$.a[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
