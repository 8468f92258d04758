/**
 * Results in the forms planners take away: per-zone tables (CSV, GeoJSON with metrics as properties) and
 * the commuteshed.results/1 JSON written in pieces, so a large travel-time matrix never has to be one string.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Network } from '../domain/network';
import { serializeResults } from './results';
import { documentMetrics, figureColumn, figureIn } from './resultsFigures';
import type { ResultsDocument } from './schema/results';

type Cell = string | number | boolean | null;
type ZoneEntry = ResultsDocument['zones'][number];
type Metrics = NonNullable<ZoneEntry['scenario']>;

export interface ZoneTable {
  columns: string[];
  rows: Cell[][];
}

/**
 * One row per zone, the same columns for CSV and GeoJSON: id, names, population, jobs, then baseline_…,
 * scenario_… and delta_… metrics (the scenario and delta columns only when the document has a scenario).
 * Minutes as in the results file; null where there is no path.
 */
export function zoneTable(doc: ResultsDocument): ZoneTable {
  const metrics = documentMetrics(doc).filter((m) => m.results.zone !== undefined);
  const hasScenario = doc.summary.scenario !== undefined;
  // Each metric's figure, and on a side (not the change) how its trip travels where it records that.
  const metricColumns = (side: string, circle: boolean) => [
    ...metrics.flatMap((m) => [
      `${side}_${figureColumn(m, 'zone')}`,
      ...(circle && m.source.mode ? [`${side}_${m.source.mode}`] : []),
    ]),
    ...(circle ? [`${side}_inCommuteCircle`] : []),
  ];
  const columns = [
    'zone',
    'name_en',
    'name_zh',
    'population',
    'jobs',
    ...metricColumns('baseline', true),
    ...(hasScenario ? [...metricColumns('scenario', true), ...metricColumns('delta', false)] : []),
  ];
  const cells = (section: Metrics | ZoneEntry['delta'], circle: boolean): Cell[] => [
    ...metrics.flatMap((m) => [
      figureIn(section, m, 'zone') ?? null,
      ...(circle && m.source.mode ? [(section as Metrics | undefined)?.[m.source.mode] ?? null] : []),
    ]),
    ...(circle ? [(section as Metrics | undefined)?.inCommuteCircle ?? null] : []),
  ];
  const rows = doc.zones.map((z) => [
    z.id,
    z.name?.en ?? null,
    z.name?.zh ?? null,
    z.population,
    z.jobs,
    ...cells(z.baseline, true),
    ...(hasScenario ? [...cells(z.scenario, true), ...cells(z.delta, false)] : []),
  ]);
  return { columns, rows };
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Per-zone metrics as CSV (RFC 4180: comma, CRLF, quotes doubled). It starts with a UTF-8 byte-order mark
 * so spreadsheet programs read Chinese zone names correctly; an empty cell is no path.
 */
export function zonesCsv(doc: ResultsDocument): string {
  return tableCsv(zoneTable(doc));
}

/** The district breakdown (districtTable) as CSV, written like zonesCsv. */
export function districtsCsv(doc: ResultsDocument): string {
  return tableCsv(districtTable(doc));
}

/** A table as CSV (RFC 4180: comma, CRLF, quotes doubled; a BOM for Chinese names; empty cell = null). */
export function tableCsv({ columns, rows }: ZoneTable): string {
  const lines = [columns, ...rows].map((r) => r.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * Zones with their metrics as properties (zone polygons, or the centroid where a zone has none), and
 * what the numbers are for as a foreign member `commuteshed` (RFC 7946 §6.1).
 */
export function zonesGeoJson(
  doc: ResultsDocument,
  network: Network,
): FeatureCollection & { commuteshed: object } {
  const { columns, rows } = zoneTable(doc);
  const geometry = new Map(
    network.zones.map((z) => [z.id, z.geometry ?? { type: 'Point' as const, coordinates: z.centroid }]),
  );
  const features: Feature[] = rows.map((row) => {
    const properties = Object.fromEntries(columns.map((c, k) => [c, row[k]]));
    const id = String(row[0]);
    return { type: 'Feature', id, properties, geometry: (geometry.get(id) ?? null) as Geometry };
  });
  return {
    type: 'FeatureCollection',
    commuteshed: {
      format: doc.format,
      generatedAt: doc.generatedAt,
      engine: doc.engine,
      network: { id: doc.network.id, checksum: doc.network.checksum, attribution: doc.network.attribution },
      // The two sides compared: baseline_… columns are the before side, scenario_… the after side.
      before: doc.before ? { id: doc.before.id, name: doc.before.name } : 'baseline',
      scenario: doc.scenario ? { id: doc.scenario.id, name: doc.scenario.name } : null,
      period: doc.period.id,
      units: { time: 'minutes', jobs: 'jobs reachable' },
    },
    features,
  };
}

/** The travel-time matrix as buildResults embeds it: seconds, origins × zones, +Infinity = no path. */
export interface MatrixInput {
  baseline: Float32Array;
  scenario?: Float32Array;
}

/**
 * The results document as text, in pieces: exactly the bytes of serializeResults(document with the
 * matrix) — the CLI's output — without building the matrix as arrays of numbers or as one string (a
 * 5,000-zone matrix is hundreds of megabytes of JSON). `doc` is built without the matrix; its rows are
 * written `rowsPerPiece` at a time so the caller can yield to the page and report progress between pieces.
 */
export function* resultsJsonPieces(
  doc: ResultsDocument,
  matrix?: MatrixInput,
  rowsPerPiece = 64,
): Generator<string, void, undefined> {
  if (!matrix) {
    yield serializeResults(doc);
    return;
  }
  const { matrix: _ignored, ...rest } = doc;
  const head = JSON.stringify(rest, null, 2);
  // JSON.stringify(…, 2) nests by two spaces per level: the matrix is a key of the top object (level 1),
  // its arrays at level 2, their rows at level 3 and the numbers at level 4.
  yield head.slice(0, -2);
  const zones = doc.zones.map((z) => z.id);
  const zonesText = JSON.stringify(zones, null, 2).replace(/\n/g, '\n    ');
  yield `,\n  "matrix": {\n    "unit": "seconds",\n    "zones": ${zonesText}`;
  const sides: [string, Float32Array][] = [['baseline', matrix.baseline]];
  if (matrix.scenario) sides.push(['scenario', matrix.scenario]);
  const n = zones.length;
  for (const [name, m] of sides) {
    if (n === 0) {
      yield `,\n    "${name}": []`;
      continue;
    }
    yield `,\n    "${name}": [`;
    for (let start = 0; start < n; start += rowsPerPiece) {
      const parts: string[] = [];
      for (let o = start; o < Math.min(n, start + rowsPerPiece); o++) {
        const row = m.subarray(o * n, (o + 1) * n);
        const cells: string[] = new Array(n);
        for (let d = 0; d < n; d++) {
          const v = row[d]!;
          cells[d] = Number.isFinite(v) ? String(v) : 'null';
        }
        parts.push(`${o === 0 ? '' : ','}\n      [\n        ${cells.join(',\n        ')}\n      ]`);
      }
      yield parts.join('');
    }
    yield '\n    ]';
  }
  yield '\n  }\n}\n';
}

type Area = NonNullable<ResultsDocument['districts']>[number];
type AreaSide = NonNullable<Area['scenario']>;

/**
 * The district breakdown as a table, one row per district and subdistrict: level, id, its district,
 * names, zones, population, then baseline_…, scenario_… and delta_… figures (the scenario and delta
 * columns only when the document has a scenario). Empty when the document has no district breakdown.
 */
export function districtTable(doc: ResultsDocument): ZoneTable {
  const metrics = documentMetrics(doc).filter((m) => m.results.district !== undefined);
  const hasScenario = doc.summary.scenario !== undefined;
  const steps = Object.keys(doc.summary.delta?.peopleGaining ?? {}).sort((a, b) => Number(a) - Number(b));
  const figureColumns = (side: string) => metrics.map((m) => `${side}_${figureColumn(m, 'district')}`);
  const sideColumns = (side: string) => [...figureColumns(side), `${side}_populationWithoutPathToCore`];
  const columns = [
    'level',
    'id',
    'district',
    'name_en',
    'name_zh',
    'zones',
    'population',
    ...sideColumns('baseline'),
    ...(hasScenario
      ? [
          ...sideColumns('scenario'),
          ...figureColumns('delta'),
          ...steps.map((m) => `delta_peopleGaining${m}`),
          ...steps.map((m) => `delta_peopleLosing${m}`),
        ]
      : []),
  ];
  const figures = (section: object | undefined): Cell[] =>
    metrics.map((m) => figureIn(section, m, 'district') ?? null);
  const side = (m: AreaSide | undefined): Cell[] => [...figures(m), m?.populationWithoutPathToCore ?? null];
  const rows = (doc.districts ?? []).map((a): Cell[] => [
    a.level,
    a.id,
    a.parent ?? null,
    a.name?.en ?? null,
    a.name?.zh ?? null,
    a.zones,
    a.baseline.population,
    ...side(a.baseline),
    ...(hasScenario
      ? [
          ...side(a.scenario),
          ...figures(a.delta),
          ...steps.map((k) => a.delta?.peopleGaining[k] ?? null),
          ...steps.map((k) => a.delta?.peopleLosing[k] ?? null),
        ]
      : []),
  ]);
  return { columns, rows };
}
