/** The inspector of one node: its attributes, sources, suppliers and customers with shares, and its impact on each buyer. */
import { nodeOf } from '../doc-index.ts';
import { money, pct, pp } from '../../report/format.ts';
import { impactValue } from '../../report/model.ts';
import { countryLabel, placeName } from '../words.ts';
import { baselineReport, comparing as isComparing, currentReport, type AppState } from '../../state/app-state.ts';
import { h, link } from '../dom.ts';
import { KIND_COLORS, KIND_NAMES } from '../look.ts';

export interface InspectorActions {
  selectNode(key: string): void;
  failNode(key: string): void;
  failCountry(code: string): void;
  centre(key: string): void;
  close(): void;
  /** Opens the node in the editor. */
  edit?(key: string): void;
}

export function renderInspector(s: AppState, key: string, act: InspectorActions): HTMLElement | null {
  if (s.view.status !== 'done' || !s.loaded) return null;
  const view = s.view.value;
  const node = nodeOf(view.document, key);
  if (!node) return null;
  const a = node.attributes;
  const currency = s.loaded.report.graph.currency;
  const labelOf = (k: string) => nodeOf(view.document, k)?.attributes.label ?? k;
  const sources = new Map((view.document.attributes.sources ?? []).map((x) => [x.id, x]));
  const comparing = isComparing(s);

  const flows = (dir: 'in' | 'out') => {
    const rows = view.document.edges
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => (dir === 'in' ? e.target === key : e.source === key))
      .sort((p, q) => (p.e.attributes.input < q.e.attributes.input ? -1 : p.e.attributes.input > q.e.attributes.input ? 1 : q.e.attributes.value - p.e.attributes.value));
    if (rows.length === 0) return h('p', { className: 'hint' }, dir === 'in' ? 'None: a raw source.' : 'None.');
    const t = h('table', { className: 'figures compact flows' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, dir === 'in' ? 'Supplier' : 'Customer'), h('th', { scope: 'col', className: 'num' }, 'Value'), h('th', { scope: 'col', className: 'num', title: dir === 'in' ? 'share of this node’s input' : 'share of the customer’s input' }, 'Share'))),
    );
    const body = h('tbody');
    let group = '';
    for (const { e, i } of rows) {
      if (e.attributes.input !== group) {
        group = e.attributes.input;
        body.append(h('tr', { className: 'group' }, h('th', { scope: 'colgroup', colspan: '3' }, group)));
      }
      const other = dir === 'in' ? e.source : e.target;
      const share = view.shares[i];
      body.append(h('tr', {},
        h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', title: labelOf(other), onclick: () => act.selectNode(other) }, labelOf(other))),
        h('td', { className: 'num' }, money(e.attributes.value, currency)),
        h('td', { className: 'num' }, share === undefined || Number.isNaN(share) ? '—' : pct(share)),
      ));
    }
    t.append(body);
    return t;
  };

  const report = currentReport(s);
  const base = baselineReport(s);
  const impactTable = h('table', { className: 'figures compact', id: 'inspector-impact' },
    h('caption', {}, 'Share of each buyer’s supply lost if this node stops.'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Buyer'), comparing ? h('th', { scope: 'col', className: 'num' }, 'Baseline') : null, h('th', { scope: 'col', className: 'num' }, 'Impact'), comparing ? h('th', { scope: 'col', className: 'num' }, 'Δ') : null)),
  );
  const impactBody = h('tbody');
  // A cut list (docs/scale.md) leaves out what it did not compute: unknown there, not 0.
  const shown = (x: number | null) => (x === null ? '—' : pct(x));
  for (const row of report?.spof ?? []) {
    const impact = impactValue(report!, row.demand, key);
    const before = base ? impactValue(base, row.demand, key) : null;
    impactBody.append(h('tr', { 'data-demand': row.demand },
      h('th', { scope: 'row' }, labelOf(row.demand)),
      comparing ? h('td', { className: 'num muted' }, shown(before)) : null,
      h('td', { className: 'num' }, shown(impact)),
      comparing ? h('td', { className: 'num delta' }, impact === null || before === null ? '—' : pp(impact - before)) : null,
    ));
  }
  impactTable.append(impactBody);

  const sourceList = h('ul', { className: 'sources' });
  for (const id of a.sources ?? []) {
    const src = sources.get(id);
    if (!src) sourceList.append(h('li', {}, id));
    else sourceList.append(h('li', {}, link(src.url, src.title), src.publisher || src.date ? h('small', { className: 'muted' }, ` — ${[src.publisher, src.date].filter(Boolean).join(', ')}`) : null));
  }
  const failed = s.failure.nodes.includes(key);
  return h('aside', { className: 'inspector', id: 'inspector', 'aria-labelledby': 'inspector-title', tabindex: '-1' },
    h('div', { className: 'inspector-head' },
      h('h2', { id: 'inspector-title' }, a.label),
      h('button', { type: 'button', className: 'icon', 'aria-label': 'Close the inspector', onclick: () => act.close() }, '×'),
    ),
    h('p', { className: 'meta' },
      h('span', { className: 'swatch', style: `background:${KIND_COLORS[a.kind]}`, 'aria-hidden': 'true' }),
      `${KIND_NAMES[a.kind]} · ${countryLabel(a.country)}`, a.company ? ` · ${a.company}` : '', h('code', { className: 'key' }, key)),
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'fail-node', disabled: failed, onclick: () => act.failNode(key) }, failed ? 'Failed' : 'Fail this node'),
      h('button', { type: 'button', id: 'fail-country', disabled: s.failure.countries.includes(a.country), onclick: () => act.failCountry(a.country) }, `Fail ${placeName(a.country)}`),
      h('button', { type: 'button', className: 'ghost', onclick: () => act.centre(key) }, 'Centre'),
      act.edit ? h('button', { type: 'button', className: 'ghost', id: 'edit-node', onclick: () => act.edit?.(key) }, 'Edit') : null,
    ),
    a.kind !== 'demand' ? impactTable : null,
    h('h3', {}, 'Suppliers'), flows('in'),
    h('h3', {}, 'Customers'), flows('out'),
    a.note ? h('h3', {}, 'Note') : null,
    a.note ? h('p', { className: 'note' }, a.note) : null,
    a.sources?.length ? h('h3', {}, 'Sources') : null,
    a.sources?.length ? sourceList : null,
  );
}
