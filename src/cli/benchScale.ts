/**
 * One scale run of the bench, in its own process so its peak memory is its own: the synthetic region at
 * `--zones N`, baseline + scenario through the worker pool as `simulate` computes them (metrics reduced
 * per origin as rows stream out; `--matrix` also keeps the float32 time matrix). Prints one JSON line of
 * figures on stdout. Run by bench.ts; `tsx src/cli/benchScale.ts --zones 20000` runs it alone.
 */
import { parseArgs } from 'node:util';
import { checksum } from '../io/canonical';
import { Analysis } from '../workers/analysis';
import { nodeWorkerCount, nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { BENCH_REGION, syntheticExtentKm, syntheticRegion, syntheticScenario } from './synthetic';

export interface ScaleFigures {
  zones: number;
  stations: number;
  /** Square the zones cover, km a side. */
  extentKm: number;
  workers: number;
  matrix: boolean;
  graphNodes: number;
  graphEdges: number;
  accessLinks: number;
  /** Both graphs, built and compiled in the workers at once, wall ms. */
  graphBuildMs: number;
  /** Rows of every origin, both sides, wall seconds (graphs already built). */
  rowsSeconds: number;
  /** Everything from the region's creation to the report, wall seconds. */
  totalSeconds: number;
  /** Wall ms per origin row (rowsSeconds over both sides' origins). */
  msPerOrigin: number;
  /** Worker compute ms per origin row, summed over workers. */
  computeMsPerOrigin: number;
  /** Worker compute ns per origin–destination cell: the cost a projection scales by zones². */
  computeNsPerCell: number;
  stationSearches: number;
  /** Resident memory of the whole process (all threads) after each stage, and its peak, MB (10⁶ bytes). */
  rssMB: { region: number; graphs: number; rows: number; peak: number };
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

export async function scaleRun(zones: number, workers: number, matrix: boolean): Promise<ScaleFigures> {
  const t0 = performance.now();
  const region = syntheticRegion({ ...BENCH_REGION, zones });
  const scenario = syntheticScenario(region);
  const networkKey = await checksum(region);
  const rssRegion = process.memoryUsage.rss();

  // Each graph built in a worker of its own, ended after: its memory goes back before the rows start.
  const pool = new RoutingPool(nodeWorkerFactory(), workers, { isolatedBuilds: true });
  try {
    const analysis = new Analysis(pool);
    const period = 'am-peak';
    let t = performance.now();
    const [base] = await Promise.all(
      [null, scenario].map((s) =>
        pool.prepare({ key: analysis.graphKey(networkKey, s, period), network: region, scenario: s, period }),
      ),
    );
    const graphBuildMs = performance.now() - t;
    const rssGraphs = process.memoryUsage.rss();

    t = performance.now();
    const comparison = await analysis.compare({ network: region, networkKey, scenario, period, matrix });
    const rowsSeconds = (performance.now() - t) / 1000;
    const rssRows = process.memoryUsage.rss();
    const sides = [comparison.baseline, comparison.scenario!];
    const origins = zones * sides.length;
    const computeMs = sides.reduce((s, r) => s + r.rows.computeMs, 0);
    return {
      zones,
      stations: region.stations.length,
      extentKm: Number(syntheticExtentKm({ ...BENCH_REGION, zones }).toFixed(1)),
      workers,
      matrix,
      graphNodes: base!.stats.nodes,
      graphEdges: base!.stats.edges,
      accessLinks: base!.stats.accessLinks,
      graphBuildMs: Math.round(graphBuildMs),
      rowsSeconds: Number(rowsSeconds.toFixed(2)),
      totalSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
      msPerOrigin: Number(((rowsSeconds * 1000) / origins).toFixed(3)),
      computeMsPerOrigin: Number((computeMs / origins).toFixed(3)),
      computeNsPerCell: Number(((computeMs * 1e6) / (origins * zones)).toFixed(2)),
      stationSearches: sides.reduce((s, r) => s + r.rows.stationSearches, 0),
      rssMB: {
        region: mb(rssRegion),
        graphs: mb(rssGraphs),
        rows: mb(rssRows),
        peak: mb(process.resourceUsage().maxRSS * 1024),
      },
    };
  } finally {
    pool.terminate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      zones: { type: 'string', default: String(BENCH_REGION.zones) },
      workers: { type: 'string' },
      matrix: { type: 'boolean', default: false },
    },
  });
  const workers = values.workers ? Number(values.workers) : nodeWorkerCount();
  const figures = await scaleRun(Number(values.zones), workers, values.matrix);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
