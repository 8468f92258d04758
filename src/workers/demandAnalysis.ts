import { transfer } from 'comlink';
import { calibrationSteps } from '../demand/calibrate';
import { distributionSteps, type MatrixAnswer, type MatrixAsk, runStepsAsync } from '../demand/gravity';
import { type BetaReport, type DemandReport, demandReport } from '../demand/report';
import { type DemandSetup, demandSetup } from '../demand/setup';
import { RIDER_CLASSES, SOURCE_CLASSES } from '../demand/sources';
import { type CommuteTally, emptyTally, gatherTally, scatterTally, type TallyLayout } from '../demand/tally';
import { applyScenario } from '../domain/applyScenario';
import { resolveAssumptions } from '../domain/assumptions';
import { DEMAND_MODES, type DemandMode } from '../domain/demand';
import type { LocalizedName } from '../domain/names';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { addLoadUnits, emptyLoadUnits, type LoadUnits } from '../engine/railLoads';
import type { CompactGraph } from '../engine/types';
import { type Analysis, type Side, sidesOf } from './analysis';
import type { Progress } from './pool';
import {
  ASSIGN_STEPS,
  type AssignRequest,
  type AssignResponse,
  type AssignStep,
  type CompositeResponse,
  type DemandContext,
  type DistributeResponse,
  type KeptBaseline,
} from './protocol';
import { railAssignment } from './ridership';

/** Short term: the baseline's trips kept (only modes and routes change); long term: redistributed. */
export type DemandTerm = 'short' | 'long';

export interface DemandRequest {
  network: Network;
  /** Identifies the network's content; distributions are cached under it. */
  networkKey: string;
  scenario: Scenario | null;
  period: string;
  term?: DemandTerm;
  onProgress?: (p: DemandProgress) => void;
  signal?: AbortSignal;
  /** District names for the report (e.g. from the boundaries file), by code. */
  districtNames?: ReadonlyMap<string, LocalizedName>;
  /** Stream each side's trips by mode to a consumer (an OMX writer) as the workers compute them. */
  sink?: DemandSink;
}

/** Receives trips by mode, origins × zones (float32), a block of origins at a time; the run keeps none. */
export interface DemandSink {
  write(side: Side, mode: DemandMode, origins: Int32Array, rows: Float32Array): void | Promise<void>;
}

/** Progress through the passes: mode choice (composite costs), the distribution, then the assignment. */
export interface DemandProgress extends Progress {
  stage: 'choice' | 'distribution' | 'assignment';
}

/** One side's assignment: its graph, commute tallies per origin zone, rail loads (fixed point). */
export interface SideDemand {
  key: string;
  graph: CompactGraph;
  tally: CommuteTally;
  loads: LoadUnits;
}

export interface DemandRun {
  /** What results and the app show. */
  report: DemandReport;
  setup: DemandSetup;
  term: DemandTerm;
  /** The baseline's distribution (β calibrated or given); the long term's scenario has its own. */
  distribution: DistributeResponse;
  scenarioDistribution?: DistributeResponse;
  baseline: SideDemand;
  /** Its loads carry SOURCE_CLASSES classes; `sources` is per origin zone × SOURCE_CLASSES. */
  scenario?: SideDemand & { sources: Float64Array };
  /**
   * Milliseconds: worker time per pass (summed over workers; the distribution's is its wall time), pass 3
   * by step (ASSIGN_STEPS, summed over workers), and the wall time of collecting the rail loads.
   */
  ms: {
    choice: number;
    distribution: number;
    assignment: number;
    steps: Record<AssignStep, number>;
    collect: number;
  };
  /**
   * Station rows searched by this run, summed over the workers (passes 1 and 3; none where the workers had
   * them from the matrices): what taking origins in the matrices' order saves, for benchmarks.
   */
  stationSearches: number;
  /** The baseline's side of pass 3 came from the run before (keepBaseline): only the scenario's was made. */
  reusedBaseline: boolean;
}

/**
 * The demand model over the worker pool (DESIGN.md §3.1), one code path for baseline and scenario:
 *   1. mode choice per origin on the baseline graph → composite cost and time matrices (Z×Z float32, held
 *      only until balanced); 2. the distribution, balanced in a worker (β calibrated to the network's
 *      target): cached per network and period, so a scenario edit skips 1–2; a long-term scenario repeats
 *      1–2 on its own graph with the baseline β; 3. per origin again, both sides at once: trips, modes,
 *      tallies and rail loads, collected from the workers at the end (exact fixed-point sums).
 */
export class DemandAnalysis {
  /** Distributions found, by graph and β (finished ones only: a cancelled one leaves nothing). */
  private readonly distributions = new Map<string, Distributed>();

  /** The baseline's side of pass 3 from the last run that made it (keepBaseline): by distribution. */
  private kept: KeptSide | null = null;
  private readonly keepBaseline: boolean;

  /**
   * `keepBaseline`: keep the baseline's side of pass 3 (its tally, rail loads, and every pair's rail riders:
   * float32, zones² × 4 bytes — 89 MB for JJJ) so that short-term runs after it (each edit, in the app) make
   * only the scenario's side. For an engine that runs again; the CLI runs once and does not.
   */
  constructor(
    private readonly analysis: Analysis,
    options: { keepBaseline?: boolean } = {},
  ) {
    this.keepBaseline = options.keepBaseline ?? false;
  }

  /**
   * The planner has left the demand (the Ridership view closed): the workers let go of the memory they keep
   * for the next run (JJJ: 108 MB a worker); the baseline's kept side stays here, so that opening the view
   * again after an edit still makes only the scenario's side. Returns the bytes let go.
   */
  releaseMemory(): Promise<number> {
    return this.analysis.pool.releaseDemandMemory();
  }

  async run(request: DemandRequest): Promise<DemandRun> {
    const { network, period } = request;
    const term = request.term ?? 'short';
    const setup = demandSetup(network, period);
    const context: DemandContext = {
      zonesKey: request.networkKey,
      logit: setup.logit,
      car: setup.car,
    };
    const graphRequest = { network, networkKey: request.networkKey, period };
    const withScenario = sidesOf(request.scenario).length > 1;
    const [baseKey, nextKey] = await Promise.all([
      this.analysis.ensure({ ...graphRequest, scenario: null }),
      withScenario ? this.analysis.ensure({ ...graphRequest, scenario: request.scenario }) : undefined,
    ]);
    request.signal?.throwIfAborted();
    const ms: DemandRun['ms'] = {
      choice: 0,
      distribution: 0,
      assignment: 0,
      steps: Object.fromEntries(ASSIGN_STEPS.map((step) => [step, 0])) as Record<AssignStep, number>,
      collect: 0,
    };
    let stationSearches = 0;
    const onProgress = request.onProgress;

    const distributionFor = async (key: string, start?: Float64Array, betaPerSecond?: number) => {
      const id = `${key}|${betaPerSecond ?? 'calibrated'}`;
      let known = this.distributions.get(id);
      if (!known) {
        known = await this.distribute(key, setup, context, request, betaPerSecond, start);
        stationSearches += known.choiceSearches;
        this.distributions.set(id, known);
        while (this.distributions.size > 8)
          this.distributions.delete(this.distributions.keys().next().value!);
      } else {
        this.distributions.delete(id);
        this.distributions.set(id, known);
      }
      ms.choice += known.choiceMs;
      ms.distribution += known.ms;
      return known;
    };

    const distribution = await distributionFor(baseKey);
    const keptId = `${baseKey}|${distribution.betaPerSecond}`;
    const scenarioDistribution =
      nextKey && term === 'long'
        ? await distributionFor(nextKey, distribution.columnFactor, distribution.betaPerSecond)
        : undefined;
    request.signal?.throwIfAborted();

    // Pass 3: every origin with workers, both sides in the same worker (the sources compare them per OD).
    const origins = this.analysis.order(network).filter((i) => distribution.rowFactor[i]! > 0);
    const z = network.zones.length;
    // A short-term scenario's run after another of the same baseline (an edit) makes the scenario's side only.
    const known =
      term === 'short' && nextKey && !request.sink && this.kept?.id === keptId ? this.kept : undefined;
    const keeping =
      !known && this.keepBaseline && z * z * Float32Array.BYTES_PER_ELEMENT <= KEEP_BASELINE_BYTES
        ? { riders: new Float32Array(z * z), cheapest: new Float64Array(z) }
        : undefined;
    // Another baseline's kept side goes now, not when this run's replaces it: one at a time in memory.
    if (keeping && this.kept?.id !== keptId) this.kept = null;
    const baseTally = known?.tally ?? emptyTally(setup.layout);
    const nextTally = nextKey ? emptyTally(setup.layout) : undefined;
    const sources = nextKey ? new Float64Array(z * SOURCE_CLASSES) : undefined;
    const benefit = nextKey ? new Float64Array(z) : undefined;
    const keys = { baseline: baseKey, ...(nextKey && { scenario: nextKey }) };
    const pool = this.analysis.pool;
    const assigned = await pool.map<Extract<AssignResponse, { cancelled: false }>>(
      {
        keys: Object.values(keys),
        call: (api, chunk, generation) => {
          // The kept side's block is made for this request: moved to the worker, not copied (89 MB a run on JJJ).
          const block = known && keptBlock(known, setup.layout, chunk);
          const assign: AssignRequest = {
            keys,
            generation,
            origins: chunk,
            context,
            attractors: setup.producers.attractors,
            baseline: distribution,
            ...(scenarioDistribution && { scenario: scenarioDistribution }),
            layout: setup.layout,
            ...(request.sink && { tripsByMode: true }),
            ...(block && { baselineKnown: block }),
            ...(keeping && { keepBaseline: true }),
          };
          return api.assign(block ? transfer(assign, keptBuffers(block)) : assign);
        },
        async accept(response, chunk) {
          const sink = request.sink;
          if (sink && response.trips) {
            const n = chunk.length;
            for (const [side, rows] of Object.entries(response.trips) as [Side, Float32Array][])
              for (const [m, mode] of DEMAND_MODES.entries())
                await sink.write(side, mode, chunk, rows.subarray(m * n * z, (m + 1) * n * z));
          }
          ms.assignment += response.ms;
          stationSearches += response.stationSearches;
          ASSIGN_STEPS.forEach((step, k) => {
            ms.steps[step] += response.steps[k]!;
          });
          if (!known) scatterTally(baseTally, response.baseline, chunk);
          const block = response.baselineKept;
          if (keeping && block)
            if (keeping && block) {
              scatterRows(keeping.riders, block.riders, chunk, z);
              scatterRows(keeping.cheapest, block.cheapest, chunk, 1);
            }
          if (nextTally && response.scenario) scatterTally(nextTally, response.scenario, chunk);
          if (benefit && response.benefit) scatterRows(benefit, response.benefit, chunk, 1);
          if (sources && response.sources) scatterRows(sources, response.sources, chunk, SOURCE_CLASSES);
        },
      },
      origins,
      {
        stateful: true,
        ...(request.signal && { signal: request.signal }),
        ...(onProgress && { onProgress: (p: Progress) => onProgress({ ...p, stage: 'assignment' }) }),
      },
    );
    const collecting = performance.now();
    const parts = (await pool.collect(assigned, (api, generation) => api.collect(generation))).filter(
      (p) => p !== null,
    );
    ms.collect = performance.now() - collecting;
    const graphOf = (key: string) => {
      const g = pool.graph(key);
      if (!g) throw new Error(`graph "${key}" was released during the demand run`);
      return g;
    };
    const sum = (which: 'baseline' | 'scenario', graph: CompactGraph, classes: number) => {
      const total = emptyLoadUnits(graph, classes);
      for (const p of parts) addLoadUnits(total, p[which]!);
      return total;
    };
    const baseline = {
      key: baseKey,
      graph: graphOf(baseKey),
      tally: baseTally,
      loads: known?.loads ?? sum('baseline', graphOf(baseKey), 1),
    };
    if (keeping) this.kept = { id: keptId, tally: baseTally, loads: baseline.loads, ...keeping };
    const scenario =
      nextKey && nextTally && sources && benefit
        ? {
            key: nextKey,
            graph: graphOf(nextKey),
            tally: nextTally,
            loads: sum('scenario', graphOf(nextKey), RIDER_CLASSES.length),
            sources,
            benefit,
          }
        : undefined;
    const scenarioNetwork = scenario && request.scenario ? applied(network, request.scenario) : undefined;
    // The report is made on the calling thread (the page's, in the app): in parts, letting the page do its
    // work between them (JJJ: 10–50 ms each, 100–150 ms at once), and a cancel still counts.
    await breather(request.signal);
    const baselineAssignment = railAssignment(baseline.graph, network, baseline.loads);
    await breather(request.signal);
    const scenarioAssignment =
      scenario && scenarioNetwork
        ? railAssignment(scenario.graph, scenarioNetwork, scenario.loads)
        : undefined;
    await breather(request.signal);
    const report = demandReport({
      network,
      ...(scenarioNetwork && { scenarioNetwork }),
      setup,
      term,
      beta: betaReport(network, distribution),
      baseline: { tally: baseTally, assignment: baselineAssignment },
      ...(scenario &&
        scenarioAssignment && {
          scenario: {
            tally: scenario.tally,
            assignment: scenarioAssignment,
            sources: scenario.sources,
            benefit: scenario.benefit,
          },
        }),
      ...(request.districtNames && { districtNames: request.districtNames }),
    });
    const run: DemandRun = {
      report,
      setup,
      term,
      distribution,
      baseline,
      ms,
      stationSearches,
      reusedBaseline: known !== undefined,
    };
    if (scenarioDistribution) run.scenarioDistribution = scenarioDistribution;
    if (scenario) run.scenario = scenario;
    return run;
  }

  /**
   * Passes 1–2 on one graph: composite rows kept in the workers as row blocks, then the distribution
   * balanced over them (β calibrated, or `betaPerSecond` from `start`), one round of messages per step of
   * Furness; the blocks are released however it ends. Blocks are GRAVITY_BLOCKS of the zones whatever the
   * number of workers, and their partial sums are added in block order: the same bits on any machine.
   */
  private async distribute(
    key: string,
    setup: DemandSetup,
    context: DemandContext,
    request: DemandRequest,
    betaPerSecond?: number,
    start?: Float64Array,
  ): Promise<Distributed> {
    const pool = this.analysis.pool;
    const g = setup.gravity;
    const z = g.zoneCount;
    const signal = request.signal;
    const onProgress = request.onProgress;
    let choiceMs = 0;
    let choiceSearches = 0;
    const kept = await pool.map<Extract<CompositeResponse, { cancelled: false }>>(
      {
        keys: [key],
        call: (api, origins, generation, offset) =>
          api.composite({ key, generation, origins, offset, context }),
        accept(response) {
          choiceMs += response.ms;
          choiceSearches += response.stationSearches;
        },
      },
      this.analysis.order(request.network),
      {
        stateful: true,
        chunkSize: Math.max(GRAVITY_BLOCK_MIN, Math.ceil(z / GRAVITY_BLOCKS)),
        ...(signal && { signal }),
        onProgress: (p) => onProgress?.({ ...p, stage: 'choice' }),
      },
    );
    const t0 = performance.now();
    let rounds = 0;
    const beta = setup.beta;
    const population =
      betaPerSecond === undefined && 'calibrate' in beta
        ? (() => {
            const mask = new Uint8Array(z);
            for (let k = 0; k < beta.calibrate.origins.length; k++) mask[beta.calibrate.origins[k]!] = 1;
            return mask;
          })()
        : undefined;
    const answer = async (ask: MatrixAsk): Promise<MatrixAnswer> => {
      signal?.throwIfAborted();
      if (ask.op === 'balanceRows')
        onProgress?.({ stage: 'distribution', done: ++rounds, total: rounds + 1 });
      const parts = await pool.collect(kept, (api, generation) =>
        api.gravity({
          generation,
          ask,
          ...(ask.op === 'deterrence' && { workers: g.workers, attractors: g.attractors }),
          ...(ask.op === 'meanTime' && population && { population }),
        }),
      );
      const blocks = parts.flatMap((p) => p.blocks).sort((a, b) => a.offset - b.offset);
      switch (ask.op) {
        case 'deterrence':
          return undefined;
        case 'balanceRows': {
          const rows = new Float64Array(z);
          const columns = new Float64Array(z);
          for (const b of blocks) {
            const n = b.origins.length;
            for (let k = 0; k < n; k++) rows[b.origins[k]!] = b.values[k]!;
            for (let j = 0; j < z; j++) columns[j] += b.values[n + j]!;
          }
          return { rows, columns };
        }
        case 'meanTime': {
          let weighted = 0;
          let trips = 0;
          for (const b of blocks) {
            weighted += b.values[0]!;
            trips += b.values[1]!;
          }
          return { seconds: trips > 0 ? weighted / trips : Number.NaN, trips };
        }
      }
    };
    try {
      const furness = start ? { start } : {};
      if (betaPerSecond !== undefined || !('calibrate' in beta)) {
        const b = betaPerSecond ?? (beta as { betaPerSecond: number }).betaPerSecond;
        const balance = await runStepsAsync(distributionSteps(g, b, furness), answer);
        return {
          betaPerSecond: b,
          rowFactor: balance.rowFactor,
          columnFactor: balance.columnFactor,
          furnessIterations: balance.iterations,
          rowError: balance.rowError,
          columnError: balance.columnError,
          ms: performance.now() - t0,
          choiceMs,
          choiceSearches,
        };
      }
      const c = await runStepsAsync(
        calibrationSteps(g, beta.calibrate.origins, beta.calibrate.targetSeconds, {
          ...beta.calibrate.options,
          furness,
        }),
        answer,
      );
      return {
        betaPerSecond: c.betaPerSecond,
        rowFactor: c.balance.rowFactor,
        columnFactor: c.balance.columnFactor,
        furnessIterations: c.furnessIterations,
        rowError: c.balance.rowError,
        columnError: c.balance.columnError,
        calibration: {
          targetSeconds: c.targetSeconds,
          meanSeconds: c.meanSeconds,
          relativeError: c.relativeError,
          iterations: c.iterations,
          trace: c.trace,
        },
        ms: performance.now() - t0,
        choiceMs,
        choiceSearches,
      };
    } finally {
      await pool.collect(kept, (api, generation) => api.release(generation)).catch(() => undefined);
    }
  }
}

/** The baseline's side of pass 3 as a run left it (DemandAnalysis keepBaseline). */
interface KeptSide {
  /** The baseline graph and its distribution's β: what the side depends on. */
  id: string;
  tally: CommuteTally;
  loads: LoadUnits;
  /** Rail riders per pair, zones × zones (ridersAt: float32). */
  riders: Float32Array;
  /** Each origin's cheapest composite cost to a zone with jobs. */
  cheapest: Float64Array;
}

/** The largest kept side (the riders matrix): 256 MB, about 8,000 zones. */
const KEEP_BASELINE_BYTES = 256 * 2 ** 20;

/** The kept side of a chunk of origins, as a worker takes it (origins[k] at row k). */
function keptBlock(kept: KeptSide, layout: TallyLayout, origins: Int32Array): KeptBaseline {
  const z = layout.zoneCount;
  const riders = new Float32Array(origins.length * z);
  origins.forEach((i, k) => {
    riders.set(kept.riders.subarray(i * z, (i + 1) * z), k * z);
  });
  return {
    riders,
    cheapest: Float64Array.from(origins, (i) => kept.cheapest[i]!),
    tally: gatherTally(kept.tally, layout, origins),
  };
}

/** A chunk's rows (origins[k] at row k, `width` values each) into the whole array, at row origins[k]. */
function scatterRows(
  into: Float32Array | Float64Array,
  rows: Float32Array | Float64Array,
  origins: ArrayLike<number>,
  width: number,
): void {
  for (let k = 0; k < origins.length; k++)
    into.set(rows.subarray(k * width, (k + 1) * width), origins[k]! * width);
}

/** The buffers of a kept block, which the block alone holds. */
function keptBuffers(block: KeptBaseline): ArrayBuffer[] {
  const arrays = [block.riders, block.cheapest, ...Object.values(block.tally)].filter(ArrayBuffer.isView);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** A turn of the event loop for whatever waits (input, drawing), then go on unless cancelled meanwhile. */
async function breather(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}

/** A distribution as made here: with the worker time and station searches its mode choice took. */
type Distributed = DistributeResponse & { choiceMs: number; choiceSearches: number };

/** Row blocks of the distribution's matrices: about this many, of at least GRAVITY_BLOCK_MIN zones. */
const GRAVITY_BLOCKS = 32;
const GRAVITY_BLOCK_MIN = 64;

/** The network a scenario makes (it applied in the workers already, so it applies here). */
function applied(network: Network, scenario: Scenario): Network {
  const result = applyScenario(network, scenario);
  if (!result.ok)
    throw new Error(`the scenario no longer applies: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.network;
}

function betaReport(network: Network, d: DistributeResponse): BetaReport {
  const out: BetaReport = {
    perMinute: d.betaPerSecond * 60,
    calibrated: d.calibration !== undefined,
    furnessIterations: d.furnessIterations,
    rowError: d.rowError,
    columnError: d.columnError,
  };
  const c = d.calibration;
  const target = resolveAssumptions(network.assumptions).demand.calibration;
  if (c && target) {
    out.targetMinutes = c.targetSeconds / 60;
    out.meanMinutes = c.meanSeconds / 60;
    out.relativeError = c.relativeError;
    out.evaluations = c.iterations;
    out.region = target.region;
    out.source = target.source;
  }
  return out;
}
