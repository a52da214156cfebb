import type { Operation } from '../../model/schema.ts';
import { requireNode } from '../context.ts';
import type { OperationEntry } from './entry.ts';

export const REMOVE_NODE: OperationEntry<Extract<Operation, { op: 'removeNode' }>> = {
  op: 'removeNode',
  summary: 'removes the node and its edges',
  apply(ctx, op) {
    requireNode(ctx, op.key, 'node');
    ctx.graph.dropNode(op.key);
  },
};
