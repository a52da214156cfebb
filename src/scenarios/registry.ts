/** Every scenario operation of graph-format.md, by name. */
import type { Operation, OperationName } from '../model/schema.ts';
import { ADD_FLOW } from './ops/add-flow.ts';
import { ADD_NODE } from './ops/add-node.ts';
import type { OperationEntry } from './ops/entry.ts';
import { REMOVE_FLOW } from './ops/remove-flow.ts';
import { REMOVE_NODE } from './ops/remove-node.ts';
import { SCALE_FLOWS } from './ops/scale-flows.ts';
import { SET_FLOW } from './ops/set-flow.ts';
import { SET_NODE } from './ops/set-node.ts';
import { SHIFT_FLOWS } from './ops/shift-flows.ts';

export const OPERATIONS: { [K in OperationName]: OperationEntry<Extract<Operation, { op: K }>> } = {
  addNode: ADD_NODE,
  removeNode: REMOVE_NODE,
  setNode: SET_NODE,
  addFlow: ADD_FLOW,
  setFlow: SET_FLOW,
  removeFlow: REMOVE_FLOW,
  scaleFlows: SCALE_FLOWS,
  shiftFlows: SHIFT_FLOWS,
};
