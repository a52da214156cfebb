/**
 * robustness.md read literally, with no programs and no reused index: for
 * every draw a new graph with the drawn values, every scenario applied to it
 * with its operations' drawn values, and reliance by metrics.md's equations
 * (reference.ts). What the engine's shortcuts are checked against.
 */
import { buildGraph, toDocument, type SupplyGraph } from '../../src/model/graph.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { applyScenario } from '../../src/scenarios/apply.ts';
import { createPrng, triangular } from '../../src/robustness/prng.ts';
import { uncertainOf, type Uncertain } from '../../src/robustness/uncertain.ts';
import { referenceReliance } from './reference.ts';

const inSet = (graph: SupplyGraph, set: string) => {
  const [kind, country] = set.includes(':') ? set.split(':') : [undefined, set];
  return graph.filterNodes((_k, a) => a.country === country && (kind === undefined || a.kind === kind));
};

/** reliance(d, S) on a graph, 0 where d is absent. */
export const literalFigure = (graph: SupplyGraph, demand: string, set: string) =>
  graph.hasNode(demand) ? referenceReliance(graph, demand, inSet(graph, set)) : 0;

/** The graph with these values of the variables, and its scenarios with theirs. */
export function withValues(graph: SupplyGraph, vars: Uncertain[], x: ArrayLike<number>): SupplyGraph {
  const doc = structuredClone(toDocument(graph));
  vars.forEach((u, j) => {
    if (u.kind === 'edge') doc.edges[u.edge]!.attributes.value = x[j]!;
    else {
      const op = doc.attributes.scenarios![u.scenario]!.ops[u.op]! as { value?: number; amount?: { value: number } };
      if (op.value !== undefined) op.value = x[j]!;
      else op.amount!.value = x[j]!;
    }
  });
  return buildGraph(doc);
}

/** A figure in baseline (scenario undefined) or after a scenario of the graph, by id. */
export function literalIn(graph: SupplyGraph, scenario: string | undefined, demand: string, set: string, variant?: Scenario): number {
  let g = graph;
  if (variant) {
    const r = applyScenario(g, variant);
    if (!r.ok) throw r.error;
    g = r.graph;
  }
  if (scenario !== undefined) {
    const s = graph.getAttribute('scenarios')!.find((x) => x.id === scenario)!;
    const r = applyScenario(g, s);
    if (!r.ok) throw r.error;
    g = r.graph;
  }
  return literalFigure(g, demand, set);
}

/** Every draw's figure, literally: draws[n] for baseline and each scenario id. */
export function literalDraws(graph: SupplyGraph, opts: { draws: number; seed: number; uncertainty?: number }, demand: string, set: string, scenarios: string[]): Map<string, number[]> {
  const vars = uncertainOf(graph, opts.uncertainty);
  const prng = createPrng(opts.seed);
  const out = new Map<string, number[]>([['baseline', []], ...scenarios.map((s) => [s, []] as [string, number[]])]);
  for (let n = 0; n < opts.draws; n++) {
    const x = vars.map((u) => triangular(prng.next(), u.low, u.mode, u.high));
    const g = withValues(graph, vars, x);
    out.get('baseline')!.push(literalFigure(g, demand, set));
    for (const s of scenarios) out.get(s)!.push(literalIn(g, s, demand, set));
  }
  return out;
}
