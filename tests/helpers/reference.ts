/**
 * metrics.md written out as directly as possible, with no index and no
 * sparse propagation: the yardstick the engine's fast paths are checked against.
 */
import fc from 'fast-check';
import type { SupplyGraph } from '../../src/model/graph.ts';

/**
 * Sweeps before the yardstick gives up. A cycle whose loop gain is within
 * about 1e-5 of 1 needs millions of sweeps to get within 1e-15 (the error
 * shrinks by the gain each sweep); there the literal reading is no yardstick,
 * so the random case is skipped (fc.pre) rather than compared with an
 * unfinished value. The engine's answer on such a cycle is checked by hand in
 * known-answers.test.ts.
 */
const MAX_REFERENCE_SWEEPS = 200_000;

/** a(n) for every node: start at 1, apply the equations to all nodes until nothing moves by 1e-15 (tighter than the spec's 1e-12, to be the yardstick). */
export function referenceAvailability(graph: SupplyGraph, failed: Set<string>): Map<string, number> {
  return referenceCapacityAvailability(graph, new Map([...failed].map((k) => [k, 0])));
}

/**
 * metrics.md §2 with capacities: a(n) = min(k(n), min over inputs of sum
 * share * a(supplier)), a raw source a = k, k = 1 for every node not in `capacity`.
 */
export function referenceCapacityAvailability(graph: SupplyGraph, capacity: Map<string, number>): Map<string, number> {
  const k = (n: string) => capacity.get(n) ?? 1;
  const a = new Map<string, number>(graph.mapNodes((n) => [n, 1] as [string, number]));
  const groups = new Map<string, Map<string, { source: string; value: number }[]>>();
  graph.forEachEdge((_e, attrs, source, target) => {
    if (!groups.has(target)) groups.set(target, new Map());
    const byInput = groups.get(target)!;
    if (!byInput.has(attrs.input)) byInput.set(attrs.input, []);
    byInput.get(attrs.input)!.push({ source, value: attrs.value });
  });
  let converged = false;
  for (let sweep = 0; sweep < MAX_REFERENCE_SWEEPS && !converged; sweep++) {
    let change = 0;
    const next = new Map<string, number>();
    graph.forEachNode((n) => {
      const inputs = [...(groups.get(n)?.values() ?? [])].filter((edges) => edges.reduce((s, e) => s + e.value, 0) > 0);
      const value = Math.min(
        k(n),
        ...inputs.map((edges) => {
          const total = edges.reduce((s, e) => s + e.value, 0);
          return edges.reduce((s, e) => s + (e.value / total) * a.get(e.source)!, 0);
        }),
      );
      change = Math.max(change, Math.abs(value - a.get(n)!));
      next.set(n, value);
    });
    for (const [n, v] of next) a.set(n, v);
    converged = change <= 1e-15;
  }
  fc.pre(converged);
  return a;
}

/** lost(d, X) of metrics.md §8: 1 - a(d) with the shock's capacities on every node but d. */
export function referenceShockLost(graph: SupplyGraph, demand: string, capacity: Map<string, number>): number {
  const others = new Map(capacity);
  others.delete(demand);
  return 1 - referenceCapacityAvailability(graph, others).get(demand)!;
}

export function referenceReliance(graph: SupplyGraph, demand: string, set: Iterable<string>): number {
  const failed = new Set(set);
  failed.delete(demand);
  return 1 - referenceAvailability(graph, failed).get(demand)!;
}

/** Nodes with a directed path to `target` over any edge. */
export function referenceUpstream(graph: SupplyGraph, target: string): Set<string> {
  const seen = new Set<string>();
  const stack = [target];
  while (stack.length) {
    for (const s of graph.inNeighbors(stack.pop()!)) {
      if (!seen.has(s)) {
        seen.add(s);
        stack.push(s);
      }
    }
  }
  return seen;
}
