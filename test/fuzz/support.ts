/**
 * What every fuzzed input must come to (issue 12): a clean rejection — issues, each with a path and a
 * message, no internal error — or results that validate against commuteshed.results/1, every time finite
 * and ≥ 0, written whole through the CLI's writer. Never an exception, never a partial file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Remote } from 'comlink';
import { afterAll, expect } from 'vitest';
import { writeResults } from '../../src/cli/files';
import type { Issue } from '../../src/domain/issue';
import type { Network } from '../../src/domain/network';
import type { Scenario } from '../../src/domain/scenario';
import { buildResults } from '../../src/io/results';
import { Analysis } from '../../src/workers/analysis';
import { RoutingPool } from '../../src/workers/pool';
import type { RoutingApi } from '../../src/workers/protocol';
import { createRoutingApi } from '../../src/workers/routingApi';

/** Fixed seeds (DEVELOPERS.md); FUZZ_SEED explores others, FUZZ_SCALE runs more (or fewer) cases. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_240_612);
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));

/**
 * A routing pool whose one "worker" is the worker's own API in this thread (maplibre-gl-js's in-process
 * mock): the engine, the pool's chunking and the metrics exactly as the CLI runs them, without a thread
 * start per case.
 */
export function inProcessPool(): RoutingPool {
  return new RoutingPool(
    () => ({
      api: createRoutingApi() as unknown as Remote<RoutingApi>,
      crashed: new Promise<never>(() => undefined),
      terminate: () => undefined,
    }),
    1,
  );
}

/** Issues of a rejection: at least one; each at a path, with a message, none an internal error. */
export function expectCleanRejection(issues: Issue[], path: RegExp = /^\$/): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.path, i.message).toMatch(path);
    expect(typeof i.message === 'string' && i.message.length > 0).toBe(true);
    expect(i.message, i.path).not.toMatch(/internal error|Maximum call stack|undefined|NaN s/);
  }
}

/** Counts of what the cases came to, printed once by each suite. */
export class Outcomes {
  readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, n) => a + n, 0);
  }
  toString(): string {
    return [...this.counts].map(([k, n]) => `${k} ${n}`).join(', ');
  }
}

/**
 * A suite's engine (an in-process pool), folder of results files and outcome counts, released after the
 * suite, whose counts are printed then.
 */
export function fuzzSuite(what: string): { pool: RoutingPool; folder: ResultsFolder; outcomes: Outcomes } {
  const suite = { pool: inProcessPool(), folder: new ResultsFolder(), outcomes: new Outcomes() };
  afterAll(() => {
    suite.pool.terminate();
    suite.folder.remove();
    console.info(`fuzzed ${what}: ${suite.outcomes}`);
  });
  return suite;
}

/** One folder of results files per suite, removed at the end. */
export class ResultsFolder {
  // Memory-backed where the system has it: thousands of small files, each written and renamed.
  readonly dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'commuteshed-fuzz-'));
  private n = 0;
  next(): string {
    return join(this.dir, `case-${this.n++}.results.json`);
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The headless run, in process: baseline (and scenario) with the travel-time matrix, the results
 * document, written by the CLI's writer. The written file must be whole JSON of the document's zones;
 * every time finite and ≥ 0 (or no path). Returns the document.
 */
export async function simulate(
  pool: RoutingPool,
  network: Network,
  scenario: Scenario | null,
  out: string,
  key: string,
) {
  const comparison = await new Analysis(pool).compare({
    network,
    networkKey: key,
    scenario,
    period: 'am-peak',
    matrix: true,
  });
  const doc = buildResults({
    network,
    checksum: `sha256:${'0'.repeat(64)}`,
    scenario,
    period: 'am-peak',
    report: comparison.report,
    generatedAt: new Date('2030-01-01T00:00:00Z'),
    engineVersion: comparison.engineVersion,
  });
  const matrix = {
    baseline: comparison.baseline.rows.times!,
    ...(comparison.scenario && { scenario: comparison.scenario.rows.times! }),
  };
  for (const m of Object.values(matrix)) {
    const bad = m.find((t) => t !== Number.POSITIVE_INFINITY && !(Number.isFinite(t) && t >= 0));
    expect(bad).toBeUndefined();
  }
  const problems = await writeResults(doc, matrix, out);
  expect(problems).toEqual([]);
  const written = JSON.parse(readFileSync(out, 'utf8')) as {
    zones: unknown[];
    matrix: { baseline: unknown[] };
  };
  expect(written.zones).toHaveLength(network.zones.length);
  expect(written.matrix.baseline).toHaveLength(network.zones.length);
  return doc;
}

/** A results file that was refused must not exist (not even in part). */
export function expectNoFile(path: string): void {
  expect(existsSync(path)).toBe(false);
}
