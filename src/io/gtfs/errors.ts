import { formatIssues, type Issue } from '../../domain/issue';

/**
 * A feed that could not be imported, for callers that want an exception (CLI, tests): every problem, each
 * with its `file:line:column` path. The importer itself never throws this; `unwrapImport` does.
 */
export class GtfsError extends Error {
  override readonly name = 'GtfsError';
  constructor(
    readonly feed: string,
    readonly issues: Issue[],
  ) {
    super(
      `${feed}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, nothing imported\n${formatIssues(issues)}`,
    );
  }
}

/**
 * The caller aborted the import through its AbortSignal. Named `AbortError` like the platform's own abort
 * errors, so code that already ignores aborted fetches ignores this too.
 */
export class GtfsAbortError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('GTFS import aborted');
  }
}
