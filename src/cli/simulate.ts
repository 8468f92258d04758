/**
 * Headless run: `npm run simulate -- --network <file> [--scenario <file>] [--period <id>] [--out <file>]
 * [--matrix] [--trip <from-zone>,<to-zone>]… [--workers <n>] [--boundaries <file>]`. Writes a
 * commuteshed.results/1 document (baseline only without a scenario), broken down by district where the
 * zones carry one (named, with subdistricts, from `<id>.boundaries.geojson` beside the network file or
 * --boundaries); progress on stderr; exit 1 with every problem on bad input.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { formatIssues } from '../domain/issue';
import type { Scenario } from '../domain/scenario';
import type { Boundaries } from '../io/boundaries';
import { checksum } from '../io/canonical';
import { resultsJsonPieces } from '../io/exports';
import { buildResults } from '../io/results';
import { areaUnits } from '../metrics/districts';
import { Analysis } from '../workers/analysis';
import { nodeWorkerCount, nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { readBoundaries, readNetwork, readScenario, siblingBoundaries } from './files';
import { tripText } from './tripText';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function fail(lines: string): never {
  process.stderr.write(`${lines}\n`);
  process.exit(1);
}

/** Text written piece by piece to `file` (or stdout), waiting whenever the stream's buffer is full. */
async function writePieces(pieces: Iterable<string>, file: string | undefined): Promise<void> {
  const out = file ? createWriteStream(file) : process.stdout;
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  if (file) {
    out.end();
    await finished(out);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      network: { type: 'string' },
      scenario: { type: 'string' },
      period: { type: 'string', default: 'am-peak' },
      out: { type: 'string' },
      matrix: { type: 'boolean', default: false },
      trip: { type: 'string', multiple: true },
      workers: { type: 'string' },
      boundaries: { type: 'string' },
    },
    strict: true,
  });
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

  const workers = values.workers ? Number(values.workers) : nodeWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new UsageError(`--workers must be a positive integer, got ${values.workers}`);
  const pool = new RoutingPool(nodeWorkerFactory(), workers);
  try {
    const networkKey = await checksum(network);
    const t0 = performance.now();
    let lastShown = -1;
    const analysis = new Analysis(pool);
    const comparison = await analysis.compare({
      network,
      networkKey,
      scenario,
      period,
      matrix: values.matrix,
      areas: areaUnits(network.zones, boundaries),
      onProgress: ({ done, total }) => {
        // A terminal gets one updating line; a log gets a line per 10 %.
        const step = process.stderr.isTTY ? 1 : 10;
        const pct = Math.floor((100 * done) / Math.max(1, total) / step) * step;
        if (pct !== lastShown) {
          lastShown = pct;
          process.stderr.write(
            `${process.stderr.isTTY ? '\r' : ''}computing ${pct}% (${done}/${total} origin rows)${process.stderr.isTTY ? '' : '\n'}`,
          );
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `${process.stderr.isTTY ? '\n' : ''}${network.zones.length} zones, ${scenario ? 'baseline + scenario' : 'baseline'} in ${seconds.toFixed(2)} s on ${workers} worker(s)\n`,
    );

    const doc = buildResults({
      network,
      checksum: networkKey,
      scenario,
      period,
      report: comparison.report,
      generatedAt: new Date(),
      engineVersion: comparison.engineVersion,
    });
    const matrix = values.matrix
      ? {
          baseline: comparison.baseline.rows.times!,
          ...(comparison.scenario && { scenario: comparison.scenario.rows.times! }),
        }
      : undefined;
    // The browser's export writer: a 5,000-zone matrix is never one value or one string.
    await writePieces(resultsJsonPieces(doc, matrix), values.out);

    for (const [o, d] of trips) {
      for (const s of scenario ? [null, scenario] : [null]) {
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
  fail(err.name === 'UsageError' ? `simulate: ${err.message}` : `simulate: ${err.name}: ${err.message}`);
});
