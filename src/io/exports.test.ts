import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { Analysis } from '../workers/analysis';
import { nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { checksum } from './canonical';
import { districtsCsv, districtTable, resultsJsonPieces, zonesCsv, zonesGeoJson, zoneTable } from './exports';
import { loadNetwork } from './network';
import { unwrap } from './result';
import { buildResults, type ResultsInput, serializeResults } from './results';
import { loadScenarioFor } from './scenario';
import type { ResultsDocument } from './schema/results';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const toy: Network = unwrap(
  loadNetwork({ file: 'toy.network.json', text: read('networks/toy.network.json') }),
);
const express: Scenario = unwrap(
  loadScenarioFor(toy, 'toy-express.scenario.json', read('scenarios/toy-express.scenario.json')),
);

let pool: RoutingPool;
let input: ResultsInput;
let matrix: { baseline: Float32Array; scenario: Float32Array };
let baselineOnly: ResultsInput;
let baselineMatrix: Float32Array;

beforeAll(async () => {
  pool = new RoutingPool(nodeWorkerFactory(), 2);
  const analysis = new Analysis(pool);
  const networkKey = await checksum(toy);
  const generatedAt = new Date('2030-01-01T00:00:00Z');
  const run = await analysis.compare({
    network: toy,
    networkKey,
    scenario: express,
    period: 'am-peak',
    matrix: true,
  });
  input = {
    network: toy,
    checksum: networkKey,
    scenario: express,
    period: 'am-peak',
    report: run.report,
    generatedAt,
    engineVersion: run.engineVersion,
  };
  matrix = { baseline: run.baseline.rows.times!, scenario: run.scenario!.rows.times! };
  const base = await analysis.compare({
    network: toy,
    networkKey,
    scenario: null,
    period: 'am-peak',
    matrix: true,
  });
  baselineOnly = { ...input, scenario: null, report: base.report };
  baselineMatrix = base.baseline.rows.times!;
}, 60_000);
afterAll(() => pool?.terminate());

const joined = (doc: ResultsDocument, m?: Parameters<typeof resultsJsonPieces>[1], rows?: number) =>
  [...resultsJsonPieces(doc, m, rows)].join('');

/** The oracle: the document with the matrix as plain arrays (null = no path), written in one go. */
function serializedWithMatrix(doc: ResultsDocument, m: { baseline: Float32Array; scenario?: Float32Array }) {
  const Z = doc.zones.length;
  const rows = (a: Float32Array) =>
    Array.from({ length: Z }, (_, o) =>
      Array.from(a.subarray(o * Z, (o + 1) * Z), (t) => (Number.isFinite(t) ? t : null)),
    );
  return serializeResults({
    ...doc,
    matrix: {
      unit: 'seconds',
      zones: doc.zones.map((z) => z.id),
      baseline: rows(m.baseline),
      ...(m.scenario && { scenario: rows(m.scenario) }),
    },
  });
}

describe('resultsJsonPieces', () => {
  it('writes exactly the bytes of the document with its matrix serialized in one go, in pieces of any size', () => {
    const expected = serializedWithMatrix(buildResults(input), matrix);
    const doc = buildResults(input);
    expect(doc.matrix).toBeUndefined();
    for (const rows of [1, 7, 64, 1000]) expect(joined(doc, matrix, rows)).toBe(expected);
    expect([...resultsJsonPieces(doc, matrix, 10)].length).toBeGreaterThan(16);
  });

  it('matches for a baseline-only document (one matrix) and for unreachable pairs (null)', () => {
    const holes = Float32Array.from(baselineMatrix);
    holes[3] = Number.POSITIVE_INFINITY;
    holes[holes.length - 1] = Number.POSITIVE_INFINITY;
    const expected = serializedWithMatrix(buildResults(baselineOnly), { baseline: holes });
    expect(expected).toContain('null');
    expect(joined(buildResults(baselineOnly), { baseline: holes }, 5)).toBe(expected);
  });

  it('matches for an empty zone list, and without a matrix is serializeResults itself', () => {
    const doc = buildResults(input);
    const empty = { ...doc, zones: [] };
    const expected = serializeResults({
      ...empty,
      matrix: { unit: 'seconds', zones: [], baseline: [], scenario: [] },
    });
    expect(joined(empty, { baseline: new Float32Array(0), scenario: new Float32Array(0) })).toBe(expected);
    expect(joined(doc)).toBe(serializeResults(doc));
  });
});

describe('the embedded scenario', () => {
  it("is written in the schema's key order, so an edited scenario gives the bytes of the same file read back", () => {
    // The editor builds a modification in the order the user fills it in; the CLI reads it from a file.
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const shuffled: Scenario = {
      ...(reversed(express) as Scenario),
      modifications: express.modifications.map((m) => reversed(m) as typeof m),
    };
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(express));
    expect(serializeResults(buildResults({ ...input, scenario: shuffled }))).toBe(
      serializeResults(buildResults(input)),
    );
  });
});

describe('district tables', () => {
  it('has one row per area with the figures of the results file, as CSV too', async () => {
    // The whole toy region as one district "All", and its central zones as a subdistrict.
    const run = await new Analysis(pool).compare({
      network: toy,
      networkKey: input.checksum,
      scenario: express,
      period: 'am-peak',
      areas: [
        { level: 'district', id: 'All', name: { en: 'All', zh: '全部' }, zones: toy.zones.map((_, k) => k) },
        { level: 'subdistrict', id: 'C', parent: 'All', zones: [0, 1] },
      ],
    });
    const doc = buildResults({ ...input, report: run.report });
    const { columns, rows } = districtTable(doc);
    expect(columns.slice(0, 9)).toEqual([
      'level',
      'id',
      'district',
      'name_en',
      'name_zh',
      'zones',
      'population',
      'baseline_meanTimeToCoreMinutes',
      'baseline_jobsWithin30',
    ]);
    expect(columns.slice(-4)).toEqual([
      'delta_peopleGaining5',
      'delta_peopleGaining10',
      'delta_peopleLosing5',
      'delta_peopleLosing10',
    ]);
    const cell = (row: number, column: string) => rows[row]![columns.indexOf(column)];
    // One district holding every zone has the region's figures.
    expect(cell(0, 'population')).toBe(doc.summary.baseline.population);
    expect(cell(0, 'baseline_meanTimeToCoreMinutes')).toBe(doc.summary.baseline.meanTimeToCoreMinutes);
    expect(cell(0, 'delta_meanTimeToCoreMinutes')).toBe(doc.summary.delta!.meanTimeToCoreMinutes);
    expect(cell(0, 'delta_peopleGaining5')).toBe(doc.summary.delta!.peopleGaining['5']);
    expect(cell(0, 'scenario_jobsWithin60')).toBe(doc.summary.scenario!.jobsWithin['60']);
    expect([cell(1, 'level'), cell(1, 'district'), cell(1, 'name_en'), cell(1, 'zones')]).toEqual([
      'subdistrict',
      'All',
      null,
      2,
    ]);
    const csv = districtsCsv(doc)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(csv[0]).toBe(columns.join(','));
    expect(csv[1]!.startsWith('district,All,,All,全部,79,')).toBe(true);
    expect(csv).toHaveLength(4);
    // A baseline-only document, and one with no districts.
    expect(districtTable(buildResults({ ...baselineOnly })).rows).toEqual([]);
  });
});

describe('zone tables', () => {
  it('has one row per zone with baseline, scenario and delta columns matching the results file', () => {
    const doc = buildResults(input);
    const { columns, rows } = zoneTable(doc);
    expect(columns.slice(0, 5)).toEqual(['zone', 'name_en', 'name_zh', 'population', 'jobs']);
    expect(columns).toContain('baseline_jobsWithin45');
    expect(columns).toContain('scenario_inCommuteCircle');
    expect(columns).toContain('delta_timeToCoreMinutes');
    expect(columns).not.toContain('delta_inCommuteCircle');
    expect(rows).toHaveLength(toy.zones.length);
    const k = doc.zones.findIndex((z) => (z.delta?.timeToCoreMinutes ?? 0) < 0);
    expect(k).toBeGreaterThanOrEqual(0);
    const row = Object.fromEntries(columns.map((c, i) => [c, rows[k]![i]]));
    expect(row.zone).toBe(doc.zones[k]!.id);
    expect(row.delta_timeToCoreMinutes).toBe(doc.zones[k]!.delta!.timeToCoreMinutes);
    expect(row.scenario_timeToCoreMinutes).toBe(doc.zones[k]!.scenario!.timeToCoreMinutes);
    expect(row.baseline_jobsWithin60).toBe(doc.zones[k]!.baseline.jobsWithin['60']);
  });

  it('leaves the scenario columns out of a baseline-only document', () => {
    const { columns } = zoneTable(buildResults(baselineOnly));
    expect(columns.some((c) => c.startsWith('scenario_') || c.startsWith('delta_'))).toBe(false);
  });

  it('writes CSV with a BOM, CRLF, quoted fields and empty cells for no path', () => {
    const doc = buildResults(input);
    const odd = {
      ...doc,
      zones: doc.zones.map((z, k) =>
        k === 0
          ? {
              ...z,
              name: { en: 'Gate "A", north', zh: '北门' },
              baseline: { ...z.baseline, timeToCoreMinutes: null },
            }
          : z,
      ),
    };
    const csv = zonesCsv(odd);
    expect(csv.startsWith('\ufeffzone,name_en,name_zh,population,jobs,baseline_timeToCoreMinutes')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(toy.zones.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toMatch(new RegExp(`^${odd.zones[0]!.id},"Gate ""A"", north",北门,[\\d.]+,[\\d.]+,,`));
  });

  it('writes GeoJSON features with zone geometry and the table as properties', () => {
    const doc = buildResults(input);
    const fc = zonesGeoJson(doc, toy);
    expect(fc.features).toHaveLength(toy.zones.length);
    const f = fc.features[5]!;
    expect(f.id).toBe(toy.zones[5]!.id);
    expect(f.geometry).toEqual(
      toy.zones[5]!.geometry ?? { type: 'Point', coordinates: toy.zones[5]!.centroid },
    );
    expect(f.properties?.delta_timeToCoreMinutes).toBe(doc.zones[5]!.delta!.timeToCoreMinutes);
    expect(fc.commuteshed).toMatchObject({
      network: { id: 'toy' },
      scenario: { id: 'toy-express' },
      period: 'am-peak',
    });
  });
});
