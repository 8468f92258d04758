/**
 * `npm run bench [-- --json] [--workers N] [--zones 5000,10000,20000,50000] [--matrix] [--skip-reference]`:
 * figures, never assertions.
 *  - On the first size: graphology-shortest-path's dijkstra.singleSource per origin (a sample) vs our
 *    engine per origin, and that both agree on every sampled O→D cost; a GTFS import.
 *  - For every size, in a process of its own (benchScale.ts, so the peak memory is the run's): baseline +
 *    scenario through the worker pool as `simulate` runs them — peak RSS, RSS after each stage, graph
 *    build time, time per origin and total time.
 * With --json the last line is one JSON object with the figures (`scale`: one entry per size).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { dijkstra } from 'graphology-shortest-path';
import { Router } from '../engine/router';
import { compileGraph } from '../graph/compile';
import { buildGraph } from '../graph/graphology';
import { nodeKey } from '../graph/nodes';
import { nodeWorkerCount } from '../workers/nodeWorkers';
import { benchGtfsImport } from './benchGtfs';
import type { ScaleFigures } from './benchScale';
import { BENCH_REGION, syntheticRegion } from './synthetic';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
    zones: { type: 'string', default: String(BENCH_REGION.zones) },
    matrix: { type: 'boolean', default: false },
    'skip-reference': { type: 'boolean', default: false },
    'reference-origins': { type: 'string', default: '4' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (t0: number) => performance.now() - t0;
const sizes = values.zones.split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n >= 2))
  throw new RangeError(`--zones: a comma-separated list of zone counts ≥ 2, got ${values.zones}`);
const workers = values.workers ? Number(values.workers) : nodeWorkerCount();

const reference = values['skip-reference'] ? undefined : referenceBench(sizes[0]!);
const gtfs = values['skip-reference'] ? undefined : await benchGtfsImport();
if (gtfs)
  log(
    `GTFS import of ${gtfs.feed} (${gtfs.stopTimes} stop_times): ${gtfs.seconds.toFixed(2)} s (warm ${gtfs.warmSeconds.toFixed(2)} s): ${gtfs.stations} stations, ${gtfs.lines} lines, ${gtfs.patterns} patterns`,
  );

const run = promisify(execFile);
const scale: ScaleFigures[] = [];
for (const zones of sizes) {
  const args = [fileURLToPath(new URL('./benchScale.ts', import.meta.url)), '--zones', String(zones)];
  args.push('--workers', String(workers), ...(values.matrix ? ['--matrix'] : []));
  const { stdout } = await run(process.execPath, [...process.execArgv, ...args], { maxBuffer: 1 << 20 });
  const f = JSON.parse(stdout.trim().split('\n').at(-1)!) as ScaleFigures;
  scale.push(f);
  log(
    `${f.zones} zones (${f.extentKm} km square, ${f.accessLinks} access links), baseline + scenario on ${f.workers} workers${f.matrix ? ', time matrix kept' : ''}: ` +
      `graphs ${(f.graphBuildMs / 1000).toFixed(1)} s, rows ${f.rowsSeconds.toFixed(1)} s (${f.msPerOrigin} ms wall, ${f.computeMsPerOrigin} ms compute per origin), ` +
      `total ${f.totalSeconds.toFixed(1)} s; RSS after region ${f.rssMB.region} MB, graphs ${f.rssMB.graphs} MB, rows ${f.rssMB.rows} MB; peak ${f.rssMB.peak} MB`,
  );
}

const figures = {
  ...reference,
  ...(gtfs && { gtfsImportSeconds: Number(gtfs.seconds.toFixed(2)) }),
  workers,
  scale,
};
if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else
  for (const [k, v] of Object.entries(figures))
    process.stdout.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);

/** Our engine against graphology's dijkstra on one synthetic graph (built in this process). */
function referenceBench(zones: number) {
  const region = syntheticRegion({ ...BENCH_REGION, zones });
  const layers = Object.fromEntries(
    ['trunk', 'intercity', 'suburban', 'metro'].map((l) => [
      l,
      region.stations.filter((s) => s.layer === l).length,
    ]),
  );
  log(
    `synthetic region: ${region.zones.length} zones, ${region.stations.length} stations ${JSON.stringify(layers)}, ${region.lines.length} lines`,
  );

  // Reference origins: their direct surface trips are materialised as edges for the reference search
  // (every zone pair has one, so the whole region's would be zones² edges); the engine computes them in
  // closed form.
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

  return {
    zones: Z,
    stations: region.stations.length,
    graphNodes: graph.order,
    graphEdges: graph.size,
    referenceMsPerOrigin: Number(referenceMsPerOrigin.toFixed(2)),
    engineMsPerOrigin: Number(engineMsPerOrigin.toFixed(3)),
    ratio: Number(ratio.toFixed(1)),
    referenceAgreement: `${pairs - disagreements}/${pairs}`,
  };
}
