import { DirectedGraph } from 'graphology';
import type { Network } from '../domain/network';
import { buildSpec, type EdgeAttributes, GraphError, type GraphSpec, type SurfaceSpec } from './build';
import { directSurfaceEdge } from './directSurface';
import { type NodeAttributes, nodeKey } from './nodes';

/** What a graph carries besides its nodes and edges: the implicit direct surface trips, the feeders. */
export interface GraphAttributes {
  surface: SurfaceSpec;
  feeders: string[];
}

export type CommuteGraph = DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Which origins get their direct surface trips as explicit edges: all of them (a reference graph for a
 * small network), some (the sampled origins of a benchmark), or none (every zone pair is a surface trip, so
 * a large network's are left implicit; compile reads them from the graph's `surface` attribute).
 */
export type DirectEdges = 'all' | 'none' | readonly number[];

/** The network for one period as a graphology graph: the model the reference search runs on. */
export function buildGraph(network: Network, period: string, direct: DirectEdges): CommuteGraph {
  return toGraphology(buildSpec(network, period), direct);
}

export function toGraphology(spec: GraphSpec, direct: DirectEdges): CommuteGraph {
  const g: CommuteGraph = new DirectedGraph();
  g.replaceAttributes({ surface: spec.surface, feeders: spec.feeders });
  spec.nodeKeys.forEach((key, k) => {
    g.addNode(key, spec.nodes[k]!);
  });
  spec.edges.forEach((attrs, e) => {
    g.addDirectedEdgeWithKey(
      `e${e}`,
      spec.nodeKeys[spec.edgeSource[e]!]!,
      spec.nodeKeys[spec.edgeTarget[e]!]!,
      attrs,
    );
  });
  const zones = spec.nodes.filter((n) => n.kind === 'origin').map((n) => n.ref);
  const origins = direct === 'all' ? zones.map((_, k) => k) : direct === 'none' ? [] : direct;
  for (const o of origins) {
    zones.forEach((to, d) => {
      const edge = directSurfaceEdge(spec.surface, o, d);
      if (edge)
        g.addDirectedEdgeWithKey(`s${o}:${d}`, nodeKey.origin(zones[o]!), nodeKey.destination(to), edge);
    });
  }
  return g;
}

/**
 * A graphology graph back as a list, nodes and edges in the graph's insertion order, every weight checked
 * (graphology would read a missing weight as 1; here it is an error).
 */
export function fromGraphology(g: CommuteGraph): GraphSpec {
  const { surface, feeders } = g.getAttributes();
  if (!surface) throw new GraphError('the graph carries no surface table (build it with toGraphology)');
  const spec: GraphSpec = {
    nodeKeys: [],
    nodes: [],
    edgeSource: [],
    edgeTarget: [],
    edges: [],
    surface,
    feeders: [...(feeders ?? [])],
  };
  const index = new Map<string, number>();
  g.forEachNode((key, attrs) => {
    index.set(key, spec.nodeKeys.length);
    spec.nodeKeys.push(key);
    spec.nodes.push(attrs);
  });
  g.forEachEdge((_key, attrs, source, target) => {
    if (!(typeof attrs.weight === 'number' && Number.isFinite(attrs.weight) && attrs.weight >= 0)) {
      throw new GraphError(`edge ${source} → ${target} has weight ${String(attrs.weight)}`);
    }
    spec.edgeSource.push(index.get(source)!);
    spec.edgeTarget.push(index.get(target)!);
    spec.edges.push(attrs);
  });
  return spec;
}
