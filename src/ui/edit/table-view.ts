/**
 * Every node and flow in two tables that sort (click a header), filter (one
 * box: any cell containing the text) and edit in place: a changed cell is one
 * edit; if the worker refuses it, the row shows why and the cell goes back.
 */
import type { EdgeAttributes, EdgeRecord, NodeAttributes, NodeKind, NodeRecord } from '../../model/schema.ts';
import { NODE_KINDS } from '../../model/schema.ts';
import { formatProblem } from '../../model/problem.ts';
import { h } from '../dom.ts';
import { KIND_NAMES } from '../look.ts';
import type { EditContext } from './context.ts';
import { countryInput, countryList, inputList, readCountry, select, textInput } from './fields.ts';

export const TABLE_FORM = 'table';
/** Rows drawn at most; the filter narrows them. */
const MAX_ROWS = 400;

export interface TableState {
  which: 'nodes' | 'flows';
  filter: string;
  sort: { column: string; descending: boolean };
}

type Row = { key: string; cells: Record<string, string | number> };

export function renderTableView(ctx: EditContext, st: TableState, change: (next: Partial<TableState>) => void): HTMLElement {
  const { doc } = ctx;
  const labelOf = new Map(doc.nodes.map((n) => [n.key, n.attributes.label]));
  const columns: [string, string][] = st.which === 'nodes'
    ? [['key', 'Key'], ['label', 'Label'], ['kind', 'Kind'], ['country', 'Country'], ['company', 'Company'], ['note', 'Note']]
    : [['source', 'Supplier'], ['target', 'Customer'], ['input', 'Input'], ['value', 'Value'], ['note', 'Note']];
  const rows: Row[] = st.which === 'nodes'
    ? doc.nodes.map((n) => ({ key: n.key, cells: { key: n.key, label: n.attributes.label, kind: n.attributes.kind, country: n.attributes.country, company: n.attributes.company ?? '', note: n.attributes.note ?? '' } }))
    : doc.edges.map((e) => ({ key: e.key!, cells: { source: labelOf.get(e.source) ?? e.source, target: labelOf.get(e.target) ?? e.target, input: e.attributes.input, value: e.attributes.value, note: e.attributes.note ?? '' } }));
  const q = st.filter.trim().toLowerCase();
  const shown = (q ? rows.filter((r) => Object.values(r.cells).some((v) => String(v).toLowerCase().includes(q))) : rows).sort((a, b) => {
    const x = a.cells[st.sort.column] ?? '';
    const y = b.cells[st.sort.column] ?? '';
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return st.sort.descending ? -c : c;
  });

  const filter = textInput(st.filter, { id: 'table-filter', type: 'search', placeholder: 'Filter: any text in a row', 'aria-label': 'Filter the table' });
  filter.addEventListener('input', () => change({ filter: filter.value }));
  const head = h('tr', {});
  for (const [col, name] of columns) {
    const sorted = st.sort.column === col;
    head.append(h('th', { scope: 'col', 'aria-sort': sorted ? (st.sort.descending ? 'descending' : 'ascending') : 'none' },
      h('button', { type: 'button', className: 'link', 'data-sort': col, onclick: () => change({ sort: { column: col, descending: sorted ? !st.sort.descending : false } }) }, name, sorted ? (st.sort.descending ? ' ▾' : ' ▴') : '')));
  }
  head.append(h('th', { scope: 'col' }, ''));
  const body = h('tbody');
  const nodeByKey = new Map(doc.nodes.map((n) => [n.key, n]));
  const edgeByKey = new Map(doc.edges.map((e) => [e.key!, e]));
  for (const row of shown.slice(0, MAX_ROWS)) body.append(st.which === 'nodes' ? nodeRow(ctx, nodeByKey.get(row.key)!) : flowRow(ctx, edgeByKey.get(row.key)!, labelOf));
  const table = h('table', { className: 'figures compact edit-table', id: `table-${st.which}` },
    h('caption', {}, shown.length > MAX_ROWS ? `${MAX_ROWS} of ${shown.length} rows: filter to see the others.` : `${shown.length} of ${rows.length} ${st.which}. Change a cell and leave it (or press Enter) to save.`),
    h('thead', {}, head), body);
  const tabs = h('div', { className: 'segmented', role: 'group', 'aria-label': 'Table' },
    h('button', { type: 'button', id: 'table-show-nodes', 'aria-pressed': String(st.which === 'nodes'), onclick: () => change({ which: 'nodes', sort: { column: 'label', descending: false } }) }, `Nodes (${doc.nodes.length})`),
    h('button', { type: 'button', id: 'table-show-flows', 'aria-pressed': String(st.which === 'flows'), onclick: () => change({ which: 'flows', sort: { column: 'value', descending: true } }) }, `Flows (${doc.edges.length})`));
  return h('div', { className: 'table-view', 'data-form': TABLE_FORM },
    h('div', { className: 'table-tools' }, tabs, filter),
    h('p', { className: 'form-error error', role: 'alert' }),
    countryList('table-country-list', doc), inputList('table-input-list', doc),
    h('div', { className: 'table-scroll' }, table));
}

/** Commits a cell when it changes; on refusal the row shows the problem. */
function commit(row: HTMLElement, send: () => void) {
  row.querySelector('.row-error')!.textContent = '';
  send();
}

function nodeRow(ctx: EditContext, node: NodeRecord): HTMLElement {
  const { key, attributes: a } = node;
  const row = h('tr', { 'data-key': key });
  const update = (patch: Partial<NodeAttributes>, drop?: 'company' | 'note') => {
    const attributes: NodeAttributes = { ...a, ...patch };
    if (drop) delete attributes[drop];
    commit(row, () => ctx.submit(`${TABLE_FORM}:${key}`, { type: 'updateNode', key, attributes }, `edit ${a.label}`));
  };
  const text = (name: 'label' | 'company' | 'note', value: string | undefined) => {
    const el = textInput(value, { 'aria-label': `${name} of ${a.label}`, 'data-cell': name });
    el.addEventListener('change', () => (el.value.trim() === '' && name !== 'label' ? update({}, name) : update({ [name]: el.value.trim() })));
    return el;
  };
  const kind = select(NODE_KINDS.map((k) => [k, KIND_NAMES[k]]), a.kind, { 'aria-label': `kind of ${a.label}`, 'data-cell': 'kind' });
  kind.addEventListener('change', () => update({ kind: kind.value as NodeKind }));
  const country = countryInput(a.country, 'table-country-list', ctx.doc, { 'aria-label': `country of ${a.label}`, 'data-cell': 'country' });
  country.addEventListener('change', () => update({ country: readCountry(country.value, ctx.doc) }));
  row.append(
    h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', title: 'Open in the node form', onclick: () => ctx.openNode(key) }, key)),
    h('td', {}, text('label', a.label)), h('td', {}, kind), h('td', {}, country), h('td', {}, text('company', a.company)), h('td', {}, text('note', a.note)),
    h('td', {}, h('button', { type: 'button', className: 'small', 'aria-label': `Delete ${a.label}`, onclick: () => commit(row, () => ctx.submit(`${TABLE_FORM}:${key}`, { type: 'removeNode', key }, `delete ${a.label}`)) }, '×'), h('span', { className: 'row-error error', role: 'alert' })),
  );
  return row;
}

function flowRow(ctx: EditContext, edge: EdgeRecord, labelOf: Map<string, string>): HTMLElement {
  const key = edge.key!;
  const a = edge.attributes;
  const name = `${labelOf.get(edge.source) ?? edge.source} → ${labelOf.get(edge.target) ?? edge.target}`;
  const row = h('tr', { 'data-key': key });
  const update = (patch: Partial<EdgeAttributes>, dropNote = false) => {
    const attributes = { ...a, ...patch } as EdgeAttributes;
    if (dropNote) delete attributes.note;
    commit(row, () => ctx.submit(`${TABLE_FORM}:${key}`, { type: 'updateEdge', key, attributes }, `edit flow ${name}`));
  };
  const input = textInput(a.input, { list: 'table-input-list', 'aria-label': `input of ${name}`, 'data-cell': 'input' });
  input.addEventListener('change', () => update({ input: input.value.trim() }));
  const value = h('input', { type: 'number', step: 'any', value: String(a.value), 'aria-label': `value of ${name}`, 'data-cell': 'value' });
  value.addEventListener('change', () => update({ value: value.value.trim() === '' ? (undefined as unknown as number) : Number(value.value) }));
  const note = textInput(a.note, { 'aria-label': `note of ${name}`, 'data-cell': 'note' });
  note.addEventListener('change', () => (note.value.trim() === '' ? update({}, true) : update({ note: note.value })));
  row.append(
    h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', title: 'Open in the flow form', onclick: () => ctx.openFlow(key) }, labelOf.get(edge.source) ?? edge.source)),
    h('td', {}, labelOf.get(edge.target) ?? edge.target), h('td', {}, input), h('td', { className: 'num' }, value), h('td', {}, note),
    h('td', {}, h('button', { type: 'button', className: 'small', 'aria-label': `Delete flow ${name}`, onclick: () => commit(row, () => ctx.submit(`${TABLE_FORM}:${key}`, { type: 'removeEdge', key }, `delete flow ${name}`)) }, '×'), h('span', { className: 'row-error error', role: 'alert' })),
  );
  return row;
}

/** Shows a refused cell edit in its row (the row of `form` = `table:<key>`); the cell keeps what was typed, to be corrected. */
export function showRowProblems(root: HTMLElement, form: string, problems: { path: string; expected: string; found: string; severity: 'error' | 'warning' }[]): boolean {
  const key = form.slice(TABLE_FORM.length + 1);
  const row = root.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(key)}"]`);
  const slot = row?.querySelector<HTMLElement>('.row-error');
  if (!slot) return false;
  slot.textContent = problems.map(formatProblem).join(' ');
  return true;
}
