import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import type { DemandReport } from '../../demand/report';
import type { RiderSources } from '../../demand/sources';
import { countTick, signed } from '../format';
import { t } from '../i18n';
import { lang } from '../state/store';
import {
  type BandChange,
  type BandRow,
  commuteBandChanges,
  commuteBandRows,
  type SourceRow,
  sourceRows,
} from './chartRows';
import { GAIN, LOSS } from './loadFeatures';

const WIDTH = 430;
const BEFORE = '#9a9a9a';
const AFTER = '#1b7837';

/** A Plot chart in a figure, drawn again when its inputs change. */
function PlotFigure({
  make,
  deps,
  testId,
  label,
}: {
  make: () => Element;
  deps: unknown[];
  testId: string;
  label: string;
}) {
  const host = useRef<HTMLElement>(null);
  useEffect(() => {
    const chart = make();
    host.current!.replaceChildren(chart);
    return () => chart.remove();
  }, [...deps, lang.value]);
  return <figure class="chart" data-testid={testId} ref={host} aria-label={label} />;
}

/** Where a line's riders come from (the scenario's riders by what they did before), as bars. */
export function SourcesChart({ sources, label }: { sources: RiderSources; label: string }) {
  return (
    <PlotFigure
      testId="ridership-sources-chart"
      label={label}
      deps={[sources]}
      make={() => {
        // Sources that round to no rider are left out (the short term has no new trips at all).
        const rows = sourceRows(sources).filter((r) => r.riders >= 0.5);
        const name = (r: SourceRow) => t(`ridership.source.${r.source}`);
        return Plot.plot({
          width: WIDTH,
          height: 30 + 24 * rows.length,
          marginLeft: 120,
          // The largest bar's figure is written past its end: room for seven digits and separators.
          marginRight: 72,
          style: { fontSize: '11px' },
          x: { grid: true, label: t('ridership.riders'), tickFormat: countTick(lang.value) },
          y: { label: null, domain: rows.map(name) },
          marks: [
            Plot.barX(rows, {
              y: name,
              x: 'riders',
              fill: (r: SourceRow) => (r.source === 'rail' ? BEFORE : AFTER),
              title: (r: SourceRow) => `${name(r)}: ${Math.round(r.riders).toLocaleString()}`,
            }),
            Plot.text(rows, {
              y: name,
              x: 'riders',
              text: (r: SourceRow) => Math.round(r.riders).toLocaleString(),
              textAnchor: 'start',
              dx: 4,
            }),
            Plot.ruleX([0]),
          ],
        });
      }}
    />
  );
}

/** The frame of both charts by band of commute time. */
const BAND_FRAME = { width: WIDTH, marginLeft: 46, marginBottom: 40, style: { fontSize: '10px' } };

/**
 * The commute-time axis of both band charts: the bands in order, ticks every half hour and the open band
 * by name (a label per bar is unreadable at this size).
 */
function bandAxis(rows: readonly { band: string; minutes: number }[]) {
  const ticks = new Map(
    rows.map((r) => [
      r.band,
      r.band.startsWith('≥') ? r.band : r.minutes % 30 === 0 ? String(r.minutes) : '',
    ]),
  );
  return {
    domain: [...new Set(rows.map((r) => r.band))],
    label: t('ridership.chartMinutes'),
    labelAnchor: 'center' as const,
    tickFormat: (b: string) => ticks.get(b) ?? '',
    padding: 0.12,
  };
}

/**
 * Commuters by one-way commute time, before and after, as grouped bars (a facet per band, the sides next to
 * each other: never stacked, so the axis reads commuters).
 */
export function CommuteChart({ report }: { report: Pick<DemandReport, 'baseline' | 'scenario'> }) {
  return (
    <PlotFigure
      testId="ridership-commute-chart"
      label={t('ridership.commuteChart')}
      deps={[report]}
      make={() => {
        const labels = { before: t('ridership.before'), after: t('ridership.after') };
        const rows = commuteBandRows(report, labels);
        const sides = report.scenario ? [labels.before, labels.after] : [labels.before];
        return Plot.plot({
          ...BAND_FRAME,
          height: 220,
          fx: bandAxis(rows),
          x: { domain: sides, axis: null, padding: 0 },
          y: { grid: true, label: t('ridership.commuters'), tickFormat: countTick(lang.value) },
          color: { domain: sides, range: [BEFORE, AFTER], legend: sides.length > 1 },
          marks: [
            Plot.barY(rows, {
              fx: 'band',
              x: 'which',
              y: 'commuters',
              fill: 'which',
              title: (r: BandRow) => `${r.which} ${r.band}: ${Math.round(r.commuters).toLocaleString()}`,
            }),
            Plot.ruleY([0]),
          ],
        });
      }}
    />
  );
}

/**
 * The change in commuters per band of one-way commute time, after − before: at regional scale the two
 * sides' bars look alike, their difference shows where commutes moved (gains below, losses above).
 */
export function CommuteChangeChart({ report }: { report: Pick<DemandReport, 'baseline' | 'scenario'> }) {
  return (
    <PlotFigure
      testId="ridership-commute-change-chart"
      label={t('ridership.commuteChangeChart')}
      deps={[report]}
      make={() => {
        const rows = commuteBandChanges(report);
        return Plot.plot({
          ...BAND_FRAME,
          height: 160,
          x: bandAxis(rows),
          y: { grid: true, label: t('ridership.commutersChange'), tickFormat: countTick(lang.value) },
          marks: [
            Plot.barY(rows, {
              x: 'band',
              y: 'change',
              fill: (r: BandChange) => (r.change >= 0 ? GAIN : LOSS),
              title: (r: BandChange) => `${r.band}: ${signed(r.change)}`,
            }),
            Plot.ruleY([0]),
          ],
        });
      }}
    />
  );
}
