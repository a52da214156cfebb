/** The header's controls: scenario and compare, layout, node size, countries, fit. */
import { viewControlsScan } from './colour-by.ts';
import { LAYOUTS, SIZE_BY, type AppState, type LayoutChoice, type SizeBy } from '../state/app-state.ts';
import { h } from './dom.ts';

export interface ToolbarActions {
  selectScenario(id: string): void;
  setCompare(on: boolean): void;
  setLayout(layout: LayoutChoice): void;
  setSizeBy(sizeBy: SizeBy): void;
  setCountries(on: boolean): void;
  /** Stops a running betweenness. */
  cancelBetweenness(): void;
}

const LAYOUT_NAMES: Record<LayoutChoice, string> = { tiered: 'Tiers (left to right)', geographic: 'Map', force: 'Force (ForceAtlas2)', file: 'As in the file' };
const SIZE_NAMES: Record<(typeof SIZE_BY)[number], string> = { impact: 'Impact on the buyer', throughput: 'Throughput', betweenness: 'Betweenness', uniform: 'Same size' };

export function renderScenarioBar(s: AppState, act: ToolbarActions): HTMLElement {
  const scenarios = s.loaded?.report.scenarios ?? [];
  const select = h('select', { id: 'scenario', 'aria-label': 'Scenario', onchange: (e) => act.selectScenario((e.target as HTMLSelectElement).value) });
  for (const sc of scenarios) select.append(h('option', { value: sc.id, selected: sc.id === s.scenario }, sc.id === 'baseline' ? 'Baseline (as of the data)' : sc.label));
  const compare = h('input', { type: 'checkbox', id: 'compare', checked: s.compare, disabled: s.scenario === 'baseline', onchange: (e) => act.setCompare((e.target as HTMLInputElement).checked) });
  return h('div', { className: 'scenario-bar' },
    h('label', { for: 'scenario' }, 'Scenario'), select,
    h('label', { className: 'check' }, compare, ' Compare with baseline'),
  );
}

export function renderViewControls(s: AppState, act: ToolbarActions): HTMLElement {
  const layout = h('select', { id: 'layout', 'aria-label': 'Layout', onchange: (e) => act.setLayout((e.target as HTMLSelectElement).value as LayoutChoice) });
  const doc = s.view.status === 'done' ? s.view.value.document : null;
  // "As in the file" only when the nodes carry their own x and y (or when already chosen).
  const facts = doc ? viewControlsScan.now(doc.nodes) : null;
  const ownPlaces = s.layout === 'file' || (facts?.ownPlaces ?? false);
  for (const l of LAYOUTS) if (l !== 'file' || ownPlaces) layout.append(h('option', { value: l, selected: l === s.layout }, LAYOUT_NAMES[l]));
  const size = h('select', { id: 'size-by', 'aria-label': 'Node size', onchange: (e) => act.setSizeBy((e.target as HTMLSelectElement).value as SizeBy) });
  for (const k of SIZE_BY) size.append(h('option', { value: k, selected: k === s.sizeBy }, SIZE_NAMES[k]));
  // The nodes' own numeric attributes, if any (colour-by.ts lists them for colour too); a file's `size` as "As in the file".
  if (facts?.fileSizes) size.append(h('option', { value: 'attr:size', selected: s.sizeBy === 'attr:size' }, 'As in the file'));
  for (const c of facts?.numeric ?? []) size.append(h('option', { value: `attr:${c}`, selected: s.sizeBy === `attr:${c}` }, c));
  const countries = h('input', { type: 'checkbox', id: 'countries', checked: s.countries === 'nodes', onchange: (e) => act.setCountries((e.target as HTMLInputElement).checked) });
  return h('div', { className: 'view-controls' },
    h('label', {}, 'Layout ', layout),
    h('label', {}, 'Size ', size),
    s.betweenness.status === 'running' ? betweennessProgress(s, act) : null,
    h('label', { className: 'check', title: 'Show each country as a node, with a “sits in” link from every node in it' }, countries, ' Countries'),
  );
}

/** How far a running betweenness is, e.g. "betweenness 45%". */
export function betweennessProgressText(s: AppState): string {
  const p = s.betweennessProgress;
  return `betweenness ${p && p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0}% `;
}

/** While betweenness runs (in its own worker): how far it is, and Cancel (back to sizes by impact). */
function betweennessProgress(s: AppState, act: ToolbarActions): HTMLElement {
  return h('span', { className: 'hint', id: 'betweenness-progress', role: 'status' },
    h('span', { className: 'progress-text' }, betweennessProgressText(s)),
    h('button', { type: 'button', id: 'betweenness-cancel', onclick: () => act.cancelBetweenness() }, 'Cancel'));
}
