import type { ResultsDocument } from '../../io/schema/results';
import { t } from '../i18n';
import '../panels/strings';
import type { MapSide } from '../map/view';
import { activeScenario, beforeScenario } from './store';

/**
 * What the two sides of a comparison are called. Against the baseline: "Baseline" and "Scenario" (the
 * scenario named where there is room); two scenarios compared: "Before" and "After", each named.
 */
export interface SideNames {
  /** Column headings (summary, district table, chart). */
  before: string;
  after: string;
  /** Whose is each side: the baseline's or a scenario's name. */
  beforeName: string;
  afterName: string;
  /** Whether two scenarios are compared (the before side is not the baseline). */
  pair: boolean;
}

function names(
  before: { name: string } | null | undefined,
  after: { name: string } | null | undefined,
): SideNames {
  const pair = !!before;
  return {
    before: t(pair ? 'summary.before' : 'summary.baseline'),
    after: t(pair ? 'summary.after' : 'summary.scenario'),
    beforeName: before?.name ?? t('summary.baseline'),
    afterName: after?.name ?? t('summary.scenario'),
    pair,
  };
}

/** The sides of a results document (what was computed): its `before` scenario, if any, and `scenario`. */
export function documentSides(doc: Pick<ResultsDocument, 'before' | 'scenario'>): SideNames {
  return names(doc.before, doc.scenario);
}

/** "Baseline → Line 22 at 105 km/h": which two a document compares (empty without an after side). */
export function comparedCaption(doc: Pick<ResultsDocument, 'before' | 'scenario'>): string {
  const s = documentSides(doc);
  return doc.scenario ? t('compare.caption', { before: s.beforeName, after: s.afterName }) : '';
}

/** The sides as picked now (the view buttons and map captions follow the pick at once). */
export function pickedSides(): SideNames {
  return names(beforeScenario.value, activeScenario.value);
}

/** A map's or view button's label: "Before (baseline)", or with two scenarios "Before (name)", "After (name)". */
export function viewLabel(side: MapSide): string {
  const s = pickedSides();
  if (!s.pair || side === 'difference') return t(`view.${side}`);
  return t(side === 'before' ? 'view.beforeOf' : 'view.afterOf', {
    name: side === 'before' ? s.beforeName : s.afterName,
  });
}
