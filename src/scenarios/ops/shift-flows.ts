import type { Operation } from '../../model/schema.ts';
import { requireNode } from '../context.ts';
import { OpFailure } from '../op-failure.ts';
import { describeSelector, matchesSelector } from '../select.ts';
import type { OperationEntry } from './entry.ts';

/**
 * Moves `fraction` of what `target` buys of `input` from the `from` suppliers
 * to the `to` suppliers. Both sides are weighed by the values before the
 * operation; an edge on both sides gives and receives. The total is unchanged.
 */
export const SHIFT_FLOWS: OperationEntry<Extract<Operation, { op: 'shiftFlows' }>> = {
  op: 'shiftFlows',
  summary: 'moves a fraction of what a target buys of an input from some suppliers to others',
  apply(ctx, op) {
    requireNode(ctx, op.target, 'target');
    const g = ctx.graph;
    const edges = g.filterInEdges(op.target, (_e, attrs) => attrs.input === op.input);
    const pick = (sel: typeof op.from) => edges.filter((e) => matchesSelector(sel, g.source(e), g.getNodeAttributes(g.source(e))));
    const from = pick(op.from);
    const to = pick(op.to);
    const what = `a supplier of "${op.input}" to "${op.target}"`;
    if (from.length === 0) throw new OpFailure(`${what} matching from ${describeSelector(op.from)}`, 'none');
    if (to.length === 0) throw new OpFailure(`${what} matching to ${describeSelector(op.to)}`, 'none');
    const before = new Map(edges.map((e) => [e, g.getEdgeAttribute(e, 'value')]));
    const fromTotal = from.reduce((s, e) => s + before.get(e)!, 0);
    if (fromTotal === 0) {
      throw new OpFailure(`something to shift from ${describeSelector(op.from)}`, 'flows whose values sum to 0');
    }
    const moved = op.fraction * fromTotal;
    const toTotal = to.reduce((s, e) => s + before.get(e)!, 0);
    for (const e of from) g.updateEdgeAttribute(e, 'value', (v) => (v ?? 0) - op.fraction * before.get(e)!);
    for (const e of to) {
      const gain = toTotal > 0 ? (moved * before.get(e)!) / toTotal : moved / to.length;
      g.updateEdgeAttribute(e, 'value', (v) => Math.max(0, (v ?? 0) + gain));
    }
  },
};
