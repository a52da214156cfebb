/**
 * What is uncertain in a file (robustness.md §1): every flow with a range
 * (its own, or one its basis gets from the graph's `uncertainty`, or the
 * caller's default), and every addFlow/setFlow operation of a scenario with a
 * range. These are the draws' variables, in a fixed order: edges in file
 * order, then scenarios' operations in file order.
 */
import { isGeneratedEdgeKey, type SupplyGraph } from '../model/graph.ts';
import type { EdgeAttributes, Scenario, Uncertainty } from '../model/schema.ts';

export interface UncertainEdge {
  kind: 'edge';
  /** The edge's key, or `source->target:input` when the file gives none. */
  name: string;
  /** Position in the graph's edge order. */
  edge: number;
  source: string;
  target: string;
  input: string;
  low: number;
  mode: number;
  high: number;
}
export interface UncertainOp {
  kind: 'op';
  /** `SCENARIO_ID.ops[i]`. */
  name: string;
  /** Position of the scenario in the file's list, and of the operation in it. */
  scenario: number;
  op: number;
  source: string;
  target: string;
  input: string;
  /** In the units of the operation's value or amount. */
  low: number;
  mode: number;
  high: number;
}
export type Uncertain = UncertainEdge | UncertainOp;

/** `source->target:input`, an edge's name where the file gives it no key. */
export const flowName = (source: string, target: string, input: string) => `${source}->${target}:${input}`;

/** A flow's range: its own, else its basis's relative half-width, else the default (for a flow whose basis has none). */
export function rangeOf(attrs: EdgeAttributes, uncertainty: Uncertainty | undefined, fallback: number | undefined): [number, number] | undefined {
  if (attrs.range) return attrs.range;
  const r = (attrs.basis !== undefined ? uncertainty?.[attrs.basis] : undefined) ?? fallback;
  if (r === undefined) return undefined;
  const v = attrs.value;
  return [Math.max(0, v * (1 - r)), v * (1 + r)];
}

export function uncertainEdges(graph: SupplyGraph, fallback?: number): UncertainEdge[] {
  const uncertainty = graph.getAttribute('uncertainty');
  const out: UncertainEdge[] = [];
  let i = 0;
  graph.forEachEdge((key, attrs, source, target) => {
    const range = rangeOf(attrs, uncertainty, fallback);
    if (range) {
      const name = isGeneratedEdgeKey(key) ? flowName(source, target, attrs.input) : key;
      out.push({ kind: 'edge', name, edge: i, source, target, input: attrs.input, low: range[0], mode: attrs.value, high: range[1] });
    }
    i++;
  });
  return out;
}

export function uncertainOps(scenarios: readonly Scenario[]): UncertainOp[] {
  const out: UncertainOp[] = [];
  scenarios.forEach((s, si) =>
    s.ops.forEach((op, oi) => {
      if ((op.op !== 'addFlow' && op.op !== 'setFlow') || !op.range) return;
      const mode = op.value ?? op.amount!.value;
      out.push({ kind: 'op', name: `${s.id}.ops[${oi}]`, scenario: si, op: oi, source: op.source, target: op.target, input: op.input, low: op.range[0], mode, high: op.range[1] });
    }),
  );
  return out;
}

/** Every variable of the draws, in their order. */
export function uncertainOf(graph: SupplyGraph, fallback?: number): Uncertain[] {
  return [...uncertainEdges(graph, fallback), ...uncertainOps(graph.getAttribute('scenarios') ?? [])];
}
