/**
 * Where the raw data lives and how to read it. The raw files are not part of the project: they sit in
 * `../shared/data/raw/` beside the repository (see each folder's SOURCE.md) and reach the project only
 * through this build script.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSON5 from 'json5';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const RAW_ROOT = process.env.COMMUTESHED_RAW ?? resolve(REPO_ROOT, '..', 'shared', 'data', 'raw');

export const RAW = {
  timetables: join(RAW_ROOT, 'bj-metro-timetables-mick235711'),
  osm: join(RAW_ROOT, 'bj-subway-gtfs-boyinthesun'),
  subdistricts: join(RAW_ROOT, 'bj-subdistricts-thebamboogrove'),
  census: join(RAW_ROOT, 'cn-county-census2020-leiii'),
  facts: join(RAW_ROOT, 'jjj-typed-facts'),
};

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson5<T>(path: string): T {
  return JSON5.parse(readText(path)) as T;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

/** A small RFC 4180 CSV reader (quoted fields, commas and doubled quotes inside quotes). */
export function readCsv(path: string): Record<string, string>[] {
  const text = readText(path).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
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
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}
