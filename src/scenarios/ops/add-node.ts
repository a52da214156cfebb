import type { Operation } from '../../model/schema.ts';
import { OpFailure } from '../op-failure.ts';
import type { OperationEntry } from './entry.ts';

export const ADD_NODE: OperationEntry<Extract<Operation, { op: 'addNode' }>> = {
  op: 'addNode',
  summary: 'adds a node (error if the key exists)',
  apply(ctx, op) {
    if (ctx.graph.hasNode(op.key)) throw new OpFailure(`a new key, not "${op.key}"`, 'a node with that key');
    ctx.graph.addNode(op.key, { ...op.attributes });
  },
};
