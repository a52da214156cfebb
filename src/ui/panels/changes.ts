/** Compare mode: what the scenario changed in the graph, and the figures it moved most. */
import { edgeOf } from '../doc-index.ts';
import { compareScenarios } from '../../report/compare.ts';
import { hhi, hhiDelta, money, pct, pp } from '../../report/format.ts';
import { baselineReport, currentReport, type AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';
import { count } from '../words.ts';

export function renderChanges(s: AppState, labelOf: (key: string) => string, showAll: boolean, act: { centreOn(keys: string[]): void; toggleAll(): void }): HTMLElement | null {
  const report = currentReport(s);
  const base = baselineReport(s);
  if (!s.compare || !report || !base || report.id === base.id || s.view.status !== 'done') return null;
  const view = s.view.value;
  const currency = s.loaded?.report.graph.currency ?? 'USD';
  const edge = (key: string) => edgeOf(view.document, key);
  const rows: { ends: string[]; text: string; input: string; before: string; after: string }[] = [];
  for (const c of view.changes.changedEdges) {
    const e = edge(c.key);
    if (e) rows.push({ ends: [e.source, e.target], text: `${labelOf(e.source)} → ${labelOf(e.target)}`, input: e.attributes.input, before: money(c.before, currency), after: money(c.after, currency) });
  }
  for (const k of view.changes.addedEdges) {
    const e = edge(k);
    if (e) rows.push({ ends: [e.source, e.target], text: `＋ ${labelOf(e.source)} → ${labelOf(e.target)}`, input: e.attributes.input, before: '—', after: money(e.attributes.value, currency) });
  }
  for (const k of view.changes.addedNodes) rows.push({ ends: [k], text: `＋ ${labelOf(k)}`, input: 'new node', before: '—', after: '' });
  for (const k of view.changes.removedNodes) rows.push({ ends: [], text: `− ${k}`, input: 'node removed', before: '', after: '—' });
  const flows = h('table', { className: 'figures compact', id: 'changed-flows' },
    h('caption', {}, `${count(rows.length, 'change')} to the graph, marked on it in green (added or raised) and red (cut)${view.changes.removedEdges.length ? `; ${count(view.changes.removedEdges.length, 'flow')} removed` : ''}.`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Flow'), h('th', { scope: 'col' }, 'Input'), h('th', { scope: 'col', className: 'num' }, 'Before'), h('th', { scope: 'col', className: 'num' }, 'After'))),
  );
  const flowBody = h('tbody');
  for (const r of rows.slice(0, showAll ? rows.length : 8)) {
    flowBody.append(h('tr', {},
      h('th', { scope: 'row' }, r.ends.length ? h('button', { type: 'button', className: 'link', title: r.text, onclick: () => act.centreOn(r.ends) }, r.text) : r.text),
      h('td', { className: 'muted' }, r.input), h('td', { className: 'num muted' }, r.before), h('td', { className: 'num' }, r.after)));
  }
  flows.append(flowBody);

  const moves = compareScenarios(base, report, { moved: true }).slice(0, 10);
  const table = h('table', { className: 'figures' },
    h('caption', {}, 'The figures this scenario moves most (all of them: chokepoint compare).'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col', className: 'num' }, 'Before'), h('th', { scope: 'col', className: 'num' }, 'After'), h('th', { scope: 'col', className: 'num' }, 'Δ'))),
  );
  const body = h('tbody');
  for (const m of moves) {
    const f = (x: number | null) => (x === null ? '—' : m.unit === 'hhi' ? hhi(x) : pct(x));
    const d = m.delta === null ? '—' : m.unit === 'hhi' ? hhiDelta(m.delta) : pp(m.delta);
    const subject = m.family === 'concentration' ? m.subject : labelOf(m.subject);
    const measure = m.family === 'impact' ? `impact of ${labelOf(m.measure)}` : m.measure;
    body.append(h('tr', {}, h('th', { scope: 'row' }, `${subject}: ${measure}`), h('td', { className: 'num' }, f(m.baseline)), h('td', { className: 'num' }, f(m.scenario)), h('td', { className: 'num delta' }, d)));
  }
  table.append(body);
  return h('section', { className: 'panel', 'aria-labelledby': 'changes-title', id: 'changes' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'changes-title' }, `What “${report.label}” changes`)),
    report.description ? h('details', { className: 'hint' }, h('summary', {}, 'About this scenario'), h('p', {}, report.description)) : null,
    rows.length ? h('div', { className: 'table-scroll' }, flows) : h('p', { className: 'hint' }, 'No change to the graph.'),
    rows.length > 8 ? h('button', { type: 'button', className: 'small ghost', 'data-focus': 'changes-all', onclick: () => act.toggleAll() }, showAll ? 'Show fewer' : `Show all ${rows.length} changes`) : null,
    h('div', { className: 'table-scroll' }, table),
  );
}
