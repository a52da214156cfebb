/**
 * The robustness panel (robustness.md §7): run the draws (in their own
 * worker, with progress and Cancel), choose a variant, and see the swings of
 * the figure in view as a tornado chart whose bars select their flow.
 */
import { pct, pp } from '../../report/format.ts';
import type { RobustFigure, Swing } from '../../robustness/engine.ts';
import { h, s as svgEl } from '../dom.ts';
import { agreementText, deltaInterval } from './whisker.ts';
import { figureFor, type RobustView } from './view.ts';

export interface RobustActions {
  run(): void;
  cancel(): void;
  setVariant(id: string | null): void;
  setUncertainty(text: string): void;
  selectFlow(swing: Swing): void;
}

export interface RobustContext {
  demand: string | null;
  set: string;
  scenario: string;
  /** The scenario's label, for the chart's caption. */
  scenarioLabel: string;
}

const LOW = '#56B4E9';
const HIGH = '#D55E00';

/** Bars from the figure at a flow's low to the figure at its high, around the point value; a bar selects its flow. */
export function tornado(f: RobustFigure, act: Pick<RobustActions, 'selectFlow'>, top = 8): HTMLElement | null {
  const swings = f.swings.filter((w) => w.atHigh !== w.atLow).slice(0, top);
  if (swings.length === 0) return null;
  const show = f.delta === undefined ? pct : pp;
  const point = f.delta ?? f.point;
  const values = [point, ...swings.flatMap((w) => [w.atLow, w.atHigh])];
  const pad = (Math.max(...values) - Math.min(...values)) * 0.05 || 0.01;
  const lo = Math.min(...values) - pad;
  const hi = Math.max(...values) + pad;
  const W = 300;
  const x = (v: number) => (W * (v - lo)) / (hi - lo);
  const list = h('ol', { className: 'tornado', id: 'tornado', 'aria-label': 'Largest swings' });
  swings.forEach((w, i) => {
    const bar = svgEl('svg', { width: '100%', height: 12, viewBox: `0 0 ${W} 12`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      ...(['atLow', 'atHigh'] as const).map((side) => svgEl('rect', { x: Math.min(x(w[side]), x(point)), y: 1, width: Math.max(1, Math.abs(x(w[side]) - x(point))), height: 10, fill: side === 'atLow' ? LOW : HIGH })),
      svgEl('line', { x1: x(point), y1: 0, x2: x(point), y2: 12, stroke: '#222' }),
    );
    list.append(h('li', {},
      h('button', {
        type: 'button', className: 'tornado-bar', 'data-edge': w.edge, 'data-rank': String(i), 'data-at-low': String(w.atLow), 'data-at-high': String(w.atHigh),
        title: `${w.edge}: ${w.low.toPrecision(3)} to ${w.high.toPrecision(3)}; select the flow`,
        onclick: () => act.selectFlow(w),
      },
      h('span', { className: 'tornado-name' }, w.edge),
      bar,
      h('span', { className: 'tornado-values' }, `${show(w.atLow)} / ${show(w.atHigh)}`)),
    ));
  });
  return list;
}

export function renderRobustness(v: RobustView, ctx: RobustContext, hasOwn: boolean, act: RobustActions): HTMLElement {
  const run = v.run;
  const controls = h('div', { className: 'robust-controls' },
    h('label', { for: 'robust-uncertainty' }, 'Flows without a range: ±'),
    h('input', { id: 'robust-uncertainty', type: 'number', min: '0', step: '0.05', placeholder: hasOwn ? 'as filed' : '0.3', value: v.uncertainty, size: 5,
      onchange: (e) => act.setUncertainty((e.target as HTMLInputElement).value) }),
    run.status === 'running'
      ? h('button', { type: 'button', id: 'robust-cancel', onclick: () => act.cancel() }, 'Cancel')
      : h('button', { type: 'button', id: 'robust-run', className: 'primary', onclick: () => act.run() }, run.status === 'done' ? 'Draw again' : 'Run draws'),
  );
  const parts: (HTMLElement | null)[] = [controls];
  if (run.status === 'running') {
    parts.push(h('p', { id: 'robust-progress', role: 'status' }, h('progress', { max: String(run.total), value: String(run.done) }), ` ${run.done.toLocaleString('en-US')} of ${run.total.toLocaleString('en-US')} draws`));
  } else if (run.status === 'error') parts.push(h('p', { className: 'error' }, run.message));
  else if (run.status === 'idle') {
    parts.push(h('p', { className: 'hint' }, hasOwn ? 'Draws from the ranges of the file’s flows.' : 'This file gives its flows no ranges: give a half-width (e.g. 0.3 for ±30%) to see how far the figures rest on their values.'));
  } else {
    const r = run.result;
    const f = figureFor(v, ctx.demand, ctx.set, ctx.scenario);
    parts.push(h('p', { className: 'hint', id: 'robust-summary' }, `${r.draws.toLocaleString('en-US')} draws (seed ${r.seed}) over ${r.uncertainFlows} flows with a range${r.uncertainOps ? ` and ${r.uncertainOps} operation ranges` : ''}.`));
    if (r.variants.length > 0) {
      const select = h('select', { id: 'robust-variant', 'aria-label': 'Reading of the facts', onchange: (e) => act.setVariant((e.target as HTMLSelectElement).value || null) },
        h('option', { value: '', selected: v.variant === null }, 'As filed'),
        ...r.variants.map((x) => h('option', { value: x.id, selected: v.variant === x.id }, x.label)));
      parts.push(h('div', { className: 'robust-controls' }, h('label', { for: 'robust-variant' }, 'Variant'), select));
      if (f && v.variant) {
        const x = f.variants[v.variant];
        const text = typeof x === 'number' ? `${pct(x)} under this variant (as filed ${pct(f.point)})` : x ? `${pct(x.value)}, change ${pp(x.delta)} under this variant (as filed ${pct(f.point)}, ${pp(f.delta ?? 0)})` : '';
        parts.push(h('p', { id: 'robust-variant-figure' }, text));
      }
    }
    if (f) {
      if (f.deltaDraws) parts.push(h('p', { id: 'robust-delta' }, `Change ${pp(f.delta ?? 0)}; 5th–95th percentile ${deltaInterval(f)}; `, h('strong', {}, agreementText(f)), ' of draws.'));
      const chart = tornado(f, act);
      parts.push(h('h3', { className: 'robust-sub' }, `Largest swings of ${f.delta === undefined ? 'the figure' : `the change under ${ctx.scenarioLabel}`}`));
      parts.push(chart ?? h('p', { className: 'hint' }, 'No flow’s range moves this figure.'));
      if (chart) parts.push(h('p', { className: 'hint' }, 'One flow at its low (blue) and high (orange), every other at its value. Click a bar to select the flow.'));
    }
  }
  return h('section', { className: 'panel robustness', id: 'robustness-panel', 'aria-labelledby': 'robust-title' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'robust-title' }, 'How robust is this figure?')), ...parts);
}
