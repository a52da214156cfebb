/** The form of one node: add a new one or change or delete an existing one. */
import { nodeOf } from '../doc-index.ts';
import { NODE_KINDS, type NodeAttributes, type NodeKind } from '../../model/schema.ts';
import { h } from '../dom.ts';
import { KIND_NAMES } from '../look.ts';
import { freeNodeKey, type EditContext } from './context.ts';
import { checkedSources, countryInput, countryList, field, formError, optional, readCountry, select, sourcePicker, textInput } from './fields.ts';

export const NODE_FORM = 'node';

export function renderNodeForm(ctx: EditContext, key: string | null): HTMLElement {
  const { doc } = ctx;
  const node = key ? nodeOf(doc, key) : undefined;
  const a = node?.attributes;
  const keyInput = textInput(node?.key ?? '', { placeholder: 'from the label', disabled: !!node, id: 'node-key' });
  const label = textInput(a?.label, { id: 'node-label', required: true });
  const kind = select(NODE_KINDS.map((k) => [k, KIND_NAMES[k]]), a?.kind ?? 'supplier', { id: 'node-kind' });
  const country = countryInput(a?.country, 'node-country-list', doc, { id: 'node-country' });
  const company = textInput(a?.company, { id: 'node-company', placeholder: 'the firm, for concentration' });
  const note = h('textarea', { id: 'node-note', rows: '2' });
  note.value = a?.note ?? '';

  const form = h('form', { className: 'edit-form', id: 'node-form', 'data-form': NODE_FORM, novalidate: true, 'aria-labelledby': 'node-form-title' },
    h('h3', { id: 'node-form-title' }, node ? `Node: ${a!.label}` : 'New node'),
    formError(),
    field('label', 'Label', label),
    field('key', 'Key', keyInput, node ? 'A node’s key does not change.' : 'Left empty: made from the label.'),
    h('div', { className: 'row' }, field('kind', 'Kind', kind), field('country', 'Country', country, 'Type a name, pick it from the list.')),
    countryList('node-country-list', doc),
    field('company', 'Company', company),
    sourcePicker(doc, a?.sources),
    field('note', 'Note', note),
    h('div', { className: 'actions' },
      h('button', { type: 'submit', className: 'primary', id: 'node-save' }, node ? 'Save node' : 'Add node'),
      node ? h('button', { type: 'button', id: 'node-delete', onclick: () => ctx.submit(NODE_FORM, { type: 'removeNode', key: node.key }, `delete ${a!.label}`, () => ctx.openNode(null)) }, 'Delete node') : null,
      node ? h('button', { type: 'button', className: 'ghost', onclick: () => ctx.openFlow(null, { source: node.key }) }, 'Add a flow from it') : null,
      node ? h('button', { type: 'button', className: 'ghost', id: 'node-new', onclick: () => ctx.openNode(null) }, 'New node') : null,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const sources = checkedSources(form);
    // Loose attributes the form does not show (positions, another tool's data) are kept.
    const attributes: NodeAttributes = { ...(a ?? {}), label: label.value.trim(), kind: kind.value as NodeKind, country: readCountry(country.value, doc) };
    const set = (name: 'company' | 'note', v: string | undefined) => {
      if (v === undefined) delete attributes[name];
      else attributes[name] = v;
    };
    set('company', optional(company.value)?.trim());
    set('note', optional(note.value));
    if (sources.length) attributes.sources = sources;
    else delete attributes.sources;
    if (node) ctx.submit(NODE_FORM, { type: 'updateNode', key: node.key, attributes }, `edit ${attributes.label}`);
    else {
      const newKey = keyInput.value.trim() || freeNodeKey(doc, attributes.label);
      ctx.submit(NODE_FORM, { type: 'addNode', key: newKey, attributes }, `add ${attributes.label || newKey}`, () => ctx.openNode(newKey));
    }
  });
  return form;
}
