/**
 * Supply bought: for each demand node, the sum of the values of its inflows,
 * by input. A scenario that removes supply shows here as less bought, while
 * its shares (and so reliance) are recomputed on what is left.
 */
import type { SupplyGraph } from '../model/graph.ts';

/** demand node → input → sum of inflow values. */
export function suppliesBought(graph: SupplyGraph): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'demand') return;
    const byInput = new Map<string, number>();
    graph.forEachInEdge(key, (_e, attrs) => byInput.set(attrs.input, (byInput.get(attrs.input) ?? 0) + attrs.value));
    out.set(key, byInput);
  });
  return out;
}

export interface BoughtRow {
  demand: string;
  /** Every input bought in either graph, sorted; 0 where one graph buys none. */
  inputs: { input: string; baseline: number; scenario: number }[];
}

/** Supply bought by every demand node of either graph, before (baseline) and after (the scenario). */
export function boughtBeforeAfter(base: SupplyGraph, scenario: SupplyGraph): BoughtRow[] {
  const before = suppliesBought(base);
  const after = suppliesBought(scenario);
  const demands = [...new Set([...before.keys(), ...after.keys()])].sort();
  return demands.map((demand) => {
    const b = before.get(demand) ?? new Map<string, number>();
    const a = after.get(demand) ?? new Map<string, number>();
    const inputs = [...new Set([...b.keys(), ...a.keys()])].sort();
    return { demand, inputs: inputs.map((input) => ({ input, baseline: b.get(input) ?? 0, scenario: a.get(input) ?? 0 })) };
  });
}
