import type { Operation } from '../../model/schema.ts';
import { requireFlows, valueOf } from '../context.ts';
import type { OperationEntry } from './entry.ts';

export const SET_FLOW: OperationEntry<Extract<Operation, { op: 'setFlow' }>> = {
  op: 'setFlow',
  summary: "sets the flow's value (0 removes it)",
  apply(ctx, op) {
    const value = valueOf(ctx, op);
    const [first, ...duplicates] = requireFlows(ctx, op.source, op.target, op.input);
    // Parallel flows of one input are one flow for the figures: the set value is their new total.
    for (const edge of duplicates) ctx.graph.dropEdge(edge);
    if (value === 0) ctx.graph.dropEdge(first!);
    else ctx.graph.setEdgeAttribute(first!, 'value', value);
  },
};
