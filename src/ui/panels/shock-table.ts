/**
 * The risk panel's "What a disruption costs": the file's shocks as rows,
 * baseline and each scenario as columns, the supply the chosen buyer loses
 * (the report's figures, metrics.md §8). Losses in red with a minus sign.
 */
import { loss } from '../../report/format.ts';
import type { AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';

export function renderShockTable(s: AppState): HTMLElement | null {
  const report = s.loaded?.report;
  const shocks = report?.shocks ?? [];
  if (!report || shocks.length === 0 || !s.demand) return null;
  const demand = s.demand;
  const label = report.scenarios[0]?.reliance.find((r) => r.demand === demand)?.label ?? demand;
  const table = h('table', { className: 'figures', id: 'shock-table' },
    h('caption', {}, `Share of ${label}’s supply each of the file’s shocks costs, with no rerouting (metrics.md §8), on baseline and on each scenario’s graph.`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Shock'), ...report.scenarios.map((sc) => h('th', { scope: 'col', className: 'num', title: sc.label }, sc.id === 'baseline' ? 'Baseline' : sc.label)))),
  );
  const body = h('tbody');
  for (const shock of shocks) {
    body.append(h('tr', { 'data-shock': shock.id },
      h('th', { scope: 'row' }, shock.label),
      ...report.scenarios.map((sc) => {
        const cost = sc.shocks?.find((c) => c.id === shock.id);
        const x = cost?.lost[demand];
        if (x === undefined) return h('td', { className: 'num muted' }, '—');
        const skipped = cost!.skipped.length ? ` (hit ${cost!.skipped.join(', ')} matches nothing here)` : '';
        return h('td', { className: `num${x > 0 ? ' loss' : ''}`, 'data-scenario': sc.id, 'data-loss': String(x), title: `${sc.label}${skipped}` }, loss(x), skipped ? '*' : '');
      }),
    ));
  }
  table.append(body);
  // Many scenarios make a wide table: it scrolls sideways inside the panel rather than widen it.
  return h('section', { className: 'panel', id: 'shocks', 'aria-labelledby': 'shocks-title' }, h('h2', { id: 'shocks-title' }, 'What a disruption costs'), h('div', { className: 'scroll-x' }, table));
}
