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
    h.commuters.forEach((commuters, k) => {
      rows.push({ ...bandOf(h, k), which, commuters });
    });
  };
  add(report.baseline.histogram, labels.before);
  if (report.scenario) add(report.scenario.histogram, labels.after);
  return rows;
}

/** Band k of a histogram: its label and start (the last band open). */
function bandOf(h: Histogram, k: number): { band: string; minutes: number } {
  const minutes = k * h.bandMinutes;
  const last = h.commuters.length - 1;
  return { band: k < last ? `${minutes}–${minutes + h.bandMinutes}` : `≥ ${minutes}`, minutes };
}

export interface BandChange {
  band: string;
  minutes: number;
  /** Commuters after less before in the band (a shift to shorter commutes: + below, − above). */
  change: number;
}

/** The change per band of one-way commute time, after − before (none without a scenario). */
export function commuteBandChanges(report: {
  baseline: { histogram: Histogram };
  scenario?: { histogram: Histogram };
}): BandChange[] {
  const after = report.scenario?.histogram;
  if (!after) return [];
  const before = report.baseline.histogram;
  return after.commuters.map((c, k) => ({ ...bandOf(after, k), change: c - before.commuters[k]! }));
}
