import type { Issue } from '../../domain/issue';
import { isCancelled } from '../../workers/errors';
import { t } from '../i18n';
import { report } from '../state/store';

/** An error as the planner reads it: its kind and message (internal key separators shown as "·"). */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replaceAll('\u0000', ' · ');
}

/**
 * Anything that went wrong opening `file` — a worker that threw or died, a file that cannot be read — as a
 * message naming the file: never an unhandled rejection the planner does not see. Cancelling is not a failure.
 */
export function reportFailure(file: string, e: unknown): void {
  if (isCancelled(e) || (e instanceof Error && e.name === 'AbortError')) return;
  report({ level: 'error', title: `${t('files.errors')} ${file}`, file, detail: errorText(e) });
  console.info(`${file}: ${errorText(e)}`);
}

/** A file's problems, each with its path, as one message. */
export function reportProblems(file: string, issues: Issue[], detail?: string): void {
  report({
    level: 'error',
    title: `${t('files.errors')} ${file}`,
    file,
    issues,
    ...(detail !== undefined && { detail }),
  });
}
