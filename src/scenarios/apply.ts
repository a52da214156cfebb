/** Applying a scenario: to a copy, in order, all or nothing. */
import type { SupplyGraph } from '../model/graph.ts';
import { findOverflow } from '../model/totals.ts';
import type { Operation, Scenario } from '../model/schema.ts';
import type { OpContext } from './context.ts';
import { OpFailure, ScenarioError } from './op-failure.ts';
import { OPERATIONS } from './registry.ts';

export type ScenarioResult = { ok: true; graph: SupplyGraph } | { ok: false; error: ScenarioError };

function applyOne(ctx: OpContext, op: Operation): void {
  (OPERATIONS[op.op] as { apply(ctx: OpContext, op: Operation): void }).apply(ctx, op);
}

/** The graph after the scenario's operations; the graph passed in is never changed. */
export function applyScenario(graph: SupplyGraph, scenario: Scenario): ScenarioResult {
  const attrs = graph.getAttributes();
  const ctx: OpContext = {
    graph: graph.copy() as SupplyGraph,
    currency: attrs.currency ?? 'USD',
    fx: { ...attrs.fx, ...scenario.fx },
  };
  for (const [index, op] of scenario.ops.entries()) {
    try {
      applyOne(ctx, op);
    } catch (cause) {
      if (cause instanceof OpFailure) {
        return { ok: false, error: new ScenarioError(scenario.id, index, op.op, cause.expected, cause.found) };
      }
      // graphology's own errors (e.g. a self-loop) are still this operation's fault.
      const message = cause instanceof Error ? cause.message : String(cause);
      return { ok: false, error: new ScenarioError(scenario.id, index, op.op, 'an operation the graph accepts', message) };
    }
  }
  const overflow = findOverflow(ctx.graph);
  if (overflow) {
    const index = scenario.ops.findLastIndex((op) => op.op !== 'addNode' && op.op !== 'setNode' && op.op !== 'removeNode');
    const op = scenario.ops[index]?.op ?? 'scenario';
    return { ok: false, error: new ScenarioError(scenario.id, index, op, 'values whose sums stay finite', `${overflow.what} sum past the largest number`) };
  }
  return { ok: true, graph: ctx.graph };
}

export function scenariosOf(graph: SupplyGraph): Scenario[] {
  return graph.getAttribute('scenarios') ?? [];
}

export function findScenario(graph: SupplyGraph, id: string): Scenario | undefined {
  return scenariosOf(graph).find((s) => s.id === id);
}
