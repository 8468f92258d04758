import type { Issue } from '../../domain/issue';

/** An issue inside one modification: `field` is the path below it, e.g. `.stops[1]` or `.headways["am-peak"]`. */
export interface FieldIssue {
  field: string;
  message: string;
}

const MODIFICATION = /^\$\.modifications\[(\d+)\](.*)$/;

/**
 * Some resolvers pass a dotted key such as 'pattern.headways' as one path segment, which comes out as
 * `["pattern.headways"]`; read it as the nested path `.pattern.headways` it means, so it lands on its field.
 */
export function normalizePath(path: string): string {
  return path.replace(/\["([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)"\]/g, '.$1');
}

/**
 * Issues of applying a scenario, grouped by the modification they name (list index), so each is shown
 * where that modification is edited; the rest (e.g. `$.network`) under `scenario`.
 */
export function groupIssues(issues: readonly Issue[]): {
  byModification: Map<number, FieldIssue[]>;
  scenario: Issue[];
} {
  const byModification = new Map<number, FieldIssue[]>();
  const scenario: Issue[] = [];
  for (const issue of issues) {
    const m = MODIFICATION.exec(normalizePath(issue.path));
    if (!m) {
      scenario.push(issue);
      continue;
    }
    const k = Number(m[1]);
    const list = byModification.get(k) ?? [];
    list.push({ field: m[2]!, message: issue.message });
    byModification.set(k, list);
  }
  return { byModification, scenario };
}

/**
 * The issues about `field` (and anything below it), for showing next to that field: `.stops` takes
 * `.stops` and `.stops[2].coord`, not `.stopsX`.
 */
export function issuesAt(issues: readonly FieldIssue[], field: string): FieldIssue[] {
  return issues.filter(
    (i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`),
  );
}

/** Issues no field of an editor claims: shown at the top of the editor so none is lost. */
export function unclaimed(issues: readonly FieldIssue[], fields: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !fields.some((f) => issuesAt([i], f).length > 0));
}
