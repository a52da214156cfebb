/**
 * The in-memory supply graph: a graphology multi directed graph whose node,
 * edge and graph attributes are the file's, and the two-way mapping to the
 * document of graph-format.md.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, EdgeRecord, GraphAttributes, GraphDocument, NodeAttributes } from './schema.ts';

export type SupplyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Edges a file gives no key get `~<n>`; writers leave such keys out again, so
 * a keyless edge stays keyless through a load and a save.
 */
const GENERATED_KEY = /^~\d+$/;
export const isGeneratedEdgeKey = (key: string) => GENERATED_KEY.test(key);

export function nextEdgeKey(graph: SupplyGraph): string {
  let n = graph.size;
  while (graph.hasEdge(`~${n}`)) n++;
  return `~${n}`;
}

export function newSupplyGraph(attributes: GraphAttributes): SupplyGraph {
  const graph: SupplyGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes(attributes);
  return graph;
}

/** Builds the graph from a validated document (duplicates and dangling ends already refused). */
export function buildGraph(doc: GraphDocument): SupplyGraph {
  const graph = newSupplyGraph(structuredClone(doc.attributes));
  for (const node of doc.nodes) graph.addNode(node.key, { ...node.attributes });
  doc.edges.forEach((edge, i) => {
    const key = edge.key ?? (graph.hasEdge(`~${i}`) ? nextEdgeKey(graph) : `~${i}`);
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, { ...edge.attributes });
  });
  return graph;
}

/** The document of a graph, in the file's shape: what every native writer starts from. */
export function toDocument(graph: SupplyGraph): GraphDocument {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes: { ...attributes } }));
  const edges = graph.mapEdges((key, attributes, source, target): EdgeRecord => {
    const record: EdgeRecord = { source, target, attributes: { ...attributes } };
    return isGeneratedEdgeKey(key) ? record : { key, ...record };
  });
  return {
    attributes: structuredClone(graph.getAttributes()),
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}

/** The firm a node belongs to for concentration: its company, or itself. */
export const firmOf = (key: string, attributes: NodeAttributes) => attributes.company ?? key;
