/**
 * A network whose accessibility thresholds are not the default 30/45/60/90 min: jobs within 20 and
 * 40 min, end to end — the workers' rows, the results document (valid against its schema), its CSV
 * tables and the rows a regional summary shows — named and valued by its own thresholds.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricText } from '../domain/metrics';
import type { Network } from '../domain/network';
import { areaUnits } from '../metrics/districts';
import { Analysis } from '../workers/analysis';
import { nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { checksum } from './canonical';
import { districtTable, zoneTable } from './exports';
import { loadNetwork } from './network';
import { unwrap } from './result';
import { buildResults, checkResults } from './results';
import { compactMetrics, documentMetrics, figureIn } from './resultsFigures';
import { loadScenarioFor } from './scenario';
import type { ResultsDocument } from './schema/results';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const toy: Network = unwrap(
  loadNetwork({ file: 'toy.network.json', text: read('networks/toy.network.json') }),
);
/** The toy network, its thresholds 40 and 20 min (stated out of order), its zones in two districts. */
const network: Network = {
  ...toy,
  assumptions: {
    ...toy.assumptions,
    metrics: { ...toy.assumptions?.metrics, accessibilityMinutes: [40, 20] },
  },
  zones: toy.zones.map((z, k) => ({ ...z, district: k % 2 === 0 ? 'EVEN' : 'ODD' })),
};
const scenario = unwrap(
  loadScenarioFor(
    network,
    'toy-rail-integration.scenario.json',
    read('scenarios/toy-rail-integration.scenario.json'),
  ),
);

let pool: RoutingPool;
let doc: ResultsDocument;
let times: { baseline: Float32Array; scenario: Float32Array };

beforeAll(async () => {
  pool = new RoutingPool(nodeWorkerFactory(), 1);
  const run = await new Analysis(pool).compare({
    network,
    networkKey: 'toy-20-40',
    scenario,
    period: 'am-peak',
    matrix: true,
    areas: areaUnits(network.zones),
  });
  times = { baseline: run.baseline.rows.times!, scenario: run.scenario!.rows.times! };
  doc = buildResults({
    network,
    checksum: await checksum(network),
    scenario,
    period: 'am-peak',
    report: run.report,
    generatedAt: new Date('2030-01-01T00:00:00Z'),
    engineVersion: run.engineVersion,
  });
});
afterAll(() => pool?.terminate());

/** Jobs reachable from zone o within `minutes`, counted from the travel-time matrix, to 0.01. */
function jobsWithin(matrix: Float32Array, o: number, minutes: number): number {
  const n = network.zones.length;
  let jobs = 0;
  for (let d = 0; d < n; d++) if (matrix[o * n + d]! <= minutes * 60) jobs += network.zones[d]!.jobs;
  return Math.round(jobs * 100) / 100;
}

describe('a network with thresholds of 20 and 40 min', () => {
  it('writes a valid results document whose jobs figures are keyed 20 and 40 everywhere', () => {
    expect(checkResults(doc)).toEqual([]);
    const keys = (x: { jobsWithin: Record<string, number> } | undefined) => Object.keys(x?.jobsWithin ?? {});
    for (const side of ['baseline', 'scenario', 'delta'] as const)
      expect(keys(doc.summary[side])).toEqual(['20', '40']);
    for (const z of doc.zones)
      for (const side of [z.baseline, z.scenario, z.delta]) expect(keys(side)).toEqual(['20', '40']);
    expect(doc.districts!.map((d) => d.id)).toEqual(['EVEN', 'ODD']);
    for (const d of doc.districts!)
      for (const side of [d.baseline, d.scenario, d.delta]) expect(keys(side)).toEqual(['20', '40']);
  });

  it('labels each figure with the minutes it was counted within', () => {
    // Each zone's "20" is the jobs its row reaches within 20 minutes (not the 30 of the default list).
    doc.zones.forEach((z, o) => {
      expect(z.baseline.jobsWithin['20'], z.id).toBe(jobsWithin(times.baseline, o, 20));
      expect(z.baseline.jobsWithin['40'], z.id).toBe(jobsWithin(times.baseline, o, 40));
      expect(z.scenario!.jobsWithin['40'], z.id).toBe(jobsWithin(times.scenario, o, 40));
    });
    // The scenario changes something within 40 min somewhere, so the figures are not all alike.
    expect(doc.zones.some((z) => z.delta!.jobsWithin['40'] !== 0)).toBe(true);
  });

  it('names its CSV columns by the same thresholds', () => {
    const zones = zoneTable(doc).columns;
    for (const side of ['baseline', 'scenario', 'delta'])
      expect(zones.filter((c) => c.startsWith(`${side}_jobsWithin`))).toEqual([
        `${side}_jobsWithin20`,
        `${side}_jobsWithin40`,
      ]);
    const districts = districtTable(doc);
    expect(districts.columns.filter((c) => c.includes('jobsWithin'))).toEqual([
      'baseline_jobsWithin20',
      'baseline_jobsWithin40',
      'scenario_jobsWithin20',
      'scenario_jobsWithin40',
      'delta_jobsWithin20',
      'delta_jobsWithin40',
    ]);
    const row = districts.rows[0]!;
    expect(row[districts.columns.indexOf('delta_jobsWithin40')]).toBe(
      doc.districts![0]!.delta!.jobsWithin['40'],
    );
  });

  it('gives the regional summary a row per threshold, labelled and valued by it', () => {
    const rows = compactMetrics(doc, 'summary');
    expect(rows.map((m) => m.id)).toEqual(['time-to-core', 'mean-time-to-jobs', 'jobs-20', 'jobs-40']);
    const jobs20 = rows[2]!;
    expect(metricText(jobs20, jobs20.summaryLabel!, 'en')).toBe('Jobs within 20 min (mean per resident)');
    expect(metricText(jobs20, jobs20.summaryLabel!, 'zh')).toBe('20分钟可达岗位（人均）');
    expect(figureIn(doc.summary.baseline, jobs20, 'summary')).toBe(doc.summary.baseline.jobsWithin['20']);
    expect(figureIn(doc.summary.delta, rows[3]!, 'summary')).toBe(doc.summary.delta!.jobsWithin['40']);
    // The population-weighted mean of the zones' figures.
    const population = doc.zones.reduce((s, z) => s + z.population, 0);
    const mean = doc.zones.reduce((s, z) => s + z.population * z.baseline.jobsWithin['20']!, 0) / population;
    expect(doc.summary.baseline.jobsWithin['20']).toBeCloseTo(mean, 1);
    expect(compactMetrics(doc, 'district').map((m) => m.id)).toEqual(['time-to-core', 'jobs-20', 'jobs-40']);
  });

  it('a document whose figures name other thresholds than its assumptions is refused, at each place', () => {
    const relabelled = {
      ...doc,
      assumptions: { ...doc.assumptions, metrics: { accessibilityMinutes: [30, 45] } },
    };
    expect(documentMetrics(relabelled).map((m) => m.id)).toContain('jobs-45');
    const issues = checkResults(relabelled);
    expect(issues).toContainEqual({
      path: '$.summary.baseline.jobsWithin',
      message: "has thresholds 20, 40 min; the document's assumptions say 30, 45",
    });
    expect(issues.map((i) => i.path)).toContain('$.zones[0].delta.jobsWithin');
    expect(issues.map((i) => i.path)).toContain('$.districts[1].scenario.jobsWithin');
  });
});
