/** The form of one flow: supplier, customer, input (suggested from the graph's), value, sources, note. */
import { nodeOf } from '../doc-index.ts';
import { money } from '../../report/format.ts';
import { BASES, type EdgeAttributes } from '../../model/schema.ts';
import { h } from '../dom.ts';
import { nodeOptions, type EditContext } from './context.ts';
import { checkedSources, field, formError, inputList, optional, select, sourcePicker, textInput } from './fields.ts';

export const FLOW_FORM = 'flow';

export function renderFlowForm(ctx: EditContext, key: string | null, preset: { source?: string; target?: string } = {}): HTMLElement {
  const { doc } = ctx;
  const edge = key ? doc.edges.find((e) => e.key === key) : undefined;
  const a = edge?.attributes;
  const labelOf = (k: string) => nodeOf(doc, k)?.attributes.label ?? k;
  const options: [string, string][] = [['', '— pick a node —'], ...nodeOptions(doc)];
  const source = select(options, edge?.source ?? preset.source ?? '', { id: 'flow-source', disabled: !!edge });
  const target = select(options, edge?.target ?? preset.target ?? '', { id: 'flow-target', disabled: !!edge });
  const input = textInput(a?.input, { id: 'flow-input', list: 'flow-input-list', placeholder: 'e.g. logic-fab' });
  const value = h('input', { type: 'number', id: 'flow-value', step: 'any', value: a ? String(a.value) : '' });
  // How the value is known, and the span it plausibly lies in (docs/robustness.md).
  const basis = select([['', '— not said —'], ...BASES.map((b): [string, string] => [b, b])], a?.basis ?? '', { id: 'flow-basis' });
  const low = h('input', { type: 'number', id: 'flow-range-low', step: 'any', min: '0', value: a?.range ? String(a.range[0]) : '', 'aria-label': 'Range: low' });
  const high = h('input', { type: 'number', id: 'flow-range-high', step: 'any', min: '0', value: a?.range ? String(a.range[1]) : '', 'aria-label': 'Range: high' });
  const note = h('textarea', { id: 'flow-note', rows: '2' });
  note.value = a?.note ?? '';
  const currency = doc.attributes.currency ?? 'USD';

  const form = h('form', { className: 'edit-form', id: 'flow-form', 'data-form': FLOW_FORM, novalidate: true, 'aria-labelledby': 'flow-form-title' },
    h('h3', { id: 'flow-form-title' }, edge ? `Flow: ${labelOf(edge.source)} → ${labelOf(edge.target)}` : 'New flow'),
    edge ? h('p', { className: 'hint' }, `${a!.input}, ${money(a!.value, currency)} a year. Supplier and customer are fixed: delete the flow and add another to change them.`) : null,
    formError(),
    h('div', { className: 'row' }, field('source', 'Supplier', source), field('target', 'Customer', target)),
    h('div', { className: 'row' }, field('input', 'Input', input, 'What flows: a lower-case slug.'), field('value', `Value (${currency} a year)`, value)),
    h('div', { className: 'row' }, field('basis', 'Basis', basis, 'reported, derived or assumption'), field('range', 'Range: low', low, 'Both empty: no range of its own.'), field('range-high', 'Range: high', high)),
    inputList('flow-input-list', doc),
    sourcePicker(doc, a?.sources),
    field('note', 'Note', note),
    edge ? null : h('p', { className: 'hint' }, 'On the graph: Shift+drag from a supplier to a customer fills in both.'),
    h('div', { className: 'actions' },
      h('button', { type: 'submit', className: 'primary', id: 'flow-save' }, edge ? 'Save flow' : 'Add flow'),
      edge ? h('button', { type: 'button', id: 'flow-delete', onclick: () => ctx.submit(FLOW_FORM, { type: 'removeEdge', key: edge.key! }, `delete flow ${labelOf(edge.source)} → ${labelOf(edge.target)}`, () => ctx.openFlow(null)) }, 'Delete flow') : null,
      edge ? h('button', { type: 'button', className: 'ghost', onclick: () => ctx.openFlow(null) }, 'New flow') : null,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // An empty box is sent as nothing, so that the schema says a number is missing.
    const v = value.value.trim() === '' ? undefined : Number(value.value);
    const attributes = { ...(a ?? {}), input: input.value.trim(), value: v } as EdgeAttributes;
    if (basis.value) attributes.basis = basis.value as EdgeAttributes['basis'];
    else delete attributes.basis;
    // Both bounds or none; the schema says what is wrong with them (a low above the high, a range not holding the value).
    const lo = low.value.trim();
    const hi = high.value.trim();
    if (lo === '' && hi === '') delete attributes.range;
    else attributes.range = [lo === '' ? Number.NaN : Number(lo), hi === '' ? Number.NaN : Number(hi)] as [number, number];
    const sources = checkedSources(form);
    if (sources.length) attributes.sources = sources;
    else delete attributes.sources;
    const n = optional(note.value);
    if (n === undefined) delete attributes.note;
    else attributes.note = n;
    if (edge) ctx.submit(FLOW_FORM, { type: 'updateEdge', key: edge.key!, attributes }, `edit flow ${labelOf(edge.source)} → ${labelOf(edge.target)}`);
    else ctx.submit(FLOW_FORM, { type: 'addEdge', source: source.value, target: target.value, attributes }, `add flow ${labelOf(source.value)} → ${labelOf(target.value)}`, () => ctx.openFlow(null, { source: source.value }));
  });
  return form;
}
