import { nextEdgeKey } from '../../model/graph.ts';
import type { Operation } from '../../model/schema.ts';
import { flowsBetween, requireNode, valueOf } from '../context.ts';
import type { OperationEntry } from './entry.ts';

export const ADD_FLOW: OperationEntry<Extract<Operation, { op: 'addFlow' }>> = {
  op: 'addFlow',
  summary: 'adds the value to the flow source -> target of that input, creating it if absent',
  apply(ctx, op) {
    requireNode(ctx, op.source, 'source');
    requireNode(ctx, op.target, 'target');
    const value = valueOf(ctx, op);
    const [edge] = flowsBetween(ctx, op.source, op.target, op.input);
    if (edge !== undefined) ctx.graph.updateEdgeAttribute(edge, 'value', (v) => (v ?? 0) + value);
    else ctx.graph.addDirectedEdgeWithKey(nextEdgeKey(ctx.graph), op.source, op.target, { input: op.input, value });
  },
};
