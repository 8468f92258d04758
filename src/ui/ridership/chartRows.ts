import type { DemandReport } from '../../demand/report';
import type { RiderSources } from '../../demand/sources';

export interface SourceRow {
  source: keyof RiderSources;
  riders: number;
}

/** Where a line's riders come from, the largest first (ties in the report's order). */
export function sourceRows(sources: RiderSources): SourceRow[] {
  return (Object.entries(sources) as [keyof RiderSources, number][])
    .map(([source, riders]) => ({ source, riders }))
    .sort((a, b) => b.riders - a.riders);
}

export interface BandRow {
  band: string;
  /** The band's start, minutes. */
  minutes: number;
  which: string;
  commuters: number;
}

/**
 * Commuters per band of one-way commute time, before and after: the report's histogram (its last band is
 * open: "≥ 180").
 */
type Histogram = DemandReport['baseline']['histogram'];

export function commuteBandRows(
  report: { baseline: { histogram: Histogram }; scenario?: { histogram: Histogram } },
  labels: { before: string; after: string },
): BandRow[] {
  const rows: BandRow[] = [];
  const add = (h: Histogram, which: string) => {
    const last = h.commuters.length - 1;
    h.commuters.forEach((commuters, k) => {
      const minutes = k * h.bandMinutes;
      rows.push({
        band: k < last ? `${minutes}–${minutes + h.bandMinutes}` : `≥ ${minutes}`,
        minutes,
        which,
        commuters,
      });
    });
  };
  add(report.baseline.histogram, labels.before);
  if (report.scenario) add(report.scenario.histogram, labels.after);
  return rows;
}
