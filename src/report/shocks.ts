/**
 * What each shock costs on one scenario's graph (metrics.md §8): `lost` for
 * every demand node, `skipped` the hits that match no node of this graph.
 */
import type { Shock } from '../model/schema.ts';
import { createLossPropagator, type LossPropagator } from '../metrics/availability.ts';
import { demandNodes } from '../metrics/reliance.ts';
import { shockLost, type IndexedShock } from '../metrics/shock-loss.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';
import { shockOnGraph, type ShockNodes } from '../scenarios/shock-hits.ts';

export interface ReportShockCost {
  id: string;
  /** lost(d, X) for every demand node d. */
  lost: Record<string, number>;
  /** Indexes of the shock's hits that match no node of this scenario's graph. */
  skipped: number[];
}

/** The shock's capacities as index numbers (the index holds every node of the graph). */
export function indexShock(graph: ShockNodes, index: SupplyIndex, shock: Pick<Shock, 'hits'>): { indexed: IndexedShock; skipped: number[] } {
  const on = shockOnGraph(graph, shock);
  const nodes = new Uint32Array(on.capacity.size);
  const capacity = new Float64Array(on.capacity.size);
  let i = 0;
  for (const [key, k] of on.capacity) {
    nodes[i] = index.indexOf.get(key)!;
    capacity[i++] = k;
  }
  return { indexed: { nodes, capacity }, skipped: on.skipped };
}

export function shocksOnScenario(graph: ShockNodes, index: SupplyIndex, shocks: readonly Shock[], p: LossPropagator = createLossPropagator(index)): ReportShockCost[] {
  const demands = demandNodes(index);
  return shocks.map((shock) => {
    const { indexed, skipped } = indexShock(graph, index, shock);
    const lost = shockLost(index, indexed, demands, p);
    return { id: shock.id, lost: Object.fromEntries(demands.map((d, i) => [index.keys[d]!, lost[i]!])), skipped };
  });
}
