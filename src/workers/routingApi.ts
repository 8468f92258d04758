import { transfer } from 'comlink';
import { applyScenario } from '../domain/applyScenario';
import { resolveAssumptions } from '../domain/assumptions';
import { accessibilityThresholds } from '../domain/metrics';
import { coreZoneIds } from '../domain/network';
import { Router } from '../engine/router';
import { StationRows } from '../engine/stationRows';
import type { CompactGraph } from '../engine/types';
import { buildSpec } from '../graph/build';
import { compile } from '../graph/compile';
import { emptyMetricsTable, type MetricContext, reduceRow } from '../metrics/originMetrics';
import { createDemandWork } from './demandWork';
import { metricBuffers } from './metricColumns';
import type {
  BuildRequest,
  BuildResponse,
  ModelNetwork,
  RoutingApi,
  RowArrays,
  RowField,
  RowsRequest,
  RowsResponse,
} from './protocol';

interface Loaded {
  graph: CompactGraph;
  router: Router;
  rows: StationRows;
  context: MetricContext;
}

export function metricContext(network: ModelNetwork): MetricContext {
  const a = resolveAssumptions(network.assumptions);
  const index = new Map(network.zones.map((z, k) => [z.id, k]));
  return {
    jobs: Float64Array.from(network.zones, (z) => z.jobs),
    core: Int32Array.from(coreZoneIds(network), (id) => index.get(id)!),
    thresholds: Float64Array.from(accessibilityThresholds(a.metrics), (m) => m * 60),
    cap: a.metrics.timeCapMinutes * 60,
  };
}

/** The worker's side: graphs by key (the pool decides which to keep), one router each, cancelled runs. */
export function createRoutingApi(): RoutingApi {
  const graphs = new Map<string, Loaded>();
  const cancelled = new Set<number>();

  const install = (key: string, graph: CompactGraph, context: MetricContext) => {
    const router = new Router(graph);
    graphs.set(key, { graph, router, rows: new StationRows(router), context });
  };
  const get = (key: string): Loaded => {
    const g = graphs.get(key);
    if (!g) throw new Error(`graph "${key}" is not loaded in this worker`);
    return g;
  };
  const { forget, ...demand } = createDemandWork(get, cancelled);

  return {
    async build(request: BuildRequest): Promise<BuildResponse> {
      let network = request.network;
      if (request.scenario) {
        const applied = applyScenario(network, request.scenario);
        if (!applied.ok) return { ok: false, key: request.key, issues: applied.issues };
        network = applied.network;
      }
      const t0 = performance.now();
      const spec = buildSpec(network, request.period);
      const t1 = performance.now();
      const graph = compile(spec);
      const t2 = performance.now();
      const context = metricContext(network);
      install(request.key, graph, context);
      return {
        ok: true,
        key: request.key,
        graph,
        context,
        stats: {
          zones: graph.zoneCount,
          nodes: graph.nodeCount,
          edges: graph.edgeTarget.length,
          accessLinks: graph.accessNode.length,
          buildMs: t1 - t0,
          compileMs: t2 - t1,
        },
      };
    },

    async load(key, graph, context) {
      install(key, graph, context);
    },

    async unload(key) {
      graphs.delete(key);
    },

    async rows(request: RowsRequest): Promise<RowsResponse> {
      if (cancelled.has(request.generation)) return { cancelled: true };
      const t0 = performance.now();
      const { graph, rows, context } = get(request.key);
      const searchesBefore = rows.searches;
      const Z = graph.zoneCount;
      const n = request.origins.length;
      const metrics = emptyMetricsTable(n, context.thresholds.length);
      const rowTimes = new Float64Array(Z);
      const rowCosts = new Float64Array(Z);
      const rowModes = new Uint8Array(Z);
      // What each row field is read from: a field the engine adds to a row is one more entry here.
      const source: Record<RowField, Float64Array> = { time: rowTimes, cost: rowCosts };
      const out: RowArrays = {};
      for (const f of request.fields) out[f] = new Float32Array(n * Z);
      for (let k = 0; k < n; k++) {
        rows.row(request.origins[k]!, rowTimes, rowCosts, rowModes);
        reduceRow(rowTimes, rowModes, context, metrics, k);
        for (const f of request.fields) out[f]!.set(source[f], k * Z);
      }
      const buffers = [...metricBuffers(metrics), ...Object.values(out).map((a) => a.buffer as ArrayBuffer)];
      const response: RowsResponse = {
        cancelled: false,
        metrics,
        rows: out,
        ms: performance.now() - t0,
        stationSearches: rows.searches - searchesBefore,
      };
      return transfer(response, buffers);
    },

    async row(key, origin) {
      const { graph, rows } = get(key);
      const times = new Float64Array(graph.zoneCount);
      rows.row(origin, times, new Float64Array(graph.zoneCount));
      return transfer(times, [times.buffer]);
    },

    async trip(key, origin, destination) {
      return get(key).router.trip(origin, destination) ?? null;
    },

    async cancel(generation) {
      cancelled.add(generation);
      forget(generation);
    },

    ...demand,
  };
}
