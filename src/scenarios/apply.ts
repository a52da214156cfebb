/** Applying a scenario: in order, all or nothing, to a copy or in place and taken back. */
import type { SupplyGraph } from '../model/graph.ts';
import { findOverflow } from '../model/totals.ts';
import type { Operation, Scenario } from '../model/schema.ts';
import type { OpContext } from './context.ts';
import { journal, MAX_REMOVALS_IN_PLACE, NeedsCopy } from './journal.ts';
import { OpFailure, ScenarioError } from './op-failure.ts';
import { OPERATIONS } from './registry.ts';
import { scenarioTable, tableBaseOf, type TableBase } from './table-scenario.ts';

export type ScenarioResult = { ok: true; graph: SupplyGraph } | { ok: false; error: ScenarioError };

function applyOne(ctx: OpContext, op: Operation): void {
  (OPERATIONS[op.op] as { apply(ctx: OpContext, op: Operation): void }).apply(ctx, op);
}

/** Runs the operations on ctx.graph, in order; the first that fails (or a sum that overflows) is the error. NeedsCopy passes through. */
function runOps(ctx: OpContext, scenario: Scenario): ScenarioError | undefined {
  for (const [index, op] of scenario.ops.entries()) {
    try {
      applyOne(ctx, op);
    } catch (cause) {
      if (cause instanceof NeedsCopy) throw cause;
      if (cause instanceof OpFailure) return new ScenarioError(scenario.id, index, op.op, cause.expected, cause.found);
      // graphology's own errors (e.g. a self-loop) are still this operation's fault.
      const message = cause instanceof Error ? cause.message : String(cause);
      return new ScenarioError(scenario.id, index, op.op, 'an operation the graph accepts', message);
    }
  }
  const overflow = findOverflow(ctx.graph);
  if (overflow) {
    const index = scenario.ops.findLastIndex((op) => op.op !== 'addNode' && op.op !== 'setNode' && op.op !== 'removeNode');
    const op = scenario.ops[index]?.op ?? 'scenario';
    return new ScenarioError(scenario.id, index, op, 'values whose sums stay finite', `${overflow.what} sum past the largest number`);
  }
  return undefined;
}

function contextOf(graph: SupplyGraph, scenario: Scenario, working: SupplyGraph): OpContext {
  const attrs = graph.getAttributes();
  return { graph: working, currency: attrs.currency ?? 'USD', fx: { ...attrs.fx, ...scenario.fx } };
}

/** The graph after the scenario's operations, as a copy of its own; the graph passed in is never changed. */
export function applyScenario(graph: SupplyGraph, scenario: Scenario): ScenarioResult {
  const ctx = contextOf(graph, scenario, graph.copy() as SupplyGraph);
  const error = runOps(ctx, scenario);
  return error ? { ok: false, error } : { ok: true, graph: ctx.graph };
}

/**
 * `use` run on the graph as the scenario leaves it, and the graph put back as
 * it was: in place where every operation can be taken back exactly
 * (journal.ts), else on a copy. For figures that are read and let go, such as
 * a report or a check; `use` must not keep the graph it is given.
 */
export function withScenario<T>(graph: SupplyGraph, scenario: Scenario, use: (applied: SupplyGraph) => T): { ok: true; value: T } | { ok: false; error: ScenarioError } {
  const onCopy = () => {
    const copied = applyScenario(graph, scenario);
    return copied.ok ? { ok: true as const, value: use(copied.graph) } : copied;
  };
  // More removals than the journal puts back cheaply: straight to a copy, not after doing and undoing some.
  // A hint only (one op may remove several flows): the journal itself stops where a copy is cheaper (NeedsCopy).
  if (scenario.ops.filter((op) => op.op === 'removeNode' || op.op === 'removeFlow').length > MAX_REMOVALS_IN_PLACE) return onCopy();
  const j = journal(graph);
  let error: ScenarioError | undefined;
  try {
    error = runOps(contextOf(graph, scenario, j.view), scenario);
  } catch (cause) {
    j.revert();
    if (!(cause instanceof NeedsCopy)) throw cause;
    return onCopy();
  }
  if (error) {
    j.revert();
    return { ok: false, error };
  }
  try {
    return { ok: true, value: use(graph) };
  } finally {
    j.revert();
  }
}

export function scenariosOf(graph: SupplyGraph): Scenario[] {
  return graph.getAttribute('scenarios') ?? [];
}

/** The scenarios that do not apply to the graph as it is (the graph's own by default), each with its position and why. */
export function failingScenarios(graph: SupplyGraph, scenarios: readonly Scenario[] = scenariosOf(graph)): { at: number; scenario: Scenario; error: ScenarioError }[] {
  const out: { at: number; scenario: Scenario; error: ScenarioError }[] = [];
  // A scenario whose table can be made over the baseline's applies (table-scenario.ts decides only success);
  // the others are applied to the graph, which says why they fail, and puts back objects the base holds.
  let base: TableBase | undefined;
  scenarios.forEach((scenario, at) => {
    if (scenarioTable((base ??= tableBaseOf(graph)), scenario)) return;
    base = undefined;
    const result = withScenario(graph, scenario, () => undefined);
    if (!result.ok) out.push({ at, scenario, error: result.error });
  });
  return out;
}

export function findScenario(graph: SupplyGraph, id: string): Scenario | undefined {
  return scenariosOf(graph).find((s) => s.id === id);
}
