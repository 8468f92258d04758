/**
 * Metro layer from the timetables: lines, service patterns (full, short turn, express, through trains),
 * run times by following trains, headways per period, and in-station transfer times from metadata.json5.
 * Everything here is keyed by the timetable's station names; station ids come later (stations.ts).
 */
import { join } from 'node:path';
import { AM_PEAK, PERIODS } from './periods';
import { RAW, readJson5 } from './raw';
import {
  comboRoute,
  type Direction,
  followTrains,
  lineFiles,
  type ParsedLine,
  parseLine,
  type Train,
} from './timetable';

/** A pattern as the network will hold it, with timetable station names for stops. */
export interface PatternDraft {
  id: string;
  direction: 0 | 1;
  stops: string[];
  runSeconds: number[];
  dwellSeconds: number[];
  headways: Record<string, number>;
  loop?: boolean;
  servedAs?: { fromStop: number; line: string; direction: 0 | 1 }[];
  /** Trains counted per period at the reference stop, for the report. */
  trains: Record<string, number>;
  referenceStop: string;
  routes: string[];
}

export interface MetroLineDraft {
  id: string;
  file: string;
  name: { zh: string; en: string };
  color: string;
  /** Station names in line order (the file's order). */
  stations: string[];
  /** Metres from the previous station (the file's `dist`). */
  dists: number[];
  /** English station names the timetable gives (`aliases`). */
  stationAliases: Record<string, string>;
  directionKeys: [string, string];
  directionNames: [{ zh: string; en: string }, { zh: string; en: string }];
  loop: boolean;
  patterns: PatternDraft[];
}

export interface TransferDraft {
  station: string;
  fromLine: string;
  fromDirection?: 0 | 1;
  toLine: string;
  toDirection?: 0 | 1;
  walkSeconds: number;
}

export interface VirtualTransferDraft {
  fromStation: string;
  toStation: string;
  fromLine: string;
  toLine: string;
  walkSeconds: number;
}

export interface MetroDraft {
  lines: MetroLineDraft[];
  transfers: TransferDraft[];
  virtualTransfers: VirtualTransferDraft[];
  /** Share of a direction's peak trains (at the pattern's middle stop) above which a short turn or
   *  express is kept as its own pattern. */
  keepShare: number;
  notes: string[];
  dropped: string[];
}

/** Line ids by file. */
export function lineId(file: string): string {
  const base = file.replace(/\.json5$/, '');
  const m = /^line(\d+)$/.exec(base);
  if (m) return `bj-${m[1]}`;
  const special: Record<string, string> = {
    'line-s1': 'bj-s1',
    'capital-airport-express': 'bj-cae',
    'daxing-airport-express': 'bj-dae',
    'yizhuang-t1-line': 'bj-t1',
  };
  return special[base] ?? `bj-${base.replace(/-line$/, '')}`;
}

const KEEP_SHARE = 0.15;
/**
 * Dwell convention: the timetables give departures. Each intermediate stop gets a fixed 30 s dwell (the
 * first and last stop none) and the run to it is the departure difference less that dwell, so the ride
 * from boarding at one stop to arriving at another is the timetable difference less the dwell at the
 * stop the rider leaves the train (arrival = departure − dwell), and first to last stop is exactly the
 * timetable's. A train passing a stop (express, closed station) saves the dwell and the stop loss.
 */
export const METRO_DWELL = 30;

/** Departure differences → runs and dwells under the dwell convention. */
function withDwells(diffs: number[], n: number, loop: boolean): { runs: number[]; dwells: number[] } {
  const dwells = Array.from({ length: n }, (_, k) => (!loop && (k === 0 || k === n - 1) ? 0 : METRO_DWELL));
  const runs = diffs.map((d, k) => d - dwells[(k + 1) % n]!);
  if (runs.some((r) => !(r > 0))) throw new Error(`a hop is shorter than the dwell: ${diffs.join(',')}`);
  return { runs, dwells };
}
const LOOP_SECONDS_FALLBACK = 120;

interface HopSample {
  depart: number;
  run: number;
}

/** Hop samples a→b (consecutive calls of one train), keyed "a\u0000b". */
function hopSamples(trains: Train[]): Map<string, HopSample[]> {
  const hops = new Map<string, HopSample[]>();
  for (const t of trains) {
    for (let k = 0; k + 1 < t.calls.length; k++) {
      const a = t.calls[k]!;
      const b = t.calls[k + 1]!;
      const key = `${a.station}\u0000${b.station}`;
      const list = hops.get(key);
      const s = { depart: a.time, run: b.time - a.time };
      if (list) list.push(s);
      else hops.set(key, [s]);
    }
  }
  return hops;
}

/**
 * Run time a→b: the mean over the trains that leave a within the am-peak (widened to 06:00–10:00, then
 * the whole day, when fewer than 3 trains make that hop in the peak). The mean, not the median: the
 * timetables are to the minute, and means of per-hop differences over the same trains add up to their
 * mean end-to-end time, medians of 1-minute values do not.
 */
function hopSeconds(samples: HopSample[] | undefined, what: string): number {
  if (!samples || samples.length === 0) throw new Error(`no train runs ${what}`);
  const windows: [number, number][] = [
    [AM_PEAK.from, AM_PEAK.to],
    [360, 600],
    [0, 3000],
  ];
  for (const [from, to] of windows) {
    const inside = samples.filter((s) => s.depart >= from && s.depart < to);
    if (inside.length >= 3 || (from === 0 && inside.length > 0)) {
      return Math.round((inside.reduce((a, s) => a + s.run, 0) / inside.length) * 60);
    }
  }
  throw new Error(`no train runs ${what}`);
}

function median<T>(list: T[]): T {
  return list[Math.floor((list.length - 1) / 2)]!;
}

function patternStops(dir: Direction, combo: string): string[] {
  const r = comboRoute(dir, combo.split('+'));
  return r.stations.filter((s) => !r.skip.has(s));
}

function countAt(trains: Train[], station: string, from: number, to: number): number {
  let n = 0;
  for (const t of trains)
    if (t.calls.some((c) => c.station === station && c.time >= from && c.time < to)) n++;
  return n;
}

interface Group {
  stops: string[];
  combos: string[];
  trains: Train[];
  loop: boolean;
}

function buildDirection(
  line: ParsedLine,
  d: 0 | 1,
  exclude: Set<string>,
  dropped: string[],
): { patterns: PatternDraft[]; hops: Map<string, HopSample[]>; trains: Train[] } {
  const dir = line.directions[d]!;
  const { trains, mismatches } = followTrains(line, d);
  if (mismatches.length > 0) throw new Error(`timetables disagree: ${mismatches.join('; ')}`);
  const hops = hopSamples(trains);
  const baseCombo = dir.routes[0]!.name;
  const own = trains.filter((t) => !t.combo.split('+').some((r) => exclude.has(r)));
  const loop = line.raw.loop === true;

  const groups = new Map<string, Group>();
  const keyOf = (stops: string[]) => stops.join('|');
  const baseStops = patternStops(dir, baseCombo);
  groups.set(keyOf(baseStops), { stops: baseStops, combos: [], trains: [], loop });
  for (const t of own) {
    const stops = loop ? baseStops : patternStops(dir, t.combo);
    const key = keyOf(stops);
    let g = groups.get(key);
    if (!g) {
      g = { stops, combos: [], trains: [], loop: false };
      groups.set(key, g);
    }
    if (!g.combos.includes(t.combo)) g.combos.push(t.combo);
    g.trains.push(t);
  }
  const base = groups.get(keyOf(baseStops))!;
  const kept: Group[] = [base];
  const minor: Group[] = [];
  const skipsStops = (g: Group) =>
    g.stops.some((s, k) => k > 0 && Math.abs(baseStops.indexOf(s) - baseStops.indexOf(g.stops[k - 1]!)) > 1);
  for (const g of groups.values()) {
    if (g === base) continue;
    const ref = median(g.stops);
    const n = countAt(g.trains, ref, AM_PEAK.from, AM_PEAK.to);
    const all = countAt(trains, ref, AM_PEAK.from, AM_PEAK.to);
    // Express trains are kept whenever they run in the peak: merging them would add stops they pass.
    if (n >= 2 && all > 0 && (n / all >= KEEP_SHARE || skipsStops(g))) kept.push(g);
    else minor.push(g);
  }
  for (const g of minor) {
    // A minor short turn or depot trip joins the shortest kept pattern that calls at all its stops
    // (as a run of consecutive stops); one that fits none (a rare express) is left out.
    const contiguous = (k: Group) => {
      const i = k.stops.indexOf(g.stops[0]!);
      return i >= 0 && g.stops.every((s, j) => k.stops[i + j] === s);
    };
    const target = kept.filter(contiguous).sort((a, b) => a.stops.length - b.stops.length)[0];
    if (!target) {
      dropped.push(`${lineId(line.file)} ${dir.key} ${g.combos.join(',')} (${g.trains.length} trains/day)`);
      continue;
    }
    target.trains.push(...g.trains);
    target.combos.push(...g.combos);
  }

  const lid = lineId(line.file);
  const patterns: PatternDraft[] = [];
  for (const g of kept) {
    const ref = median(g.stops);
    const headways: Record<string, number> = {};
    const counts: Record<string, number> = {};
    for (const p of PERIODS) {
      const n = countAt(g.trains, ref, p.from, p.to);
      counts[p.id] = n;
      // A single train in a period is noise for a frequency-based model: no service then.
      if (n >= 2) headways[p.id] = Math.round(((p.to - p.from) * 60) / n);
    }
    if (Object.keys(headways).length === 0) continue;
    const runs: number[] = [];
    const hopCount = g.loop ? g.stops.length : g.stops.length - 1;
    for (let k = 0; k < hopCount; k++) {
      const a = g.stops[k]!;
      const b = g.stops[(k + 1) % g.stops.length]!;
      if (g.loop && k === g.stops.length - 1) {
        runs.push(line.raw.loop_last_segment ? line.raw.loop_last_segment * 60 : LOOP_SECONDS_FALLBACK);
      } else runs.push(hopSeconds(hops.get(`${a}\u0000${b}`), `${lid} ${a}→${b}`));
    }
    const timed = withDwells(runs, g.stops.length, g.loop);
    const express = g.stops.some(
      (s, k) => k > 0 && Math.abs(baseStops.indexOf(s) - baseStops.indexOf(g.stops[k - 1]!)) > 1,
    );
    const id =
      g === base
        ? g.loop
          ? 'loop'
          : 'full'
        : `${express ? 'express' : 'short'}:${g.stops[0]!}:${g.stops.at(-1)!}`;
    patterns.push({
      id,
      direction: d,
      stops: g.stops,
      runSeconds: timed.runs,
      dwellSeconds: timed.dwells,
      headways,
      ...(g.loop && { loop: true }),
      trains: counts,
      referenceStop: ref,
      routes: [...new Set(g.combos)].sort(),
    });
  }
  return { patterns, hops, trains };
}

interface Metadata {
  transfers: Record<
    string,
    {
      from: string;
      to: string;
      from_direction?: string;
      to_direction?: string;
      minutes: number;
      apply_time?: { date_group?: string; start?: string; end?: string }[];
    }[]
  >;
  virtual_transfers: {
    from_station: string;
    to_station: string;
    times: { from: string; to: string; minutes: number }[];
  }[];
  through_trains: { lines: string[]; route: string; date_group?: string }[];
}

/** Does an apply_time list cover the whole am-peak on weekdays? */
function coversAmPeak(apply: { date_group?: string; start?: string; end?: string }[]): boolean {
  const toMin = (c: string | undefined, dflt: number) =>
    c ? Number(c.slice(0, 2)) * 60 + Number(c.slice(3)) : dflt;
  return apply.some(
    (a) =>
      (a.date_group === undefined || a.date_group === '工作日') &&
      toMin(a.start, 0) <= AM_PEAK.from &&
      toMin(a.end, 1440) >= AM_PEAK.to,
  );
}

export function buildMetro(): MetroDraft {
  const meta = readJson5<Metadata>(join(RAW.timetables, 'metadata.json5'));
  const parsed = lineFiles().map((f) => parseLine(f));
  const byName = new Map(parsed.map((l) => [l.raw.name, l]));
  const throughRoutes = new Map<string, Set<string>>();
  for (const t of meta.through_trains)
    for (const l of t.lines) (throughRoutes.get(l) ?? throughRoutes.set(l, new Set()).get(l)!).add(t.route);

  const drafts: MetroLineDraft[] = [];
  const dropped: string[] = [];
  const hopsByLine = new Map<string, Map<string, HopSample[]>[]>();
  const trainsByLine = new Map<string, Train[][]>();
  for (const line of parsed) {
    if (line.directions.length !== 2) throw new Error(`${line.file}: expected two directions`);
    const exclude = throughRoutes.get(line.raw.name) ?? new Set<string>();
    const built = ([0, 1] as const).map((d) => buildDirection(line, d, exclude, dropped));
    hopsByLine.set(
      line.raw.name,
      built.map((b) => b.hops),
    );
    trainsByLine.set(
      line.raw.name,
      built.map((b) => b.trains),
    );
    const stations = line.raw.stations.map((s) => s.name);
    const en = line.raw.aliases?.[0] ?? line.raw.name;
    drafts.push({
      id: lineId(line.file),
      file: line.file,
      name: { zh: line.raw.name, en },
      color: line.raw.color.toUpperCase(),
      stations,
      dists: line.raw.stations.map((s) => s.dist ?? 0),
      stationAliases: Object.fromEntries(
        line.raw.stations.flatMap((s) => {
          const en = englishAlias(s.name, s.aliases ?? []);
          return en ? [[s.name, en]] : [];
        }),
      ),
      directionKeys: [line.directions[0]!.key, line.directions[1]!.key],
      directionNames: line.directions.map((dir) => ({
        zh: dir.key,
        en: dir.aliases[0] ?? dir.key,
      })) as MetroLineDraft['directionNames'],
      loop: line.raw.loop === true,
      patterns: built.flatMap((b) => b.patterns),
    });
  }

  // Through trains (metadata.through_trains): one pattern on the line the train starts on, served as the
  // other line from the junction on, so riders there see it as that line.
  for (const spec of meta.through_trains) {
    for (const a of spec.lines) {
      for (const b of spec.lines) {
        if (a === b) continue;
        const la = byName.get(a)!;
        const lb = byName.get(b)!;
        for (const da of [0, 1] as const) {
          for (const db of [0, 1] as const) {
            const ra = la.directions[da]!.routes.find((r) => r.name === spec.route);
            const rb = lb.directions[db]!.routes.find((r) => r.name === spec.route);
            if (!ra || !rb || ra.stations.at(-1) !== rb.stations[0]) continue;
            const junction = rb.stations[0]!;
            const stops = [...ra.stations, ...rb.stations.slice(1)];
            const trainsB = trainsByLine.get(b)![db]!.filter((t) => t.combo.split('+').includes(spec.route));
            const headways: Record<string, number> = {};
            const counts: Record<string, number> = {};
            for (const p of PERIODS) {
              const n = countAt(trainsB, junction, p.from, p.to);
              counts[p.id] = n;
              if (n >= 2) headways[p.id] = Math.round(((p.to - p.from) * 60) / n);
            }
            if (Object.keys(headways).length === 0) continue;
            const hopsA = hopsByLine.get(a)![da]!;
            const hopsB = hopsByLine.get(b)![db]!;
            const runs = stops.slice(0, -1).map((s, k) => {
              const key = `${s}\u0000${stops[k + 1]}`;
              return hopSeconds(
                k < ra.stations.length - 1 ? hopsA.get(key) : hopsB.get(key),
                `${a}/${b} ${key}`,
              );
            });
            const lineA = drafts.find((l) => l.id === lineId(la.file))!;
            lineA.patterns.push({
              id: `through-${lineId(lb.file)}`,
              direction: da,
              stops,
              runSeconds: withDwells(runs, stops.length, false).runs,
              dwellSeconds: withDwells(runs, stops.length, false).dwells,
              headways,
              servedAs: [{ fromStop: ra.stations.length - 1, line: lineId(lb.file), direction: db }],
              trains: counts,
              referenceStop: junction,
              routes: [spec.route],
            });
          }
        }
      }
    }
  }

  const lineByZh = new Map(drafts.map((l) => [l.name.zh, l]));
  const dirIndex = (line: MetroLineDraft, key: string | undefined): 0 | 1 | undefined => {
    if (key === undefined) return undefined;
    const k = line.directionKeys.indexOf(key);
    if (k < 0) throw new Error(`line ${line.name.zh} has no direction ${key}`);
    return k as 0 | 1;
  };
  const transfers: TransferDraft[] = [];
  const notes: string[] = [];
  for (const [station, entries] of Object.entries(meta.transfers)) {
    const usable = entries.filter((e) => !e.apply_time || coversAmPeak(e.apply_time));
    const overrides = entries.filter((e) => e.apply_time && coversAmPeak(e.apply_time));
    const base = usable.filter((e) => !e.apply_time);
    const chosen = [
      ...base.filter((e) => !overrides.some((o) => o.from === e.from && o.to === e.to)),
      ...overrides,
    ];
    for (const e of chosen) {
      const from = lineByZh.get(e.from)!;
      const to = lineByZh.get(e.to)!;
      if (!from || !to) throw new Error(`transfer at ${station}: unknown line ${e.from} / ${e.to}`);
      const rule: TransferDraft = {
        station,
        fromLine: from.id,
        toLine: to.id,
        walkSeconds: Math.round(e.minutes * 60),
      };
      const fd = dirIndex(from, e.from_direction);
      const td = dirIndex(to, e.to_direction);
      if (fd !== undefined) rule.fromDirection = fd;
      if (td !== undefined) rule.toDirection = td;
      transfers.push(rule);
    }
    // "If only time from Line A to Line B is provided, the reverse is assumed to be the same" (upstream spec).
    for (const e of chosen) {
      if (chosen.some((r) => r.from === e.to && r.to === e.from)) continue;
      const from = lineByZh.get(e.to)!;
      const to = lineByZh.get(e.from)!;
      const rule: TransferDraft = {
        station,
        fromLine: from.id,
        toLine: to.id,
        walkSeconds: Math.round(e.minutes * 60),
      };
      const fd = dirIndex(from, e.to_direction);
      const td = dirIndex(to, e.from_direction);
      if (fd !== undefined) rule.fromDirection = fd;
      if (td !== undefined) rule.toDirection = td;
      transfers.push(rule);
    }
  }
  const virtualTransfers: VirtualTransferDraft[] = [];
  for (const v of meta.virtual_transfers) {
    for (const t of v.times) {
      const from = lineByZh.get(t.from)!;
      const to = lineByZh.get(t.to)!;
      virtualTransfers.push({
        fromStation: v.from_station,
        toStation: v.to_station,
        fromLine: from.id,
        toLine: to.id,
        walkSeconds: Math.round(t.minutes * 60),
      });
      virtualTransfers.push({
        fromStation: v.to_station,
        toStation: v.from_station,
        fromLine: to.id,
        toLine: from.id,
        walkSeconds: Math.round(t.minutes * 60),
      });
    }
  }
  if (dropped.length > 0)
    notes.push(`Trains left out (express or depot runs that fit no kept pattern): ${dropped.join('; ')}.`);
  return { lines: drafts, transfers, virtualTransfers, keepShare: KEEP_SHARE, notes, dropped };
}

/**
 * The timetable's own end-to-end time of a direction: mean over the trains that call at both `first` and
 * `last` and leave `first` within the am-peak, in seconds (for the checks).
 */
export function timetableEndToEnd(
  file: string,
  direction: 0 | 1,
  first: string,
  last: string,
): { seconds: number; trains: number } {
  const line = parseLine(file);
  const { trains } = followTrains(line, direction);
  const times: number[] = [];
  for (const t of trains) {
    const a = t.calls.find((c) => c.station === first);
    const b = t.calls.find((c) => c.station === last);
    if (a && b && b.time > a.time && a.time >= AM_PEAK.from && a.time < AM_PEAK.to)
      times.push(b.time - a.time);
  }
  return {
    seconds: (times.reduce((s, x) => s + x, 0) / Math.max(1, times.length)) * 60,
    trains: times.length,
  };
}

/**
 * A timetable station's English name: its first alias, unless its Chinese name carries a number and another
 * alias carries that number alone — 2号航站楼 is "PEK T2", not its first alias "PEK T1" (the station serves
 * both terminals; riders read the Chinese name on the platform, and the English must say the same).
 */
export function englishAlias(name: string, aliases: readonly string[]): string | undefined {
  const numbers = (s: string) => s.match(/\d+/g)?.join(',') ?? '';
  const wanted = numbers(name);
  return (wanted ? aliases.find((a) => numbers(a) === wanted) : undefined) ?? aliases[0];
}
