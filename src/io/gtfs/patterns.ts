import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { DAY_SECONDS, MIN_HEADWAY_SECONDS } from '../schema/common';
import { formatClock } from './fields';
import { type FrequencyWindow, tripsInPeriod } from './frequencies';
import type { PlacedCall, TripPlausibility } from './geography';
import { feedPath, type IssueLog } from './issues';
import type { StopTable } from './stops';
import { NO_DROP_OFF, NO_PICKUP, NO_TIME, type StopTimeTable } from './stopTimes';
import type { GtfsTrip } from './trips';

/** A period in seconds of the service day. */
export interface PeriodWindow {
  id: string;
  start: number;
  end: number;
}

/** One distinct stop sequence of a route in one direction, with what its trips in the periods say. */
export interface BuiltPattern {
  route: number;
  direction: 0 | 1;
  /** Station stops (indices into stops.txt: the parent, or the stop itself when it has none). */
  stations: number[];
  /** Medians over the pattern's trips in the periods (frequency templates weighted by the trips they imply). */
  runSeconds: number[];
  dwellSeconds: number[];
  /** Trips departing the middle stop in each period (fractional for frequency windows). */
  trips: Record<string, number>;
  headways: Record<string, number>;
  headsign: string | undefined;
  /** Runs of 0 s in the medians (stops sharing a time in minute-rounded timetables), raised to 1 s. */
  raisedRuns: number;
}

/** What happened to each route the model carries. */
export interface RouteTrips {
  /** Trips of the route on the service day. */
  onDay: number;
  /** …of which dropped for errors. */
  invalid: number;
  /** …of which pass their middle stop inside a period (a frequency template counts once). */
  inPeriods: number;
  patterns: BuiltPattern[];
  /** Trips without direction_id, read as direction 0. */
  noDirection: number;
}

type Call = PlacedCall;

interface Accumulator {
  pattern: BuiltPattern;
  samples: { runs: number[]; dwells: number[]; weight: number }[];
  headsigns: Map<string, number>;
}

/**
 * Service patterns from the trips of one service day: each trip becomes calls at stations (platforms
 * merged into their station, pass-through stops dropped, blanks between timepoints interpolated by
 * distance); trips with the same route, direction and station sequence form one pattern. Run k is
 * arrival(k+1) − departure(k) and dwell k is departure(k) − arrival(k), medians over the pattern's trips in
 * the periods; the headway in a period is its length over the trips that depart its middle stop in it.
 */
export function buildPatterns(args: {
  trips: readonly GtfsTrip[];
  /** Trip indices of the service day on carried routes. */
  dayTrips: readonly number[];
  stopTimes: StopTimeTable;
  stops: StopTable;
  frequencies: ReadonlyMap<number, FrequencyWindow[]>;
  periods: readonly PeriodWindow[];
  /** Stops too far from the rest of the feed (geography.ts): trips calling there are dropped. */
  strays: ReadonlySet<number>;
  plausibility: TripPlausibility;
  log: IssueLog;
}): {
  byRoute: Map<number, RouteTrips>;
  stopRoutes: Map<number, Set<number>>;
  /** Headways of a period outside the model's domain, raised to its shortest or read as no service. */
  headwayFixes: { route: number; period: string; seconds: number }[];
} {
  const { trips, stopTimes, stops, frequencies, periods, log } = args;
  const context = { strays: args.strays, plausibility: args.plausibility };
  const groups = stopTimes.byTrip();
  const byRoute = new Map<number, RouteTrips>();
  // Which routes call at each stop (platform): transfers.txt names platforms, and a platform tells
  // which part of a station split by layer it belongs to.
  const stopRoutes = new Map<number, Set<number>>();
  const accs = new Map<string, Accumulator>();
  const headwayFixes: { route: number; period: string; seconds: number }[] = [];
  const routeOf = (route: number): RouteTrips => {
    let r = byRoute.get(route);
    if (!r) {
      r = { onDay: 0, invalid: 0, inPeriods: 0, patterns: [], noDirection: 0 };
      byRoute.set(route, r);
    }
    return r;
  };

  const coordCache = new Map<number, LonLat | undefined>();
  const platformsOf = new Map<number, number[]>();
  // Platforms only, as the network's stations take their position (stations.ts): a parent placed by its
  // entrances alone has no position there either.
  stops.station.forEach((s, k) => {
    if (s < 0 || s === k || stops.stops[k]!.type !== 0) return;
    const list = platformsOf.get(s);
    if (list) list.push(k);
    else platformsOf.set(s, [k]);
  });
  const stationCoord = (s: number) => {
    if (!coordCache.has(s)) coordCache.set(s, stops.stationCoord(s, platformsOf.get(s) ?? []));
    return coordCache.get(s);
  };

  for (const t of args.dayTrips) {
    const trip = trips[t]!;
    const route = routeOf(trip.route);
    route.onDay++;
    const rows = groups.get(t);
    const calls = rows ? tripCalls(trip, rows, stopTimes, stops, stationCoord, context, log) : undefined;
    if (!rows) {
      log.warn(feedPath('trips.txt', trip.line, 'trip_id'), `trip "${trip.id}" has no stop times; ignored`);
    }
    if (!calls) {
      route.invalid++;
      continue;
    }
    const windows = frequencies.get(t);
    const perPeriod: Record<string, number> = {};
    let weight = 0;
    // Trains are counted where they serve: at the pattern's middle stop (as the JJJ build counts its
    // metro), not where they start. Counted at the first stop, a 90-minute line's trains that reach the
    // middle of the line in the peak but left before it were missing (Caltrain Palo Alto: 17 trains call
    // 07:00–09:00). A frequency template's windows move with it by the time from first stop to middle.
    const middle = calls[middleCall(calls.length)]!.departure;
    const offset = middle - calls[0]!.departure;
    for (const p of periods) {
      const n = windows
        ? windows.reduce(
            (a, w) =>
              a + tripsInPeriod({ ...w, start: w.start + offset, end: w.end + offset }, p.start, p.end),
            0,
          )
        : middle >= p.start && middle < p.end
          ? 1
          : 0;
      if (n > 0) {
        perPeriod[p.id] = n;
        weight += n;
      }
    }
    if (weight === 0) continue;
    for (const i of rows!) {
      const stop = stopTimes.stop.data[i]!;
      const set = stopRoutes.get(stop);
      if (set) set.add(trip.route);
      else stopRoutes.set(stop, new Set([trip.route]));
    }
    route.inPeriods++;
    if (trip.direction === undefined) route.noDirection++;
    const direction = trip.direction ?? 0;
    const key = `${trip.route}/${direction}/${calls.map((c) => c.station).join(',')}`;
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        pattern: {
          route: trip.route,
          direction,
          stations: calls.map((c) => c.station),
          runSeconds: [],
          dwellSeconds: [],
          trips: {},
          headways: {},
          headsign: undefined,
          raisedRuns: 0,
        },
        samples: [],
        headsigns: new Map(),
      };
      accs.set(key, acc);
      route.patterns.push(acc.pattern);
    }
    for (const [p, n] of Object.entries(perPeriod)) acc.pattern.trips[p] = (acc.pattern.trips[p] ?? 0) + n;
    acc.samples.push({
      runs: calls.slice(1).map((c, k) => c.arrival - calls[k]!.departure),
      dwells: calls.map((c) => c.departure - c.arrival),
      weight,
    });
    if (trip.headsign !== '')
      acc.headsigns.set(trip.headsign, (acc.headsigns.get(trip.headsign) ?? 0) + weight);
  }

  for (const acc of accs.values()) {
    const p = acc.pattern;
    const n = p.stations.length;
    p.runSeconds = Array.from({ length: n - 1 }, (_, k) => {
      const m = weightedMedian(acc.samples.map((s) => [s.runs[k]!, s.weight]));
      if (m >= 1) return m;
      p.raisedRuns++;
      return 1;
    });
    p.dwellSeconds = Array.from({ length: n }, (_, k) =>
      weightedMedian(acc.samples.map((s) => [s.dwells[k]!, s.weight])),
    );
    for (const period of periods) {
      const count = p.trips[period.id];
      if (count === undefined || count <= 0) continue;
      const headway = Math.round((period.end - period.start) / count);
      // The model's domain (schema/common.ts): closer than 30 s is duplicated trips, not trains; fewer
      // than one train a day (a frequency window grazing the period) is no service.
      if (headway > DAY_SECONDS) {
        headwayFixes.push({ route: p.route, period: period.id, seconds: headway });
        continue;
      }
      if (headway < MIN_HEADWAY_SECONDS)
        headwayFixes.push({ route: p.route, period: period.id, seconds: headway });
      p.headways[period.id] = Math.max(MIN_HEADWAY_SECONDS, headway);
    }
    p.headsign = mostCommon(acc.headsigns);
  }
  return { byRoute, stopRoutes, headwayFixes };
}

/** The call trains are counted at: the middle one (the earlier of two middles), as in the JJJ build. */
export function middleCall(calls: number): number {
  return Math.floor((calls - 1) / 2);
}

/**
 * A trip's calls at stations, or undefined (errors logged) when its stop times cannot be used. Rows are in
 * stop_sequence order.
 */
function tripCalls(
  trip: GtfsTrip,
  rows: readonly number[],
  st: StopTimeTable,
  stops: StopTable,
  stationCoord: (station: number) => LonLat | undefined,
  context: { strays: ReadonlySet<number>; plausibility: TripPlausibility },
  log: IssueLog,
): Call[] | undefined {
  const at = (i: number, column: string) => feedPath('stop_times.txt', st.line.data[i]!, column);
  const n = rows.length;
  for (let k = 1; k < n; k++) {
    if (st.seq.data[rows[k]!] === st.seq.data[rows[k - 1]!]) {
      log.error(
        at(rows[k]!, 'stop_sequence'),
        `stop_sequence ${st.seq.data[rows[k]!]} appears twice in trip "${trip.id}"; the trip is dropped`,
      );
      return undefined;
    }
  }
  const arrival = rows.map((i) => st.arrival.data[i]!);
  const departure = rows.map((i) => st.departure.data[i]!);
  if (arrival[0] === NO_TIME || arrival[n - 1] === NO_TIME) {
    const i = arrival[0] === NO_TIME ? rows[0]! : rows[n - 1]!;
    log.error(
      at(i, 'arrival_time'),
      `the ${i === rows[0] ? 'first' : 'last'} stop of trip "${trip.id}" needs a time; the trip is dropped`,
    );
    return undefined;
  }
  const stations: number[] = [];
  for (const i of rows) {
    const s = stops.station[st.stop.data[i]!] ?? -1;
    if (s < 0) {
      log.error(
        at(i, 'stop_id'),
        `stop "${stops.stops[st.stop.data[i]!]!.id}" is not a stop, platform or station; trip "${trip.id}" is dropped`,
      );
      return undefined;
    }
    // A stray stop has its own error (geography.ts): its trips go without one each.
    if (context.strays.has(s) || context.strays.has(st.stop.data[i]!)) return undefined;
    if (!stationCoord(s)) {
      log.error(
        at(i, 'stop_id'),
        `stop "${stops.stops[st.stop.data[i]!]!.id}" has no position in stops.txt; trip "${trip.id}" is dropped`,
      );
      return undefined;
    }
    stations.push(s);
  }
  interpolate(
    arrival,
    departure,
    rows.map((i, k) => stops.stops[st.stop.data[i]!]!.coord ?? stationCoord(stations[k]!)!),
  );
  for (let k = 0; k < n; k++) {
    if (departure[k]! < arrival[k]!) {
      log.error(
        at(rows[k]!, 'departure_time'),
        `departs (${formatClock(departure[k]!)}) before it arrives (${formatClock(arrival[k]!)}); trip "${trip.id}" is dropped`,
      );
      return undefined;
    }
    if (k > 0 && arrival[k]! < departure[k - 1]!) {
      log.error(
        at(rows[k]!, 'arrival_time'),
        `arrives (${formatClock(arrival[k]!)}) before the previous stop's departure (${formatClock(departure[k - 1]!)}); trip "${trip.id}" is dropped`,
      );
      return undefined;
    }
  }
  const calls: Call[] = [];
  for (let k = 0; k < n; k++) {
    const flags = st.flags.data[rows[k]!]!;
    // A pass-through (no boarding, no alighting) is not a call: its time belongs to the run past it.
    if ((flags & NO_PICKUP) !== 0 && (flags & NO_DROP_OFF) !== 0 && k > 0 && k < n - 1) continue;
    const last = calls.at(-1);
    if (last && last.station === stations[k]) {
      // Two platforms of one station in a row: one call, from the first arrival to the last departure.
      last.departure = departure[k]!;
      continue;
    }
    calls.push({
      station: stations[k]!,
      arrival: arrival[k]!,
      departure: departure[k]!,
      coord: stationCoord(stations[k]!)!,
      line: st.line.data[rows[k]!]!,
    });
  }
  if (calls.length < 2) {
    log.warn(
      feedPath('trips.txt', trip.line, 'trip_id'),
      `trip "${trip.id}" calls at fewer than two stations; ignored`,
    );
    return undefined;
  }
  if (!context.plausibility.check(trip.id, calls)) return undefined;
  return calls;
}

/**
 * Fill stops without times (between timepoints) in place: the time between the timed stops around them
 * shared in proportion to the distance along the stops.
 */
function interpolate(arrival: number[], departure: number[], coords: readonly LonLat[]): void {
  let prev = 0;
  for (let k = 1; k < arrival.length; k++) {
    if (arrival[k] === NO_TIME) continue;
    if (k - prev > 1) {
      const cumulative = [0];
      for (let j = prev + 1; j <= k; j++)
        cumulative.push(cumulative.at(-1)! + greatCircleMeters(coords[j - 1]!, coords[j]!));
      const total = cumulative.at(-1)!;
      const t0 = departure[prev]!;
      const span = arrival[k]! - t0;
      for (let j = prev + 1; j < k; j++) {
        const share = total > 0 ? cumulative[j - prev]! / total : (j - prev) / (k - prev);
        arrival[j] = departure[j] = Math.round(t0 + span * share);
      }
    }
    prev = k;
  }
}

/**
 * Weighted median of [value, weight] pairs: the smallest value with at least half the weight at or below
 * it; where exactly half falls between two values, their mean (so unit weights give the usual median).
 */
export function weightedMedian(pairs: [number, number][]): number {
  const sorted = pairs.filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return 0;
  const total = sorted.reduce((a, [, w]) => a + w, 0);
  const half = total / 2;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]![1];
    if (Math.abs(cumulative - half) <= 1e-9 * total && i + 1 < sorted.length)
      return (sorted[i]![0] + sorted[i + 1]![0]) / 2;
    if (cumulative > half) return sorted[i]![0];
  }
  return sorted.at(-1)![0];
}

/** The most frequent key (first of equals), or undefined. */
function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [k, n] of counts) {
    if (n > most) {
      best = k;
      most = n;
    }
  }
  return best;
}
