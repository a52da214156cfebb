import type { Operation } from '../../model/schema.ts';
import { requireFlows } from '../context.ts';
import type { OperationEntry } from './entry.ts';

export const REMOVE_FLOW: OperationEntry<Extract<Operation, { op: 'removeFlow' }>> = {
  op: 'removeFlow',
  summary: 'removes the flow',
  apply(ctx, op) {
    for (const edge of requireFlows(ctx, op.source, op.target, op.input)) ctx.graph.dropEdge(edge);
  },
};
