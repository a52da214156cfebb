/** The headline: the chosen buyer's reliance on the chosen set, as one big number; before and after in compare mode. */
import { pct, pp } from '../../report/format.ts';
import { baselineReport, comparing as isComparing, currentReport, relianceOf, relianceRow, type AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';
import { lessBought } from './supply-bought.ts';
import type { RobustFigure } from '../../robustness/engine.ts';
import { agreementText, deltaInterval, figureWhisker } from '../robustness/whisker.ts';
import { drawShare } from '../../report/robustness.ts';

/** The robustness of the headline figure in a scenario, when draws for the buyer and set in view are in hand (ui/robustness). */
export type RobustOf = (scenario: string) => RobustFigure | undefined;
import { count, describeSet, setStops } from '../words.ts';
import { methodLink } from '../method-link.ts';

export interface HeadlineActions {
  selectDemand(key: string): void;
  setFocus(set: string): void;
  selectScenario(id: string): void;
}

export function renderHeadline(s: AppState, act: HeadlineActions, robust?: RobustOf): HTMLElement {
  const report = currentReport(s);
  const base = baselineReport(s);
  if (!s.loaded || !report || !base) return h('section', { className: 'headline' }, h('p', {}, 'Loading the graph…'));
  const row = relianceRow(report, s.demand) ?? relianceRow(base, s.demand);
  const demandSelect = h('select', { id: 'demand', 'aria-label': 'Buyer', onchange: (e) => act.selectDemand((e.target as HTMLSelectElement).value) });
  for (const r of base.reliance) demandSelect.append(h('option', { value: r.demand, selected: r.demand === s.demand }, r.label));

  const sets = new Set<string>([...s.loaded.report.focus.reliance, s.focus]);
  const kc = Object.entries(row?.byKindCountry ?? {}).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const c = Object.entries(row?.byCountry ?? {}).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const focusSelect = h('select', { id: 'focus', 'aria-label': 'Reliance on', onchange: (e) => act.setFocus((e.target as HTMLSelectElement).value) });
  const group = (label: string, keys: string[]) => {
    const g = h('optgroup', { label });
    for (const k of keys) g.append(h('option', { value: k, selected: k === s.focus }, `${describeSet(k)} (${k})`));
    return g;
  };
  focusSelect.append(group('Headline', [...sets]), group('Kind in a country', kc.filter((k) => !sets.has(k))), group('Country', c.filter((k) => !sets.has(k))));

  const after = relianceOf(report, s.demand, s.focus);
  const before = relianceOf(base, s.demand, s.focus);
  const comparing = isComparing(s);
  const lost = lessBought(s);
  const figure = h('div', { className: 'big-figure' },
    comparing && before !== undefined ? h('span', { className: 'before', id: 'headline-before' }, pct(before)) : null,
    comparing ? h('span', { className: 'arrow', 'aria-hidden': 'true' }, ' → ') : null,
    h('output', { id: 'headline-figure', 'data-testid': 'headline-figure' }, after === undefined ? '—' : pct(after)),
    comparing && before !== undefined && after !== undefined ? h('span', { className: `delta ${after > before ? 'up' : after < before ? (lost ? 'lost-supply' : 'down') : ''}` }, ` ${pp(after - before)}`) : null,
  );
  const lostNote = comparing && lost && after !== undefined && before !== undefined && after < before
    ? h('p', { className: 'headline-lost', id: 'headline-lost' }, 'Not good news: this buyer buys less supply in this scenario, and reliance is measured on what is left (see “What the scenario costs in supply”).')
    : null;
  const loss = s.whatIf.status === 'done' ? s.whatIf.value.demandLoss.find((d) => d.demand === s.demand) : undefined;
  const whatIf = loss
    ? h('p', { className: 'headline-whatif', id: 'headline-whatif' }, 'What-if: with ', whatIfCount(s), ' this buyer loses ', h('strong', {}, pct(loss.loss)), ' of its supply.')
    : null;
  const scenarioLabel = report.id === 'baseline' ? 'baseline' : `scenario “${report.label}”`;
  return h('section', { className: 'headline', 'aria-labelledby': 'headline-title' },
    h('h2', { id: 'headline-title', className: 'visually-hidden' }, 'Reliance'),
    h('div', { className: 'headline-row' }, h('label', { for: 'demand' }, 'Buyer'), demandSelect),
    h('div', { className: 'headline-row' }, h('label', { for: 'focus' }, 'relies on'), focusSelect),
    figure,
    robustLine(robust?.(report.id), comparing),
    h('p', { className: 'explain' }, `of its supply is lost if ${setStops(s.focus)} (${scenarioLabel}; no rerouting or stock, `, methodLink('metrics.md §3', 3), ').'),
    lostNote,
    whatIf,
    acrossScenarios(s, act, robust),
  );
}

/** Beside a change: the share of draws that keep its direction (robustness.md §5), "?" when below 95%. */
function agreeMark(f: RobustFigure | undefined): HTMLElement | null {
  const d = f?.deltaDraws;
  if (!d) return null;
  return h('small', { className: `agree${d.robust ? '' : ' uncertain'}`, 'data-agree': String(d.agree), title: `The same direction in ${drawShare(d.agree)} of the draws${d.robust ? '' : ': direction uncertain'}` }, ` ${drawShare(d.agree)}${d.robust ? '' : '?'}`);
}

/** The interval of the figure in view, and in compare mode the change's interval and agreement. */
function robustLine(f: RobustFigure | undefined, comparing: boolean): HTMLElement | null {
  if (!f) return null;
  const whisker = figureWhisker(f);
  if (comparing && f.deltaDraws) whisker.append(h('br'), h('span', { className: 'delta-interval', id: 'headline-agreement' }, `change ${deltaInterval(f)}; ${agreementText(f)} of draws`));
  return whisker;
}

/** The same figure in every scenario of the file, so that the effect of each is visible at once; a row switches to it. */
function acrossScenarios(s: AppState, act: HeadlineActions, robust?: RobustOf): HTMLElement | null {
  const scenarios = s.loaded?.report.scenarios ?? [];
  if (scenarios.length < 2) return null;
  const base = relianceOf(scenarios[0], s.demand, s.focus);
  const table = h('table', { className: 'figures compact', id: 'across-scenarios' },
    h('caption', {}, `The same figure under each scenario of the file; pick one to see it on the graph.`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Scenario'), h('th', { scope: 'col', className: 'num' }, s.focus), h('th', { scope: 'col', className: 'num' }, 'vs baseline'))),
  );
  const body = h('tbody');
  for (const sc of scenarios) {
    const v = relianceOf(sc, s.demand, s.focus);
    body.append(h('tr', { className: sc.id === s.scenario ? 'selected' : '', 'data-scenario': sc.id },
      h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', 'data-focus': `scenario-${sc.id}`, title: sc.label, onclick: () => act.selectScenario(sc.id) }, sc.id === 'baseline' ? 'Baseline' : sc.label)),
      h('td', { className: 'num' }, v === undefined ? '—' : pct(v)),
      h('td', { className: 'num delta' }, v === undefined || base === undefined || sc.id === 'baseline' ? '' : pp(v - base), agreeMark(robust?.(sc.id))),
    ));
  }
  table.append(body);
  return h('details', { className: 'across', open: true }, h('summary', {}, 'Across scenarios'), table);
}

/** "3 node(s) failed" and, where some run at part, "and 2 at part". */
function whatIfCount(s: AppState): string {
  if (s.whatIf.status !== 'done') return '';
  const failed = s.whatIf.value.failed.length;
  const partial = Object.keys(s.whatIf.value.partial ?? {}).length;
  return `${count(failed, 'node')} failed${partial ? ` and ${count(partial, 'node')} at part capacity` : ''}`;
}
