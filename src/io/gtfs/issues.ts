import type { Issue } from '../../domain/issue';

/** Where in a feed: `stop_times.txt:42:arrival_time` (file, 1-based line as in the file, column). */
export function feedPath(file: string, line?: number, column?: string): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/**
 * Errors (bad input: a row or a file that cannot be read as GTFS says) and warnings (input the model cannot
 * use, e.g. bus routes), each with its feed path. Kept up to a limit so a feed with a million bad rows does
 * not hold a million messages; the counts stay exact and the lists end with how many were left out.
 */
export class IssueLog {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly limit = 10_000) {}

  error(path: string, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.limit) this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warningCount++;
    if (this.warnings.length < this.limit) this.warnings.push({ path, message });
  }

  /** The errors as listed, plus a last line saying how many more there were. */
  errorList(): Issue[] {
    return withOverflow(this.errors, this.errorCount);
  }

  warningList(): Issue[] {
    return withOverflow(this.warnings, this.warningCount);
  }
}

function withOverflow(list: Issue[], count: number): Issue[] {
  if (count <= list.length) return [...list];
  return [...list, { path: '…', message: `${count - list.length} more not listed` }];
}
