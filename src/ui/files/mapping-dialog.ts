/** The mapping step: a select per field, the guesses pre-filled; the user confirms or changes them. */
import type { Mapping } from '../../io/mapping.ts';
import type { PendingMapping } from '../../state/files.ts';
import { h } from '../dom.ts';

const NODE_HELP: Record<string, string> = {
  key: 'id', label: 'name shown', kind: 'chemical, wafer, foundry, supplier, demand…', country: 'ISO code', company: 'owner, for firm concentration',
};
const EDGE_HELP: Record<string, string> = {
  key: 'id', source: 'supplier', target: 'customer', input: 'what flows', value: 'how much',
};

/** Fields an XML graph format carries in its elements' own attributes. */
const XML_STRUCTURAL: Record<string, string> = { key: 'id', source: 'source', target: 'target' };

export function openMappingDialog(pending: PendingMapping, act: { confirm(mapping: Mapping): void; cancel(): void }): HTMLDialogElement {
  const selects: { side: 'nodes' | 'edges'; field: string; el: HTMLSelectElement }[] = [];
  const xml = pending.format === 'gexf' || pending.format === 'graphml';
  const side = (name: 'nodes' | 'edges', fields: readonly string[], columns: string[], help: Record<string, string>) => {
    const guess = (pending.guess[name] ?? {}) as Record<string, string | undefined>;
    return h('fieldset', {}, h('legend', {}, name === 'nodes' ? 'Nodes' : 'Flows (edges)'),
      h('table', {}, h('tbody', {}, ...fields.map((field) => {
        // GEXF and GraphML always carry these in the element itself (id, source, target): nothing to choose.
        const fixed = xml ? XML_STRUCTURAL[field] : undefined;
        if (fixed) return h('tr', {}, h('th', { scope: 'row' }, field, h('small', {}, help[field] ?? '')), h('td', { className: 'fixed-field' }, `the element's own "${fixed}" attribute`));
        const el = h('select', { id: `map-${name}-${field}`, 'aria-label': `${name === 'nodes' ? 'Node' : 'Flow'} ${field}` },
          h('option', { value: '' }, '(not in the file)'),
          ...columns.map((c) => h('option', { value: c, selected: guess[field] === c }, c)));
        selects.push({ side: name, field, el });
        return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: el.id }, field), h('small', {}, help[field] ?? '')), h('td', {}, el));
      }))));
  };
  const dialog = h('dialog', { className: 'files-dialog', id: 'mapping-dialog', 'aria-labelledby': 'mapping-title' });
  const sides = h('div', { className: 'mapping-sides' },
    side('nodes', pending.fields.nodes, pending.columns.nodes, NODE_HELP),
    side('edges', pending.fields.edges, pending.columns.edges, EDGE_HELP));
  const kindValues = valueStep(pending, selects.find((s) => s.side === 'nodes' && s.field === 'kind')?.el);
  let done = false;
  const finish = (mapping: Mapping | null) => {
    if (done) return;
    done = true;
    dialog.close();
    dialog.remove();
    if (mapping) act.confirm(mapping);
    else act.cancel();
  };
  dialog.append(h('form', { method: 'dialog', onsubmit: (e) => e.preventDefault() },
    h('h2', { id: 'mapping-title' }, 'Which column is which?'),
    h('p', {}, `${pending.file} (${pending.format.toUpperCase()}) names its fields its own way. The guesses are filled in; change any, then open.`),
    sides,
    ...(kindValues ? [kindValues.element] : []),
    h('div', { className: 'dialog-buttons' },
      h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
      h('button', { type: 'button', id: 'mapping-confirm', className: 'primary', onclick: () => {
        const mapping: { nodes: Record<string, string>; edges: Record<string, string> } = { nodes: {}, edges: {} };
        // "" turns a guess off, so every field is sent as chosen.
        for (const s of selects) mapping[s.side][s.field] = s.el.value;
        const kind = kindValues?.chosen();
        finish({ ...mapping, ...(kind && Object.keys(kind).length ? { values: { kind } } : {}) } as Mapping);
      } }, 'Open with this mapping'))));
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    finish(null);
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * The value step: what each value of the column chosen as kind means, one
 * select per value (Chokepoint's kinds), pre-filled with how it would be
 * read (synonyms understood, the rest as other); redrawn when the kind
 * column changes. Undefined when the worker sent no values.
 */
function valueStep(pending: PendingMapping, kindSelect: HTMLSelectElement | undefined): { element: HTMLElement; chosen(): Record<string, string> } | undefined {
  const all = pending.kindValues;
  if (!all || !kindSelect) return undefined;
  const kinds = pending.kinds ?? [];
  const body = h('tbody', {});
  const note = h('p', { className: 'mapping-values-note' });
  let selects: { value: string; el: HTMLSelectElement }[] = [];
  const draw = () => {
    const values = all[kindSelect.value] ?? [];
    selects = [];
    body.replaceChildren(...values.map((v, i) => {
      const el = h('select', { id: `map-kind-value-${i}`, 'aria-label': `Kind for "${v.value}"` }, ...kinds.map((k) => h('option', { value: k, selected: k === v.kind }, k)));
      selects.push({ value: v.value, el });
      const how = v.how === 'unknown' ? 'not a kind: other unless you choose' : v.how === 'synonym' ? 'understood' : '';
      return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: el.id }, v.value), h('small', {}, `${v.count} node${v.count === 1 ? '' : 's'}${how ? `; ${how}` : ''}`)), h('td', {}, el));
    }));
    note.textContent = !kindSelect.value
      ? 'No kind column: kinds are taken from the flows (nodes without customers as demand, without suppliers as raw sources).'
      : values.length
        ? `What each value of "${kindSelect.value}" is, in Chokepoint's kinds:`
        : `"${kindSelect.value}" has too many different values to map one by one; unknown ones load as other.`;
  };
  kindSelect.addEventListener('change', draw);
  draw();
  const element = h('fieldset', { className: 'mapping-values' }, h('legend', {}, 'Kinds'), note, h('table', {}, body));
  return { element, chosen: () => Object.fromEntries(selects.map((s) => [s.value, s.el.value])) };
}
