/**
 * `npm run bench [-- --json] [--workers N] [--zones N]`: figures, never assertions.
 * On one synthetic region (5,000 zones, ~1,900 stations, four layers) and one graph:
 *  - graphology-shortest-path's dijkstra.singleSource per origin (a sample) vs our engine per origin;
 *  - that both agree on every sampled O→D cost;
 *  - the wall time of a full baseline + scenario matrix through the worker pool, and peak memory.
 * With --json the last line is one JSON object with the figures.
 */
import { parseArgs } from 'node:util';
import { dijkstra } from 'graphology-shortest-path';
import { Router } from '../engine/router';
import { compileGraph } from '../graph/compile';
import { buildGraph } from '../graph/graphology';
import { nodeKey } from '../graph/nodes';
import { checksum } from '../io/canonical';
import { Analysis } from '../workers/analysis';
import { nodeWorkerCount, nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { benchGtfsImport } from './benchGtfs';
import { BENCH_REGION, syntheticRegion, syntheticScenario } from './synthetic';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
    zones: { type: 'string' },
    'reference-origins': { type: 'string', default: '4' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (t0: number) => performance.now() - t0;

const region = syntheticRegion({
  ...BENCH_REGION,
  zones: values.zones ? Number(values.zones) : BENCH_REGION.zones,
});
const scenario = syntheticScenario(region);
const layers = Object.fromEntries(
  ['trunk', 'intercity', 'suburban', 'metro'].map((l) => [
    l,
    region.stations.filter((s) => s.layer === l).length,
  ]),
);
log(
  `synthetic region: ${region.zones.length} zones, ${region.stations.length} stations ${JSON.stringify(layers)}, ${region.lines.length} lines`,
);

// Reference origins: their direct surface trips are materialised as edges for the reference search (every
// zone pair has one, so the whole region's would be zones² edges); the engine computes them in closed form.
const Z = region.zones.length;
const sampleCount = Number(values['reference-origins']);
const sample = Array.from({ length: sampleCount }, (_, k) => Math.floor(((k + 0.5) * Z) / sampleCount));

let t0 = performance.now();
const graph = buildGraph(region, 'am-peak', sample);
const buildMs = ms(t0);
t0 = performance.now();
const compiled = compileGraph(graph);
const compileMs = ms(t0);
log(
  `graphology graph: ${graph.order} nodes, ${graph.size} edges, built in ${buildMs.toFixed(0)} ms; compiled in ${compileMs.toFixed(0)} ms`,
);

// Reference: dijkstra.singleSource returns paths; the cost of each is the sum of its edge weights.
const router = new Router(compiled);
const times = new Float64Array(Z);
const costs = new Float64Array(Z);
let referenceMs = 0;
let pairs = 0;
let disagreements = 0;
for (const o of sample) {
  t0 = performance.now();
  const paths = dijkstra.singleSource(graph, nodeKey.origin(region.zones[o]!.id), 'weight');
  referenceMs += ms(t0);
  router.row(o, times, costs);
  region.zones.forEach((zone, d) => {
    const path = paths[nodeKey.destination(zone.id)];
    let cost = Number.POSITIVE_INFINITY;
    if (path) {
      cost = 0;
      for (let k = 0; k + 1 < path.length; k++)
        cost += graph.getEdgeAttribute(path[k]!, path[k + 1]!, 'weight');
    }
    pairs++;
    if (cost !== costs[d]) disagreements++;
  });
}
const referenceMsPerOrigin = referenceMs / sample.length;
log(
  `reference dijkstra.singleSource: ${referenceMsPerOrigin.toFixed(1)} ms per origin (${sample.length} origins); agrees on ${pairs - disagreements} of ${pairs} O→D costs`,
);

// Our engine, one search per origin (the same work as the reference), after a warm-up.
const engineSample = Array.from({ length: 300 }, (_, k) => Math.floor((k * Z) / 300));
for (const o of engineSample.slice(0, 30)) router.row(o, times, costs);
t0 = performance.now();
for (const o of engineSample) router.row(o, times, costs);
const engineMsPerOrigin = ms(t0) / engineSample.length;
const ratio = referenceMsPerOrigin / engineMsPerOrigin;
log(
  `engine: ${engineMsPerOrigin.toFixed(3)} ms per origin (one search per origin), ${ratio.toFixed(0)}× the reference`,
);

// The full matrix, baseline + scenario, through the worker pool (graphs built in the workers).
const workers = values.workers ? Number(values.workers) : nodeWorkerCount();
const pool = new RoutingPool(nodeWorkerFactory(), workers);
const networkKey = await checksum(region);
// Warm the workers (module load, JIT) on a tiny request so the timing is of the work itself.
await new Analysis(pool).compare({
  network: { ...region, zones: region.zones.slice(0, 2), core: [] },
  networkKey: 'warm-up',
  scenario: null,
  period: 'am-peak',
});
t0 = performance.now();
const comparison = await new Analysis(pool).compare({
  network: region,
  networkKey,
  scenario,
  period: 'am-peak',
  matrix: true,
});
const matrixSeconds = ms(t0) / 1000;
pool.terminate();
const stats = [comparison.baseline.stats, comparison.scenario!.stats];
const rowsSeconds = (comparison.baseline.rows.computeMs + comparison.scenario!.rows.computeMs) / 1000;
const stationSearches = comparison.baseline.rows.stationSearches + comparison.scenario!.rows.stationSearches;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
log(
  `pool (${workers} workers): baseline + scenario matrix, ${Z} × ${Z} twice, in ${matrixSeconds.toFixed(2)} s wall ` +
    `(graph build ${(stats[0]!.buildMs + stats[1]!.buildMs).toFixed(0)} ms, row compute ${rowsSeconds.toFixed(2)} s summed over workers, ${stationSearches} station searches)`,
);
log(`peak memory (max RSS of the process, all threads): ${peakRssMB.toFixed(0)} MB`);

const gtfs = await benchGtfsImport();
log(
  `GTFS import of ${gtfs.feed} (${gtfs.stopTimes} stop_times): ${gtfs.seconds.toFixed(2)} s (warm ${gtfs.warmSeconds.toFixed(2)} s): ${gtfs.stations} stations, ${gtfs.lines} lines, ${gtfs.patterns} patterns`,
);

const figures = {
  zones: Z,
  stations: region.stations.length,
  graphNodes: graph.order,
  graphEdges: graph.size,
  referenceMsPerOrigin: Number(referenceMsPerOrigin.toFixed(2)),
  engineMsPerOrigin: Number(engineMsPerOrigin.toFixed(3)),
  ratio: Number(ratio.toFixed(1)),
  referenceAgreement: `${pairs - disagreements}/${pairs}`,
  workers,
  matrixSeconds: Number(matrixSeconds.toFixed(2)),
  rowComputeSeconds: Number(rowsSeconds.toFixed(2)),
  stationSearches,
  graphBuildMs: Math.round(stats[0]!.buildMs + stats[1]!.buildMs),
  peakRssMB: Math.round(peakRssMB),
  gtfsImportSeconds: Number(gtfs.seconds.toFixed(2)),
};
if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k}: ${v}\n`);
