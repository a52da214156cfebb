/** A scenario operation in plain words, for the reports' list of scenario parameters. */
import type { Amount, Operation, Selector, Where } from '../model/schema.ts';

const list = (v: string | string[]) => (Array.isArray(v) ? v.join(' or ') : v);

export function describeSelector(s: Selector): string {
  const parts = (['key', 'kind', 'country', 'company'] as const).filter((f) => s[f] !== undefined).map((f) => `${f} ${list(s[f]!)}`);
  return parts.length ? parts.join(', ') : 'any node';
}

function describeWhere(w: Where): string {
  const parts: string[] = [];
  if (w.source) parts.push(`from ${describeSelector(w.source)}`);
  if (w.target) parts.push(`to ${describeSelector(w.target)}`);
  if (w.input) parts.push(`of ${list(w.input)}`);
  return parts.length ? parts.join(' ') : 'every flow';
}

const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
const amount = (op: { value?: number | undefined; amount?: Amount | undefined }, currency: string) =>
  op.amount ? `${num(op.amount.value)} ${op.amount.currency}` : `${num(op.value ?? 0)} ${currency}`;

export function describeOp(op: Operation, currency: string): string {
  switch (op.op) {
    case 'addNode':
      return `add node ${op.key} (${op.attributes.label}; ${op.attributes.kind}, ${op.attributes.country})`;
    case 'removeNode':
      return `remove node ${op.key} and its flows`;
    case 'setNode':
      return `set ${Object.keys(op.attributes).join(', ') || 'nothing'} of node ${op.key}`;
    case 'addFlow':
      return `add ${amount(op, currency)} of ${op.input} from ${op.source} to ${op.target}`;
    case 'setFlow':
      return `set the ${op.input} flow from ${op.source} to ${op.target} to ${amount(op, currency)}`;
    case 'removeFlow':
      return `remove the ${op.input} flow from ${op.source} to ${op.target}`;
    case 'scaleFlows':
      return `multiply by ${num(op.factor)} the flows ${describeWhere(op.where)}`;
    case 'shiftFlows':
      return `move ${num(100 * op.fraction)}% of what ${op.target} buys of ${op.input} from suppliers with ${describeSelector(op.from)} to suppliers with ${describeSelector(op.to)}`;
  }
}
