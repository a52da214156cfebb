/** Reliance by country or by kind:country as a bar chart of buttons: one row per set, the baseline as a ghost bar in compare mode. */
import { pct, pp } from '../../report/format.ts';
import { baselineReport, comparing as isComparing, currentReport, relianceRow, type AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';
import { describeSet } from '../words.ts';

export interface ChartActions {
  pickSet(set: string): void;
  failCountry(code: string): void;
  setMode(mode: 'byCountry' | 'byKindCountry'): void;
}

export function renderRelianceChart(s: AppState, mode: 'byCountry' | 'byKindCountry', act: ChartActions): HTMLElement {
  const row = relianceRow(currentReport(s), s.demand);
  const base = relianceRow(baselineReport(s), s.demand);
  const comparing = isComparing(s);
  const section = h('section', { className: 'panel', 'aria-labelledby': 'chart-title' });
  const tabs = h('div', { className: 'segmented', role: 'group', 'aria-label': 'Group by' },
    h('button', { type: 'button', 'data-focus': 'mode-country', 'aria-pressed': String(mode === 'byCountry'), onclick: () => act.setMode('byCountry') }, 'Country'),
    h('button', { type: 'button', 'data-focus': 'mode-kind', 'aria-pressed': String(mode === 'byKindCountry'), onclick: () => act.setMode('byKindCountry') }, 'Kind in country'),
  );
  section.append(h('div', { className: 'panel-head' }, h('h2', { id: 'chart-title' }, 'Reliance by ', mode === 'byCountry' ? 'country' : 'kind and country'), tabs));
  if (!row) return section;
  const keys = new Set([...Object.keys(row[mode]), ...(comparing && base ? Object.keys(base[mode]) : [])]);
  const entries = [...keys]
    .map((k) => ({ k, v: row[mode][k] ?? 0, b: base?.[mode][k] ?? 0 }))
    .filter((e) => e.v > 0.0005 || (comparing && e.b > 0.0005))
    .sort((p, q) => q.v - p.v || (p.k < q.k ? -1 : 1))
    .slice(0, 14);
  const list = h('ol', { className: 'bars' });
  for (const e of entries) {
    const bar = h('span', { className: 'bar-track', 'aria-hidden': 'true' });
    if (comparing) bar.append(h('span', { className: 'bar ghost', style: `width:${(100 * e.b).toFixed(2)}%` }));
    bar.append(h('span', { className: `bar${e.k === s.focus ? ' focus' : ''}`, style: `width:${(100 * e.v).toFixed(2)}%` }));
    list.append(
      h('li', {},
        h('button', { type: 'button', className: 'bar-row', 'data-focus': `bar-${e.k}`, title: describeSet(e.k), 'aria-pressed': String(e.k === s.focus), onclick: () => act.pickSet(e.k) },
          h('span', { className: 'bar-label' }, e.k),
          bar,
          h('span', { className: 'bar-value' }, pct(e.v), comparing ? h('small', { className: 'delta' }, ` ${pp(e.v - e.b)}`) : null),
        ),
        mode === 'byCountry'
          ? h('button', { type: 'button', className: 'small', 'data-focus': `fail-country-${e.k}`, 'aria-label': `Fail every node in ${describeSet(e.k).replace('everything in ', '')}`, title: 'What if every node in this country stops?', disabled: s.failure.countries.includes(e.k), onclick: () => act.failCountry(e.k) }, 'Fail')
          : null,
      ),
    );
  }
  section.append(list, h('p', { className: 'hint' }, 'Share of the buyer’s supply lost if every node of the set stops. Pick a bar to make it the headline and show its nodes.'));
  return section;
}
