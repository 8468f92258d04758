import { resolveAssumptions } from '../domain/assumptions';
import { metricsFor } from '../domain/metrics';
import type { Network } from '../domain/network';
import { coreZoneIds } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { TripDetail } from '../engine/types';
import { ENGINE_VERSION } from '../engine/version';
import { canonicalJson, shortHash } from '../io/canonical';
import type { AreaUnit } from '../metrics/districts';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import { buildReport, type ComparisonReport } from '../metrics/report';
import type { ZoneWeights } from '../metrics/summary';
import { scatterMetrics } from './metricColumns';
import type { Progress, RoutingPool, RowBlock, RowsOptions, RowsResult } from './pool';
import type { GraphStats, ModelNetwork, RowArrays, RowField } from './protocol';

/**
 * The two sides of a comparison: `baseline` is the before side (the network as given — the empty
 * scenario — unless a comparison names another scenario there), `scenario` the after side. The names
 * are those of the results document and the matrices.
 */
export type Side = 'baseline' | 'scenario';

/** Rows streamed out of a run as the workers compute them; the analysis keeps none of them. */
export interface RowSink {
  fields: readonly RowField[];
  /**
   * Rows of `origins` (zone indices, in no particular order) on one side, origins × zones per field. A
   * returned promise holds the workers back until it settles; a rejection fails the run.
   */
  write(side: Side, origins: Int32Array, rows: RowArrays): void | Promise<void>;
}

export interface CompareRequest {
  network: Network;
  /** Identifies this network's content (e.g. its checksum); graphs are cached under it. */
  networkKey: string;
  /** The after side; null: the before side alone. */
  scenario: Scenario | null;
  /** The before side: another scenario to compare with (scenario A vs B); null or absent: the baseline. */
  before?: Scenario | null;
  period: string;
  /**
   * Keep the full travel-time matrix: float32 seconds, zone order, origins × zones (4 bytes a cell, the
   * only matrix held; without it memory grows with the zones, not their square).
   */
  matrix?: boolean;
  /** Stream rows to a consumer (an OMX writer) instead of holding them. */
  sink?: RowSink;
  /** Districts and subdistricts to break the figures down by (areaUnits). */
  areas?: readonly AreaUnit[];
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export type IsochroneRequest = Omit<CompareRequest, 'matrix' | 'sink' | 'areas' | 'onProgress' | 'before'>;

/** Isochrone rows kept (a JJJ row is 38 kB): enough for the zones hovered and clicked in a while. */
const ISOCHRONE_ROWS = 128;

/** Metrics in the order of the origins asked for (zone order for a whole run), and the matrix if asked. */
export interface ScenarioRows extends RowsResult {
  /** With CompareRequest.matrix: seconds, origins × zones, +Infinity = no path. */
  times?: Float32Array;
}

export interface ScenarioRun {
  key: string;
  rows: ScenarioRows;
  stats: GraphStats;
}

/** Both sides' metrics for some origins: a shard of a run. */
export interface ShardRuns {
  baseline: ScenarioRun;
  scenario?: ScenarioRun;
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
 * The sides a comparison of `scenario` with `before` (default: the baseline) computes, each with its
 * scenario: an after side that changes nothing from the before side is the before side alone.
 */
export function sideScenarios(
  scenario: Scenario | null,
  before: Scenario | null = null,
): [Side, Scenario | null][] {
  return scenario && scenarioKey(scenario) !== scenarioKey(before)
    ? [
        ['baseline', before],
        ['scenario', scenario],
      ]
    : [['baseline', before]];
}

/** The sides a comparison computes (sideScenarios without the scenarios). */
export function sidesOf(scenario: Scenario | null, before: Scenario | null = null): Side[] {
  return sideScenarios(scenario, before).map(([side]) => side);
}

/**
 * Any two scenarios through one code path: a scenario is a key, the baseline is the empty scenario, and a
 * comparison is a before and an after scenario (baseline before by default). Graphs are built in workers;
 * rows are cached by scenario, so switching one side computes only that side.
 */
export class Analysis {
  private readonly modelNetworks = new WeakMap<Network, ModelNetwork>();
  private readonly orders = new WeakMap<Network, Int32Array>();
  private readonly rowsCache = new Map<string, { rows: ScenarioRows; stats: GraphStats }>();
  private readonly isochrones = new Map<string, Float64Array | Promise<Float64Array>>();

  constructor(readonly pool: RoutingPool) {}

  graphKey(networkKey: string, scenario: Scenario | null, period: string): string {
    return `${networkKey}|${scenarioKey(scenario)}|${period}`;
  }

  async compare(request: CompareRequest): Promise<Comparison> {
    const { baseline, scenario } = await this.sides(request);
    const comparison: Comparison = {
      report: reportFor(request.network, baseline.rows.metrics, scenario?.rows.metrics, request.areas),
      engineVersion: ENGINE_VERSION,
      baseline,
    };
    if (scenario) comparison.scenario = scenario;
    return comparison;
  }

  /**
   * Metrics of some origins only (zone indices), both sides, each table in the order of `origins`: one
   * shard of a run. The report needs every origin: reportFor(network, …) on the shards put together.
   */
  shard(request: CompareRequest, origins: Int32Array): Promise<ShardRuns> {
    return this.sides(request, origins);
  }

  /**
   * The before side and (when it differs) the after side, computed at once; progress summed over both.
   * One code path whatever the sides are: each is a scenario, the baseline the empty one.
   */
  private async sides(request: CompareRequest, origins?: Int32Array): Promise<ShardRuns> {
    const sides = sideScenarios(request.scenario, request.before ?? null);
    // Every graph first, then rows: no build runs beside the rows (building holds a graph as objects, the
    // most memory a run needs) and with isolated builds none runs beside another either.
    const cacheable = !origins && !request.matrix && !request.sink;
    await Promise.all(
      sides.map(([, scenario]) => {
        const key = this.graphKey(request.networkKey, scenario, request.period);
        return cacheable && this.rowsCache.has(key) ? undefined : this.ensure({ ...request, scenario });
      }),
    );
    const total = origins?.length ?? request.network.zones.length;
    const progress = sides.map(() => ({ done: 0, total }));
    const report = () =>
      request.onProgress?.({
        done: progress.reduce((s, p) => s + p.done, 0),
        total: progress.reduce((s, p) => s + p.total, 0),
      });
    const runs = await Promise.all(
      sides.map(([side, scenario], k) =>
        this.run(request, side, scenario, origins, (p) => {
          progress[k] = p;
          report();
        }),
      ),
    );
    const result: ShardRuns = { baseline: runs[0]! };
    if (runs[1]) result.scenario = runs[1];
    return result;
  }

  /**
   * Build (once) and compute one side's rows for `origins` (default all zones, then cached unless rows
   * are wanted); a cancelled or failed run leaves nothing cached. Workers take the origins in Morton
   * order; metrics (and the matrix) are put back in the order of `origins`.
   */
  private async run(
    request: CompareRequest,
    side: Side,
    scenario: Scenario | null,
    origins: Int32Array | undefined,
    onProgress: (p: Progress) => void,
  ): Promise<ScenarioRun> {
    const { network } = request;
    const zones = network.zones.length;
    const key = this.graphKey(request.networkKey, scenario, request.period);
    const cacheable = !origins && !request.matrix && !request.sink;
    const cached = cacheable ? this.rowsCache.get(key) : undefined;
    if (cached) {
      onProgress({ done: zones, total: zones });
      return { key, ...cached };
    }
    const prepared = await this.pool.prepare({
      key,
      network: this.model(network),
      scenario,
      period: request.period,
    });
    request.signal?.throwIfAborted();
    const order = origins ? this.subsetOrder(network, origins) : this.order(network);
    // Where each origin's entry goes: its index in `origins`, or for a whole run the zone itself.
    const position = new Int32Array(zones).fill(-1);
    if (origins)
      origins.forEach((z, k) => {
        position[z] = k;
      });
    else for (let z = 0; z < zones; z++) position[z] = z;
    const count = origins?.length ?? zones;
    const times = request.matrix ? new Float32Array(count * zones) : undefined;
    const sink = request.sink;
    const options: RowsOptions = { origins: order, onProgress };
    if (request.signal) options.signal = request.signal;
    if (times || sink) {
      options.fields = [...new Set<RowField>([...(sink?.fields ?? []), ...(times ? ['time' as const] : [])])];
      options.onRows = (block: RowBlock) => {
        if (times) {
          const t = block.rows.time!;
          block.origins.forEach((z, i) => {
            times.set(t.subarray(i * zones, (i + 1) * zones), position[z]! * zones);
          });
        }
        return sink?.write(side, block.origins, block.rows);
      };
    }
    const computed = await this.pool.rows(key, options);
    const rows: ScenarioRows = {
      ...computed,
      metrics: scatterMetrics(
        computed.metrics,
        order.map((z) => position[z]!),
        count,
      ),
    };
    if (times) rows.times = times;
    if (cacheable) {
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

  /** Build the graph of a scenario (once; kept in the pool) and return its key. */
  async ensure(request: IsochroneRequest): Promise<string> {
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

  /** `origins` in the network's Morton order (so a shard's workers share station rows too). */
  private subsetOrder(network: Network, origins: Int32Array): Int32Array {
    const rank = new Int32Array(network.zones.length);
    this.order(network).forEach((z, k) => {
      rank[z] = k;
    });
    return Int32Array.from(origins).sort((a, b) => rank[a]! - rank[b]!);
  }

  /**
   * The network's zones along a Morton curve: the order workers take origins in, here and in the demand
   * model (each worker then meets again the stations whose rows it searched for the matrices).
   */
  order(network: Network): Int32Array {
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

/**
 * Summaries, deltas and the regional figures from both sides' per-zone metrics (zone order): what the
 * app shows and the results file holds. A run and the merge of its shards call the same function.
 */
export function reportFor(
  network: Network,
  baseline: ZoneMetricsTable,
  scenario?: ZoneMetricsTable,
  areas?: readonly AreaUnit[],
): ComparisonReport {
  const a = resolveAssumptions(network.assumptions);
  const weights: ZoneWeights = {
    population: Float64Array.from(network.zones, (z) => z.population),
    jobs: Float64Array.from(network.zones, (z) => z.jobs),
  };
  const options = {
    capSeconds: a.metrics.timeCapMinutes * 60,
    circleSeconds: a.metrics.commuteCircleMinutes * 60,
    hasCore: coreZoneIds(network).length > 0,
    metrics: metricsFor(a.metrics),
  };
  return buildReport(weights, options, baseline, scenario, areas);
}
