/** Shares (metrics.md §1): an edge's value over the total of its target's flows of the same input. */
import type { SupplyGraph } from '../model/graph.ts';

/** The share of every edge; null where the input's total is 0 (no share can be formed). */
export function edgeShares(graph: SupplyGraph): Map<string, number | null> {
  const list = edgeShareList(graph);
  const shares = new Map<string, number | null>();
  let i = 0;
  graph.forEachEdge((edge) => {
    const share = list[i++]!;
    shares.set(edge, Number.isNaN(share) ? null : share);
  });
  return shares;
}

/** The share of every edge in the graph's order of edges; NaN where the input's total is 0. */
export function edgeShareList(graph: SupplyGraph): Float64Array {
  // Totals by (target, input) in a typed array indexed by numbers, not a Map of joined strings: this runs on 500,000 flows.
  const nodeIndex = new Map<string, number>();
  graph.forEachNode((k) => nodeIndex.set(k, nodeIndex.size));
  const inputIndex = new Map<string, number>();
  graph.forEachEdge((_e, attrs) => {
    if (!inputIndex.has(attrs.input)) inputIndex.set(attrs.input, inputIndex.size);
  });
  const inputs = inputIndex.size;
  const slot = new Int32Array(graph.size);
  const totals = new Float64Array(nodeIndex.size * inputs);
  let i = 0;
  graph.forEachEdge((_e, attrs, _s, target) => {
    const at = nodeIndex.get(target)! * inputs + inputIndex.get(attrs.input)!;
    slot[i++] = at;
    totals[at] = totals[at]! + attrs.value;
  });
  const shares = new Float64Array(graph.size);
  i = 0;
  graph.forEachEdge((_e, attrs) => {
    const total = totals[slot[i]!]!;
    shares[i++] = total > 0 ? attrs.value / total : NaN;
  });
  return shares;
}
