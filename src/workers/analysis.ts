import { resolveAssumptions } from '../domain/assumptions';
import type { Network } from '../domain/network';
import { coreZoneIds } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { TripDetail } from '../engine/types';
import { ENGINE_VERSION } from '../engine/version';
import { canonicalJson, shortHash } from '../io/canonical';
import type { AreaUnit } from '../metrics/districts';
import { buildReport, type ComparisonReport } from '../metrics/report';
import type { ZoneWeights } from '../metrics/summary';
import type { Progress, RoutingPool, RowsResult } from './pool';
import type { GraphStats, ModelNetwork } from './protocol';

export interface CompareRequest {
  network: Network;
  /** Identifies this network's content (e.g. its checksum); graphs are cached under it. */
  networkKey: string;
  /** null: the baseline alone. */
  scenario: Scenario | null;
  period: string;
  /** Keep the full travel-time matrix (origins × zones). */
  matrix?: boolean;
  /** Districts and subdistricts to break the figures down by (areaUnits). */
  areas?: readonly AreaUnit[];
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export type IsochroneRequest = Omit<CompareRequest, 'matrix' | 'areas' | 'onProgress'>;

/** Isochrone rows kept (a JJJ row is 38 kB): enough for the zones hovered and clicked in a while. */
const ISOCHRONE_ROWS = 128;

export interface ScenarioRun {
  key: string;
  rows: RowsResult;
  stats: GraphStats;
}

export interface Comparison {
  report: ComparisonReport;
  /** The engine that computed it, for the results file. */
  engineVersion: string;
  baseline: ScenarioRun;
  scenario?: ScenarioRun;
}

const scenarioKeys = new WeakMap<Scenario, string>();

/** Only what changes results: enabled modifications, in order, without ids, names or notes. */
export function scenarioKey(scenario: Scenario | null): string {
  if (!scenario) return 'baseline';
  // Asked for on every hovered zone and click (row ids): hashed once per scenario object (edits make new ones).
  let key = scenarioKeys.get(scenario);
  if (key === undefined) {
    const mods = scenario.modifications
      .filter((m) => m.enabled !== false)
      .map(({ id: _i, note: _n, enabled: _e, ...m }) => m);
    key = mods.length === 0 ? 'baseline' : `s-${shortHash(canonicalJson(mods))}`;
    scenarioKeys.set(scenario, key);
  }
  return key;
}

/**
 * Baseline and scenario through one code path: a scenario is a key, the baseline is the empty scenario.
 * Graphs are built in workers; baseline rows are cached, so switching scenarios computes only the scenario.
 */
export class Analysis {
  private readonly modelNetworks = new WeakMap<Network, ModelNetwork>();
  private readonly orders = new WeakMap<Network, Int32Array>();
  private readonly rowsCache = new Map<string, { rows: RowsResult; stats: GraphStats }>();
  private readonly isochrones = new Map<string, Float64Array | Promise<Float64Array>>();

  constructor(readonly pool: RoutingPool) {}

  graphKey(networkKey: string, scenario: Scenario | null, period: string): string {
    return `${networkKey}|${scenarioKey(scenario)}|${period}`;
  }

  async compare(request: CompareRequest): Promise<Comparison> {
    const { network } = request;
    const scenarios =
      request.scenario && scenarioKey(request.scenario) !== 'baseline' ? [null, request.scenario] : [null];
    const progress = scenarios.map(() => ({ done: 0, total: network.zones.length }));
    const report = () =>
      request.onProgress?.({
        done: progress.reduce((s, p) => s + p.done, 0),
        total: progress.reduce((s, p) => s + p.total, 0),
      });
    const runs = await Promise.all(
      scenarios.map((scenario, k) =>
        this.run(request, scenario, (p) => {
          progress[k] = p;
          report();
        }),
      ),
    );
    const a = resolveAssumptions(network.assumptions);
    const weights: ZoneWeights = {
      population: Float64Array.from(network.zones, (z) => z.population),
      jobs: Float64Array.from(network.zones, (z) => z.jobs),
    };
    const options = {
      capSeconds: a.metrics.timeCapMinutes * 60,
      circleSeconds: a.metrics.commuteCircleMinutes * 60,
      hasCore: coreZoneIds(network).length > 0,
    };
    const [baseline, scenario] = runs as [ScenarioRun, ScenarioRun | undefined];
    const comparison: Comparison = {
      report: buildReport(weights, options, baseline.rows.metrics, scenario?.rows.metrics, request.areas),
      engineVersion: ENGINE_VERSION,
      baseline,
    };
    if (scenario) comparison.scenario = scenario;
    return comparison;
  }

  /** Build (once) and compute one scenario's rows; a cancelled or failed run leaves nothing cached. */
  async run(
    request: CompareRequest,
    scenario: Scenario | null,
    onProgress?: (p: Progress) => void,
  ): Promise<ScenarioRun> {
    const key = this.graphKey(request.networkKey, scenario, request.period);
    const cached = request.matrix ? undefined : this.rowsCache.get(key);
    if (cached) {
      onProgress?.({ done: request.network.zones.length, total: request.network.zones.length });
      return { key, ...cached };
    }
    const prepared = await this.pool.prepare({
      key,
      network: this.model(request.network),
      scenario,
      period: request.period,
    });
    request.signal?.throwIfAborted();
    const order = this.order(request.network);
    const options: Parameters<RoutingPool['rows']>[1] = { times: request.matrix === true, origins: order };
    if (onProgress) options.onProgress = onProgress;
    if (request.signal) options.signal = request.signal;
    const rows = inZoneOrder(await this.pool.rows(key, options), order, request.network.zones.length);
    if (!request.matrix) {
      this.rowsCache.set(key, { rows, stats: prepared.stats });
      while (this.rowsCache.size > 8) this.rowsCache.delete(this.rowsCache.keys().next().value!);
    }
    return { key, rows, stats: prepared.stats };
  }

  /**
   * Times from one zone to all zones under a scenario (the graph is built if needed). Rows are kept (the
   * last ISOCHRONE_ROWS), and a row already asked for is not asked again; callers must not modify them.
   */
  isochrone(request: IsochroneRequest, origin: number): Promise<Float64Array> {
    const id = this.rowId(request, origin);
    const known = this.isochrones.get(id);
    if (known) {
      this.isochrones.delete(id);
      this.isochrones.set(id, known);
      return Promise.resolve(known);
    }
    const asked = (async () => {
      const key = await this.ensure(request);
      return this.pool.row(key, origin);
    })();
    this.isochrones.set(id, asked);
    asked.then(
      (row) => {
        if (this.isochrones.get(id) === asked) this.isochrones.set(id, row);
        while (this.isochrones.size > ISOCHRONE_ROWS)
          this.isochrones.delete(this.isochrones.keys().next().value!);
      },
      () => {
        if (this.isochrones.get(id) === asked) this.isochrones.delete(id);
      },
    );
    return asked;
  }

  /** A row computed before, at once (so a click on a zone hovered a moment ago paints in the same frame). */
  knownIsochrone(request: IsochroneRequest, origin: number): Float64Array | undefined {
    const known = this.isochrones.get(this.rowId(request, origin));
    return known instanceof Float64Array ? known : undefined;
  }

  /** Ask for a row ahead of a click, on a graph the workers already hold (never starts a build). */
  prefetchIsochrone(request: IsochroneRequest, origin: number): void {
    const key = this.graphKey(request.networkKey, request.scenario, request.period);
    if (this.pool.has(key)) this.isochrone(request, origin).catch(() => undefined);
  }

  private rowId(request: IsochroneRequest, origin: number): string {
    return `${this.graphKey(request.networkKey, request.scenario, request.period)}#${origin}`;
  }

  async trip(request: IsochroneRequest, origin: number, destination: number): Promise<TripDetail | null> {
    const key = await this.ensure(request);
    return this.pool.trip(key, origin, destination);
  }

  private async ensure(request: IsochroneRequest): Promise<string> {
    const key = this.graphKey(request.networkKey, request.scenario, request.period);
    if (!this.pool.has(key)) {
      await this.pool.prepare({
        key,
        network: this.model(request.network),
        scenario: request.scenario,
        period: request.period,
      });
    }
    return key;
  }

  private order(network: Network): Int32Array {
    let order = this.orders.get(network);
    if (!order) {
      order = spatialOrder(network.zones.map((z) => z.centroid));
      this.orders.set(network, order);
    }
    return order;
  }

  /** The network without zone geometry: workers route between centroids, and the copy is much smaller. */
  private model(network: Network): ModelNetwork {
    let model = this.modelNetworks.get(network);
    if (!model) {
      model = { ...network, zones: network.zones.map(({ geometry: _g, ...z }) => z) };
      this.modelNetworks.set(network, model);
    }
    return model;
  }
}

/**
 * Zone indices along a Z-order (Morton) curve of their centroids. Workers take contiguous blocks of this
 * order, so each computes rows for zones near one another, which share access stations and so the
 * station rows cached in that worker.
 */
export function spatialOrder(points: readonly [number, number][]): Int32Array {
  if (points.length === 0) return new Int32Array(0);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (v: number, lo: number, hi: number) =>
    hi > lo ? Math.min(65535, Math.floor(((v - lo) / (hi - lo)) * 65536)) : 0;
  const spread = (v: number) => {
    let x = v & 0xffff;
    x = (x | (x << 8)) & 0x00ff00ff;
    x = (x | (x << 4)) & 0x0f0f0f0f;
    x = (x | (x << 2)) & 0x33333333;
    x = (x | (x << 1)) & 0x55555555;
    return x >>> 0;
  };
  const codes = points.map((p) => spread(scale(p[0], x0, x1)) + 2 * spread(scale(p[1], y0, y1)));
  return Int32Array.from(points.map((_, k) => k).sort((a, b) => codes[a]! - codes[b]! || a - b));
}

/** Rows computed in `order` put back in zone order. */
function inZoneOrder(rows: RowsResult, order: Int32Array, zones: number): RowsResult {
  const m = rows.metrics;
  const scatter = (a: Float64Array) => {
    const out = new Float64Array(a.length);
    order.forEach((z, k) => {
      out[z] = a[k]!;
    });
    return out;
  };
  const result: RowsResult = {
    metrics: {
      timeToCore: scatter(m.timeToCore),
      meanTimeToJobs: scatter(m.meanTimeToJobs),
      jobsWithin: m.jobsWithin.map(scatter),
    },
    computeMs: rows.computeMs,
    stationSearches: rows.stationSearches,
  };
  if (rows.times) {
    const times = new Float32Array(rows.times.length);
    order.forEach((z, k) => {
      times.set(rows.times!.subarray(k * zones, (k + 1) * zones), z * zones);
    });
    result.times = times;
  }
  return result;
}
