import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

/** `../shared` next to the repository (the worktree or the main checkout). */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SAMPLES = join(SHARED, 'data/raw/gtfs-samples');
export const BEIJING = join(SHARED, 'data/raw/bj-subway-gtfs-boyinthesun/gtfs');

/** A feed's bytes as the importer takes them: a zip, or a folder's files. */
export function feedInput(path: string): { zip: Uint8Array } | { files: Record<string, Uint8Array> } {
  if (statSync(path).isDirectory()) {
    return {
      files: Object.fromEntries(
        readdirSync(path).map((n) => [n, new Uint8Array(readFileSync(join(path, n)))]),
      ),
    };
  }
  return { zip: new Uint8Array(readFileSync(path)) };
}

/** Every `.txt` of a feed as text, straight from the zip or folder (for the tests' own computations). */
export function feedTexts(path: string): Record<string, string> {
  if (statSync(path).isDirectory()) {
    return Object.fromEntries(readdirSync(path).map((n) => [n, readFileSync(join(path, n), 'utf8')]));
  }
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([n, b]) => [n.split('/').pop()!, strFromU8(b)]));
}

/**
 * A deliberately plain CSV reader for the tests, independent of the importer's: RFC 4180 quotes, CRLF,
 * BOM. Rows as objects keyed by the trimmed header.
 */
export function readCsv(text: string): Record<string, string>[] {
  let parsed = parsedCache.get(text);
  if (!parsed) {
    parsed = parseCsv(text);
    parsedCache.set(text, parsed);
  }
  return parsed;
}

const parsedCache = new Map<string, Record<string, string>[]>();

function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const names = header!.map((h) => h.trim());
  return data.map((r) => Object.fromEntries(names.map((n, k) => [n, (r[k] ?? '').trim()])));
}

export function seconds(time: string): number {
  const [h, m, s] = time.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

/** Services running on `date` ("YYYYMMDD"): calendar by weekday and range, then calendar_dates. */
export function servicesOn(texts: Record<string, string>, date: string): Set<string> {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
  );
  const day = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][d.getUTCDay()]!;
  const active = new Set<string>();
  for (const c of texts['calendar.txt'] ? readCsv(texts['calendar.txt']) : []) {
    if (c[day] === '1' && c.start_date! <= date && date <= c.end_date!) active.add(c.service_id!);
  }
  for (const e of texts['calendar_dates.txt'] ? readCsv(texts['calendar_dates.txt']) : []) {
    if (e.date !== date) continue;
    if (e.exception_type === '2') active.delete(e.service_id!);
    if (e.exception_type === '1') active.add(e.service_id!);
  }
  return active;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The tests' own reading of one route's service on a day, straight from stop_times: per direction and
 * station sequence (stops mapped to their parent station), the trips leaving the middle stop in each
 * period and the median runs (arrival(k+1) − departure(k)) over the trips in any period.
 */
export function expectedPatterns(
  texts: Record<string, string>,
  routeId: string,
  date: string,
  periods: Record<string, [number, number]>,
): { direction: number; stops: string[]; trips: Record<string, number>; runs: number[]; dwells: number[] }[] {
  const parent = new Map(
    readCsv(texts['stops.txt']!).map((s) => [s.stop_id!, s.parent_station || s.stop_id!]),
  );
  const services = servicesOn(texts, date);
  const trips = new Map(
    readCsv(texts['trips.txt']!)
      .filter((t) => t.route_id === routeId && services.has(t.service_id!))
      .map((t) => [t.trip_id!, Number(t.direction_id || 0)]),
  );
  const calls = new Map<string, { seq: number; stop: string; arr: number; dep: number }[]>();
  for (const st of readCsv(texts['stop_times.txt']!)) {
    if (!trips.has(st.trip_id!)) continue;
    const list = calls.get(st.trip_id!) ?? [];
    list.push({
      seq: Number(st.stop_sequence),
      stop: parent.get(st.stop_id!)!,
      arr: seconds(st.arrival_time!),
      dep: seconds(st.departure_time!),
    });
    calls.set(st.trip_id!, list);
  }
  const patterns = new Map<
    string,
    {
      direction: number;
      stops: string[];
      trips: Record<string, number>;
      samples: { runs: number[]; dwells: number[] }[];
    }
  >();
  for (const [trip, list] of calls) {
    list.sort((a, b) => a.seq - b.seq);
    // Counted where trains serve: departing the middle stop (the earlier of two middles).
    const middle = list[Math.floor((list.length - 1) / 2)]!.dep;
    const inPeriods = Object.entries(periods).filter(([, [from, to]]) => middle >= from && middle < to);
    if (inPeriods.length === 0) continue;
    const direction = trips.get(trip)!;
    const stops = list.map((c) => c.stop);
    const key = `${direction}|${stops.join(',')}`;
    const p = patterns.get(key) ?? { direction, stops, trips: {}, samples: [] };
    for (const [id] of inPeriods) p.trips[id] = (p.trips[id] ?? 0) + 1;
    p.samples.push({
      runs: list.slice(1).map((c, k) => c.arr - list[k]!.dep),
      dwells: list.map((c) => c.dep - c.arr),
    });
    patterns.set(key, p);
  }
  return [...patterns.values()].map((p) => ({
    direction: p.direction,
    stops: p.stops,
    trips: p.trips,
    runs: p.stops.slice(1).map((_, k) => median(p.samples.map((s) => s.runs[k]!))),
    dwells: p.stops.map((_, k) => median(p.samples.map((s) => s.dwells[k]!))),
  }));
}
