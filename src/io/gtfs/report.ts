import type { Issue } from '../../domain/issue';
import type { LayerId } from '../../domain/layer';
import type { Period } from '../../domain/network';
import type { RowCounts } from './fields';

/** One file of the feed: whether it was read, and what became of its rows. */
export interface FileReport extends RowCounts {
  file: string;
  /** read; missing (required or optional); ignored (a file the model has no use for); failed (cannot be read). */
  status: 'read' | 'missing' | 'ignored' | 'failed';
  required: boolean;
}

export interface ImportedRoute {
  id: string;
  name: string;
  routeType: number;
  layer: LayerId;
  /** How the layer was chosen: a per-route override, the caller's route_type mapping, or the default. */
  layerBy: 'route' | 'type' | 'default';
  line: string;
  patterns: number;
  /** Trips departing in each period (frequency windows give fractional counts). */
  trips: Record<string, number>;
}

export interface DroppedRoute {
  id: string;
  name: string;
  routeType: number;
  reason: string;
}

/** What an import read, made and left out, and why. Shown by the app and printed by the CLI. */
export interface ImportReport {
  feed: string;
  files: FileReport[];
  /** The service day whose trips were read, or null when none could be chosen. */
  serviceDay: { date: string; weekday: string; trips: number; reason: string } | null;
  /** Why there is no service day, when there is none. */
  noServiceDay?: string;
  /** First and last day of the feed's calendars. */
  feedDates: [string, string] | null;
  periods: Period[];
  stops: {
    /** Rows of stops.txt by location_type. */
    stops: number;
    parentStations: number;
    platforms: number;
    entrances: number;
    other: number;
    /** Stations of the network (a parent served by two layers counts twice). */
    stations: number;
    /** Feed stations and parentless stops no imported trip calls at. */
    unserved: number;
  };
  /** What the plausibility checks found (CHECK_RULES says what they are). */
  checks: {
    /** Stops far from the rest of the feed: errors; trips calling there dropped. */
    strayStops: number;
    /** Trips with a hop faster than any train, a run over a day or a stand over 2 h: dropped. */
    tripsDropped: number;
    /** Pattern headways outside 30 s – 1 day: raised to 30 s, or no service in that period. */
    headwaysChanged: number;
  };
  routes: { imported: ImportedRoute[]; dropped: DroppedRoute[] };
  lines: number;
  patterns: number;
  hubs: number;
  transfers: {
    rows: number;
    rules: number;
    links: number;
    notPossible: number;
    tripLevel: number;
    unused: number;
  };
  zones: { source: 'geojson' | 'hex-grid' | 'none'; count: number; spacingMeters?: number; summary: string };
  core: { station: string; name: string; departures: number; zones: number } | null;
  /** Notes also written into the network: the assumptions a planner should read. */
  notes: string[];
  errors: Issue[];
  warnings: Issue[];
  errorCount: number;
  warningCount: number;
  /** Wall-clock import time; not part of the network, so the network stays byte-identical. */
  seconds: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The import's rules for headways and plausibility, as the report states them. */
export const COUNTING_RULE =
  "Headways: the period's length over the trains of each pattern that depart its middle stop in the period (the earlier of two middles; frequencies.txt windows moved by the template's time from first stop to middle), so trains count where they serve, not where they start; 30 s at the shortest, none below one train a day.";
export const CHECK_RULES =
  'Checks: a stop farther from the middle of the feed than both 100 km and 10 × the distance within which 95 % of its stops lie is an error (its trips are dropped); a trip is dropped, with a warning, where two consecutive calls are farther apart than 600 km/h covers in the run + 60 s, a run takes more than a day or a train stands more than 2 h.';

/** The report as text, for the CLI (and a plain view in the app). Lists at most `maxIssues` of each kind. */
export function formatReport(report: ImportReport, options: { maxIssues?: number } = {}): string {
  const max = options.maxIssues ?? 20;
  const out: string[] = [];
  out.push(
    `GTFS import of ${report.feed}: ${report.errorCount === 0 ? 'ok' : `${plural(report.errorCount, 'error')}`}, ${plural(report.warningCount, 'warning')}, ${report.seconds.toFixed(2)} s`,
  );
  out.push('');
  out.push('Files (rows read / used / skipped / dropped):');
  for (const f of report.files) {
    const counts = f.status === 'read' ? `${f.rows} / ${f.used} / ${f.skipped} / ${f.dropped}` : f.status;
    out.push(`  ${f.file.padEnd(20)} ${counts}${f.required && f.status !== 'read' ? ' (required)' : ''}`);
  }
  out.push('');
  if (report.serviceDay) {
    out.push(
      `Service day: ${report.serviceDay.date} (${report.serviceDay.weekday}), ${report.serviceDay.reason}`,
    );
  } else {
    out.push(`Service day: none (${report.noServiceDay ?? 'see the errors'})`);
  }
  if (report.feedDates) out.push(`Feed dates: ${report.feedDates[0]} to ${report.feedDates[1]}`);
  out.push(`Periods: ${report.periods.map((p) => `${p.id} ${p.start}–${p.end}`).join(', ')}`);
  out.push('');
  const s = report.stops;
  out.push(
    `Stops: ${s.stops} rows (${s.parentStations} parent stations, ${s.platforms} stops/platforms, ${s.entrances} entrances, ${s.other} other) → ${plural(s.stations, 'station')}; ${s.unserved} feed stations not served by an imported route`,
  );
  out.push(
    `Network: ${plural(report.lines, 'line')}, ${plural(report.patterns, 'pattern')}, ${plural(report.hubs, 'hub')}, ${plural(report.transfers.rules, 'transfer rule')}, ${plural(report.zones.count, 'zone')}`,
  );
  out.push('');
  out.push(`Routes imported (${report.routes.imported.length}):`);
  for (const r of report.routes.imported) {
    const trips = Object.entries(r.trips)
      .map(([p, n]) => `${p} ${Number.isInteger(n) ? n : n.toFixed(1)}`)
      .join(', ');
    out.push(
      `  ${r.id} "${r.name}" route_type ${r.routeType} → ${r.layer}${r.layerBy === 'default' ? '' : ` (by ${r.layerBy})`}: ${plural(r.patterns, 'pattern')}; trips ${trips || 'none'}`,
    );
  }
  out.push(`Routes dropped (${report.routes.dropped.length}):`);
  for (const r of report.routes.dropped)
    out.push(`  ${r.id} "${r.name}" route_type ${r.routeType}: ${r.reason}`);
  out.push('');
  const t = report.transfers;
  if (t.rows > 0) {
    out.push(
      `Transfers: ${t.rows} rows → ${plural(t.rules, 'rule')}, ${plural(t.links, 'station link')}; ${t.notPossible} not possible (type 3, not modelled), ${t.tripLevel} trip-level (not modelled), ${t.unused} at stations or routes not imported`,
    );
  }
  const c = report.checks;
  out.push(
    `Checks: ${plural(c.strayStops, 'stray stop')}, ${plural(c.tripsDropped, 'trip')} dropped as implausible, ${plural(c.headwaysChanged, 'headway')} outside 30 s – 1 day adjusted (the rules are in the notes)`,
  );
  out.push(`Zones: ${report.zones.summary}`);
  if (report.core)
    out.push(
      `Core: ${plural(report.core.zones, 'zone')} around ${report.core.name} (${report.core.station}), ${Math.round(report.core.departures)} departures in the am-peak`,
    );
  // The rules are stated even when nothing could be built (the notes are the network's).
  const notes = report.notes.length > 0 ? report.notes : [COUNTING_RULE, CHECK_RULES];
  out.push('');
  out.push('Notes:');
  for (const n of notes) out.push(`  - ${n}`);
  const list = (title: string, issues: Issue[], count: number) => {
    if (count === 0) return;
    out.push('');
    out.push(`${title} (${count}):`);
    for (const i of issues.slice(0, max)) out.push(`  ${i.path}: ${i.message}`);
    if (count > Math.min(max, issues.length)) out.push(`  … ${count - Math.min(max, issues.length)} more`);
  };
  list('Errors', report.errors, report.errorCount);
  list('Warnings', report.warnings, report.warningCount);
  return out.join('\n');
}
