import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import type { ResultsDocument } from '../../io/schema/results';
import { t } from '../i18n';
import { lang } from '../state/store';

/** Rows for the distribution chart: residents per band of time to the core, before and after. */
export function distributionRows(doc: ResultsDocument, labels: { before: string; after: string }) {
  const rows: { band: string; order: number; which: string; population: number }[] = [];
  const add = (h: { bandMinutes: number; population: number[] }, which: string) =>
    h.population.forEach((population, k) => {
      const last = k === h.population.length - 1;
      rows.push({
        band: last ? `≥${k * h.bandMinutes}` : `${k * h.bandMinutes}–${(k + 1) * h.bandMinutes}`,
        order: k,
        which,
        population,
      });
    });
  add(doc.summary.baseline.timeToCoreHistogram, labels.before);
  if (doc.summary.scenario) add(doc.summary.scenario.timeToCoreHistogram, labels.after);
  return rows;
}

/** Residents by time to the core, before and after (Observable Plot). */
export function DistributionChart({ doc }: { doc: ResultsDocument }) {
  const host = useRef<HTMLDivElement>(null);
  const language = lang.value;
  useEffect(() => {
    const labels = { before: t('summary.baseline'), after: t('summary.scenario') };
    const rows = distributionRows(doc, labels);
    const bands = [...new Set(rows.map((r) => r.band))];
    const chart = Plot.plot({
      width: 320,
      height: 200,
      marginLeft: 48,
      marginBottom: 44,
      style: { fontSize: '10px' },
      x: { domain: bands, label: 'min', tickRotate: -60 },
      y: { grid: true, label: t('tooltip.population'), tickFormat: 's' },
      color: { domain: [labels.before, labels.after], range: ['#9a9a9a', '#1b7837'], legend: true },
      marks: [
        Plot.barY(rows, {
          x: 'band',
          y: 'population',
          fill: 'which',
          fx: undefined,
          dx: 0,
          title: (r: { population: number }) => Math.round(r.population).toLocaleString(),
          mixBlendMode: 'multiply',
          fillOpacity: 0.75,
        }),
        Plot.ruleY([0]),
      ],
    });
    host.current!.replaceChildren(chart);
    return () => chart.remove();
  }, [doc, language]);
  return <figure class="chart" data-testid="distribution-chart" ref={host} aria-label={t('summary.chart')} />;
}
