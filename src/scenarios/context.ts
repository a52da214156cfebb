/** What every operation works on: the copy of the graph and the rates in force. */
import type { SupplyGraph } from '../model/graph.ts';
import type { Amount } from '../model/schema.ts';
import { OpFailure } from './op-failure.ts';

export interface OpContext {
  graph: SupplyGraph;
  /** The unit of every edge value. */
  currency: string;
  /** Units of another currency per one unit of `currency`: the graph's rates, overridden by the scenario's. */
  fx: Readonly<Record<string, number>>;
}

/** An operation's `value`, or its `amount` converted into the graph's currency. */
export function valueOf(ctx: Pick<OpContext, 'currency' | 'fx'>, op: { value?: number | undefined; amount?: Amount | undefined }): number {
  if (op.value !== undefined) return op.value;
  const amount = op.amount!;
  if (amount.currency === ctx.currency) return amount.value;
  const rate = ctx.fx[amount.currency];
  if (rate === undefined) {
    throw new OpFailure(`an exchange rate for ${amount.currency} in "fx" (of the graph or the scenario)`, 'none');
  }
  return amount.value / rate;
}

export function requireNode(ctx: OpContext, key: string, role: string): void {
  if (!ctx.graph.hasNode(key)) throw new OpFailure(`${role} "${key}" to be a node of the graph`, 'no such node');
}

/** Edges source -> target carrying `input`, in insertion order. */
export function flowsBetween(ctx: OpContext, source: string, target: string, input: string): string[] {
  if (!ctx.graph.hasNode(source) || !ctx.graph.hasNode(target)) return [];
  return ctx.graph.filterOutEdges(source, target, (_e, attrs) => attrs.input === input);
}

export function requireFlows(ctx: OpContext, source: string, target: string, input: string): string[] {
  requireNode(ctx, source, 'source');
  requireNode(ctx, target, 'target');
  const edges = flowsBetween(ctx, source, target, input);
  if (edges.length === 0) throw new OpFailure(`a flow ${source} -> ${target} of "${input}"`, 'no such flow');
  return edges;
}
