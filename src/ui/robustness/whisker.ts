/** An interval as a whisker: the 5th to 95th percentile of the draws as a line, the figure at the stated values as a mark. */
import { pct, pp } from '../../report/format.ts';
import type { RobustFigure } from '../../robustness/engine.ts';
import { h, s } from '../dom.ts';
import { drawShare } from '../../report/robustness.ts';

/** Whisker of a figure (0 to 1) under the headline's big number. */
export function figureWhisker(f: RobustFigure): HTMLElement {
  const { p05, p95 } = f.draws;
  const x = (v: number) => 4 + 152 * Math.max(0, Math.min(1, v));
  const svg = s('svg', { width: 160, height: 14, viewBox: '0 0 160 14', 'aria-hidden': 'true', class: 'whisker-svg' },
    s('line', { x1: 4, y1: 7, x2: 156, y2: 7, stroke: '#ddd' }),
    s('line', { x1: x(p05), y1: 7, x2: x(p95), y2: 7, stroke: '#0072B2', 'stroke-width': 2 }),
    s('line', { x1: x(p05), y1: 3, x2: x(p05), y2: 11, stroke: '#0072B2', 'stroke-width': 2 }),
    s('line', { x1: x(p95), y1: 3, x2: x(p95), y2: 11, stroke: '#0072B2', 'stroke-width': 2 }),
    s('circle', { cx: x(f.point), cy: 7, r: 3, fill: '#222' }),
  );
  return h('p', { className: 'whisker', id: 'headline-interval', 'data-p05': String(p05), 'data-p95': String(p95) },
    svg, ` 5th–95th percentile of the draws: `, h('span', { className: 'p05' }, pct(p05)), ' to ', h('span', { className: 'p95' }, pct(p95)));
}

/** The agreement of a scenario's change, in words: "99% same direction" or "direction uncertain (58%)". */
export function agreementText(f: RobustFigure): string {
  const d = f.deltaDraws;
  if (!d) return '';
  if (Math.abs(f.delta ?? 0) <= 0.0005) return `no change in ${drawShare(d.agree)}`;
  return d.robust ? `${drawShare(d.agree)} same direction` : `direction uncertain (${drawShare(d.agree)})`;
}

/** The change's interval: "+4.6 pp to +8.0 pp". */
export const deltaInterval = (f: RobustFigure) => (f.deltaDraws ? `${pp(f.deltaDraws.p05)} to ${pp(f.deltaDraws.p95)}` : '');
