import { transfer } from 'comlink';
import { perceivedSecondsSaved } from '../demand/benefit';
import { EXP_CONSTANTS } from '../demand/exp';
import { deterrenceAt } from '../demand/gravity';
import { ChangedPairs } from '../demand/kernels/changes';
import { LogitKernel } from '../demand/kernels/logit';
import { RowMatrix } from '../demand/kernels/rowMatrix';
import { RiderClassesKernel } from '../demand/kernels/sources';
import { TallyKernel } from '../demand/kernels/tally';
import { KernelWorkspace } from '../demand/kernels/workspace';
import { LOG_CONSTANTS } from '../demand/log';
import { RIDER_CLASSES, ridersRow, SOURCE_CLASSES } from '../demand/sources';
import { copyTallyRow, emptyTally } from '../demand/tally';
import { DEMAND_MODES } from '../domain/demand';
import { MemoryPool } from '../engine/kernels/memoryPool';
import { RailLoads } from '../engine/railLoads';
import type { Router } from '../engine/router';
import type { StationRows } from '../engine/stationRows';
import type { CompactGraph } from '../engine/types';
import { ModeRowSource } from './modeRows';
import {
  ASSIGN_STEPS,
  type AssignRequest,
  type AssignResponse,
  type AssignStep,
  type CollectResponse,
  type CompositeRequest,
  type CompositeResponse,
  type DistributionFactors,
  type GravityRequest,
  type GravityResponse,
  type KeptBaseline,
} from './protocol';

/**
 * Rows of the kernels' workspace a request takes at most, in rows of zoneCount f64: the logit's scratch
 * (17, and its list: ½), two sources' options (10 each, 12 with bus routes, and their trips' modes: ⅛
 * each), the surface kernel's geometry and metres (6), two sides' expected times, shares and trips (14),
 * the rider classes (6) and their kept riders (½), the changed pairs' list (½), the tally's districts and
 * regions (under 1): under 72 with bus routes. The rest is room: a kernel that asks for more than there is
 * says so (RangeError), so a test on a network with bus routes would fail first.
 */
const WORKSPACE_ROWS = 96;
/**
 * Besides rows: the logit's constants, the surface kernel's entries of an origin (49 values) and the tally
 * kernel's sums (29 and one per region), with room.
 */
const KERNEL_CONSTANT_BYTES = EXP_CONSTANTS.byteLength + LOG_CONSTANTS.byteLength + 8 * 256;

/** Each step's index in AssignResponse.steps. */
const STEP = Object.fromEntries(ASSIGN_STEPS.map((name, k) => [name, k])) as Record<AssignStep, number>;

/**
 * A worker's kernels for one zone count: the workspace (a request's rows), the logit, a one-row matrix per
 * side of pass 3 (its composite costs, from which the deterrence kernel makes trips), and the kernels of a
 * scenario's changed pairs and rider classes.
 */
interface Kernels {
  workspace: KernelWorkspace;
  logit: LogitKernel;
  oneRow: [RowMatrix, RowMatrix];
  changes: ChangedPairs;
  riderClasses: RiderClassesKernel;
}

/** What the demand work needs of a graph loaded in this worker. */
export interface LoadedGraph {
  graph: CompactGraph;
  router: Router;
  rows: StationRows;
}

/**
 * The demand model's passes in a routing worker (DESIGN.md §3.1): composite rows per origin (pass 1),
 * balancing a distribution (pass 2, no graph), and trips, modes, tallies and rail loads per origin (pass 3).
 * Pass 3 recomputes each origin's composite row exactly as pass 1 stored it (float32), so its trips are the
 * distribution's without shipping the matrix; its rail loads stay here per generation until collected.
 */
export function createDemandWork(get: (key: string) => LoadedGraph, cancelled: Set<number>) {
  const loads = new Map<number, { baseline: RailLoads; scenario?: RailLoads }>();
  /**
   * The scenario's rail loads' memory, used again run after run (six classes: 108 MB a worker on JJJ):
   * new pages each time would each be written first at the cost of a page fault. Let go after
   * LOAD_MEMORY_IDLE_MS without a run (a long pause), or at once when asked (the planner has left the
   * Ridership view: releaseDemandMemory).
   */
  const loadMemories = new MemoryPool(1, LOAD_MEMORY_IDLE_MS);
  /**
   * The kernels' workspace and the logit over whole rows, one per zone count: a request's rows (options,
   * shares) are made in the workspace, where the kernels read and write them, and given back at its end.
   */
  let kernels: Kernels | undefined;
  const kernelsOver = (z: number) => {
    if (kernels?.workspace.zoneCount !== z) {
      const workspace = new KernelWorkspace(z, WORKSPACE_ROWS, KERNEL_CONSTANT_BYTES);
      kernels = {
        workspace,
        logit: new LogitKernel(z, workspace),
        oneRow: [new RowMatrix(1, z), new RowMatrix(1, z)],
        changes: new ChangedPairs(workspace),
        riderClasses: new RiderClassesKernel(workspace),
      };
    }
    return kernels;
  };
  /** `work` with rows of the workspace, given back after it. */
  const withRows = <T>(z: number, work: (k: Kernels) => T): T => {
    const k = kernelsOver(z);
    const mark = k.workspace.mark();
    try {
      return work(k);
    } finally {
      k.workspace.release(mark);
    }
  };
  /** Row blocks of composite matrices kept for a distribution, by generation, in offset order. */
  const blocks = new Map<number, { offset: number; origins: Int32Array; matrix: RowMatrix }[]>();

  /** Pass 3 over a request's origins, its rows in the kernels' workspace. */
  const assignOrigins = (
    request: AssignRequest,
    { workspace, logit: wholeLogit, oneRow, changes, riderClasses }: Kernels,
  ): AssignResponse => {
    const t0 = performance.now();
    const { context, layout, attractors } = request;
    const base = get(request.keys.baseline);
    const next = request.keys.scenario !== undefined ? get(request.keys.scenario) : undefined;
    const searches = () => base.rows.searches + (next && next.rows !== base.rows ? next.rows.searches : 0);
    const searched = searches();
    const z = base.graph.zoneCount;
    const n = request.origins.length;
    const known = request.baselineKnown;
    if (known && (request.scenario || request.tripsByMode || !next))
      throw new Error('a known baseline serves a short-term scenario without trips by mode only');
    let held = loads.get(request.generation);
    if (!held) {
      held = { baseline: new RailLoads(base.router, base.rows, 1, { pool: loadMemories }) };
      if (next)
        held.scenario = new RailLoads(next.router, next.rows, RIDER_CLASSES.length, { pool: loadMemories });
      loads.set(request.generation, held);
    }
    const side = (g: LoadedGraph, matrix: RowMatrix, surface?: ModeRowSource) => ({
      source: new ModeRowSource(g.graph, g.rows, context, surface, workspace),
      // A one-row matrix: the logit writes its composite costs where the deterrence kernel reads them.
      matrix,
      composite: matrix.cost,
      expected: workspace.row(),
      shares: DEMAND_MODES.map(() => workspace.row()),
      trips: workspace.row(),
    });
    const tally = new TallyKernel(workspace, layout);
    const before = side(base, oneRow[0]);
    const after = next ? side(next, oneRow[1], before.source) : undefined;
    // The changed pairs' list in the workspace, where the logit kernel reads it.
    const changed = workspace.int32(z);
    const ridersScratch = new Float32Array(z);
    const classes = RIDER_CLASSES.map(() => workspace.row());
    const response = {
      cancelled: false as const,
      baseline: known?.tally ?? emptyTally(layout, n),
      ...(after && {
        scenario: emptyTally(layout, n),
        sources: new Float64Array(n * SOURCE_CLASSES),
        benefit: new Float64Array(n),
      }),
      ms: 0,
    };
    const kept: KeptBaseline | undefined =
      request.keepBaseline && !known
        ? { riders: new Float32Array(n * z), cheapest: new Float64Array(n), tally: response.baseline }
        : undefined;
    const logit = context.logit;
    const modes = DEMAND_MODES.length;
    const byMode = request.tripsByMode
      ? {
          baseline: new Float32Array(modes * n * z),
          ...(after && { scenario: new Float32Array(modes * n * z) }),
        }
      : undefined;
    /** Origin k's trips by mode into its rows of `out`. */
    const keep = (out: Float32Array | undefined, k: number, trips: Float64Array, shares: Float64Array[]) => {
      if (!out) return;
      for (let m = 0; m < modes; m++) {
        const row = out.subarray((m * n + k) * z, (m * n + k + 1) * z);
        const share = shares[m]!;
        for (let j = 0; j < z; j++) row[j] = trips[j]! * share[j]!;
      }
    };
    const b = request.baseline.columnFactor;
    const beta = request.baseline.betaPerSecond;
    // Where the time goes, step by step (a clock read per step and origin: nothing next to the steps).
    const steps = new Float64Array(ASSIGN_STEPS.length);
    let clock = 0;
    const lap = (step: number) => {
      const now = performance.now();
      steps[step]! += now - clock;
      clock = now;
    };

    for (let k = 0; k < n; k++) {
      const i = request.origins[k]!;
      const a = request.baseline.rowFactor[i]!;
      if (!(a > 0)) continue;
      clock = performance.now();
      // Knowing the baseline's side, its other options are needed at the scenario's changed pairs only.
      if (known) before.source.trips(i);
      const m0 = known ? before.source.rows : before.source.fill(i);
      lap(STEP.baselineOptions);
      // The baseline's rail riders of this origin: kept from an earlier run, or made (and kept) now.
      let riders0: Float32Array;
      let cheapest: number;
      if (known) {
        riders0 = known.riders.subarray(k * z, (k + 1) * z);
        cheapest = known.cheapest[k]!;
      } else {
        wholeLogit.choose(m0.cost, m0.time, logit, {
          composite: before.composite,
          expectedTime: before.expected,
          shares: before.shares,
        });
        lap(STEP.baselineChoice);
        cheapest = tripsOf(before.matrix, attractors, request.baseline, i, before.trips);
        tally.origin(response.baseline, i, before.trips, m0.time, before.shares, k);
        lap(STEP.baselineTally);
        keep(byMode?.baseline, k, before.trips, before.shares);
        riders0 = kept ? kept.riders.subarray(k * z, (k + 1) * z) : ridersScratch;
        ridersRow(before, riders0);
        if (kept) kept.cheapest[k] = cheapest;
        held.baseline.addByLink(before.source.railLink, [riders0]);
        lap(STEP.baselineLoads);
      }
      if (!after || !response.scenario) continue;
      // The scenario's options differ from the baseline's where its trips through stations do: choose
      // again there only.
      if (known) after.source.trips(i);
      const m1 = known ? after.source.rows : after.source.fill(i);
      lap(STEP.scenarioOptions);
      const count = changes.find(
        before.source.station,
        after.source.station,
        before.source.busRoutes || after.source.busRoutes,
        changed,
      );
      const only = { list: changed, count };
      lap(STEP.changes);
      const was = { composite: before.composite, expectedTime: before.expected, shares: before.shares };
      const out = { composite: after.composite, expectedTime: after.expected, shares: after.shares };
      if (known) {
        // The baseline at the changed pairs only, as the whole row would have it (the trips: tripsOf's).
        before.source.surface(i, only);
        before.source.options(only);
        after.source.options(only);
        lap(STEP.baselineOptions);
        wholeLogit.chooseList(m0.cost, m0.time, logit, was, changed, count);
        lap(STEP.baselineChoice);
        for (let q = 0; q < count; q++) {
          const j = changed[q]!;
          before.trips[j] =
            attractors[j]! > 0 ? a * b[j]! * deterrenceAt(before.composite[j]!, cheapest, beta) : 0;
        }
        lap(STEP.baselineTally);
      }
      // The long term redistributes every pair, so it needs the scenario's whole rows: the baseline's, then
      // chosen again where rail changed. The short term reads the scenario's rows at the changed pairs only.
      if (request.scenario) {
        after.composite.set(before.composite);
        after.expected.set(before.expected);
        for (let m = 0; m < modes; m++) after.shares[m]!.set(before.shares[m]!);
      }
      wholeLogit.chooseList(m1.cost, m1.time, logit, out, changed, count);
      lap(STEP.scenarioChoice);
      if (request.scenario) {
        tripsOf(after.matrix, attractors, request.scenario, i, after.trips);
        tally.origin(response.scenario, i, after.trips, m1.time, after.shares, k);
      } else {
        // The same trips; the tally moves only where the modes did.
        for (let q = 0; q < count; q++) after.trips[changed[q]!] = before.trips[changed[q]!]!;
        copyTallyRow(response.baseline, k, response.scenario, k);
        tally.change(
          response.scenario,
          k,
          before.trips,
          { time: m0.time, shares: before.shares },
          { time: m1.time, shares: after.shares },
          changed,
          count,
        );
      }
      response.benefit![k] = perceivedSecondsSaved(before, after, changed, count);
      lap(STEP.scenarioTally);
      riderClasses.rows(
        before,
        after,
        classes,
        response.sources!.subarray(k * SOURCE_CLASSES, (k + 1) * SOURCE_CLASSES),
        request.scenario ? undefined : { riders: riders0, changed, count },
      );
      lap(STEP.riderClasses);
      if (byMode?.scenario && !request.scenario) {
        // Trips by mode want the whole rows: the baseline's where nothing changed.
        after.trips.set(before.trips);
        for (let m = 0; m < modes; m++) {
          const s1 = after.shares[m]!;
          const s0 = before.shares[m]!;
          let q = 0;
          for (let j = 0; j < z; j++) {
            if (q < count && changed[q] === j) q++;
            else s1[j] = s0[j]!;
          }
        }
      }
      held.scenario!.addByLink(after.source.railLink, classes, request.scenario ? undefined : only);
      keep(byMode?.scenario, k, after.trips, after.shares);
      lap(STEP.scenarioLoads);
    }
    response.ms = performance.now() - t0;
    const result: AssignResponse = {
      ...response,
      ...(byMode && { trips: byMode }),
      ...(kept && { baselineKept: kept }),
      steps,
      stationSearches: searches() - searched,
    };
    const buffers = [response.baseline, response.scenario]
      .flatMap((t) => (t ? Object.values(t).filter((v) => v instanceof Float64Array) : []))
      .map((a) => (a as Float64Array).buffer as ArrayBuffer);
    if (response.sources) buffers.push(response.sources.buffer as ArrayBuffer);
    if (response.benefit) buffers.push(response.benefit.buffer as ArrayBuffer);
    if (byMode) for (const a of Object.values(byMode)) buffers.push(a.buffer as ArrayBuffer);
    if (kept) buffers.push(kept.riders.buffer as ArrayBuffer, kept.cheapest.buffer as ArrayBuffer);
    buffers.push(steps.buffer as ArrayBuffer);
    return transfer(result, buffers);
  };

  return {
    async composite(request: CompositeRequest): Promise<CompositeResponse> {
      if (cancelled.has(request.generation)) return { cancelled: true };
      const t0 = performance.now();
      const { graph, rows } = get(request.key);
      const searched = rows.searches;
      const z = graph.zoneCount;
      const n = request.origins.length;
      // The composite costs go straight into the block's kernel memory, where the deterrence is made from them.
      const matrix = new RowMatrix(n, z, { times: true });
      const cost = matrix.cost;
      const time = matrix.time;
      withRows(z, ({ workspace, logit }) => {
        const source = new ModeRowSource(graph, rows, request.context, undefined, workspace);
        for (let k = 0; k < n; k++) {
          const m = source.fill(request.origins[k]!);
          logit.choose(m.cost, m.time, request.context.logit, {
            composite: cost.subarray(k * z, (k + 1) * z),
            expectedTime: time.subarray(k * z, (k + 1) * z),
          });
        }
      });
      let held = blocks.get(request.generation);
      if (!held) {
        held = [];
        blocks.set(request.generation, held);
      }
      held.push({
        offset: request.offset,
        origins: request.origins,
        matrix,
      });
      held.sort((a, b) => a.offset - b.offset);
      return { cancelled: false, ms: performance.now() - t0, stationSearches: rows.searches - searched };
    },

    async gravity(request: GravityRequest): Promise<GravityResponse> {
      const t0 = performance.now();
      const held = blocks.get(request.generation) ?? [];
      const ask = request.ask;
      const out = held.map((b) => {
        const n = b.origins.length;
        const z = b.matrix.zoneCount;
        let values: Float64Array;
        switch (ask.op) {
          case 'deterrence': {
            const workers = Float64Array.from(b.origins, (i) => request.workers![i]!);
            b.matrix.deterrence(request.attractors!, workers, ask.betaPerSecond);
            values = new Float64Array(0);
            break;
          }
          case 'balanceRows': {
            // A block's rows first, then its part of every column sum.
            values = new Float64Array(n + z);
            const workers = Float64Array.from(b.origins, (i) => ask.workers[i]!);
            b.matrix.balanceRows(ask.columnFactor, workers, values.subarray(0, n), values.subarray(n));
            break;
          }
          case 'meanTime': {
            const rows: number[] = [];
            b.origins.forEach((i, k) => {
              if (request.population![i]) rows.push(k);
            });
            const a = Float64Array.from(b.origins, (i) => ask.rowFactor[i]!);
            const m = b.matrix.timeSums(ask.columnFactor, rows, a);
            values = Float64Array.of(m.weighted, m.trips);
            break;
          }
        }
        return { offset: b.offset, origins: b.origins, values };
      });
      const response: GravityResponse = { blocks: out, ms: performance.now() - t0 };
      return transfer(
        response,
        out.map((b) => b.values.buffer as ArrayBuffer),
      );
    },

    async release(generation: number): Promise<void> {
      blocks.delete(generation);
    },

    async assign(request: AssignRequest): Promise<AssignResponse> {
      if (cancelled.has(request.generation)) return { cancelled: true };
      return withRows(get(request.keys.baseline).graph.zoneCount, (k) => assignOrigins(request, k));
    },

    async collect(generation: number): Promise<CollectResponse | null> {
      const held = loads.get(generation);
      loads.delete(generation);
      if (!held) return null;
      const baseline = held.baseline.units();
      const scenario = held.scenario?.units();
      release(held);
      const response: CollectResponse = { baseline, ...(scenario && { scenario }) };
      const buffers = [baseline, scenario].flatMap((u) =>
        u ? [u.edge.buffer, u.access.buffer, u.egress.buffer].map((b) => b as ArrayBuffer) : [],
      );
      return transfer(response, buffers);
    },

    async releaseDemandMemory(): Promise<number> {
      return loadMemories.clear();
    },

    /** Drop what a cancelled run left here. */
    forget(generation: number): void {
      const held = loads.get(generation);
      if (held) release(held);
      loads.delete(generation);
      blocks.delete(generation);
    },
  };
}

/**
 * A generation's rail loads' memories back to the pool: the baseline's first, so that the scenario's (six
 * classes, the large one) is the last given back, the one the pool keeps.
 */
function release(held: { baseline: RailLoads; scenario?: RailLoads }): void {
  held.baseline.release();
  held.scenario?.release();
}

/** How long a worker keeps its rail loads' memory for the next run. */
const LOAD_MEMORY_IDLE_MS = 5 * 60_000;

/**
 * Origin i's trips T_ij = a_i b_j F_ij from its composite row (as stored: float32; the costs of the one-row
 * `matrix`), as the distribution has them — F by the deterrence kernel, deterrenceRow's bits; returns the
 * row's m (gravity.ts deterrenceRow), with which deterrenceAt gives any one cell again.
 */
function tripsOf(
  matrix: RowMatrix,
  attractors: Float64Array,
  f: DistributionFactors,
  i: number,
  out: Float64Array,
): number {
  const a = f.rowFactor[i]!;
  if (!(a > 0)) {
    out.fill(0);
    return 0;
  }
  return matrix.trips(attractors, f.betaPerSecond, a, f.columnFactor, out);
}
