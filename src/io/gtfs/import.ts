import type { Issue } from '../../domain/issue';
import { isLayerId, type LayerId } from '../../domain/layer';
import { NETWORK_FORMAT, type Network, type Period } from '../../domain/network';
import { loadNetwork } from '../network';
import { MIN_HEADWAY_SECONDS } from '../schema/common';
import { Publishers } from './agency';
import { chooseServiceDay, ServiceCalendar } from './calendar';
import { chooseCore } from './core';
import { CsvStream } from './csv';
import { GtfsAbortError } from './errors';
import { formatDay, TableReader, type TableSpec } from './fields';
import { FrequencyTable } from './frequencies';
import { findStrays, TripPlausibility } from './geography';
import { networkId, plural } from './ids';
import { IssueLog } from './issues';
import { buildLine, type RouteImport, sortRoutes } from './lines';
import { layerFor } from './modes';
import { importNotes } from './notes';
import { checkOptions, DEFAULT_PERIODS, type ImportOptions } from './options';
import { buildPatterns } from './patterns';
import { Progress } from './progress';
import type { ImportReport } from './report';
import { RouteTable, routeName } from './routes';
import { type FeedFile, type GtfsInput, openFeed } from './source';
import { buildStations } from './stations';
import { StopTable } from './stops';
import { StopTimeTable } from './stopTimes';
import { buildTransfers, groupHubs, sameNameLinks, TransferTable } from './transfers';
import { namesIn, Translations } from './translations';
import { TripTable } from './trips';
import { hexZones, zonesFromGeoJson } from './zones';

export type ImportResult =
  | { ok: true; network: Network; report: ImportReport }
  | { ok: false; issues: Issue[]; report: ImportReport };

/** Files the importer reads, in reading order (each needs the ones before it). */
const READ_ORDER = [
  'agency.txt',
  'feed_info.txt',
  'attributions.txt',
  'translations.txt',
  'routes.txt',
  'calendar.txt',
  'calendar_dates.txt',
  'trips.txt',
  'frequencies.txt',
  'stops.txt',
  'transfers.txt',
  'stop_times.txt',
] as const;
type FeedFileName = (typeof READ_ORDER)[number];
const REQUIRED = new Set<string>(['routes.txt', 'stops.txt', 'trips.txt', 'stop_times.txt']);

/** Same-named stations closer than this are probably one interchange (warned about, or linked on request). */
const SAME_NAME_METERS = 300;

/** Share of the progress bar for reading files; the rest is building the network. */
const READ_SHARE = 0.9;

/**
 * Import a GTFS feed (a zip, or its files) into a commuteshed network. Never throws for bad input: every
 * problem is an issue at `file:line:column`, and with any error (unless `lenient`) the result is not ok,
 * so the app keeps its current network. Rejects only when aborted (an error named `AbortError`).
 * Runs in a Web Worker or Node: no DOM, no Node modules.
 */
export async function importGtfs(input: GtfsInput, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const log = new IssueLog();
  const label = options.feedName ?? 'feed';
  const progress = new Progress(options.signal, options.onProgress);
  const report = emptyReport(label, options.periods ?? DEFAULT_PERIODS);
  progress.check();
  let network: Network | undefined;
  try {
    network = await run(input, options, label, log, progress, report);
  } catch (e) {
    if (e instanceof GtfsAbortError) throw e;
    // A bug, not bad input: still an answer, never a crash, and the current network stays loaded.
    log.error(label, `internal error while importing: ${e instanceof Error ? e.message : String(e)}`);
  }
  report.seconds = (performance.now() - started) / 1000;
  report.errors = [...log.errors];
  report.warnings = [...log.warnings];
  report.errorCount = log.errorCount;
  report.warningCount = log.warningCount;
  if (network && (log.errorCount === 0 || options.lenient)) return { ok: true, network, report };
  return { ok: false, issues: log.errorList(), report };
}

function emptyReport(feed: string, periods: Period[]): ImportReport {
  return {
    feed,
    files: [],
    serviceDay: null,
    feedDates: null,
    periods,
    stops: { stops: 0, parentStations: 0, platforms: 0, entrances: 0, other: 0, stations: 0, unserved: 0 },
    checks: { strayStops: 0, tripsDropped: 0, headwaysChanged: 0 },
    routes: { imported: [], dropped: [] },
    lines: 0,
    patterns: 0,
    hubs: 0,
    transfers: { rows: 0, rules: 0, links: 0, notPossible: 0, tripLevel: 0, unused: 0 },
    zones: { source: 'none', count: 0, summary: 'none' },
    core: null,
    notes: [],
    errors: [],
    warnings: [],
    errorCount: 0,
    warningCount: 0,
    seconds: 0,
  };
}

/** The whole import; the network, or undefined when there is none to give (the log says why). */
async function run(
  input: GtfsInput,
  options: ImportOptions,
  label: string,
  log: IssueLog,
  progress: Progress,
  report: ImportReport,
): Promise<Network | undefined> {
  const periods = checkOptions(options, report.periods, log);
  if (log.errorCount > 0) return undefined;
  const files = openFeed(input, label, log);
  if (!files) return undefined;

  // Each file streams through the CSV reader into its table; progress follows the bytes.
  const totalBytes = READ_ORDER.reduce((a, name) => a + (files.get(name)?.size ?? 0), 0) || 1;
  let bytesBefore = 0;
  const read = async (name: FeedFileName, spec: TableSpec, table?: { readable: boolean }): Promise<void> => {
    const required = REQUIRED.has(name);
    const file: FeedFile | undefined = files.get(name);
    if (!file) {
      if (required) {
        log.error(name, 'required file is missing');
        unreadable.push(name);
      }
      report.files.push({
        file: name,
        status: 'missing',
        required,
        rows: 0,
        used: 0,
        skipped: 0,
        dropped: 0,
      });
      if (table) table.readable = false;
      return;
    }
    const reader = new TableReader(spec, log);
    const csv = new CsvStream(reader);
    const failure = await file.read(
      (text) => csv.push(text),
      (done) => progress.tick((READ_SHARE * (bytesBefore + done)) / totalBytes, `reading ${name}`),
    );
    csv.end();
    // A file that could not be read whole says so once; what its truncated text would add (an empty
    // file, short rows) is not news.
    if (failure) log.error(name, failure);
    else reader.finish();
    // A required table with a header and no rows is one problem, not one "unknown stop" per row elsewhere.
    const empty = required && !failure && reader.readable && reader.counts.rows === 0;
    if (empty) log.error(name, 'has a header but no rows: the feed cannot be read without them');
    bytesBefore += file.size;
    report.files.push({ file: name, status: failure ? 'failed' : 'read', required, ...reader.counts });
    if (table) table.readable = reader.readable && !failure && !empty;
    if (required && (failure || !reader.readable || empty)) unreadable.push(name);
  };
  /** Required files that are missing or could not be read: nothing can be built without them. */
  const unreadable: string[] = [];

  // Who: publishers and the language of names.
  const publishers = new Publishers();
  if (!files.has('agency.txt'))
    log.warn('agency.txt', 'missing (required by GTFS); the attribution names only the feed');
  await read('agency.txt', publishers.agencySpec);
  await read('feed_info.txt', publishers.feedInfoSpec);
  await read('attributions.txt', publishers.attributionsSpec);
  const lang = options.language ?? publishers.language();
  const translations = new Translations();
  await read('translations.txt', translations.spec);
  const names = namesIn(lang, translations);

  // What: routes and their layers.
  const routes = new RouteTable();
  await read('routes.txt', routes.spec, routes);
  const layers = routes.routes.map((r) => {
    const chosen = layerFor(r.id, r.type, options.routeTypes, options.routes, options.keepBuses);
    return isLayerId(chosen.layer) ? chosen : { layer: null, by: chosen.by };
  });

  // When: calendars, trips, the service day, and the trips of that day the model carries.
  const calendar = new ServiceCalendar();
  if (!files.has('calendar.txt') && !files.has('calendar_dates.txt')) {
    log.error(
      'calendar.txt',
      'missing, and so is calendar_dates.txt: one of them is required to know when trips run',
    );
  }
  await read('calendar.txt', calendar.calendarSpec);
  await read('calendar_dates.txt', calendar.datesSpec);
  const trips = new TripTable(routes);
  await read('trips.txt', trips.spec, trips);
  // Trips of routes that could not be read are not known either: stop times do not list each as unknown.
  trips.readable &&= routes.readable;
  const carried = (route: number) => layers[route]!.layer !== null;
  const { day, none } = chooseServiceDay(calendar, trips.trips, carried, options.date, log);
  const range = calendar.range();
  report.feedDates = range ? [formatDay(range[0]), formatDay(range[1])] : null;
  report.serviceDay = day
    ? { date: day.date, weekday: day.weekday, trips: day.trips, reason: day.reason }
    : null;
  if (none) report.noServiceDay = none;
  const active = day ? calendar.activeOn(day.day) : new Set<string>();
  const wanted = new Uint8Array(trips.trips.length);
  const dayTrips: number[] = [];
  trips.trips.forEach((t, k) => {
    if (carried(t.route) && active.has(t.service)) {
      wanted[k] = 1;
      dayTrips.push(k);
    }
  });

  // Where and how: frequencies, stops, transfers, stop times (only the wanted trips' are kept).
  const frequencies = new FrequencyTable(trips);
  await read('frequencies.txt', frequencies.spec);
  const stops = new StopTable(log);
  await read('stops.txt', stops.spec, stops);
  stops.resolve();
  const strays = findStrays(stops, log);
  const transfers = new TransferTable(stops, routes);
  await read('transfers.txt', transfers.spec);
  const stopTimes = new StopTimeTable(trips, stops, wanted, log);
  await read('stop_times.txt', stopTimes.spec);
  stopTimes.finish();
  for (const name of files.keys()) {
    if (!(READ_ORDER as readonly string[]).includes(name)) {
      report.files.push({
        file: name,
        status: 'ignored',
        required: false,
        rows: 0,
        used: 0,
        skipped: 0,
        dropped: 0,
      });
    }
  }
  await progress.tick(READ_SHARE, 'building patterns');
  const counts = stops.counts();
  report.stops = {
    stops: counts.stops,
    parentStations: counts.stations,
    platforms: counts.platforms,
    entrances: counts.entrances,
    other: counts.other,
    stations: 0,
    unserved: 0,
  };
  // Every file was read and its problems reported. Without a required one no route can be built, and
  // saying so per route ("all trips dropped for errors …") would only repeat the file's own error.
  if (unreadable.length > 0) return undefined;

  // Patterns, lines, stations, transfers and hubs.
  const plausibility = new TripPlausibility((s) => stops.stops[s]!.id);
  const built = buildPatterns({
    trips: trips.trips,
    dayTrips,
    stopTimes,
    stops,
    frequencies: frequencies.byTrip,
    periods,
    strays,
    plausibility,
    log,
  });
  plausibility.report(log);
  for (const fix of built.headwayFixes) {
    const route = routes.routes[fix.route]!.id;
    log.warn(
      'trips.txt',
      fix.seconds < MIN_HEADWAY_SECONDS
        ? `route "${route}": the trips of one pattern in ${fix.period} imply a headway of ${fix.seconds} s, read as ${MIN_HEADWAY_SECONDS} s, the shortest the model takes (duplicated trips?)`
        : `route "${route}": one pattern has less than a train a day in ${fix.period} (a frequency window that only grazes the period), read as no service then`,
    );
  }
  report.checks = {
    strayStops: strays.size,
    tripsDropped: plausibility.tripsDropped,
    headwaysChanged: built.headwayFixes.length,
  };
  const tripsPerRoute = new Map<number, number>();
  for (const t of trips.trips) tripsPerRoute.set(t.route, (tripsPerRoute.get(t.route) ?? 0) + 1);
  const periodText = report.periods.map((p) => `${p.id} ${p.start}–${p.end}`).join(', ');
  const { imported, dropped } = sortRoutes({
    routes: routes.routes,
    layers,
    built: built.byRoute,
    tripsPerRoute,
    day,
    noServiceDay: none,
    periodText,
    log,
  });
  const stationSet = buildStations(imported, stops, names);
  const stations = stationSet.stations;
  const lines = imported.map((r) => buildLine(r, routes.routes[r.route]!, stationSet.id, names, periods));
  const lineOfRoute = new Map(imported.map((r) => [r.route, { id: r.line, layer: r.layer }]));
  const layersCallingAt = (stop: number) =>
    new Set(
      [...(built.stopRoutes.get(stop) ?? [])]
        .map((r) => lineOfRoute.get(r)?.layer)
        .filter((l): l is LayerId => l !== undefined),
    );
  const transfer = buildTransfers(
    transfers,
    (stop, layer) => stationSet.ofStop(stop, layer, layersCallingAt),
    (k) => lineOfRoute.get(k),
  );
  const linked = groupHubs(stations, [...stationSet.splitLinks, ...transfer.links]);
  const hubOf = new Map(linked.flatMap((h) => h.stations.map((s) => [s, h.id] as const)));
  const sameName = sameNameLinks(stations, options.sameNameHubMeters ?? SAME_NAME_METERS).filter(
    ([a, b]) => hubOf.get(a) === undefined || hubOf.get(a) !== hubOf.get(b),
  );
  const hubs = options.sameNameHubMeters
    ? groupHubs(stations, [...stationSet.splitLinks, ...transfer.links, ...sameName])
    : linked;
  if (sameName.length > 0 && !options.sameNameHubMeters) {
    const [a, b] = sameName[0]!;
    log.warn(
      'transfers.txt',
      `${plural(sameName.length, 'station')} share${sameName.length === 1 ? 's' : ''} a name with another within ${SAME_NAME_METERS} m (e.g. "${a}" and "${b}") but nothing links them, so riders cannot change between them; import with sameNameHubMeters (CLI --same-name-hubs ${SAME_NAME_METERS}) to group them as hubs`,
    );
  }
  await progress.tick(READ_SHARE + 0.03, 'zones');

  // Zones: the user's, or a hexagonal grid with unknown (uniform) population and jobs; then the core.
  const notes = importNotes({
    feed: label,
    publisher: publishers.name(),
    imported: imported.length,
    routes: routes.routes.length,
    day,
    hasTransfers: files.has('transfers.txt'),
    split: stationSet.split,
    notPossible: transfer.counts.notPossible,
    raisedRuns: imported.reduce((a, r) => a + r.patterns.reduce((b, p) => b + p.raisedRuns, 0), 0),
    dropped,
  });
  if (options.sameNameHubMeters && sameName.length > 0) {
    notes.push(
      `${plural(sameName.length, 'station')} with the name of another within ${options.sameNameHubMeters} m (no transfers.txt link) were grouped with it into hubs, as asked.`,
    );
  }
  let zones: Network['zones'] = [];
  let zoneAttributes: Network['zoneAttributes'];
  let coreRadius = 1000;
  if (options.zones) {
    const z = zonesFromGeoJson(options.zones.text, options.zones.file);
    if (z.ok) zones = z.zones;
    else for (const i of z.issues) log.error(i.path, i.message);
    zoneAttributes = options.zoneAttributes ?? {
      population: { source: options.zones.file, estimate: false },
      jobs: { source: options.zones.file, estimate: false },
    };
    report.zones = {
      source: 'geojson',
      count: zones.length,
      summary: `${plural(zones.length, 'zone')} from ${options.zones.file}`,
    };
  } else if (stations.length > 0) {
    const hex = hexZones(
      stations.map((s) => s.coord),
      {
        ...(options.hexSpacingMeters !== undefined && { spacingMeters: options.hexSpacingMeters }),
        ...(options.maxZones !== undefined && { maxZones: options.maxZones }),
      },
    );
    zones = hex.zones;
    coreRadius = Math.max(1000, hex.spacingMeters * 1.01);
    const unknown = { source: 'unknown: uniform', estimate: true };
    zoneAttributes = { population: unknown, jobs: { ...unknown } };
    const grid = `a hexagonal grid of ${plural(zones.length, 'cell')} (${hex.spacingMeters} m between centres) over the stations' extent, cells within 3 km of a station`;
    notes.push(
      `Zones: ${grid}. Population and jobs are unknown: 1 per zone (uniform), so accessibility and the commute circle count zones, not people or jobs. Load a zones GeoJSON with population and jobs for real figures.`,
    );
    report.zones = {
      source: 'hex-grid',
      count: zones.length,
      spacingMeters: hex.spacingMeters,
      summary: `${grid}; population and jobs unknown (1 per zone)`,
    };
  }
  const amPeak = periods.find((p) => p.id === 'am-peak')!;
  const core = chooseCore(lines, stations, zones, coreRadius, amPeak, lang);
  if (stations.length > 0) notes.push(core.note);
  report.core = core.summary;

  // The report.
  let unserved = 0;
  stops.stops.forEach((s, k) => {
    if ((s.type === 1 || (s.type === 0 && stops.station[k] === k)) && !stationSet.served.has(k)) unserved++;
  });
  report.stops = { ...report.stops, stations: stations.length, unserved };
  report.routes = {
    imported: imported.map((r, k) => importedRoute(r, routes, layers, lines[k]!.id)),
    dropped,
  };
  report.lines = lines.length;
  report.patterns = lines.reduce((a, l) => a + l.patterns.length, 0);
  report.hubs = hubs.length;
  report.transfers = { ...transfer.counts, rules: transfer.rules.length };
  report.notes = notes;

  if (lines.length === 0) {
    const reasons = new Map<string, string[]>();
    for (const d of dropped) reasons.set(d.reason, [...(reasons.get(d.reason) ?? []), d.id]);
    const why = [...reasons].map(
      ([reason, ids]) =>
        `${plural(ids.length, 'route')} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): ${reason}`,
    );
    const nothing = routes.readable ? 'the feed has no routes' : 'routes.txt could not be read';
    log.error('routes.txt', `no route could be imported: ${why.length > 0 ? why.join('; ') : nothing}`);
    return undefined;
  }
  if (zones.length === 0) {
    if (!options.zones) log.error('stops.txt', 'no zones could be made around the stations');
    return undefined;
  }

  await progress.tick(READ_SHARE + 0.06, 'checking the network');
  const network: Network = {
    format: NETWORK_FORMAT,
    id: networkId(options.id ?? label),
    name:
      lang === 'zh'
        ? { zh: options.name ?? (publishers.name() || label) }
        : { en: options.name ?? (publishers.name() || label) },
    description: `Imported from the GTFS feed ${label}${day ? ` for ${day.date} (${day.weekday})` : ''}.`,
    attribution: [...publishers.attribution(label), ...(options.attribution ?? [])],
    notes,
    periods: report.periods,
    stations,
    hubs,
    lines,
    transfers: transfer.rules,
    zones,
    ...(zoneAttributes && { zoneAttributes }),
    core: core.core,
  };
  // The network must load like any file: a failure here is an importer bug, reported, never handed on.
  const check = loadNetwork({ file: 'imported network', text: JSON.stringify(network) });
  if (!check.ok) {
    for (const i of check.issues)
      log.error(
        `imported network ${i.path}`,
        `internal error, the importer made an invalid network: ${i.message}`,
      );
    return undefined;
  }
  await progress.tick(1, 'done');
  return network;
}

function importedRoute(
  r: RouteImport,
  routes: RouteTable,
  layers: { by: 'route' | 'type' | 'default' }[],
  line: string,
): ImportReport['routes']['imported'][number] {
  const route = routes.routes[r.route]!;
  const trips: Record<string, number> = {};
  for (const p of r.patterns)
    for (const [id, n] of Object.entries(p.trips))
      trips[id] = Math.round(((trips[id] ?? 0) + n) * 1000) / 1000;
  return {
    id: route.id,
    name: routeName(route),
    routeType: route.type,
    layer: r.layer,
    layerBy: layers[r.route]!.by,
    line,
    patterns: r.patterns.length,
    trips,
  };
}
