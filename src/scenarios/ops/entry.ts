import type { Operation } from '../../model/schema.ts';
import type { OpContext } from '../context.ts';

/** One scenario operation: its name, a line for people, and a function that changes the copy or throws OpFailure. */
export interface OperationEntry<O extends Operation = Operation> {
  op: O['op'];
  summary: string;
  apply(ctx: OpContext, op: O): void;
}
