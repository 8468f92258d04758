import type { CsvHandler } from './csv';
import { feedPath, type IssueLog } from './issues';

/** "H:MM:SS" or "HH:MM:SS" (hours may pass 24: a service day runs past midnight) → seconds, or NaN. */
export function parseTime(text: string): number {
  const s = text.trim();
  const n = s.length;
  if (n < 7 || n > 9) return Number.NaN;
  if (s.charCodeAt(n - 3) !== 58 || s.charCodeAt(n - 6) !== 58) return Number.NaN;
  const h = digits(s, 0, n - 6);
  const m = digits(s, n - 5, n - 3);
  const sec = digits(s, n - 2, n);
  if (m > 59 || sec > 59) return Number.NaN;
  return h * 3600 + m * 60 + sec;
}

/** A whole number from the ASCII digits s[from, to); NaN if any other character. */
function digits(s: string, from: number, to: number): number {
  if (to <= from) return Number.NaN;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

const DAY_MS = 86_400_000;

/** "YYYYMMDD" → days since 1970-01-01, or NaN when not a real calendar date. */
export function parseDate(text: string): number {
  const s = text.trim();
  if (!/^\d{8}$/.test(s)) return Number.NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return Math.round(t / DAY_MS);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 → 0 = Monday … 6 = Sunday (the order of calendar.txt's columns). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** "HH:MM:SS" for messages. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Rows read, used, skipped (valid but not needed) and dropped (invalid) for one file of the feed. */
export interface RowCounts {
  /** Data rows in the file (the header not counted). */
  rows: number;
  /** Valid and kept (stop_times: the rows of the carried routes' trips on the service day). */
  used: number;
  /** Valid but not needed (stop_times of other days or of modes not carried, in-seat transfers …). */
  skipped: number;
  /** Invalid, each with an error (or unreadable because the file's header is). */
  dropped: number;
}

/**
 * One GTFS table as the importer reads it: which columns it needs, and what to do with each row. The
 * reader binds columns by name (GTFS allows any order and extra columns) and gives rows as `Row`s.
 */
export interface TableSpec {
  file: string;
  /** Columns without which no row can be read; their absence is one error on the header line. */
  required: readonly string[];
  /** Columns read when present. */
  optional: readonly string[];
  /** Called once per row; return false when the row was dropped (its errors already logged). */
  row(row: Row): boolean | 'skip';
}

/**
 * A row of the table being read, with typed accessors that log an error at `file:line:column` and return
 * undefined when a value is invalid. One instance is reused for every row (no allocation per row).
 */
export class Row {
  fields: string[] = [];
  line = 0;
  /** False once any accessor has logged an error for this row. */
  ok = true;

  constructor(
    readonly file: string,
    private readonly index: ReadonlyMap<string, number>,
    private readonly log: IssueLog,
  ) {}

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** The raw value, trimmed; '' when the column or the field is absent. */
  text(column: string): string {
    const k = this.index.get(column);
    if (k === undefined) return '';
    const v = this.fields[k];
    if (v === undefined || v.length === 0) return '';
    // Most values have no surrounding spaces: skip trim(), which is hot on stop_times.
    return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
  }

  error(column: string | undefined, message: string): void {
    this.ok = false;
    this.log.error(feedPath(this.file, this.line, column), message);
  }

  warn(column: string | undefined, message: string): void {
    this.log.warn(feedPath(this.file, this.line, column), message);
  }

  /** A non-empty value, or an error. */
  required(column: string): string | undefined {
    const v = this.text(column);
    if (v === '') {
      this.error(column, 'required value is empty');
      return undefined;
    }
    return v;
  }

  /** An integer in [min, max]; `fallback` when empty (undefined fallback: required). */
  int(column: string, min: number, max: number, fallback?: number): number | undefined {
    const v = this.text(column);
    if (v === '') {
      if (fallback === undefined) this.error(column, 'required value is empty');
      return fallback;
    }
    const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.error(column, `expected a whole number from ${min} to ${max}, got ${quote(v)}`);
      return undefined;
    }
    return n;
  }

  /** A decimal number in [min, max]; undefined (no error) when empty and optional. */
  number(column: string, min: number, max: number, isRequired: boolean): number | undefined {
    const v = this.text(column);
    if (v === '') {
      if (isRequired) this.error(column, 'required value is empty');
      return undefined;
    }
    const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max) {
      this.error(column, `expected a number from ${min} to ${max}, got ${quote(v)}`);
      return undefined;
    }
    return n;
  }

  /** A GTFS time in seconds of the service day (past 24:00 after midnight); undefined when empty (no error). */
  time(column: string): number | undefined {
    const v = this.text(column);
    if (v === '') return undefined;
    const t = parseTime(v);
    if (Number.isNaN(t)) {
      this.error(column, `expected a time HH:MM:SS, got ${quote(v)}`);
      return undefined;
    }
    return t;
  }

  /** A GTFS date (days since 1970-01-01); required. */
  date(column: string): number | undefined {
    const v = this.text(column);
    if (v === '') {
      this.error(column, 'required value is empty');
      return undefined;
    }
    const d = parseDate(v);
    if (Number.isNaN(d)) {
      this.error(column, `expected a date YYYYMMDD, got ${quote(v)}`);
      return undefined;
    }
    return d;
  }
}

export function quote(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/**
 * Binds a table spec to a CSV stream: checks the header, reuses one Row, counts rows. A table missing a
 * required column logs one error and reads no row (every row is counted as dropped).
 */
export class TableReader implements CsvHandler {
  readonly counts: RowCounts = { rows: 0, used: 0, skipped: 0, dropped: 0 };
  private current: Row | undefined;
  private usable = false;
  private width = 0;
  private short = 0;
  private shortLine = 0;
  private long = 0;
  private longLine = 0;
  private headerBroken = false;

  constructor(
    private readonly spec: TableSpec,
    private readonly log: IssueLog,
  ) {}

  header(columns: string[], line: number): void {
    const index = new Map<string, number>();
    if (this.headerBroken) {
      // The real header was unreadable and this is a data row: reading on would misname every column.
      this.usable = false;
      this.current = new Row(this.spec.file, index, this.log);
      this.counts.rows++;
      this.counts.dropped++;
      return;
    }
    columns.forEach((c, k) => {
      // The name goes in the message, not the path: a damaged header can hold anything.
      if (index.has(c))
        this.log.warn(feedPath(this.spec.file, line), `column ${quote(c)} appears twice; the first is read`);
      else if (c !== '') index.set(c, k);
    });
    const missing = this.spec.required.filter((c) => !index.has(c));
    for (const c of missing)
      this.log.error(
        feedPath(this.spec.file, line, c),
        'required column is missing; no row of this file can be read',
      );
    this.usable = missing.length === 0;
    this.width = columns.length;
    this.current = new Row(this.spec.file, index, this.log);
  }

  row(fields: string[], line: number): void {
    this.counts.rows++;
    if (!this.usable || !this.current) {
      this.counts.dropped++;
      return;
    }
    if (fields.length < this.width) {
      if (this.short++ === 0) this.shortLine = line;
    } else if (fields.length > this.width) {
      if (this.long++ === 0) this.longLine = line;
    }
    const row = this.current;
    row.fields = fields;
    row.line = line;
    row.ok = true;
    const kept = this.spec.row(row);
    if (kept === 'skip') this.counts.skipped++;
    else if (kept && row.ok) this.counts.used++;
    else this.counts.dropped++;
  }

  problem(line: number, message: string): void {
    this.counts.rows++;
    this.counts.dropped++;
    if (!this.current && !this.headerBroken) {
      this.headerBroken = true;
      this.log.error(
        feedPath(this.spec.file, line),
        `the header row cannot be read (${message}); no row of this file can be read`,
      );
      return;
    }
    if (!this.headerBroken) this.log.error(feedPath(this.spec.file, line), message);
  }

  /** After the last row: a file with only a header, or no header at all, and rows of the wrong width. */
  finish(): void {
    const file = this.spec.file;
    if (!this.current) {
      if (this.spec.required.length > 0) this.log.error(file, 'the file is empty (no header row)');
      return;
    }
    if (this.short > 0) {
      this.log.warn(
        feedPath(file, this.shortLine),
        `${this.short} row${this.short === 1 ? ' has' : 's have'} fewer fields than the header (first here); the missing fields are read as empty`,
      );
    }
    if (this.long > 0) {
      this.log.warn(
        feedPath(file, this.longLine),
        `${this.long} row${this.long === 1 ? ' has' : 's have'} more fields than the header (first here); the extra fields are ignored`,
      );
    }
  }

  /** Whether the header had every required column. */
  get readable(): boolean {
    return this.usable;
  }
}
