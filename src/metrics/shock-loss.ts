/**
 * What a shock costs (metrics.md §8): for a demand node d and capacities k,
 *   kept(d, X) = a(d) with k(n) on every node n but d itself,  lost = 1 - kept,
 * where a is availability with capacities (§2). One sparse propagation per
 * shock serves every demand node:
 * - d not hit: lost(d) = l(d) of the run with all of X;
 * - d hit, outside any cycle: d's own capacity cannot reach its suppliers, so
 *   lost(d) = max over d's inputs of sum share * l(supplier) of that same run;
 * - d hit, inside a cycle (rare): a run of its own with X minus d.
 * reliance(d, S) is lost(d, X) for the shock that sets k = 0 on S.
 */
import { createLossPropagator, type LossPropagator } from './availability.ts';
import type { SupplyIndex } from './supply-index.ts';

/** A shock as node indices and capacities (each node once, the smallest capacity of its hits). */
export interface IndexedShock {
  nodes: ArrayLike<number>;
  capacity: ArrayLike<number>;
}

/** Splits the capacities into the failed nodes (k = 0) and the floors 1 - k (0 < k < 1); k = 1 changes nothing. */
function runShock(p: LossPropagator, shock: IndexedShock, without = -1): void {
  const failed: number[] = [];
  const floorNodes: number[] = [];
  const floorLoss: number[] = [];
  for (let i = 0; i < shock.nodes.length; i++) {
    const v = shock.nodes[i]!;
    const k = shock.capacity[i]!;
    if (v === without || !(k < 1)) continue;
    if (k <= 0) failed.push(v);
    else {
      floorNodes.push(v);
      floorLoss.push(1 - k);
    }
  }
  p.run(failed, { nodes: floorNodes, loss: floorLoss });
}

/** lost(d, X) for each of `demands`, in order. `p` is left reset. */
export function shockLost(ix: SupplyIndex, shock: IndexedShock, demands: readonly number[], p: LossPropagator = createLossPropagator(ix)): Float64Array {
  const hit = new Set<number>();
  for (let i = 0; i < shock.nodes.length; i++) if (shock.capacity[i]! < 1) hit.add(shock.nodes[i]!);
  const lost = new Float64Array(demands.length);
  const alone: number[] = [];
  runShock(p, shock);
  demands.forEach((d, i) => {
    if (!hit.has(d)) lost[i] = p.loss(d);
    else if (!ix.compCyclic[ix.compOf[d]!]) lost[i] = p.fromSuppliers(d);
    else alone.push(i);
  });
  p.reset();
  for (const i of alone) {
    const d = demands[i]!;
    runShock(p, shock, d);
    lost[i] = p.loss(d);
    p.reset();
  }
  return lost;
}
