import { formatDay, parseDate, type Row, type TableSpec, WEEKDAY_NAMES, weekdayOf } from './fields';
import type { IssueLog } from './issues';

const DAY_COLUMNS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

interface CalendarRow {
  service: string;
  /** Monday first, as the columns. */
  days: boolean[];
  start: number;
  end: number;
}

interface Exception {
  service: string;
  /** 1 = service added on the date, 2 = removed. */
  type: 1 | 2;
}

/** The service day chosen for the import and why. */
export interface ServiceDay {
  /** Days since 1970-01-01. */
  day: number;
  date: string;
  weekday: string;
  /** Trips (of the routes the model carries) that run on it. */
  trips: number;
  reason: string;
}

/** calendar.txt and calendar_dates.txt: which services run on which day. */
export class ServiceCalendar {
  private readonly calendars: CalendarRow[] = [];
  private readonly byService = new Map<string, CalendarRow[]>();
  private readonly exceptions = new Map<number, Exception[]>();
  private readonly known = new Set<string>();

  readonly calendarSpec: TableSpec = {
    file: 'calendar.txt',
    required: ['service_id', ...DAY_COLUMNS, 'start_date', 'end_date'],
    optional: [],
    row: (r: Row) => {
      const service = r.required('service_id');
      const days = DAY_COLUMNS.map((c) => r.int(c, 0, 1) === 1);
      const start = r.date('start_date');
      const end = r.date('end_date');
      if (service === undefined || start === undefined || end === undefined || !r.ok) return false;
      if (end < start) {
        r.error('end_date', `ends (${formatDay(end)}) before it starts (${formatDay(start)})`);
        return false;
      }
      if (this.byService.has(service))
        r.warn('service_id', `service "${service}" has more than one calendar row; each is applied`);
      const row = { service, days, start, end };
      this.calendars.push(row);
      const list = this.byService.get(service);
      if (list) list.push(row);
      else this.byService.set(service, [row]);
      this.known.add(service);
      return true;
    },
  };

  readonly datesSpec: TableSpec = {
    file: 'calendar_dates.txt',
    required: ['service_id', 'date', 'exception_type'],
    optional: [],
    row: (r: Row) => {
      const service = r.required('service_id');
      const day = r.date('date');
      const type = r.int('exception_type', 1, 2);
      if (service === undefined || day === undefined || type === undefined || !r.ok) return false;
      const list = this.exceptions.get(day);
      const entry = { service, type: type as 1 | 2 };
      if (list) list.push(entry);
      else this.exceptions.set(day, [entry]);
      this.known.add(service);
      return true;
    },
  };

  /** Whether calendar or calendar_dates names the service at all. */
  has(service: string): boolean {
    return this.known.has(service);
  }

  get empty(): boolean {
    return this.known.size === 0;
  }

  /** First and last day any service runs (or is listed). */
  range(): [number, number] | undefined {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const c of this.calendars) {
      lo = Math.min(lo, c.start);
      hi = Math.max(hi, c.end);
    }
    for (const d of this.exceptions.keys()) {
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return Number.isFinite(lo) ? [lo, hi] : undefined;
  }

  private byCalendar(service: string, day: number): boolean {
    const w = weekdayOf(day);
    return (this.byService.get(service) ?? []).some((c) => c.start <= day && day <= c.end && c.days[w]);
  }

  /** Services running on `day`: by calendar, minus removals, plus additions. */
  activeOn(day: number): Set<string> {
    const w = weekdayOf(day);
    const active = new Set<string>();
    for (const c of this.calendars) if (c.start <= day && day <= c.end && c.days[w]) active.add(c.service);
    for (const e of this.exceptions.get(day) ?? []) {
      if (e.type === 2) active.delete(e.service);
    }
    for (const e of this.exceptions.get(day) ?? []) {
      if (e.type === 1) active.add(e.service);
    }
    return active;
  }

  /**
   * The representative weekday: the Tuesday, Wednesday or Thursday with the most trips (holidays have
   * fewer; Mondays and Fridays are often special), the earliest of equals; failing that a Monday or
   * Friday, failing that any day. `tripsOf(service)` weighs each service by its trips.
   *
   * Sweep over the days where something changes (calendar starts and ends, exception dates), so a
   * calendar spanning a century costs no more than one spanning a month.
   */
  representativeDay(tripsOf: (service: string) => number): ServiceDay | undefined {
    const breaks = new Set<number>();
    const starts = new Map<number, CalendarRow[]>();
    const ends = new Map<number, CalendarRow[]>();
    const push = (m: Map<number, CalendarRow[]>, d: number, c: CalendarRow) => {
      const l = m.get(d);
      if (l) l.push(c);
      else m.set(d, [c]);
    };
    for (const c of this.calendars) {
      breaks.add(c.start).add(c.end + 1);
      push(starts, c.start, c);
      push(ends, c.end + 1, c);
    }
    for (const d of this.exceptions.keys()) breaks.add(d).add(d + 1);
    const points = [...breaks].sort((a, b) => a - b);
    const base = [0, 0, 0, 0, 0, 0, 0];
    const tiers = [
      { days: [1, 2, 3], name: 'Tuesday–Thursday' },
      { days: [0, 4], name: 'Monday or Friday' },
      { days: [5, 6], name: 'weekend day' },
    ];
    const best = tiers.map(() => ({ day: Number.NaN, trips: 0, ties: 0 }));
    /** `dates` days with weekday of `day` and these trips start at `day`. */
    const consider = (day: number, trips: number, dates = 1) => {
      if (trips <= 0) return;
      const b = best[tiers.findIndex((tier) => tier.days.includes(weekdayOf(day)))]!;
      if (trips > b.trips) {
        b.day = day;
        b.trips = trips;
        b.ties = dates;
      } else if (trips === b.trips) {
        b.ties += dates;
        if (day < b.day) b.day = day;
      }
    };
    for (let i = 0; i + 1 < points.length; i++) {
      const at = points[i]!;
      for (const c of starts.get(at) ?? [])
        for (let w = 0; w < 7; w++) if (c.days[w]) base[w]! += tripsOf(c.service);
      for (const c of ends.get(at) ?? [])
        for (let w = 0; w < 7; w++) if (c.days[w]) base[w]! -= tripsOf(c.service);
      const next = points[i + 1]!;
      const exceptions = this.exceptions.get(at);
      if (exceptions) {
        // An exception day is an interval of its own (its next day is a break point too).
        let trips = base[weekdayOf(at)]!;
        const seen = new Set<string>();
        for (const e of exceptions) {
          if (seen.has(e.service)) continue;
          seen.add(e.service);
          const byCal = this.byCalendar(e.service, at);
          const net = exceptions.filter((x) => x.service === e.service).some((x) => x.type === 1);
          if (byCal && !net) trips -= tripsOf(e.service);
          if (!byCal && net) trips += tripsOf(e.service);
        }
        consider(at, trips);
        continue;
      }
      const w0 = weekdayOf(at);
      for (let w = 0; w < 7; w++) {
        const day = at + ((w - w0 + 7) % 7);
        if (day < next) consider(day, base[w]!, Math.floor((next - 1 - day) / 7) + 1);
      }
    }
    const t = best.findIndex((b) => b.trips > 0);
    if (t < 0) return undefined;
    const b = best[t]!;
    const also = b.ties > 1 ? `, the first of ${b.ties} equally busy dates` : '';
    return {
      day: b.day,
      date: formatDay(b.day),
      weekday: WEEKDAY_NAMES[weekdayOf(b.day)]!,
      trips: b.trips,
      reason: `the busiest ${tiers[t]!.name} in the feed (${b.trips} trips${also})`,
    };
  }

  /** A day the caller chose: "YYYYMMDD" or "YYYY-MM-DD". */
  static parseDay(text: string): number {
    return parseDate(text.replace(/-/g, ''));
  }
}

/**
 * The service day of the import: the caller's, or the representative weekday weighed by the trips of
 * the routes the model carries (all trips when it carries none). Says why there is none when there is none.
 */
export function chooseServiceDay(
  calendar: ServiceCalendar,
  trips: readonly { service: string; route: number; line: number }[],
  carried: (route: number) => boolean,
  date: string | undefined,
  log: IssueLog,
): { day: ServiceDay | undefined; none: string | undefined } {
  const carriedTrips = new Map<string, number>();
  const allTrips = new Map<string, number>();
  let unknown = 0;
  let unknownLine = 0;
  for (const t of trips) {
    allTrips.set(t.service, (allTrips.get(t.service) ?? 0) + 1);
    if (carried(t.route)) carriedTrips.set(t.service, (carriedTrips.get(t.service) ?? 0) + 1);
    if (!calendar.has(t.service) && unknown++ === 0) unknownLine = t.line;
  }
  if (unknown > 0 && !calendar.empty) {
    log.warn(
      `trips.txt:${unknownLine}:service_id`,
      `${unknown} trip${unknown === 1 ? ' names' : 's name'} a service in neither calendar.txt nor calendar_dates.txt (first here); they never run`,
    );
  }
  if (date !== undefined) {
    const d = ServiceCalendar.parseDay(date);
    if (Number.isNaN(d)) return { day: undefined, none: `"${date}" is not a date` };
    const n = [...calendar.activeOn(d)].reduce((a, s) => a + (carriedTrips.get(s) ?? 0), 0);
    if (n === 0) log.warn('options.date', `no trip of the imported routes runs on ${formatDay(d)}`);
    return {
      day: {
        day: d,
        date: formatDay(d),
        weekday: WEEKDAY_NAMES[weekdayOf(d)]!,
        trips: n,
        reason: `chosen by the user (${n} trips)`,
      },
      none: undefined,
    };
  }
  const weights = carriedTrips.size > 0 ? carriedTrips : allTrips;
  const day = calendar.representativeDay((s) => weights.get(s) ?? 0);
  if (day) return { day, none: undefined };
  return {
    day: undefined,
    none: calendar.empty
      ? 'calendar.txt and calendar_dates.txt list no service'
      : trips.length === 0
        ? 'the feed has no trips to run on any day'
        : "no trip's service runs on any day of calendar.txt / calendar_dates.txt",
  };
}
