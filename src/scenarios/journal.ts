/**
 * A scenario applied in place and taken back exactly, so that checking a
 * scenario or reporting on it costs what the scenario changes, not a copy of
 * the whole graph (a copy of 500,000 flows takes seconds and 170 MB).
 *
 * The view records, before each change, how to take it back, and `revert`
 * runs those steps newest first: attributes come back value for value,
 * additions are dropped (graphology appends them, so every order is as it
 * was), and removals are put back where they were. graphology can only
 * re-add at the end, so putting a removal back also restores the orders it
 * keeps: of nodes, of flows, of each node's neighbours, and of the flows
 * between two nodes (removal.ts). A method the journal does not know throws
 * NeedsCopy before touching the graph, and the caller applies the scenario to
 * a copy instead.
 *
 * Each removal costs a walk of every flow added after the one removed (to
 * restore graphology's order), so removals are taken back in place only up to
 * MAX_REMOVALS_IN_PLACE; withScenario sends a scenario with more straight to
 * a copy. Measured at 500,000 flows, removing the earliest flows (the worst
 * case): one in place 0.30 s and four 0.98 s, against 1.4 to 1.6 s a copy.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { captureRemoval, hasKnownInternals } from './removal.ts';

export class NeedsCopy extends Error {
  constructor(method: string) {
    super(`${method} cannot be taken back in place`);
    this.name = 'NeedsCopy';
  }
}

const EDGE_ATTRIBUTE_CHANGES = new Set(['setEdgeAttribute', 'updateEdgeAttribute', 'removeEdgeAttribute', 'replaceEdgeAttributes', 'mergeEdgeAttributes', 'updateEdgeAttributes']);
const NODE_ATTRIBUTE_CHANGES = new Set(['setNodeAttribute', 'updateNodeAttribute', 'removeNodeAttribute', 'replaceNodeAttributes', 'mergeNodeAttributes', 'updateNodeAttributes']);
/**
 * Past this many removals a scenario goes to a copy (see above). At about 0.23 s a removal, five would still beat
 * a copy in the worst case measured: 4 keeps a margin, the figures being one graph's.
 */
export const MAX_REMOVALS_IN_PLACE = 4;
const EDGE_ADDITIONS = new Set(['addEdge', 'addEdgeWithKey', 'addDirectedEdge', 'addDirectedEdgeWithKey']);
/** graphology's methods that only read. */
const READS =
  /^(get(Attribute|Attributes|NodeAttribute|NodeAttributes|EdgeAttribute|EdgeAttributes)|has(Attribute|Node|Edge|NodeAttribute|EdgeAttribute|DirectedEdge|OutEdge|InEdge)|(forEach|filter|map|reduce|find|some|every)(Node|Edge|InEdge|OutEdge|DirectedEdge|Neighbor|InNeighbor|OutNeighbor)?s?|(node|edge|inEdge|outEdge|directedEdge|neighbor|inNeighbor|outNeighbor)s|(in|out|directed)?Degree(WithoutSelfLoops)?|source|target|extremities|opposite|isDirected|isUndirected|isSelfLoop|areNeighbors|areInNeighbors|areOutNeighbors|toString|toJSON)$/;

export interface Journal {
  /** The graph to apply operations to: the same graph, with every change recorded. */
  view: SupplyGraph;
  /** Puts the graph back as it was before the first change. */
  revert(): void;
}

export function journal(graph: SupplyGraph): Journal {
  /** How to take back each change, oldest first. */
  const undo: (() => void)[] = [];
  const g = graph as unknown as Record<string, (...args: unknown[]) => unknown>;
  const removable = hasKnownInternals(graph);
  let removals = 0;

  const view = new Proxy(graph, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      if (EDGE_ATTRIBUTE_CHANGES.has(property)) {
        return (edge: unknown, ...rest: unknown[]) => {
          if (typeof edge !== 'string' || !graph.hasEdge(edge)) throw new NeedsCopy(`${property} without an edge key`);
          const before = { ...graph.getEdgeAttributes(edge) };
          undo.push(() => graph.replaceEdgeAttributes(edge, before));
          return g[property]!.call(graph, edge, ...rest);
        };
      }
      if (NODE_ATTRIBUTE_CHANGES.has(property)) {
        return (node: unknown, ...rest: unknown[]) => {
          if (typeof node !== 'string' || !graph.hasNode(node)) throw new NeedsCopy(`${property} of a missing node`);
          const before = { ...graph.getNodeAttributes(node) };
          undo.push(() => graph.replaceNodeAttributes(node, before));
          return g[property]!.call(graph, node, ...rest);
        };
      }
      if (property === 'addNode') {
        return (...args: unknown[]) => {
          const key = g.addNode!.apply(graph, args) as string;
          undo.push(() => graph.dropNode(key));
          return key;
        };
      }
      if (EDGE_ADDITIONS.has(property)) {
        return (...args: unknown[]) => {
          const key = g[property]!.apply(graph, args) as string;
          undo.push(() => graph.dropEdge(key));
          return key;
        };
      }
      if (removable && (property === 'dropNode' || property === 'dropEdge')) {
        return (key: unknown) => {
          if (typeof key !== 'string') throw new NeedsCopy(`${property} without a key`);
          if (++removals > MAX_REMOVALS_IN_PLACE) throw new NeedsCopy(`more than ${MAX_REMOVALS_IN_PLACE} removals`);
          const removal = captureRemoval(graph, property === 'dropNode' ? { node: key } : { edge: key });
          g[property]!.call(graph, key);
          if (removal) undo.push(removal.putBack);
        };
      }
      if (READS.test(property)) return (value as (...args: unknown[]) => unknown).bind(target);
      return () => {
        throw new NeedsCopy(property);
      };
    },
  });

  return {
    view,
    revert() {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      undo.length = 0;
    },
  };
}
