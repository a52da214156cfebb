/**
 * Putting a removed node or flow back exactly where it was, for the journal.
 *
 * graphology re-adds at the end of every order it keeps: its maps of nodes
 * and of edges (insertion order), each node's neighbour dictionaries, and
 * the list of flows between two nodes (newest first). Figures add up in
 * those orders and writers follow them, so a removal taken back must leave
 * them as they were. This reaches into graphology's private fields (`_nodes`,
 * `_edges`, a node's `in`/`out`, an edge's `next`/`previous`); where they are
 * not as expected, `hasKnownInternals` is false and scenarios with removals
 * go to a copy as before. The journal's tests check every order after a
 * revert on random graphs and operations.
 */
import type { SupplyGraph } from '../model/graph.ts';

interface EdgeData {
  key: string;
  attributes: Record<string, unknown>;
  source: NodeData;
  target: NodeData;
  next?: EdgeData | undefined;
  previous?: EdgeData | undefined;
}
interface NodeData {
  key: string;
  attributes: Record<string, unknown>;
  in: Record<string, EdgeData>;
  out: Record<string, EdgeData>;
}
interface Internals {
  _nodes: Map<string, NodeData>;
  _edges: Map<string, EdgeData>;
  multi: boolean;
  type: string;
}

const internals = (graph: SupplyGraph) => graph as unknown as Internals;

export function hasKnownInternals(graph: SupplyGraph): boolean {
  const g = internals(graph);
  if (!(g._nodes instanceof Map) || !(g._edges instanceof Map) || g.type !== 'directed' || g.multi !== true) return false;
  const node = g._nodes.values().next().value as NodeData | undefined;
  if (node && (typeof node.in !== 'object' || typeof node.out !== 'object' || node.attributes !== graph.getNodeAttributes(node.key))) return false;
  const edge = g._edges.values().next().value as EdgeData | undefined;
  if (edge && (edge.source?.key !== graph.source(edge.key) || edge.target?.key !== graph.target(edge.key) || edge.attributes !== graph.getEdgeAttributes(edge.key))) return false;
  return true;
}

/** Keys of a map from `start` (included) to the end, in order. */
function tailFrom(keys: Iterable<string>, isStart: (key: string) => boolean): string[] {
  const out: string[] = [];
  for (const key of keys) if (out.length > 0 || isStart(key)) out.push(key);
  return out;
}

/** Moves these keys of a map to its end, in this order. */
function moveToEnd<V>(map: Map<string, V>, keys: readonly string[]): void {
  for (const key of keys) {
    const value = map.get(key)!;
    map.delete(key);
    map.set(key, value);
  }
}

/** Re-inserts a dictionary's keys in this order (all keys it holds). */
function reorder(dict: Record<string, EdgeData>, keys: readonly string[]): void {
  for (const key of keys) {
    const value = dict[key]!;
    delete dict[key];
    dict[key] = value;
  }
}

/** The flows between two nodes, head first. */
function pairList(head: EdgeData | undefined): string[] {
  const out: string[] = [];
  for (let e = head; e; e = e.next) out.push(e.key);
  return out;
}

/**
 * Records, before a node or a flow is removed, what puts it back exactly.
 * Undefined when there is no such node or flow (graphology will say so).
 */
export function captureRemoval(graph: SupplyGraph, what: { node: string } | { edge: string }): { putBack: () => void } | undefined {
  const g = internals(graph);
  const removedNode = 'node' in what ? g._nodes.get(what.node) : undefined;
  if ('node' in what && !removedNode) return undefined;
  const edges: EdgeData[] = [];
  if (removedNode) {
    for (const dict of [removedNode.out, removedNode.in]) for (const neighbour in dict) for (let e: EdgeData | undefined = dict[neighbour]; e; e = e.next) edges.push(e);
  } else {
    const edge = g._edges.get((what as { edge: string }).edge);
    if (!edge) return undefined;
    edges.push(edge);
  }
  const removedEdges = new Set(edges.map((e) => e.key));
  const records = edges.map((e) => ({ key: e.key, source: e.source.key, target: e.target.key, attributes: e.attributes }));
  const nodesTail = removedNode ? tailFrom(g._nodes.keys(), (k) => k === removedNode.key) : [];
  const edgesTail = tailFrom(g._edges.keys(), (k) => removedEdges.has(k));
  const pairs = new Map<string, { source: string; target: string; keys: string[] }>();
  const dicts = new Map<string, { in: string[]; out: string[] }>();
  for (const e of edges) {
    const id = `${e.source.key}\u0000${e.target.key}`;
    if (!pairs.has(id)) pairs.set(id, { source: e.source.key, target: e.target.key, keys: pairList(e.source.out[e.target.key]) });
    for (const n of [e.source, e.target]) if (!dicts.has(n.key)) dicts.set(n.key, { in: Object.keys(n.in), out: Object.keys(n.out) });
  }

  return {
    putBack() {
      if (removedNode) graph.addNode(removedNode.key, removedNode.attributes as never);
      for (const r of records) graph.addDirectedEdgeWithKey(r.key, r.source, r.target, r.attributes as never);
      for (const { source, target, keys } of pairs.values()) {
        const list = keys.map((k) => g._edges.get(k)!);
        list.forEach((e, i) => {
          e.previous = list[i - 1];
          e.next = list[i + 1];
        });
        g._nodes.get(source)!.out[target] = list[0]!;
        g._nodes.get(target)!.in[source] = list[0]!;
      }
      for (const [key, order] of dicts) {
        const node = g._nodes.get(key)!;
        reorder(node.in, order.in);
        reorder(node.out, order.out);
      }
      moveToEnd(g._nodes, nodesTail);
      moveToEnd(g._edges, edgesTail);
    },
  };
}
