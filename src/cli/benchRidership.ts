/**
 * `npm run bench:ridership [-- --network <file>] [--scenario <file>] [--workers N] [--json]`: figures of the
 * demand model on a real network through the worker pool, never assertions. Default: the bundled JJJ
 * network with the Line 22 scenario. In order, as the app meets them:
 *   - the accessibility matrices (baseline + scenario), as `simulate` computes them first;
 *   - demand, first run: mode choice (pass 1), the distribution (β calibrated), the assignment — and
 *     pass 3 by step (worker milliseconds: where the time goes);
 *   - demand again for the same scenario: the distribution and the baseline's side of the assignment
 *     known (kept), the scenario's side made again (its graph and station rows warm);
 *   - an edit as a planner makes it (the scenario without its last modification: a new graph): the
 *     scenario's accessibility matrices, then its demand, as the app runs them;
 *   - the long term (the scenario's own mode choice and a Furness at the baseline β);
 *   - the process's peak resident memory (workers included).
 */
import { parseArgs } from 'node:util';
import { checksum } from '../io/canonical';
import { Analysis } from '../workers/analysis';
import { DemandAnalysis, type DemandRequest, type DemandRun } from '../workers/demandAnalysis';
import { nodeWorkerCount, nodeWorkerFactory } from '../workers/nodeWorkers';
import { RoutingPool } from '../workers/pool';
import { readNetwork, readScenario } from './files';

const { values } = parseArgs({
  options: {
    network: { type: 'string', default: 'networks/jjj.network.json' },
    scenario: { type: 'string', default: 'scenarios/jjj-pinggu-line-22.scenario.json' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
/** Pass 3 by step: worker milliseconds summed over the workers, then collecting the loads (wall). */
const steps = (run: DemandRun) =>
  `  pass 3 by step (worker ms, all workers): ${Object.entries(run.ms.steps)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(
      ', ',
    )}; collecting the loads ${Math.round(run.ms.collect)} ms (wall); station rows searched ${run.stationSearches}`;
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(2));

const loaded = await readNetwork(values.network!);
if (!loaded.ok) throw new Error(`${values.network}: ${loaded.issues.map((i) => i.message).join('; ')}`);
const network = loaded.value;
const s = await readScenario(values.scenario!, network);
if (!s.ok) throw new Error(`${values.scenario}: ${s.issues.map((i) => i.message).join('; ')}`);
const workers = values.workers ? Number(values.workers) : nodeWorkerCount();
const pool = new RoutingPool(nodeWorkerFactory(), workers);
try {
  const analysis = new Analysis(pool);
  const demand = new DemandAnalysis(analysis, { keepBaseline: true });
  const request: DemandRequest = {
    network,
    networkKey: await checksum(network),
    scenario: s.value,
    period: 'am-peak',
  };
  log(`${network.id}: ${network.zones.length} zones, scenario ${s.value.id}, ${workers} workers`);
  let t0 = performance.now();
  const { network: n, networkKey, scenario, period } = request;
  await analysis.compare({ network: n, networkKey, scenario, period });
  const matrices = seconds(t0);
  log(`accessibility matrices, baseline + scenario: ${matrices} s`);

  const stages: Record<string, number> = {};
  t0 = performance.now();
  let stage = '';
  let stageStart = t0;
  const first = await demand.run({
    ...request,
    onProgress: (p) => {
      if (p.stage === stage) return;
      if (stage) stages[stage] = seconds(stageStart);
      stage = p.stage;
      stageStart = performance.now();
    },
  });
  stages[stage] = seconds(stageStart);
  const firstRun = seconds(t0);
  log(
    `demand, first run: ${firstRun} s (${Object.entries(stages)
      .map(([k, v]) => `${k} ${v} s`)
      .join(
        ', ',
      )}); β ${first.report.beta.perMinute.toFixed(4)}/min in ${first.report.beta.evaluations ?? 1} evaluations, ${first.report.beta.furnessIterations} Furness iterations`,
  );
  log(steps(first));
  t0 = performance.now();
  const again = await demand.run(request);
  const edit = seconds(t0);
  const kept = again.reusedBaseline ? "the baseline's side kept" : "the baseline's side made again";
  log(`demand again, same scenario (distribution known, ${kept}; the scenario's side made again): ${edit} s`);
  log(steps(again));
  // An edit: the scenario's last modification taken out (a new graph, its station rows searched anew).
  const edits = s.value.modifications.length > 1 ? s.value.modifications.slice(0, -1) : undefined;
  let realEdit: { matrices: number; demand: number } | undefined;
  if (edits) {
    const edited = { ...s.value, modifications: edits };
    t0 = performance.now();
    await analysis.compare({ network: n, networkKey, scenario: edited, period });
    const editMatrices = seconds(t0);
    t0 = performance.now();
    const run = await demand.run({ ...request, scenario: edited });
    realEdit = { matrices: editMatrices, demand: seconds(t0) };
    const last = s.value.modifications.at(-1)!;
    log(
      `an edit (without ${last.type} ${'id' in last ? last.id : ''}): the scenario's accessibility matrices ${realEdit.matrices} s, then demand ${realEdit.demand} s${run.reusedBaseline ? " (the baseline's side kept)" : ''}`,
    );
    log(steps(run));
  }
  t0 = performance.now();
  await demand.run({ ...request, term: 'long' });
  const long = seconds(t0);
  log(`demand, long term (the scenario redistributed at the baseline β): ${long} s`);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  log(`peak resident memory: ${peakMb} MB`);
  const figures = {
    zones: network.zones.length,
    workers,
    matrices,
    firstRun,
    stages,
    firstSteps: first.ms.steps,
    firstSearches: first.stationSearches,
    edit,
    editSteps: again.ms.steps,
    ...(realEdit && { realEdit }),
    long,
    peakMb,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  pool.terminate();
}
