import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import type { ResultsDocument } from '../../io/schema/results';
import { countTick } from '../format';
import { t } from '../i18n';
import './strings';
import { documentSides } from '../state/sides';
import { lang } from '../state/store';

export interface DistributionRow {
  band: string;
  order: number;
  which: string;
  population: number;
}

type Side = NonNullable<ResultsDocument['summary']['scenario']>;

/**
 * Rows for the distribution chart: residents per band of time to the core, before and after. The
 * histogram's last band holds both those at or beyond the cap and those with no path at all: they are
 * two bars here ("≥ 180", "no path"), since "no path" is most of it on a network with gaps.
 */
export function distributionRows(
  doc: ResultsDocument,
  labels: { before: string; after: string; beyond: (minutes: number) => string; noPath: string },
): DistributionRow[] {
  const rows: DistributionRow[] = [];
  const add = (s: Side, which: string) => {
    const h = s.timeToCoreHistogram;
    const last = h.population.length - 1;
    h.population.forEach((population, k) => {
      if (k < last)
        rows.push({ band: `${k * h.bandMinutes}–${(k + 1) * h.bandMinutes}`, order: k, which, population });
      else {
        const noPath = Math.min(population, s.populationWithoutPathToCore);
        rows.push({
          band: labels.beyond(k * h.bandMinutes),
          order: k,
          which,
          population: population - noPath,
        });
        rows.push({ band: labels.noPath, order: k + 1, which, population: noPath });
      }
    });
  };
  add(doc.summary.baseline, labels.before);
  if (doc.summary.scenario) add(doc.summary.scenario, labels.after);
  return rows;
}

/**
 * Residents by time to the core, before and after, as grouped bars (a facet per band, the two sides next
 * to each other: never stacked, so the axis reads people, not their sum over both sides).
 */
export function DistributionChart({ doc, width = 320 }: { doc: ResultsDocument; width?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const language = lang.value;
  useEffect(() => {
    const labels = {
      before: documentSides(doc).before,
      after: documentSides(doc).after,
      beyond: (minutes: number) => t('chart.beyond', { minutes }),
      noPath: t('chart.noPath'),
    };
    const rows = distributionRows(doc, labels);
    const bands = [...new Set(rows.map((r) => r.band))];
    // Ticks every half hour (the band's start) and the last two bars (≥ cap, no path) by name: a label
    // per bar is unreadable at this size.
    const band = doc.summary.baseline.timeToCoreHistogram.bandMinutes;
    const named = bands.length - 2;
    const ticks = new Map(
      rows.map((r) => [
        r.band,
        r.order >= named ? r.band : (r.order * band) % 30 === 0 ? String(r.order * band) : '',
      ]),
    );
    const sides = doc.summary.scenario ? [labels.before, labels.after] : [labels.before];
    const chart = Plot.plot({
      width,
      height: 220,
      marginLeft: 46,
      marginBottom: 52,
      style: { fontSize: '10px' },
      fx: {
        domain: bands,
        label: t('chart.minutes'),
        labelAnchor: 'center',
        tickFormat: (b: string) => ticks.get(b) ?? '',
        tickRotate: -45,
        padding: 0.12,
      },
      x: { domain: sides, axis: null, padding: 0 },
      y: { grid: true, label: t('tooltip.population'), tickFormat: countTick(lang.value) },
      color: { domain: sides, range: ['#9a9a9a', '#1b7837'], legend: sides.length > 1 },
      marks: [
        Plot.barY(rows, {
          fx: 'band',
          x: 'which',
          y: 'population',
          fill: 'which',
          title: (r: DistributionRow) => `${r.which} ${r.band}: ${Math.round(r.population).toLocaleString()}`,
        }),
        Plot.ruleY([0]),
      ],
    });
    host.current!.replaceChildren(chart);
    return () => chart.remove();
  }, [doc, language, width]);
  return <figure class="chart" data-testid="distribution-chart" ref={host} aria-label={t('summary.chart')} />;
}
