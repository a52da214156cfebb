import type { Operation } from '../../model/schema.ts';
import { matchingEdges } from '../select.ts';
import type { OperationEntry } from './entry.ts';

export const SCALE_FLOWS: OperationEntry<Extract<Operation, { op: 'scaleFlows' }>> = {
  op: 'scaleFlows',
  summary: 'multiplies by factor the value of every flow matching where',
  apply(ctx, op) {
    for (const edge of matchingEdges(ctx.graph, op.where)) {
      ctx.graph.updateEdgeAttribute(edge, 'value', (v) => (v ?? 0) * op.factor);
    }
  },
};
