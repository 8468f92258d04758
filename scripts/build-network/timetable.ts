/**
 * Reading the Beijing metro timetables (bj-metro-timetables-mick235711, JSON5, upstream schema
 * `docs/schema/line.schema.json5`): departures per station, direction and date group as a first train and
 * minute gaps, and filters that assign departures to train routes (full, short turn, depot, express).
 * Trains are followed through consecutive stations the way the format intends: the i-th departure of a
 * route (or combination of routes) at one station is the i-th departure of the same route at the next.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RAW, readJson5 } from './raw';

type Delta = number | [number, Delta[]];

interface RawSchedule {
  first_train?: string;
  delta?: Delta[];
  trains?: string[];
}

interface RawFilter {
  plan: string;
  trains?: string[];
  first_train?: string;
  skip_trains?: number;
  until?: string;
  count?: number;
}

interface RawRoute {
  starts_with?: string;
  ends_with?: string;
  skip?: string[];
  stations?: string[];
  loop?: boolean;
  skip_timetable?: boolean;
}

export interface RawLine {
  name: string;
  color: string;
  aliases?: string[];
  design_speed?: number;
  loop?: boolean;
  loop_last_segment?: number;
  stations: { name: string; dist?: number; aliases?: string[] }[];
  train_routes: Record<string, Record<string, unknown>>;
  date_groups: Record<string, { weekday?: number[]; dates?: string[]; aliases?: string[] }>;
  timetable: Record<
    string,
    Record<string, Record<string, { schedule: RawSchedule[]; filters?: RawFilter[] }>>
  >;
}

/** One train route of a direction, as the file defines it. */
export interface Route {
  name: string;
  stations: string[];
  skip: Set<string>;
  loop: boolean;
  /** Passed stations do not list these trains. */
  skipTimetable: boolean;
}

export interface Direction {
  key: string;
  aliases: string[];
  /** Station order in this direction. */
  stations: string[];
  routes: Route[];
}

/** One departure at one station: minutes after midnight of the service day (after-midnight trains > 1440). */
export interface Departure {
  time: number;
  /** Route names, the base route unless filters say otherwise; several when filters combine. */
  routes: string[];
}

export interface ParsedLine {
  file: string;
  raw: RawLine;
  /** Date group used: the weekday group (the one that includes Wednesday). */
  dateGroup: string;
  directions: Direction[];
  /** departures[direction][station] */
  departures: Map<string, Departure[]>[];
}

/** A followed train: its calls in order (station, minutes). */
export interface Train {
  direction: number;
  combo: string;
  calls: { station: string; time: number }[];
  loop: boolean;
}

const ROUTE_META = new Set([
  'aliases',
  'reversed',
  'icon',
  'end_circle',
  'end_circle_split_dist',
  'end_circle_start',
]);
export const NOT_LINE_FILES = new Set(['metadata.json5', 'fare_rules.json5', 'carriage_types.json5']);

export function lineFiles(): string[] {
  return readdirSync(RAW.timetables)
    .filter((f) => f.endsWith('.json5') && !NOT_LINE_FILES.has(f))
    .sort();
}

/** "HH:MM" → minutes; hours before 04:00 belong to the previous service day. */
export function parseClock(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  const t = h * 60 + m;
  return h < 4 ? t + 1440 : t;
}

function expandDelta(delta: Delta[]): number[] {
  const out: number[] = [];
  for (const d of delta) {
    if (typeof d === 'number') out.push(d);
    else for (let k = 0; k < d[0]; k++) out.push(...expandDelta(d[1]));
  }
  return out;
}

function weekdayGroup(raw: RawLine): string {
  const groups = Object.entries(raw.date_groups);
  const wed = groups.find(([, g]) => !g.dates && (g.weekday ?? [1, 2, 3, 4, 5, 6, 7]).includes(3));
  return (wed ?? groups[0]!)[0];
}

function directionsOf(raw: RawLine): Direction[] {
  const base = raw.stations.map((s) => s.name);
  return Object.entries(raw.train_routes).map(([key, spec]) => {
    const reversed = spec.reversed === true;
    let stations = reversed ? [...base].reverse() : [...base];
    if (spec.end_circle === true && typeof spec.end_circle_start === 'string') {
      // Trains run to the split station, round the circle at the far end (in the base order), and the
      // circle's last station is where they turn into the other direction.
      const k = stations.indexOf(spec.end_circle_start);
      const head = stations.slice(0, k + 1);
      stations = [...head, ...base.filter((s) => !head.includes(s))];
    }
    const routes: Route[] = Object.entries(spec)
      .filter(([name]) => !ROUTE_META.has(name))
      .map(([name, value]) => {
        const r = value as RawRoute;
        let list = r.stations ? [...r.stations] : [...stations];
        if (!r.stations && r.starts_with) list = list.slice(list.indexOf(r.starts_with));
        if (!r.stations && r.ends_with) list = list.slice(0, list.indexOf(r.ends_with) + 1);
        return {
          name,
          stations: list,
          skip: new Set(r.skip ?? []),
          loop: r.loop ?? raw.loop === true,
          skipTimetable: r.skip_timetable === true,
        };
      });
    return { key, aliases: (spec.aliases as string[] | undefined) ?? [], stations, routes };
  });
}

function parseDepartures(
  entry: { schedule: RawSchedule[]; filters?: RawFilter[] },
  base: string,
): Departure[] {
  const times = new Set<number>();
  for (const s of entry.schedule) {
    if (s.trains) {
      let last = -1;
      for (const c of s.trains) {
        let t = parseClock(c);
        if (t < last) t += 1440;
        times.add(t);
        last = t;
      }
    } else {
      let t = parseClock(s.first_train!);
      times.add(t);
      for (const d of expandDelta(s.delta ?? [])) {
        t += d;
        times.add(t);
      }
    }
  }
  const deps: Departure[] = [...times].sort((a, b) => a - b).map((time) => ({ time, routes: [base] }));
  const index = new Map(deps.map((d, k) => [d.time, k]));
  const assign = (k: number, plan: string) => {
    const d = deps[k]!;
    if (d.routes.length === 1 && d.routes[0] === base) d.routes = [plan];
    else d.routes.push(plan);
  };
  for (const f of entry.filters ?? []) {
    if (f.trains) {
      for (const c of f.trains) {
        const k = index.get(parseClock(c)) ?? index.get(parseClock(c) + 1440);
        if (k === undefined) throw new Error(`filter train ${c} not in the timetable`);
        assign(k, f.plan);
      }
      continue;
    }
    const first = f.first_train ? index.get(parseClock(f.first_train)) : 0;
    if (first === undefined) throw new Error(`filter first_train ${f.first_train} not in the timetable`);
    const step = (f.skip_trains ?? 0) + 1;
    if (f.count !== undefined) {
      for (let i = 0; i < f.count; i++) assign(first + i * step, f.plan);
    } else {
      let untilT = f.until ? parseClock(f.until) : deps.at(-1)!.time;
      if (untilT < deps[first]!.time) untilT += 1440;
      const last = index.get(untilT);
      if (last === undefined) throw new Error(`filter until ${f.until} not in the timetable`);
      for (let k = first; k <= last; k += step) assign(k, f.plan);
    }
  }
  return deps;
}

export function parseLine(file: string): ParsedLine {
  const raw = readJson5<RawLine>(join(RAW.timetables, file));
  const dateGroup = weekdayGroup(raw);
  const directions = directionsOf(raw);
  const departures = directions.map((dir) => {
    const byStation = new Map<string, Departure[]>();
    for (const station of dir.stations) {
      const entry = raw.timetable[station]?.[dir.key];
      const group = entry?.[dateGroup] ?? (entry ? Object.values(entry)[0] : undefined);
      if (group) byStation.set(station, parseDepartures(group, dir.routes[0]!.name));
    }
    return byStation;
  });
  return { file, raw, dateGroup, directions, departures };
}

/** The stations a combination of routes calls at (in order), whether it loops, whether passes are listed. */
export function comboRoute(dir: Direction, routes: string[]): Route {
  const parts = routes.map((name) => {
    const r = dir.routes.find((x) => x.name === name);
    if (!r) throw new Error(`unknown route ${name} in direction ${dir.key}`);
    return r;
  });
  let stations = parts[0]!.stations;
  for (const r of parts.slice(1)) stations = stations.filter((s) => r.stations.includes(s));
  const skip = new Set(parts.flatMap((r) => [...r.skip]));
  return {
    name: routes.join('+'),
    stations,
    skip,
    loop: parts.every((r) => r.loop),
    skipTimetable: parts.some((r) => r.skipTimetable),
  };
}

/**
 * Follow every train of one direction: per route combination, the i-th departure at each station it
 * lists is the same train. Stations whose count of that combination disagrees with the first station's
 * are left out for it (reported in `mismatches`).
 */
export function followTrains(line: ParsedLine, d: number): { trains: Train[]; mismatches: string[] } {
  const dir = line.directions[d]!;
  const deps = line.departures[d]!;
  const combos = new Map<string, Map<string, number[]>>();
  for (const station of dir.stations) {
    for (const dep of deps.get(station) ?? []) {
      const key = dep.routes.join('+');
      let m = combos.get(key);
      if (!m) {
        m = new Map();
        combos.set(key, m);
      }
      const list = m.get(station);
      if (list) list.push(dep.time);
      else m.set(station, [dep.time]);
    }
  }
  const trains: Train[] = [];
  const mismatches: string[] = [];
  for (const [key, byStation] of [...combos].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const route = comboRoute(dir, key.split('+'));
    // Passed stations may list express trains at their passing time: those are not calls.
    const stops = route.stations.filter((s) => byStation.has(s) && !route.skip.has(s));
    if (stops.length === 0) continue;
    const n = byStation.get(stops[0]!)!.length;
    const usable = stops.filter((s) => {
      const ok = byStation.get(s)!.length === n;
      if (!ok)
        mismatches.push(`${line.raw.name} ${dir.key} ${key} @${s}: ${byStation.get(s)!.length} vs ${n}`);
      return ok;
    });
    for (let i = 0; i < n; i++) {
      trains.push({
        direction: d,
        combo: key,
        loop: route.loop,
        calls: usable.map((s) => ({ station: s, time: byStation.get(s)![i]! })),
      });
    }
  }
  return { trains, mismatches };
}
