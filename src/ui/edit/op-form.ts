/**
 * A form for each scenario operation of the spec (graph-format.md §5): nodes
 * and selectors picked from lists, amounts with a currency. It reads the form
 * into an operation without judging it: the worker checks it with the
 * schemas, and its problems come back next to the fields.
 */
import { NODE_KINDS, type GraphDocument, type NodeKind, type Operation, type OperationName, type Selector } from '../../model/schema.ts';
import { h } from '../dom.ts';
import { KIND_NAMES } from '../look.ts';
import { nodeOptions } from './context.ts';
import { countryInput, countryList, field, inputList, optional, readCountry, select, textInput } from './fields.ts';

export const OP_NAMES: Record<OperationName, string> = {
  addNode: 'Add a node',
  removeNode: 'Remove a node',
  setNode: 'Change a node',
  addFlow: 'Add a flow',
  setFlow: 'Set a flow’s value',
  removeFlow: 'Remove a flow',
  scaleFlows: 'Scale flows',
  shiftFlows: 'Shift a buyer’s purchases',
};

export interface OpFields {
  element: HTMLElement;
  read(): Operation;
}

const num = (el: HTMLInputElement) => (el.value.trim() === '' ? undefined : Number(el.value));
const numInput = (id: string, v: number | undefined, attrs: Record<string, string> = {}) => h('input', { type: 'number', step: 'any', id, value: v === undefined ? '' : String(v), ...attrs });
const first = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? v[0] : v);

/** The fields of one operation type, filled from `op` when it is of that type. */
export function opFields(type: OperationName, doc: GraphDocument, op?: Operation): OpFields {
  const o = (op?.op === type ? op : undefined) as Record<string, unknown> | undefined;
  const nodes: [string, string][] = [['', '— pick a node —'], ...nodeOptions(doc)];
  const kinds: [string, string][] = [['', 'any kind'], ...NODE_KINDS.map((k): [string, string] => [k, KIND_NAMES[k]])];
  const currency = doc.attributes.currency ?? 'USD';
  const lists = h('div', { hidden: true }, countryList('op-country-list', doc), inputList('op-input-list', doc));
  const nodeSelect = (id: string, v: unknown) => select(nodes, typeof v === 'string' ? v : '', { id });
  const inputBox = (id: string, v: unknown) => textInput(typeof v === 'string' ? v : '', { id, list: 'op-input-list', placeholder: 'e.g. logic-fab' });

  const selectorBox = (name: string, legend: string, s: Selector | undefined) => {
    const kind = select(kinds, first(s?.kind) ?? '', { id: `op-${name}-kind` });
    const country = countryInput(first(s?.country), 'op-country-list', doc, { id: `op-${name}-country`, placeholder: 'any country' });
    const key = select([['', 'any node'], ...nodeOptions(doc)], first(s?.key) ?? '', { id: `op-${name}-key` });
    const el = h('fieldset', { className: 'field selector', 'data-field': name }, h('legend', {}, legend),
      h('div', { className: 'row' }, field(`${name}-kind`, 'Kind', kind), field(`${name}-country`, 'Country', country)),
      field(`${name}-key`, 'Or one node', key),
      h('span', { className: 'field-error', role: 'alert' }));
    const read = (): Selector => {
      const out: Selector = {};
      if (key.value) out.key = key.value;
      if (kind.value) out.kind = kind.value as NodeKind;
      if (country.value.trim()) out.country = readCountry(country.value, doc);
      return out;
    };
    return { el, read };
  };

  // value in the graph's currency, or an amount in another one
  const amountBox = () => {
    const amount = o?.amount as { value: number; currency: string } | undefined;
    const value = numInput('op-value', amount ? amount.value : (o?.value as number | undefined));
    const cur = textInput(amount?.currency ?? currency, { id: 'op-currency', maxlength: '3', size: '4' });
    const el = h('div', { className: 'row' }, field('value', 'Value a year', value), field('amount', 'Currency', cur, amount || cur.value !== currency ? undefined : `The graph’s (${currency}); another needs an fx rate.`));
    const read = () => (cur.value.trim().toUpperCase() === currency ? { value: num(value) } : { amount: { value: num(value), currency: cur.value.trim().toUpperCase() } });
    return { el, read };
  };

  switch (type) {
    case 'addNode': {
      const a = (o?.attributes ?? {}) as Record<string, string>;
      const key = textInput(o?.key as string | undefined, { id: 'op-key' });
      const label = textInput(a.label, { id: 'op-label' });
      const kind = select(NODE_KINDS.map((k) => [k, KIND_NAMES[k]]), a.kind ?? 'foundry', { id: 'op-kind' });
      const country = countryInput(a.country, 'op-country-list', doc, { id: 'op-country' });
      return {
        element: h('div', {}, lists, h('div', { className: 'row' }, field('key', 'Key', key), field('label', 'Label', label)), h('div', { className: 'row' }, field('kind', 'Kind', kind), field('country', 'Country', country))),
        read: () => ({ op: 'addNode', key: key.value.trim(), attributes: { label: label.value.trim(), kind: kind.value as NodeKind, country: readCountry(country.value, doc) } }),
      };
    }
    case 'removeNode': {
      const key = nodeSelect('op-node', o?.key);
      return { element: h('div', {}, field('key', 'Node', key)), read: () => ({ op: 'removeNode', key: key.value }) };
    }
    case 'setNode': {
      const a = (o?.attributes ?? {}) as Record<string, string>;
      const key = nodeSelect('op-node', o?.key);
      const label = textInput(a.label, { id: 'op-label', placeholder: 'unchanged' });
      const kind = select([['', 'unchanged'], ...NODE_KINDS.map((k): [string, string] => [k, KIND_NAMES[k]])], a.kind ?? '', { id: 'op-kind' });
      const country = countryInput(a.country, 'op-country-list', doc, { id: 'op-country', placeholder: 'unchanged' });
      return {
        element: h('div', {}, lists, field('key', 'Node', key), field('label', 'New label', label), h('div', { className: 'row' }, field('kind', 'New kind', kind), field('country', 'New country', country))),
        read: () => {
          const attributes: Record<string, string> = {};
          if (optional(label.value)) attributes.label = label.value.trim();
          if (kind.value) attributes.kind = kind.value;
          if (country.value.trim()) attributes.country = readCountry(country.value, doc);
          return { op: 'setNode', key: key.value, attributes } as Operation;
        },
      };
    }
    case 'addFlow':
    case 'setFlow':
    case 'removeFlow': {
      const source = nodeSelect('op-source', o?.source);
      const target = nodeSelect('op-target', o?.target);
      const input = inputBox('op-input', o?.input);
      const amount = type === 'removeFlow' ? null : amountBox();
      return {
        element: h('div', {}, lists, h('div', { className: 'row' }, field('source', 'Supplier', source), field('target', 'Customer', target)), field('input', 'Input', input), amount?.el ?? null),
        read: () => ({ op: type, source: source.value, target: target.value, input: input.value.trim(), ...(amount ? amount.read() : {}) }) as Operation,
      };
    }
    case 'scaleFlows': {
      const where = (o?.where ?? {}) as { source?: Selector; target?: Selector; input?: string | string[] };
      const from = selectorBox('source', 'From suppliers', where.source);
      const to = selectorBox('target', 'To customers', where.target);
      const input = inputBox('op-input', first(where.input));
      const factor = numInput('op-factor', o?.factor as number | undefined, { min: '0' });
      return {
        element: h('div', {}, lists, from.el, to.el, h('div', { className: 'row' }, field('input', 'Input (any if empty)', input), field('factor', 'Factor (0 cuts, 2 doubles)', factor))),
        read: () => {
          const w: Record<string, unknown> = {};
          const s = from.read();
          const t = to.read();
          if (Object.keys(s).length) w.source = s;
          if (Object.keys(t).length) w.target = t;
          if (input.value.trim()) w.input = input.value.trim();
          return { op: 'scaleFlows', where: w, factor: num(factor) } as Operation;
        },
      };
    }
    case 'shiftFlows': {
      const target = nodeSelect('op-target', o?.target);
      const input = inputBox('op-input', o?.input);
      const from = selectorBox('from', 'Away from suppliers', o?.from as Selector | undefined);
      const to = selectorBox('to', 'Towards suppliers', o?.to as Selector | undefined);
      const fraction = numInput('op-fraction', o?.fraction === undefined ? undefined : 100 * (o.fraction as number), { min: '0', max: '100' });
      return {
        element: h('div', {}, lists, h('div', { className: 'row' }, field('target', 'Buyer', target), field('input', 'Input', input)), from.el, to.el, field('fraction', 'Share moved (%)', fraction)),
        read: () => {
          const f = num(fraction);
          return { op: 'shiftFlows', target: target.value, input: input.value.trim(), from: from.read(), to: to.read(), fraction: f === undefined ? f : f / 100 } as Operation;
        },
      };
    }
  }
}

