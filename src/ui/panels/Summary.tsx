import { metricText } from '../../domain/metrics';
import { TRIP_MODES, type TripMode } from '../../domain/modes';
import { type Language, nameIn } from '../../domain/names';
import { compactMetrics, figureIn } from '../../io/resultsFigures';
import type { ResultsDocument } from '../../io/schema/results';
import { decimal, signed } from '../format';
import { t } from '../i18n';
import { comparedCaption, documentSides } from '../state/sides';
import { comparison, lang, network, selectedZone } from '../state/store';
import { DistributionChart } from './Chart';
import { DistrictsButton } from './Districts';

type Row = {
  key: string;
  /** The row's heading, where it is not the text `summary.<key>`. */
  label?: string;
  base: (d: ResultsDocument) => number | null | undefined;
  scen?: (d: ResultsDocument) => number | null | undefined;
  delta?: (d: ResultsDocument) => number | null | undefined;
  /** Decimals of the figures and of their change (said by every row: no default to drift from). */
  digits: number;
};

/** A row per metric with a regional figure (domain/metrics.ts), keyed by the metric's id. */
function metricRows(doc: ResultsDocument, l: Language): Row[] {
  return compactMetrics(doc, 'summary').map((m) => ({
    key: m.id,
    label: metricText(m, m.summaryLabel ?? m.label, l),
    base: (d) => figureIn(d.summary.baseline, m, 'summary'),
    scen: (d) => figureIn(d.summary.scenario, m, 'summary'),
    delta: (d) => figureIn(d.summary.delta, m, 'summary'),
    digits: m.summary?.digits ?? 1,
  }));
}

/** The regional figures that are not zone metrics: the commute circle, who has no path, modes to the core. */
const ROWS: Row[] = [
  {
    key: 'circlePopulation',
    base: (d) => d.summary.baseline.commuteCircle.population,
    scen: (d) => d.summary.scenario?.commuteCircle.population,
    delta: (d) => d.summary.delta?.commuteCircle.population,
    digits: 0,
  },
  {
    key: 'noPath',
    base: (d) => d.summary.baseline.populationWithoutPathToCore,
    scen: (d) => d.summary.scenario?.populationWithoutPathToCore,
    delta: (d) =>
      d.summary.scenario &&
      d.summary.scenario.populationWithoutPathToCore - d.summary.baseline.populationWithoutPathToCore,
    digits: 0,
  },
  // Residents by how their trip to the core travels, as shares.
  ...TRIP_MODES.map(
    (mode): Row => ({
      key: `mode-${mode}`,
      base: (d) => modeShare(d.summary.baseline, mode),
      scen: (d) => d.summary.scenario && modeShare(d.summary.scenario, mode),
      delta: (d) =>
        d.summary.scenario && modeShare(d.summary.scenario, mode)! - modeShare(d.summary.baseline, mode)!,
      digits: 1,
    }),
  ),
];

/** Percent of residents whose trip to the core is by `mode` (null in files from before modes). */
function modeShare(s: ResultsDocument['summary']['baseline'], mode: TripMode): number | null {
  if (!s.modeToCore || s.population <= 0) return null;
  return (100 * s.modeToCore[mode]) / s.population;
}

/** Regional figures — the same numbers as the results file, since both come from one builder. */
export function Summary() {
  const c = comparison.value;
  const n = network.value?.network;
  if (!c || !n) return null;
  const d = c.doc;
  const hasScenario = d.summary.scenario !== undefined;
  const sides = documentSides(d);
  const zoneIndex = new Map(n.zones.map((z, i) => [z.id, i]));
  return (
    <section class="panel summary" aria-label={t('summary.title')} data-testid="summary">
      <h2>{t('summary.title')}</h2>
      {n.core.length === 0 && <p class="note">{t('summary.noCore')}</p>}
      {n.zoneAttributes?.population.source.startsWith('unknown') && (
        <p class="warning">{t('summary.unknownPopulation')}</p>
      )}
      {hasScenario && (
        <p class="compared" data-testid="summary-compared">
          {comparedCaption(d)}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th />
            <th>{sides.before}</th>
            {hasScenario && <th>{sides.after}</th>}
            {hasScenario && <th>{t('summary.delta')}</th>}
          </tr>
        </thead>
        <tbody>
          {[...metricRows(d, lang.value), ...ROWS].map((r) => (
            <tr key={r.key} data-testid={`summary-${r.key}`}>
              <th scope="row">{r.label ?? t(`summary.${r.key}`)}</th>
              <td data-value={String(r.base(d))}>{decimal(r.base(d), r.digits)}</td>
              {hasScenario && <td data-value={String(r.scen?.(d))}>{decimal(r.scen?.(d), r.digits)}</td>}
              {hasScenario && <td data-value={String(r.delta?.(d))}>{signed(r.delta?.(d), r.digits)}</td>}
            </tr>
          ))}
          {hasScenario &&
            (
              [
                ['gaining5', d.summary.delta!.peopleGaining['5']],
                ['gaining5switched', d.summary.delta!.peopleGainingSwitchedMode?.['5']],
                ['gaining10', d.summary.delta!.peopleGaining['10']],
                ['losing5', d.summary.delta!.peopleLosing['5']],
                ['newlyConnected', d.summary.delta!.newlyConnected?.population],
              ] as const
            ).map(([key, value]) => (
              <tr key={key} data-testid={`summary-${key}`}>
                <th scope="row">{t(`summary.${key}`)}</th>
                <td />
                <td />
                <td data-value={String(value)}>{decimal(value, 0)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p class="note">
        {t('summary.computedIn')} {c.seconds.toFixed(2)} s
      </p>
      {(d.districts?.length ?? 0) > 0 && <DistrictsButton />}
      <h3>{t('summary.chart')}</h3>
      <DistributionChart doc={d} />
      {hasScenario && d.summary.delta!.topGainers.length > 0 && (
        <>
          <h3>{t('summary.topGainers')}</h3>
          <ol class="gainers" data-testid="top-gainers">
            {d.summary.delta!.topGainers.map((g) => {
              const zone = n.zones[zoneIndex.get(g.zone)!];
              return (
                <li key={g.zone}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => (selectedZone.value = zoneIndex.get(g.zone) ?? null)}
                  >
                    {zone?.name ? nameIn(zone.name, lang.value) : g.zone}
                  </button>{' '}
                  {signed(g.timeToCoreMinutes, 1)} min · {decimal(g.population, 0)}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
