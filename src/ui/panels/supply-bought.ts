/**
 * Scenario comparison says what a scenario costs: the chosen buyer's supply
 * bought (the sum of its inflows, by input) before and after. Supply lost is
 * red with a minus sign, so a reliance that falls because supply was lost is
 * never read as good news.
 */
import { money } from '../../report/format.ts';
import { comparing, type AppState } from '../../state/app-state.ts';
import type { BoughtRow } from '../../metrics/bought.ts';
import { h } from '../dom.ts';

/** The chosen buyer's row of supply bought, in compare mode. */
export function boughtOf(s: AppState): BoughtRow | undefined {
  if (!comparing(s) || s.view.status !== 'done') return undefined;
  return s.view.value.bought?.find((r) => r.demand === s.demand);
}

/** True when the scenario has the chosen buyer buy less of some input than baseline. */
export const lessBought = (s: AppState): boolean => boughtOf(s)?.inputs.some((i) => i.scenario < i.baseline) ?? false;

export function renderSupplyBought(s: AppState): HTMLElement | null {
  const row = boughtOf(s);
  if (!row || row.inputs.length === 0 || !s.loaded) return null;
  const currency = s.loaded.document.attributes.currency ?? 'USD';
  const change = (d: number) => (d < 0 ? `−${money(-d, currency)} lost` : d > 0 ? `+${money(d, currency)} more` : 'unchanged');
  const table = h('table', { className: 'figures', id: 'bought-table' },
    h('caption', {}, 'Supply bought: the sum of the buyer’s inflows of each input, per year. Supply lost is red: a scenario that removes supply costs it, even where reliance falls.'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Input'), h('th', { scope: 'col', className: 'num' }, 'Baseline'), h('th', { scope: 'col', className: 'num' }, 'Scenario'), h('th', { scope: 'col', className: 'num' }, 'Change'))),
    h('tbody', {}, ...row.inputs.map((i) => {
      const d = i.scenario - i.baseline;
      return h('tr', { 'data-input': i.input },
        h('th', { scope: 'row' }, i.input),
        h('td', { className: 'num' }, money(i.baseline, currency)),
        h('td', { className: 'num' }, money(i.scenario, currency)),
        h('td', { className: `num${d < 0 ? ' loss' : ''}`, 'data-change': String(d) }, change(d)));
    })),
  );
  return h('section', { className: 'panel', id: 'supply-bought', 'aria-labelledby': 'bought-title' }, h('h2', { id: 'bought-title' }, 'What the scenario costs in supply'), table);
}
