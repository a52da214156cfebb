/** Concentration per input: firm and country HHI, CR3, the top holder, the level in colour. */
import { hhi, hhiDelta, pct } from '../../report/format.ts';
import { baselineReport, comparing as isComparing, currentReport, type AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';

export function renderConcentration(s: AppState, act: { selectInput(input: string): void }): HTMLElement {
  const report = currentReport(s);
  const base = new Map((baselineReport(s)?.concentration ?? []).map((c) => [c.input, c]));
  const comparing = isComparing(s);
  const levels = s.loaded?.report.levels;
  const level = (l: string, value: number) => h('span', { className: `level level-${l}`, title: l }, hhi(value));
  const table = h('table', { className: 'figures', id: 'concentration-table' },
    h('caption', {}, `HHI from 0 to 10,000; ${levels?.label ?? ''}.`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Input'),
      h('th', { scope: 'col', className: 'num' }, 'Firm HHI'),
      comparing ? h('th', { scope: 'col', className: 'num' }, 'Δ') : null,
      h('th', { scope: 'col', className: 'num' }, 'CR3'),
      h('th', { scope: 'col' }, 'Top firm'),
      // The top country (a code) beside the country HHI, in one column: the table fits the sidebar from 1280 px.
      h('th', { scope: 'col', className: 'num country-col' }, 'Country HHI, top'),
    )),
  );
  const body = h('tbody');
  for (const c of report?.concentration ?? []) {
    const b = base.get(c.input);
    body.append(h('tr', { className: s.selection?.type === 'input' && s.selection.input === c.input ? 'selected' : '' },
      h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', 'data-focus': `input-${c.input}`, onclick: () => act.selectInput(c.input) }, c.input)),
      h('td', { className: 'num' }, level(c.byCompany.level, c.byCompany.hhi)),
      comparing ? h('td', { className: 'num delta' }, b ? hhiDelta(c.byCompany.hhi - b.byCompany.hhi) : 'new') : null,
      h('td', { className: 'num' }, pct(c.byCompany.cr3)),
      h('td', { className: 'top-firm', title: `${c.byCompany.top.name}: ${pct(c.byCompany.top.share)}` }, h('span', { className: 'name' }, c.byCompany.top.name), h('small', { className: 'muted' }, pct(c.byCompany.top.share))),
      h('td', { className: 'num', title: `${c.byCountry.top.name}: ${pct(c.byCountry.top.share)}` }, level(c.byCountry.level, c.byCountry.hhi), h('small', { className: 'top-country' }, `${c.byCountry.top.name} ${pct(c.byCountry.top.share)}`)),
    ));
  }
  table.append(body);
  return h('section', { className: 'panel', 'aria-labelledby': 'conc-title' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'conc-title' }, 'Concentration per input'),
      h('span', { className: 'level-key' }, h('span', { className: 'level level-unconcentrated' }, 'low'), h('span', { className: 'level level-moderate' }, 'moderate'), h('span', { className: 'level level-high' }, 'high'))),
    h('div', { className: 'table-scroll' }, table),
  );
}
