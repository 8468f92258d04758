import { formatIssues, type Issue } from '../domain/issue';

/**
 * A loader's answer: the value, or every problem found (never a partial value). A value may come with
 * warnings: input that loads but that a planner should hear about (an empty core: no time to the core).
 */
export type LoadResult<T> =
  | { ok: true; value: T; warnings?: Issue[] }
  | { ok: false; file: string; issues: Issue[] };

/** Invalid input where a caller wants an exception (CLI, tests): the file and all its problems. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly file: string,
    readonly issues: Issue[],
  ) {
    super(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`);
  }
}

export function failed<T>(file: string, issues: Issue[]): LoadResult<T> {
  return { ok: false, file, issues };
}

/** The value, or a ValidationError naming the file and every issue. */
export function unwrap<T>(result: LoadResult<T>): T {
  if (result.ok) return result.value;
  throw new ValidationError(result.file, result.issues);
}
