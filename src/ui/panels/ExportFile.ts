import type { ResultsDocument } from '../../io/schema/results';
import { t } from '../i18n';
import '../editor/strings';
import { report } from '../state/store';

/** Offer `blob` as a download named `name` (the browser saves it; nothing is uploaded). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** An export that did not complete: said, with the reason. */
export function failed(e: unknown): void {
  report({ level: 'error', title: t('export.failed'), detail: e instanceof Error ? e.message : String(e) });
}

/**
 * The exports' file names say what they hold: network, scenario, and the scenario compared with when it
 * is not the baseline, and period ("jjj-line22-105-vs-line22-80-am-peak").
 */
export function exportBase(doc: Pick<ResultsDocument, 'network' | 'scenario' | 'before' | 'period'>): string {
  const sides = doc.before ? `${doc.scenario?.id}-vs-${doc.before.id}` : (doc.scenario?.id ?? 'baseline');
  return `${doc.network.id}-${sides}-${doc.period.id}`;
}
