import type { LonLat } from '../../domain/geo';
import type { Issue } from '../../domain/issue';
import { isLayerId, LAYERS, type LayerId } from '../../domain/layer';
import type { Direction, Line, ServicePattern } from '../../domain/line';
import type { LocalizedName } from '../../domain/names';
import { type Attribution, NETWORK_FORMAT, type Network, type Period } from '../../domain/network';
import type { Station } from '../../domain/station';
import { clockToSeconds } from '../../domain/units';
import type { ZoneAttributeSource } from '../../domain/zone';
import { loadNetwork } from '../network';
import { Publishers } from './agency';
import { ServiceCalendar, type ServiceDay } from './calendar';
import { CsvStream } from './csv';
import { GtfsAbortError } from './errors';
import { formatDay, TableReader, type TableSpec, WEEKDAY_NAMES, weekdayOf } from './fields';
import { FrequencyTable } from './frequencies';
import { IssueLog } from './issues';
import { describeRouteType, layerFor, type RouteTypeMapping } from './modes';
import { type BuiltPattern, buildPatterns, type PeriodWindow, type RouteTrips } from './patterns';
import type { DroppedRoute, ImportedRoute, ImportReport } from './report';
import { RouteTable, routeName } from './routes';
import { type FeedFile, type GtfsInput, openFeed } from './source';
import { StopTable } from './stops';
import { StopTimeTable } from './stopTimes';
import { buildTransfers, groupHubs, TransferTable } from './transfers';
import { Translations } from './translations';
import { TripTable } from './trips';
import { hexZones, zonesAround, zonesFromGeoJson } from './zones';

export interface ImportOptions {
  /** The feed's name in messages and the attribution, e.g. the zip's file name. */
  feedName?: string;
  /** Network id and name; default from the feed's publisher or agencies. */
  id?: string;
  name?: string;
  /** Language of the feed's names; default from feed_lang / agency_lang (zh… → zh, else en). */
  language?: 'zh' | 'en';
  /** Service day "YYYYMMDD" or "YYYY-MM-DD"; default the busiest Tuesday–Thursday. */
  date?: string;
  /** Analysis periods of the service day; default am-peak 07:00–09:00 and off-peak 10:00–16:00. */
  periods?: Period[];
  /** route_type → layer (null: not carried), over the default mapping. */
  routeTypes?: Partial<RouteTypeMapping>;
  /** route_id → layer (null: not carried), over everything else. */
  routes?: Record<string, LayerId | null>;
  /** Zones as a GeoJSON FeatureCollection with population and jobs; default a hexagonal grid. */
  zones?: { file: string; text: string };
  /** Where the GeoJSON's population and jobs come from; default the file, not estimates. */
  zoneAttributes?: { population: ZoneAttributeSource; jobs: ZoneAttributeSource };
  /** Hexagonal grid: distance between cell centres (default 1 km, widened to at most `maxZones` cells). */
  hexSpacingMeters?: number;
  maxZones?: number;
  /** Import what can be read even when rows have errors (they are dropped and reported). Default false. */
  lenient?: boolean;
  /** Added to the attribution, e.g. the feed's licence. */
  attribution?: Attribution[];
  /** 0..1 as the import proceeds, with the stage. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Aborting rejects the import's promise with an error named `AbortError`. */
  signal?: AbortSignal;
}

export type ImportResult =
  | { ok: true; network: Network; report: ImportReport }
  | { ok: false; issues: Issue[]; report: ImportReport };

export const DEFAULT_PERIODS: Period[] = [
  { id: 'am-peak', name: { en: 'AM peak', zh: '早高峰' }, start: '07:00', end: '09:00' },
  { id: 'off-peak', name: { en: 'Off-peak', zh: '平峰' }, start: '10:00', end: '16:00' },
];

export const LAYER_COLORS: Record<LayerId, string> = {
  trunk: '#1F4E79',
  intercity: '#7B3F99',
  suburban: '#2E8B57',
  metro: '#C0392B',
};

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
const REQUIRED = new Set(['routes.txt', 'stops.txt', 'trips.txt', 'stop_times.txt']);

/** Share of the progress bar for reading files; the rest is building the network. */
const READ_SHARE = 0.9;

class Ticker {
  private last = performance.now();
  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number, stage: string) => void) | undefined,
  ) {}

  check(): void {
    if (this.signal?.aborted) throw new GtfsAbortError();
  }

  /** Report progress, and now and then give the event loop (and an abort) a turn. */
  async tick(fraction: number, stage: string): Promise<void> {
    this.check();
    this.onProgress?.(Math.min(1, Math.max(0, fraction)), stage);
    if (performance.now() - this.last > 30) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.last = performance.now();
      this.check();
    }
  }
}

/** Ids that are safe in graph keys (`#` and `|` separate parts there) and unique. */
class Ids {
  private readonly used = new Set<string>();
  make(raw: string): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    const base = raw.replace(/[#|\u0000-\u001f]/g, '_') || '_';
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}~${k}`;
    this.used.add(id);
    return id;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
  const ticker = new Ticker(options.signal, options.onProgress);
  const periods = options.periods ?? DEFAULT_PERIODS;
  const report = emptyReport(label, periods);
  ticker.check();
  try {
    const network = await run(input, options, label, periods, log, ticker, report);
    report.seconds = (performance.now() - started) / 1000;
    fillIssues(report, log);
    if (network && (log.errorCount === 0 || options.lenient)) return { ok: true, network, report };
    return { ok: false, issues: log.errorList(), report };
  } catch (e) {
    if (e instanceof GtfsAbortError) throw e;
    // A bug, not bad input: still an answer, never a crash, and the current network stays loaded.
    log.error(label, `internal error while importing: ${e instanceof Error ? e.message : String(e)}`);
    report.seconds = (performance.now() - started) / 1000;
    fillIssues(report, log);
    return { ok: false, issues: log.errorList(), report };
  }
}

function fillIssues(report: ImportReport, log: IssueLog): void {
  report.errors = [...log.errors];
  report.warnings = [...log.warnings];
  report.errorCount = log.errorCount;
  report.warningCount = log.warningCount;
}

function emptyReport(feed: string, periods: Period[]): ImportReport {
  return {
    feed,
    files: [],
    serviceDay: null,
    feedDates: null,
    periods,
    stops: { stops: 0, parentStations: 0, platforms: 0, entrances: 0, other: 0, stations: 0, unserved: 0 },
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

/** The caller's options that the network file would reject later, checked up front with their paths. */
function checkOptions(options: ImportOptions, periods: readonly Period[], log: IssueLog): PeriodWindow[] {
  const positive = (v: number | undefined) => v === undefined || (Number.isFinite(v) && v > 0);
  if (!positive(options.hexSpacingMeters))
    log.error('options.hexSpacingMeters', 'must be a positive number of metres');
  if (
    !positive(options.maxZones) ||
    (options.maxZones !== undefined && !Number.isInteger(options.maxZones))
  ) {
    log.error('options.maxZones', 'must be a whole number ≥ 1');
  }
  const windows: PeriodWindow[] = [];
  const ids = new Set<string>();
  periods.forEach((p, k) => {
    if (typeof p.id !== 'string' || p.id === '' || ids.has(p.id))
      log.error(`options.periods[${k}].id`, `needs a unique, non-empty id`);
    ids.add(p.id);
    if (!p.name || (!p.name.en && !p.name.zh))
      log.error(`options.periods[${k}].name`, 'give a zh or an en name (or both)');
    const start = clockToSeconds(p.start);
    const end = clockToSeconds(p.end);
    if (!(start < end))
      log.error(`options.periods[${k}]`, `period "${p.id}" must run from an earlier "HH:MM" to a later one`);
    else windows.push({ id: p.id, start, end });
  });
  if (!periods.some((p) => p.id === 'am-peak'))
    log.error('options.periods', 'needs the period "am-peak", the one every analysis has');
  for (const [which, mapping] of [
    ['routeTypes', options.routeTypes],
    ['routes', options.routes],
  ] as const) {
    for (const [key, layer] of Object.entries(mapping ?? {})) {
      if (layer !== null && !isLayerId(layer)) {
        log.error(
          `options.${which}[${JSON.stringify(key)}]`,
          `"${String(layer)}" is not a layer (${LAYERS.join(', ')}) or null`,
        );
      }
    }
  }
  if (options.date !== undefined && Number.isNaN(ServiceCalendar.parseDay(options.date))) {
    log.error('options.date', `expected a date YYYYMMDD or YYYY-MM-DD, got "${options.date}"`);
  }
  return windows;
}

async function run(
  input: GtfsInput,
  options: ImportOptions,
  label: string,
  periodList: Period[],
  log: IssueLog,
  ticker: Ticker,
  report: ImportReport,
): Promise<Network | undefined> {
  const periods = checkOptions(options, periodList, log);
  if (log.errorCount > 0) return undefined;
  const files = openFeed(input, label, log);
  if (!files) return undefined;

  const totalBytes = READ_ORDER.reduce((a, name) => a + (files.get(name)?.size ?? 0), 0) || 1;
  let bytesBefore = 0;
  const read = async (
    name: (typeof READ_ORDER)[number],
    spec: TableSpec,
    required = REQUIRED.has(name),
    table?: { readable: boolean },
  ): Promise<boolean> => {
    const file: FeedFile | undefined = files.get(name);
    if (!file) {
      if (required) log.error(name, 'required file is missing');
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
      return false;
    }
    const reader = new TableReader(spec, log);
    const csv = new CsvStream(reader);
    const failure = await file.read(
      (text) => csv.push(text),
      (done) => ticker.tick((READ_SHARE * (bytesBefore + done)) / totalBytes, `reading ${name}`),
    );
    csv.end();
    reader.finish();
    if (failure) log.error(name, failure);
    bytesBefore += file.size;
    report.files.push({ file: name, status: failure ? 'failed' : 'read', required, ...reader.counts });
    if (table) table.readable = reader.readable;
    return reader.readable;
  };

  // Who and what: agencies, routes and their layers.
  const publishers = new Publishers();
  if (!files.has('agency.txt'))
    log.warn('agency.txt', 'missing (required by GTFS); the attribution names only the feed');
  await read('agency.txt', publishers.agencySpec, false);
  await read('feed_info.txt', publishers.feedInfoSpec);
  await read('attributions.txt', publishers.attributionsSpec);
  const lang = options.language ?? publishers.language();
  const named = (text: string): LocalizedName => (lang === 'zh' ? { zh: text } : { en: text });
  const translations = new Translations();
  await read('translations.txt', translations.spec);
  const names: Names = {
    stop: (id, text) => translations.name(lang, 'stops', 'stop_name', id, text),
    route: (route) =>
      route.shortName
        ? translations.name(lang, 'routes', 'route_short_name', route.id, route.shortName)
        : translations.name(lang, 'routes', 'route_long_name', route.id, route.longName || route.id),
    headsign: (text) => translations.name(lang, 'trips', 'trip_headsign', '', text),
  };

  const routes = new RouteTable();
  await read('routes.txt', routes.spec, true, routes);
  const layers = routes.routes.map((r) => {
    const chosen = layerFor(r.id, r.type, options.routeTypes, options.routes);
    // A mapping to something that is not a layer was reported below; the route is then not carried.
    return isLayerId(chosen.layer) ? chosen : { layer: null, by: chosen.by };
  });

  // When: calendars, trips, and the service day.
  const calendar = new ServiceCalendar();
  const hasCalendar = files.has('calendar.txt') || files.has('calendar_dates.txt');
  if (!hasCalendar)
    log.error(
      'calendar.txt',
      'missing, and so is calendar_dates.txt: one of them is required to know when trips run',
    );
  await read('calendar.txt', calendar.calendarSpec);
  await read('calendar_dates.txt', calendar.datesSpec);
  const trips = new TripTable(routes);
  await read('trips.txt', trips.spec, true, trips);

  const carriedTrips = new Map<string, number>();
  const allTrips = new Map<string, number>();
  let unknownService = 0;
  let unknownServiceLine = 0;
  for (const t of trips.trips) {
    allTrips.set(t.service, (allTrips.get(t.service) ?? 0) + 1);
    if (layers[t.route]!.layer !== null) carriedTrips.set(t.service, (carriedTrips.get(t.service) ?? 0) + 1);
    if (!calendar.has(t.service) && unknownService++ === 0) unknownServiceLine = t.line;
  }
  if (unknownService > 0 && !calendar.empty) {
    log.warn(
      `trips.txt:${unknownServiceLine}:service_id`,
      `${plural(unknownService, 'trip')} name a service in neither calendar.txt nor calendar_dates.txt (first here); they never run`,
    );
  }
  const range = calendar.range();
  report.feedDates = range ? [formatDay(range[0]), formatDay(range[1])] : null;
  let day: ServiceDay | undefined;
  if (options.date !== undefined) {
    const d = ServiceCalendar.parseDay(options.date);
    if (!Number.isNaN(d)) {
      const active = calendar.activeOn(d);
      const n = [...active].reduce((a, s) => a + (carriedTrips.get(s) ?? 0), 0);
      day = {
        day: d,
        date: formatDay(d),
        weekday: WEEKDAY_NAMES[weekdayOf(d)]!,
        trips: n,
        reason: `chosen by the user (${n} trips)`,
      };
      if (n === 0) log.warn('options.date', `no trip of the imported routes runs on ${day.date}`);
    }
  } else {
    const weights = carriedTrips.size > 0 ? carriedTrips : allTrips;
    day = calendar.representativeDay((s) => weights.get(s) ?? 0);
    if (!day) {
      report.noServiceDay = calendar.empty
        ? 'calendar.txt and calendar_dates.txt list no service'
        : trips.trips.length === 0
          ? 'the feed has no trips to run on any day'
          : "no trip's service runs on any day of calendar.txt / calendar_dates.txt";
    }
  }
  report.serviceDay = day
    ? { date: day.date, weekday: day.weekday, trips: day.trips, reason: day.reason }
    : null;
  const active = day ? calendar.activeOn(day.day) : new Set<string>();
  const wanted = new Uint8Array(trips.trips.length);
  const dayTrips: number[] = [];
  trips.trips.forEach((t, k) => {
    if (layers[t.route]!.layer !== null && active.has(t.service)) {
      wanted[k] = 1;
      dayTrips.push(k);
    }
  });

  // Where and how: frequencies, stops, transfers, stop times.
  const frequencies = new FrequencyTable(trips);
  await read('frequencies.txt', frequencies.spec);
  const stops = new StopTable(log);
  await read('stops.txt', stops.spec, true, stops);
  stops.resolve();
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
  await ticker.tick(READ_SHARE, 'building patterns');

  const { byRoute: built, stopRoutes } = buildPatterns({
    trips: trips.trips,
    dayTrips,
    stopTimes,
    stops,
    frequencies: frequencies.byTrip,
    periods,
    log,
  });
  const tripsPerRoute = new Map<number, number>();
  for (const t of trips.trips) tripsPerRoute.set(t.route, (tripsPerRoute.get(t.route) ?? 0) + 1);

  // Lines: one per route with patterns; every other route is reported with its reason.
  const lineIds = new Ids();
  const imported: { route: number; layer: LayerId; patterns: BuiltPattern[]; line: string }[] = [];
  const dropped: DroppedRoute[] = [];
  const periodText = periodList.map((p) => `${p.id} ${p.start}–${p.end}`).join(', ');
  routes.routes.forEach((route, k) => {
    const { layer, by } = layers[k]!;
    const drop = (reason: string) =>
      dropped.push({ id: route.id, name: routeName(route), routeType: route.type, reason });
    if (layer === null) {
      drop(
        by === 'default'
          ? `${describeRouteType(route.type)}: not a mode the model carries (map its route_type or the route to a layer to import it)`
          : `${describeRouteType(route.type)}: mapped to no layer by the import options`,
      );
      return;
    }
    const outcome: RouteTrips | undefined = built.get(k);
    if (!tripsPerRoute.get(k)) drop('no trips in trips.txt');
    else if (!day) drop(`no service day (${report.noServiceDay ?? 'none chosen'})`);
    else if (!outcome || outcome.onDay === 0)
      drop(`no trips on the service day ${day.date} (${day.weekday})`);
    else if (outcome.patterns.length === 0) {
      if (outcome.invalid === outcome.onDay)
        drop(
          `all ${plural(outcome.onDay, 'trip')} on ${day.date} were dropped for errors in their stop times`,
        );
      else drop(`no trip departs in the periods (${periodText}) on ${day.date}`);
    } else {
      imported.push({ route: k, layer, patterns: outcome.patterns, line: lineIds.make(route.id) });
      if (outcome.noDirection > 0) {
        log.warn(
          `trips.txt`,
          `route "${route.id}": ${plural(outcome.noDirection, 'trip')} without direction_id, read as direction 0`,
        );
      }
    }
  });

  // Stations: each parent (or parentless stop) a trip calls at, once per layer calling there.
  const layersAt = new Map<number, Set<LayerId>>();
  for (const r of imported) {
    for (const p of r.patterns) {
      for (const s of p.stations) {
        const set = layersAt.get(s);
        if (set) set.add(r.layer);
        else layersAt.set(s, new Set([r.layer]));
      }
    }
  }
  const stationIds = new Ids();
  const stationId = new Map<string, string>();
  const stations: Station[] = [];
  const platformsOf = new Map<number, number[]>();
  stops.station.forEach((s, k) => {
    if (s >= 0 && s !== k && stops.stops[k]!.type === 0) {
      const list = platformsOf.get(s);
      if (list) list.push(k);
      else platformsOf.set(s, [k]);
    }
  });
  const splitLinks: [string, string][] = [];
  let split = 0;
  for (const base of [...layersAt.keys()].sort((a, b) => a - b)) {
    const stop = stops.stops[base]!;
    const present = LAYERS.filter((l) => layersAt.get(base)!.has(l));
    const platforms = platformsOf.get(base) ?? [];
    const coord = stops.stationCoord(base, platforms)!;
    const name = stop.name || platforms.map((p) => stops.stops[p]!.name).find((n) => n !== '') || stop.id;
    if (present.length > 1) split++;
    for (const layer of present) {
      const id = stationIds.make(present.length > 1 ? `${stop.id}~${layer}` : stop.id);
      stationId.set(`${base}/${layer}`, id);
      stations.push({
        id,
        name: names.stop(stop.id, name),
        coord: [coord[0], coord[1]] as LonLat,
        layer,
        source: `GTFS stop ${stop.id}${platforms.length > 0 ? ` with ${plural(platforms.length, 'platform')}` : ''}${present.length > 1 ? ` (its ${layer} part)` : ''}`,
      });
      if (layer !== present[0]) splitLinks.push([stationId.get(`${base}/${present[0]}`)!, id]);
    }
  }
  const lines: Line[] = imported.map((r) => buildLine(r, routes.routes[r.route]!, stationId, names, periods));
  const lineOfRoute = new Map(imported.map((r) => [r.route, { id: r.line, layer: r.layer }]));
  // A stop's stations: its station's parts of `layer` (a route named in transfers.txt) or, for a
  // platform, of the layers of the lines calling there; else every part.
  const stationsOf = (stop: number, layer: LayerId | undefined): string[] => {
    const base = stops.station[stop] ?? -1;
    if (base < 0) return [];
    const served = new Set([...(stopRoutes.get(stop) ?? [])].map((r) => lineOfRoute.get(r)?.layer));
    const wanted =
      layer !== undefined
        ? [layer]
        : stop !== base && served.size > 0
          ? LAYERS.filter((l) => served.has(l))
          : LAYERS;
    return wanted.map((l) => stationId.get(`${base}/${l}`)).filter((id): id is string => id !== undefined);
  };
  const transferResult = buildTransfers(transfers, stationsOf, (k) => lineOfRoute.get(k));
  const hubs = groupHubs(stations, [...splitLinks, ...transferResult.links]);
  await ticker.tick(READ_SHARE + 0.03, 'zones');

  // Zones: the user's, or a hexagonal grid with unknown (uniform) population and jobs.
  const notes: string[] = [];
  let zones: Network['zones'] = [];
  let zoneAttributes: Network['zoneAttributes'];
  let coreRadius = 1000;
  if (options.zones) {
    const z = zonesFromGeoJson(options.zones.text, options.zones.file);
    if (!z.ok) for (const i of z.issues) log.error(i.path, i.message);
    else zones = z.zones;
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
    zoneAttributes = {
      population: { source: 'unknown: uniform', estimate: true },
      jobs: { source: 'unknown: uniform', estimate: true },
    };
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

  // Core: the zones around the station with the most departures in the am-peak.
  const departures = new Map<string, number>();
  for (const line of lines) {
    for (const p of line.patterns) {
      const h = p.headways['am-peak'];
      if (h === undefined) continue;
      const period = periods.find((w) => w.id === 'am-peak')!;
      const n = (period.end - period.start) / h;
      for (const s of p.stops.slice(0, -1)) departures.set(s, (departures.get(s) ?? 0) + n);
    }
  }
  let busiest: Station | undefined;
  let most = 0;
  for (const s of stations) {
    const n = departures.get(s.id) ?? 0;
    if (n > most) {
      most = n;
      busiest = s;
    }
  }
  const core: Network['core'] = [];
  if (busiest && zones.length > 0) {
    const coreZones = zonesAround(zones, busiest.coord, coreRadius);
    const stationName = busiest.name.zh ?? busiest.name.en ?? busiest.id;
    core.push({
      id: 'core',
      name: lang === 'zh' ? { zh: `${stationName}周边` } : { en: `Around ${stationName}` },
      zones: coreZones,
    });
    report.core = { station: busiest.id, name: stationName, departures: most, zones: coreZones.length };
    notes.push(
      `Core: the ${plural(coreZones.length, 'zone')} within ${Math.round(coreRadius)} m of ${stationName} (${busiest.id}), the station with the most departures in the am-peak (${Math.round(most)}); edit the core to suit the study.`,
    );
  } else if (stations.length > 0) {
    notes.push('Core: none (no departures in the am-peak); set the core zones by hand.');
  }

  // Notes a planner should read, also in the network.
  const routeList = routes.routes.map((r) => r.id);
  if (day) {
    notes.unshift(
      `Imported from the GTFS feed ${label}${publishers.name() ? ` (${publishers.name()})` : ''}: ${plural(imported.length, 'route')} of ${routeList.length}, service day ${day.date} (${day.weekday}), ${day.reason}.`,
    );
  }
  notes.push(
    "Headways: the period length divided by the trips of each pattern leaving its first stop in the period (frequencies.txt: each window's overlap with the period divided by headway_secs). Run and dwell times: medians over the pattern's trips in the periods.",
  );
  notes.push(
    files.has('transfers.txt')
      ? 'Transfers: min_transfer_time from transfers.txt is the walk (the median where several platform pairs fall on one station pair); elsewhere the layer-pair defaults apply. Processing between layers follows the network assumptions.'
      : 'Transfers: the feed has no transfers.txt; the layer-pair defaults apply.',
  );
  if (split > 0)
    notes.push(
      `${plural(split, 'parent station')} served by more than one layer became one station per layer, grouped as a hub.`,
    );
  if (transferResult.counts.notPossible > 0) {
    notes.push(
      `transfers.txt marks ${plural(transferResult.counts.notPossible, 'change')} as not possible (transfer_type 3): transfer rules cannot forbid a change, so the model allows them at default times.`,
    );
  }
  const raised = imported.reduce((a, r) => a + r.patterns.reduce((b, p) => b + p.raisedRuns, 0), 0);
  if (raised > 0)
    notes.push(`${plural(raised, 'run')} of 0 s (consecutive stops with the same time) were set to 1 s.`);
  if (dropped.length > 0) {
    const reasons = new Map<string, number>();
    for (const d of dropped) {
      const key = d.reason.split(':')[0]!.replace(/ on \d{4}-\d\d-\d\d.*$/, '');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    notes.push(
      `Not imported: ${[...reasons].map(([r, n]) => `${n} × ${r}`).join('; ')} (see the import report).`,
    );
  }

  // The report.
  const counts = stops.counts();
  const servedBases = new Set(layersAt.keys());
  let unserved = 0;
  stops.stops.forEach((s, k) => {
    if ((s.type === 1 || (s.type === 0 && stops.station[k] === k)) && !servedBases.has(k)) unserved++;
  });
  report.stops = {
    stops: counts.stops,
    parentStations: counts.stations,
    platforms: counts.platforms,
    entrances: counts.entrances,
    other: counts.other,
    stations: stations.length,
    unserved,
  };
  report.routes = {
    imported: imported.map((r, k): ImportedRoute => {
      const route = routes.routes[r.route]!;
      const trips: Record<string, number> = {};
      for (const p of r.patterns)
        for (const [id, n] of Object.entries(p.trips)) trips[id] = round3((trips[id] ?? 0) + n);
      return {
        id: route.id,
        name: routeName(route),
        routeType: route.type,
        layer: r.layer,
        layerBy: layers[r.route]!.by,
        line: lines[k]!.id,
        patterns: r.patterns.length,
        trips,
      };
    }),
    dropped,
  };
  report.lines = lines.length;
  report.patterns = lines.reduce((a, l) => a + l.patterns.length, 0);
  report.hubs = hubs.length;
  report.transfers = { ...transferResult.counts, rules: transferResult.rules.length };
  report.notes = notes;

  if (lines.length === 0) {
    const reasons = new Map<string, string[]>();
    for (const d of dropped) reasons.set(d.reason, [...(reasons.get(d.reason) ?? []), d.id]);
    const why = [...reasons].map(
      ([reason, ids]) =>
        `${plural(ids.length, 'route')} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): ${reason}`,
    );
    const none = routes.readable ? 'the feed has no routes' : 'routes.txt could not be read';
    log.error('routes.txt', `no route could be imported: ${why.length > 0 ? why.join('; ') : none}`);
    return undefined;
  }
  if (zones.length === 0) {
    if (!options.zones) log.error('stops.txt', 'no zones could be made around the stations');
    return undefined;
  }

  await ticker.tick(READ_SHARE + 0.06, 'checking the network');
  const network: Network = {
    format: NETWORK_FORMAT,
    id: networkId(options.id ?? label),
    name: named(options.name ?? (publishers.name() || label)),
    description: `Imported from the GTFS feed ${label}${day ? ` for ${day.date} (${day.weekday})` : ''}.`,
    attribution: [...publishers.attribution(label), ...(options.attribution ?? [])],
    notes,
    periods: periodList,
    stations,
    hubs,
    lines,
    transfers: transferResult.rules,
    zones,
    ...(zoneAttributes && { zoneAttributes }),
    core,
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
  await ticker.tick(1, 'done');
  return network;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Names in the feed's language, with translations.txt's other language where it has one. */
interface Names {
  stop(id: string, text: string): LocalizedName;
  route(route: { id: string; shortName: string; longName: string }): LocalizedName;
  headsign(text: string): LocalizedName;
}

function networkId(text: string): string {
  const slug = text
    .replace(/\.zip$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'gtfs';
}

/** A route's line: its patterns sorted (direction, most trips first) and named `d0-1`, `d0-2`, `d1-1` … */
function buildLine(
  r: { route: number; layer: LayerId; patterns: BuiltPattern[]; line: string },
  route: { id: string; color: string | undefined; shortName: string; longName: string },
  stationId: Map<string, string>,
  names: Names,
  periods: readonly PeriodWindow[],
): Line {
  const total = (p: BuiltPattern) => Object.values(p.trips).reduce((a, n) => a + n, 0);
  const withIds = r.patterns.map((p) => ({
    p,
    stops: p.stations.map((s) => stationId.get(`${s}/${r.layer}`)!),
  }));
  withIds.sort(
    (a, b) =>
      a.p.direction - b.p.direction ||
      total(b.p) - total(a.p) ||
      b.stops.length - a.stops.length ||
      (a.stops.join('\u0000') < b.stops.join('\u0000')
        ? -1
        : a.stops.join('\u0000') > b.stops.join('\u0000')
          ? 1
          : 0),
  );
  const rank = [0, 0];
  const patterns: ServicePattern[] = withIds.map(({ p, stops }) => {
    rank[p.direction]!++;
    const headways: Record<string, number> = {};
    for (const w of periods) if (p.headways[w.id] !== undefined) headways[w.id] = p.headways[w.id]!;
    return {
      id: `d${p.direction}-${rank[p.direction]}`,
      direction: p.direction as Direction,
      ...(p.headsign !== undefined && { headsign: names.headsign(p.headsign) }),
      stops,
      runSeconds: p.runSeconds,
      dwellSeconds: p.dwellSeconds,
      headways,
    };
  });
  const line: Line = {
    id: r.line,
    name: names.route(route),
    layer: r.layer,
    color: route.color ?? LAYER_COLORS[r.layer],
    patterns,
    source: `GTFS route ${route.id}${route.shortName && route.longName ? ` (${route.longName})` : ''}`,
  };
  const headsignOf = (d: Direction) =>
    withIds.find(({ p }) => p.direction === d && p.headsign !== undefined)?.p.headsign;
  const h0 = headsignOf(0);
  const h1 = headsignOf(1);
  if (h0 !== undefined && h1 !== undefined) line.directionNames = [names.headsign(h0), names.headsign(h1)];
  return line;
}
