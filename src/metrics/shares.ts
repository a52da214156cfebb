/** Shares (metrics.md §1): an edge's value over the total of its target's flows of the same input. */
import type { SupplyGraph } from '../model/graph.ts';

/** The share of every edge; null where the input's total is 0 (no share can be formed). */
export function edgeShares(graph: SupplyGraph): Map<string, number | null> {
  const totals = new Map<string, number>();
  const id = (target: string, input: string) => `${target}\u0000${input}`;
  graph.forEachEdge((_e, attrs, _s, target) => totals.set(id(target, attrs.input), (totals.get(id(target, attrs.input)) ?? 0) + attrs.value));
  const shares = new Map<string, number | null>();
  graph.forEachEdge((edge, attrs, _s, target) => {
    const total = totals.get(id(target, attrs.input))!;
    shares.set(edge, total > 0 ? attrs.value / total : null);
  });
  return shares;
}
