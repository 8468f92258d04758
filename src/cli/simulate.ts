/**
 * Headless run: `npm run simulate -- --network <file> [--scenario <file> [--before <file>]] [--period <id>] [--out <file>]
 * [--matrix] [--omx <file.omx>] [--trip <from-zone>,<to-zone>]… [--workers <n>] [--shard <i>/<n>]
 * [--boundaries <file>] [--demand [short|long]]`. Writes a commuteshed.results/1 document (baseline only
 * without a scenario; with --before, the scenario against that one instead of the baseline),
 * broken down by district where the zones carry one (named, with subdistricts, from
 * `<id>.boundaries.geojson` beside the network file or --boundaries); with --omx the matrices as OMX, with
 * --shard a part of the run for `merge` (shard.ts), with --demand the demand model's section (ridership,
 * commutes by mode: DESIGN.md §3.1; short term by default); progress and regional figures on stderr; exit
 * 1 with every problem on bad input.
 */
import { parseArgs } from 'node:util';
import { formatIssues } from '../domain/issue';
import type { Scenario } from '../domain/scenario';
import { type Boundaries, districtNames } from '../io/boundaries';
import { checksum } from '../io/canonical';
import { buildResults } from '../io/results';
import { areaUnits } from '../metrics/districts';
import { Analysis } from '../workers/analysis';
import {
  DemandAnalysis,
  type DemandRequest,
  type DemandSink,
  type DemandTerm,
} from '../workers/demandAnalysis';
import { nodeWorkerCount, nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { demandText } from './demandText';
import { readBoundaries, readNetwork, readScenario, siblingBoundaries, writeResults } from './files';
import { openMatrixOutput } from './matrixOutput';
import { checkWritable } from './output';
import { regionsText } from './regionText';
import { parseShard, runShard, type ShardSpec } from './shard';
import { tripText } from './tripText';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The --shard spec, checked with the options it needs and excludes. */
function shardOf(
  values: { shard?: string; out?: string; matrix?: boolean },
  trips: number,
): ShardSpec | undefined {
  if (values.shard === undefined) return undefined;
  const spec = parseShard(values.shard);
  if (!values.out) throw new UsageError('--shard writes a part: give --out <part file>');
  if (values.matrix || trips > 0)
    throw new UsageError('--matrix and --trip need the whole run: merge the parts, then run them unsharded');
  return spec;
}

/** The demand model after the comparison (the same graphs), with its figures on stderr. */
async function runDemand(
  analysis: Analysis,
  request: DemandRequest & { boundaries: Boundaries | undefined; sink: DemandSink | undefined },
): Promise<Awaited<ReturnType<DemandAnalysis['run']>>> {
  const { boundaries, sink, ...rest } = request;
  const d0 = performance.now();
  let lastStage = '';
  const demand = await new DemandAnalysis(analysis).run({
    ...rest,
    ...(boundaries && { districtNames: districtNames(boundaries) }),
    ...(sink && { sink }),
    onProgress: (p) => {
      if (p.stage === lastStage) return;
      lastStage = p.stage;
      process.stderr.write(`demand: ${p.stage}…\n`);
    },
  });
  process.stderr.write(
    `demand in ${((performance.now() - d0) / 1000).toFixed(2)} s (worker time: mode choice ${(demand.ms.choice / 1000).toFixed(2)} s, assignment ${(demand.ms.assignment / 1000).toFixed(2)} s; distribution ${(demand.ms.distribution / 1000).toFixed(2)} s); peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
  process.stderr.write(`${demandText(demand.report)}\n`);
  return demand;
}

function fail(lines: string): never {
  process.stderr.write(`${lines}\n`);
  process.exit(1);
}

/** `--demand` may stand alone (the short term): give parseArgs its value. */
function withDemandTerm(args: string[]): string[] {
  return args.flatMap((a, k) =>
    a === '--demand' && (k + 1 >= args.length || args[k + 1]!.startsWith('--')) ? [a, 'short'] : [a],
  );
}

function demandTerm(value: string | undefined): DemandTerm | undefined {
  if (value === undefined) return undefined;
  if (value === 'short' || value === 'long') return value;
  throw new UsageError(`--demand ${value}: give short (trips kept) or long (trips redistributed)`);
}

const USAGE = `usage: npm run simulate -- --network <network.json> [--scenario <scenario.json>] --out <results.json>
  --period <id>            analysis period (default am-peak)
  --scenario <file>        the scenario to compare with the baseline
  --before <file>          compare --scenario with this scenario instead of the baseline
  --matrix                 keep the time matrices in the results (4 bytes a cell and side)
  --omx <file>             write the matrices (and with --demand the trips by mode) as Open Matrix
  --trip <from>,<to>       print the route between two zone ids (repeatable)
  --boundaries <file>      district boundaries (default: the network's own)
  --demand [short|long]    add commute demand: short keeps workplaces (default), long redistributes
  --workers <n>            worker threads (default: the machine's cores)
  --shard <i>/<n>|<n>      compute one block of origins into a part (--out); merge with npm run merge`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { values } = parseArgs({
    args: withDemandTerm(argv),
    options: {
      network: { type: 'string' },
      scenario: { type: 'string' },
      before: { type: 'string' },
      period: { type: 'string', default: 'am-peak' },
      out: { type: 'string' },
      matrix: { type: 'boolean', default: false },
      trip: { type: 'string', multiple: true },
      workers: { type: 'string' },
      omx: { type: 'string' },
      shard: { type: 'string' },
      boundaries: { type: 'string' },
      demand: { type: 'string' },
    },
    strict: true,
  });
  const term = demandTerm(values.demand);
  if (!values.network) throw new UsageError('--network <file> is required');

  const loaded = await readNetwork(values.network);
  if (!loaded.ok)
    fail(`${loaded.file}: ${loaded.issues.length} problem(s)\n${formatIssues(loaded.issues, loaded.file)}`);
  const network = loaded.value;
  let scenario: Scenario | null = null;
  if (values.scenario) {
    const s = await readScenario(values.scenario, network);
    if (!s.ok) fail(`${s.file}: ${s.issues.length} problem(s)\n${formatIssues(s.issues, s.file)}`);
    scenario = s.value;
  }
  // The scenario to compare with instead of the baseline (scenario A vs B): the before side.
  let before: Scenario | null = null;
  if (values.before) {
    if (!scenario) throw new UsageError('--before compares with --scenario: give both');
    if (values.shard !== undefined) throw new UsageError('--before needs the whole run: run it unsharded');
    if (term)
      throw new UsageError(
        '--demand compares a scenario with the baseline (its β and trips are the baseline’s): leave out --before',
      );
    const s = await readScenario(values.before, network);
    if (!s.ok) fail(`${s.file}: ${s.issues.length} problem(s)\n${formatIssues(s.issues, s.file)}`);
    before = s.value;
  }
  const boundariesFile = values.boundaries ?? (await siblingBoundaries(values.network));
  let boundaries: Boundaries | undefined;
  if (boundariesFile) {
    const b = await readBoundaries(boundariesFile, network);
    if (!b.ok) fail(`${b.file}: ${b.issues.length} problem(s)\n${formatIssues(b.issues, b.file)}`);
    boundaries = b.value;
  }
  const period = values.period!;
  if (!network.periods.some((p) => p.id === period)) {
    fail(`--period ${period}: the network has ${network.periods.map((p) => p.id).join(', ')}`);
  }
  const trips = (values.trip ?? []).map((t) => {
    const [from, to] = t.split(',');
    const o = network.zones.findIndex((z) => z.id === from);
    const d = network.zones.findIndex((z) => z.id === to);
    if (o < 0 || d < 0) throw new UsageError(`--trip ${t}: give two zone ids "from,to" of the network`);
    return [o, d] as const;
  });

  const shard = shardOf(values, trips.length);
  if (shard && term)
    throw new UsageError('--demand needs the whole run (it balances all zones at once): run it unsharded');
  if (values.out) checkWritable(values.out);
  const workers = values.workers ? Number(values.workers) : nodeWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new UsageError(`--workers must be a positive integer, got ${values.workers}`);
  // Each graph built in a worker of its own, ended after: its memory goes back before the rows start.
  const pool = new RoutingPool(nodeWorkerFactory(), workers, { isolatedBuilds: true });
  try {
    const networkKey = await checksum(network);
    const t0 = performance.now();
    let lastShown = -1;
    const analysis = new Analysis(pool);
    const onProgress = ({ done, total }: { done: number; total: number }) => {
      // A terminal gets one updating line; a log gets a line per 10 %.
      const step = process.stderr.isTTY ? 1 : 10;
      const pct = Math.floor((100 * done) / Math.max(1, total) / step) * step;
      if (pct !== lastShown) {
        lastShown = pct;
        process.stderr.write(
          `${process.stderr.isTTY ? '\r' : ''}computing ${pct}% (${done}/${total} origin rows)${process.stderr.isTTY ? '' : '\n'}`,
        );
      }
    };
    const run = { network, networkKey, scenario, before, period };
    if (shard) {
      const files = { networkFile: values.network, scenarioFile: values.scenario };
      await runShard({ ...run, ...files, analysis, shard, out: values.out!, omx: values.omx, onProgress });
      process.stderr.write(
        `${process.stderr.isTTY ? '\n' : ''}shard ${shard.index}/${shard.count} → ${values.out}\n`,
      );
      return;
    }
    // With --demand the OMX file holds each side's trips by mode too; it is committed once both runs end.
    const omx = values.omx ? await openMatrixOutput(values.omx, run, {}, term !== undefined) : undefined;
    let comparison: Awaited<ReturnType<Analysis['compare']>>;
    let demand: Awaited<ReturnType<DemandAnalysis['run']>> | undefined;
    try {
      comparison = await analysis.compare({
        ...run,
        matrix: values.matrix,
        areas: areaUnits(network.zones, boundaries),
        onProgress,
        ...(omx && { sink: omx.sink }),
      });
      const seconds = (performance.now() - t0) / 1000;
      const beforeName = before ? 'before' : 'baseline';
      process.stderr.write(
        `${process.stderr.isTTY ? '\n' : ''}${network.zones.length} zones, ${scenario ? `${beforeName} + scenario` : 'baseline'} in ${seconds.toFixed(2)} s on ${workers} worker(s)\n`,
      );
      process.stderr.write(`${regionsText(network, comparison.report.baseline.table, beforeName)}\n`);
      if (comparison.report.scenario)
        process.stderr.write(`${regionsText(network, comparison.report.scenario.table, 'scenario')}\n`);
      if (term)
        demand = await runDemand(analysis, {
          network,
          networkKey,
          scenario,
          period,
          term,
          boundaries,
          sink: omx?.demandSink,
        });
      omx?.commit();
    } catch (e) {
      omx?.discard();
      throw e;
    }

    const doc = buildResults({
      network,
      checksum: networkKey,
      scenario,
      before,
      period,
      report: comparison.report,
      generatedAt: new Date(),
      engineVersion: comparison.engineVersion,
      ...(demand && { demand: demand.report }),
    });
    const matrix = values.matrix
      ? {
          baseline: comparison.baseline.rows.times!,
          ...(comparison.scenario && { scenario: comparison.scenario.rows.times! }),
        }
      : undefined;
    // A document that breaks its own schema is a bug: say so and write nothing.
    const invalid = await writeResults(doc, matrix, values.out);
    if (invalid.length > 0) {
      fail(
        `simulate: internal error: the results do not validate against commuteshed.results/1, so nothing was written:\n${formatIssues(invalid)}`,
      );
    }

    for (const [o, d] of trips) {
      for (const s of scenario ? [before, scenario] : [null]) {
        const trip = await analysis.trip({ network, networkKey, scenario: s, period }, o, d);
        process.stderr.write(`${s ? `scenario "${s.name}"` : 'baseline'}: ${tripText(trip, network)}\n`);
      }
    }
  } finally {
    pool.terminate();
  }
}

main().catch((e: unknown) => {
  const err = e instanceof Error ? e : new Error(String(e));
  const usage = err.name === 'UsageError' || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  fail(usage ? `simulate: ${err.message}\n\n${USAGE}` : `simulate: ${err.name}: ${err.message}`);
});
