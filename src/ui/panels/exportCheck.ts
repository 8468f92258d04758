import type { Issue } from '../../domain/issue';
import type { ResultsDocument } from '../../io/schema/results';
import { ioWorker } from '../../workers/browserIo';
import { reportProblems } from '../data/failure';
import { t } from '../i18n';
import { failed } from './ExportFile';
import './strings';

type Check = (doc: ResultsDocument) => Promise<Issue[]>;

/** Each document's check, asked once (a JJJ document takes ~0.1–0.2 s to check, in the io worker). */
const checks = new WeakMap<ResultsDocument, Promise<Issue[]>>();

/**
 * Whether `doc` may be written as `file`: checked against commuteshed.results/1 (checkResults, in the io
 * worker) before any download is offered — a file that breaks its own format is never handed out
 * (DESIGN.md §4). Its problems, if any, are shown as a bad file's are: the file named, each problem at its
 * JSON path, all at once; the view stays as it is.
 */
export async function readyForExport(
  doc: ResultsDocument,
  file: string,
  check: Check = (d) => ioWorker().checkResults(d),
): Promise<boolean> {
  let issues = checks.get(doc);
  if (!issues) {
    issues = check(doc);
    checks.set(doc, issues);
    // A failed check is asked again next time.
    issues.catch(() => checks.delete(doc));
  }
  let found: Issue[];
  try {
    found = await issues;
  } catch (e) {
    // The check itself failed (the io worker gone, say): nothing is offered, and the planner is told.
    failed(e);
    return false;
  }
  if (found.length > 0) reportProblems(file, found, t('export.invalid'));
  return found.length === 0;
}
