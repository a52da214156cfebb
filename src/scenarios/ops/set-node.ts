import type { Operation } from '../../model/schema.ts';
import { requireNode } from '../context.ts';
import type { OperationEntry } from './entry.ts';

export const SET_NODE: OperationEntry<Extract<Operation, { op: 'setNode' }>> = {
  op: 'setNode',
  summary: 'merges attributes into the node',
  apply(ctx, op) {
    requireNode(ctx, op.key, 'node');
    ctx.graph.mergeNodeAttributes(op.key, op.attributes);
  },
};
