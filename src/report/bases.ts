/**
 * How the graph's flows are known (robustness.md §1): how many are reported,
 * derived from published figures, assumptions, or say nothing. The first
 * page of a report says "N of M flows are assumptions" from these counts.
 */
import type { SupplyGraph } from '../model/graph.ts';

export interface BasisCounts {
  reported: number;
  derived: number;
  assumption: number;
  /** Flows whose file gives no basis. */
  unstated: number;
}

export function basisCounts(graph: SupplyGraph): BasisCounts {
  const out: BasisCounts = { reported: 0, derived: 0, assumption: 0, unstated: 0 };
  graph.forEachEdge((_e, a) => {
    const b = a.basis;
    if (b === 'reported' || b === 'derived' || b === 'assumption') out[b]++;
    else out.unstated++;
  });
  return out;
}
