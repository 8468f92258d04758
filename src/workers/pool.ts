import type { Remote } from 'comlink';
import { ScenarioError } from '../domain/issue';
import type { CompactGraph, TripDetail } from '../engine/types';
import { emptyMetricsTable, type MetricContext, type ZoneMetricsTable } from '../metrics/originMetrics';
import { CancelledError, WorkerCrashError } from './errors';
import { copyMetrics } from './metricColumns';
import type {
  BuildRequest,
  BuildResponse,
  GraphStats,
  RoutingApi,
  RowArrays,
  RowField,
  RowsResponse,
} from './protocol';

export interface WorkerHandle {
  api: Remote<RoutingApi>;
  /** Rejects with a WorkerCrashError when the worker dies; never resolves. */
  crashed: Promise<never>;
  /** Ends the worker; what it returns, a promise in Node, settles when the thread is gone. */
  terminate(): unknown;
}

/** Starts one routing worker (browser: a module Web Worker; Node: a worker thread). */
export type WorkerFactory = () => WorkerHandle;

export interface Progress {
  done: number;
  total: number;
}

/** Rows of some of a run's origins, as they come from a worker. */
export interface RowBlock {
  /** Their origin zone indices. */
  origins: Int32Array;
  /** Position of the first of them in the run's origins. */
  offset: number;
  /** The fields asked for, origins × zones each, row-major (float32; see RowField). */
  rows: RowArrays;
}

export interface RowsOptions {
  /** Origin zone indices; default all zones. */
  origins?: Int32Array;
  /** Rows to hand to `onRows` besides the metrics (default none: metrics only). */
  fields?: readonly RowField[];
  /**
   * Receives each block of rows once; the pool keeps none. A returned promise holds that worker's next
   * chunk until it settles (so a slow writer bounds the rows in flight); a rejection fails the run.
   */
  onRows?: (block: RowBlock) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface RowsResult {
  /** Metrics per origin, in the order of the origins asked for. */
  metrics: ZoneMetricsTable;
  /** Sum of worker compute time, ms. */
  computeMs: number;
  /** Searches from a station the workers ran (each is cached per worker and graph). */
  stationSearches: number;
}

export interface PreparedGraph {
  key: string;
  stats: GraphStats;
  zones: number;
}

interface Slot {
  handle: WorkerHandle;
  loaded: Set<string>;
  /** Graphs being sent to this worker: the chunks in its pipeline wait for one copy, not one each. */
  loading: Map<string, Promise<void>>;
  inFlight: number;
  dead: boolean;
  /** Chunks this worker takes first: a contiguous block of origins, so neighbouring zones share its cached station rows. */
  queue: Chunk[];
}

/** One chunk's work on a worker, and what becomes of its result (see RoutingPool.map). */
export interface ChunkJob<R> {
  /** Graphs every chunk needs loaded in its worker. */
  keys: readonly string[];
  /** Run one chunk; `{ cancelled: true }` when the worker skipped it (its generation was cancelled). */
  call(
    api: Remote<RoutingApi>,
    origins: Int32Array,
    generation: number,
    offset: number,
  ): Promise<R | { cancelled: true }>;
  /**
   * Take one chunk's result (chunks finish in any order): `offset` is the position of its first origin in
   * the run's. A returned promise holds that worker's next chunk until it settles; a rejection fails the run.
   */
  accept(result: R, origins: Int32Array, offset: number): void | Promise<void>;
}

export interface MapOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /**
   * Origins per chunk (default: a size that keeps workers busy and progress prompt). Give a size that does
   * not depend on the number of workers where per-chunk results are summed (the same bits on any machine).
   */
  chunkSize?: number;
  /**
   * Chunks leave state in their worker (a partial sum collected after the run): a worker that dies takes
   * it along, so the run fails (WorkerCrashError) instead of retrying the chunk elsewhere.
   */
  stateful?: boolean;
}

/** A finished run: its generation, and the workers that computed its chunks (where a stateful run's state is). */
export interface MapResult {
  generation: number;
  workers: readonly WorkerHandle[];
}

interface Run {
  job: ChunkJob<unknown>;
  generation: number;
  total: number;
  done: number;
  pending: number;
  finished: boolean;
  stateful: boolean;
  handles: Set<WorkerHandle>;
  onProgress?: (p: Progress) => void;
  resolve(result: MapResult): void;
  reject(error: unknown): void;
}

interface Chunk {
  run: Run;
  origins: Int32Array;
  offset: number;
  attempts: number;
}

function isCancelled(r: unknown): r is { cancelled: true } {
  return typeof r === 'object' && r !== null && (r as { cancelled?: unknown }).cancelled === true;
}

/** The calls waiting on each worker, rejected together when it dies. */
const waiting = new WeakMap<WorkerHandle, Set<(e: unknown) => void>>();

/**
 * `call`, or the worker's crash if that comes first. Not Promise.race(call, handle.crashed): every race
 * adds a reaction to the never-settling `crashed` promise, and each keeps its settled race — with its
 * value, a whole block of rows — alive for the life of the worker (10,000 zones: 0.8 GB per matrix run).
 */
function untilCrash<T>(handle: WorkerHandle, call: Promise<T>): Promise<T> {
  let calls = waiting.get(handle);
  if (!calls) {
    const set = new Set<(e: unknown) => void>();
    calls = set;
    waiting.set(handle, set);
    handle.crashed.catch((e: unknown) => {
      for (const reject of set) reject(e);
      set.clear();
    });
  }
  const pending = calls;
  return new Promise<T>((resolve, reject) => {
    pending.add(reject);
    call.then(resolve, reject).finally(() => pending.delete(reject));
  });
}

export interface PoolOptions {
  /**
   * Build each graph in a fresh worker, one build at a time, ended once the graph is built. Building holds
   * the graph as objects — the most memory a run needs (50,000 zones: ~1.3 GB a graph) — and a worker's
   * heap does not shrink at once after it; a build's own worker gives it all back. Meanwhile the routing
   * workers already compute the rows of a graph built before. For large headless runs; the app keeps
   * building in its routing workers (no worker to start on each edit).
   */
  isolatedBuilds?: boolean;
}

/** Origins per chunk: small enough for prompt progress and cancellation, large enough to amortise messages. */
const MAX_CHUNK = 48;
/** Chunks sent ahead to each worker so it never idles waiting for the next. */
const PIPELINE = 2;
/** Graphs kept loaded; the least recently used beyond this are released. */
const KEEP_GRAPHS = 6;

/**
 * A pool of routing workers. Work on a graph is split into chunks of origins and fed to idle workers;
 * progress is reported per chunk; a run is cancelled by its generation id (comlink has no cancel message);
 * a worker that dies is replaced and its chunks retried once, then the run fails with a WorkerCrashError.
 */
export class RoutingPool {
  private readonly slots: Slot[] = [];
  private readonly graphs = new Map<
    string,
    { graph: CompactGraph; context: MetricContext; stats: GraphStats }
  >();
  private readonly runs = new Map<number, Run>();
  private readonly building = new Map<string, Promise<PreparedGraph>>();
  /** With isolated builds, the last build asked for: they run one after another. */
  private lastBuild: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private terminated = false;

  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
    private readonly options: PoolOptions = {},
  ) {
    if (!(size >= 1)) throw new RangeError(`pool size must be at least 1, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot());
  }

  /**
   * Apply the scenario and build and compile the graph in a worker, once per key; other workers receive
   * the compiled arrays when they first need them. Throws ScenarioError when the scenario does not apply.
   */
  prepare(request: BuildRequest): Promise<PreparedGraph> {
    const cached = this.touch(request.key);
    if (cached)
      return Promise.resolve({ key: request.key, stats: cached.stats, zones: cached.graph.zoneCount });
    // The comparison, the isochrone and a trip ask for the same new graph at once: one build serves all.
    let building = this.building.get(request.key);
    if (!building) {
      if (this.options.isolatedBuilds) {
        const previous = this.lastBuild;
        building = previous.then(() => this.buildIsolated(request));
        this.lastBuild = building.catch(() => undefined);
      } else building = this.build(request);
      building = building.finally(() => this.building.delete(request.key));
      this.building.set(request.key, building);
    }
    return building;
  }

  /** Build in a worker of its own, then end it: everything the build held goes back to the system. */
  private async buildIsolated(request: BuildRequest): Promise<PreparedGraph> {
    for (let attempt = 0; ; attempt++) {
      const handle = this.factory();
      try {
        return this.keep(
          request.key,
          await untilCrash(handle, handle.api.build(request) as Promise<BuildResponse>),
        );
      } catch (e) {
        if (!(e instanceof WorkerCrashError) || attempt >= 1 || this.terminated) throw e;
      } finally {
        // Gone before the next build starts, or both builds' memory would count at once.
        await handle.terminate();
      }
    }
  }

  /** Keep a built graph for the workers (loaded into each when it first needs it). */
  private keep(key: string, response: BuildResponse): PreparedGraph {
    if (!response.ok) throw new ScenarioError(response.issues);
    this.graphs.set(key, { graph: response.graph, context: response.context, stats: response.stats });
    this.evict();
    return { key, stats: response.stats, zones: response.graph.zoneCount };
  }

  private async build(request: BuildRequest): Promise<PreparedGraph> {
    // Count the build as work in flight, so concurrent builds (baseline and scenario) go to different workers.
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    slot.inFlight++;
    let response: BuildResponse;
    try {
      response = await this.call<BuildResponse>(
        slot,
        (api) => api.build(request) as Promise<BuildResponse>,
        1,
      );
    } finally {
      slot.inFlight--;
      // Chunks queued while this build held the slot's pipeline wait for it: send them now.
      if (!this.terminated) this.pump();
    }
    const prepared = this.keep(request.key, response);
    slot.loaded.add(request.key);
    return prepared;
  }

  /** A prepared graph's arrays (as the workers have them); undefined when not prepared. */
  graph(key: string): CompactGraph | undefined {
    return this.touch(key)?.graph;
  }

  has(key: string): boolean {
    return this.graphs.has(key);
  }

  /** Metrics (and, streamed to `onRows`, rows) for the origins of graph `key`, computed across the workers. */
  async rows(key: string, options: RowsOptions = {}): Promise<RowsResult> {
    const entry = this.touch(key);
    if (!entry) throw new Error(`graph "${key}" is not prepared`);
    const origins = options.origins ?? Int32Array.from({ length: entry.graph.zoneCount }, (_, k) => k);
    const fields = options.onRows ? (options.fields ?? []) : [];
    const onRows = options.onRows;
    const result: RowsResult = {
      metrics: emptyMetricsTable(origins.length, entry.context.thresholds.length),
      computeMs: 0,
      stationSearches: 0,
    };
    const job: ChunkJob<Extract<RowsResponse, { cancelled: false }>> = {
      keys: [key],
      call: (api, chunk, generation) =>
        api.rows({ key, generation, origins: chunk, fields }) as Promise<RowsResponse>,
      async accept(response, chunk, offset) {
        // Still counted in flight while the consumer writes: this worker gets no new chunk until it is done.
        if (onRows) await onRows({ origins: chunk, offset, rows: response.rows });
        copyMetrics(result.metrics, response.metrics, offset);
        result.computeMs += response.ms;
        result.stationSearches += response.stationSearches;
      },
    };
    const map: MapOptions = {};
    if (options.onProgress) map.onProgress = options.onProgress;
    if (options.signal) map.signal = options.signal;
    await this.map(job, origins, map);
    return result;
  }

  /**
   * Run `job` over `origins` in chunks across the workers (contiguous blocks per worker first, then stolen
   * from the longest queue), with progress and cancellation; resolves with its generation and the workers that took part.
   */
  map<R>(job: ChunkJob<R>, origins: Int32Array, options: MapOptions = {}): Promise<MapResult> {
    for (const key of job.keys)
      if (!this.touch(key)) return Promise.reject(new Error(`graph "${key}" is not prepared`));
    const generation = ++this.generation;
    return new Promise<MapResult>((resolve, reject) => {
      const run: Run = {
        job: job as ChunkJob<unknown>,
        generation,
        total: origins.length,
        done: 0,
        pending: 0,
        finished: false,
        stateful: options.stateful ?? false,
        handles: new Set(),
        resolve,
        reject,
      };
      if (options.onProgress) run.onProgress = options.onProgress;
      this.runs.set(generation, run);
      if (origins.length === 0) return this.finish(run);
      const size =
        options.chunkSize ?? Math.max(1, Math.min(MAX_CHUNK, Math.ceil(origins.length / (this.size * 8))));
      const chunks = Math.ceil(origins.length / size);
      for (let c = 0, offset = 0; offset < origins.length; c++, offset += size) {
        const home = this.slots[Math.floor((c * this.size) / chunks)]!;
        home.queue.push({ run, origins: origins.slice(offset, offset + size), offset, attempts: 0 });
        run.pending++;
      }
      if (options.signal) {
        if (options.signal.aborted) return this.cancel(generation);
        options.signal.addEventListener('abort', () => this.cancel(generation), { once: true });
      }
      run.onProgress?.({ done: 0, total: run.total });
      this.pump();
    });
  }

  /**
   * Call `fn` on each worker of a finished stateful run (to collect what it holds). A worker that has died
   * since took its part along: WorkerCrashError.
   */
  async collect<T>(
    run: MapResult,
    fn: (api: Remote<RoutingApi>, generation: number) => Promise<T>,
  ): Promise<T[]> {
    return Promise.all(
      run.workers.map((handle) => {
        const slot = this.slots.find((s) => s.handle === handle);
        if (!slot || slot.dead)
          return Promise.reject(new WorkerCrashError('a worker holding part of the run has died'));
        return untilCrash(handle, fn(handle.api, run.generation));
      }),
    );
  }

  /** Cancel a run by generation id: queued chunks are dropped, chunks already sent are skipped or ignored. */
  cancel(generation: number): void {
    const run = this.runs.get(generation);
    if (!run || run.finished) return;
    run.finished = true;
    this.runs.delete(generation);
    this.dropChunks(run);
    for (const slot of this.slots) if (!slot.dead) slot.handle.api.cancel(generation).catch(() => {});
    run.reject(new CancelledError());
  }

  /** The generation id the next rows() call will get; lets callers cancel what they started. */
  get latestGeneration(): number {
    return this.generation;
  }

  /** Times from one origin to every zone. */
  async row(key: string, origin: number): Promise<Float64Array> {
    return this.onAnySlot(key, (api) => api.row(key, origin));
  }

  async trip(key: string, origin: number, destination: number): Promise<TripDetail | null> {
    return this.onAnySlot(key, (api) => api.trip(key, origin, destination));
  }

  /**
   * Every live worker lets go of the memory it keeps between demand runs (RoutingApi.releaseDemandMemory);
   * the bytes let go, summed (a worker that has died counts none).
   */
  async releaseDemandMemory(): Promise<number> {
    const live = this.slots.filter((s) => !s.dead);
    const bytes = await Promise.all(
      live.map((s) => untilCrash(s.handle, s.handle.api.releaseDemandMemory()).catch(() => 0)),
    );
    return bytes.reduce((sum, b) => sum + b, 0);
  }

  terminate(): void {
    this.terminated = true;
    for (const run of [...this.runs.values()]) this.cancel(run.generation);
    for (const slot of this.slots) slot.handle.terminate();
  }

  private startSlot(): Slot {
    const slot: Slot = {
      handle: this.factory(),
      loaded: new Set(),
      loading: new Map(),
      inFlight: 0,
      dead: false,
      queue: [],
    };
    this.watch(slot);
    return slot;
  }

  /** Mark the slot dead when its current worker dies (not when a worker it has already replaced does). */
  private watch(slot: Slot): void {
    const handle = slot.handle;
    handle.crashed.catch(() => {
      if (slot.handle === handle) slot.dead = true;
    });
  }

  private replace(slot: Slot): void {
    const old = slot.handle;
    slot.handle = this.factory();
    slot.loaded = new Set();
    slot.loading = new Map();
    slot.dead = false;
    this.watch(slot);
    old.terminate();
  }

  /** Call the worker, racing its death; a dead worker is replaced and the call retried `retries` times. */
  private async call<T>(
    slot: Slot,
    fn: (api: Remote<RoutingApi>) => Promise<T>,
    retries: number,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (slot.dead) this.replace(slot);
      try {
        return await untilCrash(slot.handle, fn(slot.handle.api));
      } catch (e) {
        if (!(e instanceof WorkerCrashError) || attempt >= retries || this.terminated) throw e;
      }
    }
  }

  private async ensureLoaded(slot: Slot, key: string): Promise<void> {
    if (slot.loaded.has(key)) return;
    let loading = slot.loading.get(key);
    if (!loading) {
      const entry = this.graphs.get(key);
      if (!entry) throw new Error(`graph "${key}" was released`);
      const { handle, loaded } = slot;
      const done = untilCrash(handle, handle.api.load(key, entry.graph, entry.context)).then(() => {
        loaded.add(key);
      });
      const forget = () => {
        if (slot.loading.get(key) === done) slot.loading.delete(key);
      };
      done.then(forget, forget);
      slot.loading.set(key, done);
      loading = done;
    }
    await loading;
  }

  private async onAnySlot<T>(key: string, fn: (api: Remote<RoutingApi>) => Promise<T>): Promise<T> {
    if (!this.touch(key)) throw new Error(`graph "${key}" is not prepared`);
    const ready = this.slots.filter((s) => !s.dead && s.loaded.has(key));
    const slot = (ready.length > 0 ? ready : this.slots).reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    return this.call(
      slot,
      async (api) => {
        await this.ensureLoaded(slot, key);
        return fn(api);
      },
      1,
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.inFlight < PIPELINE) {
        const chunk = this.next(slot);
        if (!chunk) break;
        void this.dispatch(slot, chunk);
      }
    }
  }

  /** The slot's own next chunk, or one stolen from the far end of the longest other queue. */
  private next(slot: Slot): Chunk | undefined {
    if (slot.queue.length > 0) return slot.queue.shift();
    const victim = this.slots.reduce((a, b) => (b.queue.length > a.queue.length ? b : a));
    return victim.queue.pop();
  }

  private dropChunks(run: Run): void {
    for (const slot of this.slots) slot.queue = slot.queue.filter((c) => c.run !== run);
  }

  private async dispatch(slot: Slot, chunk: Chunk): Promise<void> {
    const run = chunk.run;
    slot.inFlight++;
    if (slot.dead) this.replace(slot);
    const handle = slot.handle;
    try {
      for (const key of run.job.keys) await this.ensureLoaded(slot, key);
      if (run.finished) return;
      const response = await untilCrash(
        handle,
        run.job.call(handle.api, chunk.origins, run.generation, chunk.offset),
      );
      if (run.finished || isCancelled(response)) return;
      run.handles.add(handle);
      await run.job.accept(response, chunk.origins, chunk.offset);
      if (run.finished) return;
      run.done += chunk.origins.length;
      run.pending--;
      run.onProgress?.({ done: run.done, total: run.total });
      if (run.pending === 0) this.finish(run);
    } catch (e) {
      if (run.finished) return;
      if (e instanceof WorkerCrashError && !this.terminated) {
        if (slot.handle === handle) slot.dead = true;
        chunk.attempts++;
        if (chunk.attempts < 2 && !run.stateful) slot.queue.unshift(chunk);
        else
          this.fail(
            run,
            new WorkerCrashError(
              run.stateful
                ? `a routing worker crashed on origins ${chunk.origins[0]}–${chunk.origins.at(-1)}, taking its part of the run along: ${e.message}`
                : `a routing worker crashed twice on origins ${chunk.origins[0]}–${chunk.origins.at(-1)}: ${e.message}`,
            ),
          );
      } else this.fail(run, e);
    } finally {
      slot.inFlight--;
      if (!this.terminated) this.pump();
    }
  }

  private finish(run: Run): void {
    run.finished = true;
    this.runs.delete(run.generation);
    // A stateful run's part in a worker that died after its chunks is gone too.
    const lost =
      run.stateful && [...run.handles].some((h) => !this.slots.some((s) => s.handle === h && !s.dead));
    if (lost) run.reject(new WorkerCrashError('a worker holding part of the run has died'));
    else run.resolve({ generation: run.generation, workers: [...run.handles] });
  }

  private fail(run: Run, error: unknown): void {
    if (run.finished) return;
    run.finished = true;
    this.runs.delete(run.generation);
    this.dropChunks(run);
    run.reject(error);
  }

  /** Mark a graph as recently used; undefined if it is not prepared. */
  private touch(key: string) {
    const entry = this.graphs.get(key);
    if (entry) {
      this.graphs.delete(key);
      this.graphs.set(key, entry);
    }
    return entry;
  }

  private evict(): void {
    const inUse = new Set([...this.runs.values()].flatMap((r) => r.job.keys));
    for (const key of [...this.graphs.keys()]) {
      if (this.graphs.size <= KEEP_GRAPHS) break;
      if (inUse.has(key)) continue;
      this.graphs.delete(key);
      for (const slot of this.slots) {
        if (slot.loaded.delete(key) && !slot.dead) slot.handle.api.unload(key).catch(() => {});
      }
    }
  }
}
