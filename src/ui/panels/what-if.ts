/** What-if: what is failed, each buyer's loss as the engine computed it, restore and reset. */
import { pct } from '../../report/format.ts';
import type { AppState } from '../../state/app-state.ts';
import { methodLink } from '../method-link.ts';
import { h } from '../dom.ts';
import { countryLabel } from '../words.ts';

export interface WhatIfActions {
  restoreNode(key: string): void;
  restoreCountry(code: string): void;
  reset(): void;
  selectNode(key: string): void;
}

export function renderWhatIf(s: AppState, labelOf: (key: string) => string, act: WhatIfActions): HTMLElement | null {
  const { nodes, countries } = s.failure;
  if (nodes.length === 0 && countries.length === 0) return null;
  const chips = h('ul', { className: 'chips', 'aria-label': 'Failed' });
  for (const n of nodes) chips.append(h('li', {}, `✕ ${labelOf(n)} `, h('button', { type: 'button', className: 'small ghost', 'aria-label': `Restore ${labelOf(n)}`, onclick: () => act.restoreNode(n) }, 'restore')));
  for (const c of countries) chips.append(h('li', {}, `✕ all of ${countryLabel(c)} `, h('button', { type: 'button', className: 'small ghost', 'aria-label': `Restore ${countryLabel(c)}`, onclick: () => act.restoreCountry(c) }, 'restore')));
  const section = h('section', { className: 'panel what-if', id: 'what-if', 'aria-labelledby': 'whatif-title', 'aria-live': 'polite' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'whatif-title' }, 'What if these stop?'), h('button', { type: 'button', className: 'small', id: 'reset-what-if', onclick: () => act.reset() }, 'Reset')),
    chips,
  );
  if (s.whatIf.status === 'running') section.append(h('p', { className: 'hint' }, 'Computing…'));
  if (s.whatIf.status === 'error') section.append(h('p', { className: 'error' }, s.whatIf.message));
  if (s.whatIf.status === 'done') {
    const table = h('table', { className: 'figures', id: 'what-if-table' },
      h('caption', {}, 'Share of each buyer’s supply lost (1 − availability, ', methodLink('metrics.md §2', 2), '). Buyers in a failed country are measured, not failed.'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Buyer'), h('th', { scope: 'col', className: 'num' }, 'Supply lost'))),
    );
    const body = h('tbody');
    for (const d of s.whatIf.value.demandLoss) {
      body.append(h('tr', { 'data-key': d.demand, className: d.demand === s.demand ? 'selected' : '' },
        h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', onclick: () => act.selectNode(d.demand) }, d.label)),
        h('td', { className: 'num' }, h('span', { className: 'inline-bar loss', style: `width:${(40 * d.loss).toFixed(1)}px`, 'aria-hidden': 'true' }), pct(d.loss)),
      ));
    }
    table.append(body);
    section.append(table);
  }
  return section;
}
