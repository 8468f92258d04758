import { DirectedGraph } from 'graphology';
import type { Network } from '../domain/network';
import { buildSpec, type EdgeAttributes, GraphError, type GraphSpec } from './build';
import type { NodeAttributes } from './nodes';

export type CommuteGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** The network for one period as a graphology graph: the model the reference search runs on. */
export function buildGraph(network: Network, period: string): CommuteGraph {
  return toGraphology(buildSpec(network, period));
}

export function toGraphology(spec: GraphSpec): CommuteGraph {
  const g: CommuteGraph = new DirectedGraph();
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
  return g;
}

/**
 * A graphology graph back as a list, nodes and edges in the graph's insertion order, every weight checked
 * (graphology would read a missing weight as 1; here it is an error).
 */
export function fromGraphology(g: CommuteGraph): GraphSpec {
  const spec: GraphSpec = { nodeKeys: [], nodes: [], edgeSource: [], edgeTarget: [], edges: [] };
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
