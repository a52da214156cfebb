/** The single-point-of-failure ranking of the chosen buyer, as a real table. */
import { nodeOf } from '../doc-index.ts';
import { cutWords, pct, pp } from '../../report/format.ts';
import { absentImpact, type ReportScenario } from '../../report/model.ts';
import { baselineReport, comparing as isComparing, currentReport, spofOf, type AppState } from '../../state/app-state.ts';
import { methodLink } from '../method-link.ts';
import { h } from '../dom.ts';

export interface SpofActions {
  selectNode(key: string): void;
  failNode(key: string): void;
}

export function renderSpofTable(s: AppState, showAll: boolean, act: SpofActions & { toggleAll(): void }): HTMLElement {
  const report = currentReport(s);
  const rows = spofOf(report, s.demand);
  const comparing = isComparing(s);
  const baseline = baselineReport(s);
  const before = new Map(spofOf(baseline, s.demand).map((c) => [c.key, c.impact]));
  const beforeOf = (key: string): number | null => before.get(key) ?? (baseline ? absentImpact(baseline) : 0);
  const cut = report?.spofLimit;
  const country = (key: string) => (s.view.status === 'done' ? nodeOf(s.view.value.document, key)?.attributes.country ?? '' : '');
  const shown = showAll ? rows : rows.slice(0, 12);
  const table = h('table', { className: comparing ? 'figures comparing' : 'figures', id: 'spof-table' },
    h('caption', {}, 'Share of supply lost if this one node stops (', methodLink('metrics.md §4', 4), '). ■ marks a strict single point of failure.',
      cut ? h('span', { className: 'cut-note' }, ` ${cutNote(cut)}`) : null),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '#'),
      h('th', { scope: 'col' }, 'Node'),
      comparing ? null : h('th', { scope: 'col' }, 'Where'),
      comparing ? h('th', { scope: 'col', className: 'num' }, 'Baseline') : null,
      h('th', { scope: 'col', className: 'num' }, 'Impact'),
      comparing ? h('th', { scope: 'col', className: 'num' }, 'Δ') : null,
      h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'What-if')),
    )),
  );
  const body = h('tbody');
  shown.forEach((c, i) => {
    const b = beforeOf(c.key);
    body.append(h('tr', { 'data-key': c.key, className: s.selection?.type === 'node' && s.selection.key === c.key ? 'selected' : '' },
      h('td', { className: 'num muted' }, i + 1),
      h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', title: c.label, 'data-focus': `spof-${c.key}`, onclick: () => act.selectNode(c.key) }, c.label), c.strict ? h('span', { className: 'strict', title: 'strict single point of failure' }, ' ■') : null),
      comparing ? null : h('td', { className: 'muted' }, country(c.key)),
      comparing ? h('td', { className: 'num muted', title: b === null ? 'not among the baseline\'s largest impacts' : '' }, b === null ? '—' : pct(b)) : null,
      h('td', { className: 'num' }, comparing ? null : h('span', { className: 'inline-bar', style: `width:${(40 * c.impact).toFixed(1)}px`, 'aria-hidden': 'true' }), pct(c.impact)),
      comparing ? h('td', { className: 'num delta' }, b === null ? '—' : pp(c.impact - b)) : null,
      h('td', {}, h('button', { type: 'button', className: 'small', 'data-focus': `spof-fail-${c.key}`, 'aria-label': `Fail ${c.label}`, disabled: s.failure.nodes.includes(c.key), onclick: () => act.failNode(c.key) }, 'Fail')),
    ));
  });
  table.append(body);
  const section = h('section', { className: 'panel', 'aria-labelledby': 'spof-title' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'spof-title' }, 'What this buyer depends on most')),
    rows.length ? table : h('p', { className: 'hint' }, 'No node upstream of this buyer.'),
  );
  if (rows.length > 12) section.append(h('button', { type: 'button', className: 'small ghost', onclick: () => act.toggleAll() }, showAll ? 'Show the top 12' : `Show all ${rows.length}`));
  return section;
}

/** What a cut list holds, in words (as the Markdown report says it). */
export function cutNote(cut: NonNullable<ReportScenario['spofLimit']>): string {
  const what = `${cutWords(cut)} per buyer`;
  const why = cut.reason === 'size' ? `this graph has ${cut.upstream.toLocaleString('en-US')} upstream nodes, too many for complete lists` : 'as asked';
  return `Only ${what} (${why}); each is exact, and ${cut.evaluated.toLocaleString('en-US')} nodes were computed exactly.`;
}
