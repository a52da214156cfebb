/**
 * The HTML report's robustness section (robustness.md §7): the studied
 * figures with their intervals and agreement, a tornado chart of the largest
 * swings of each figure that moves, and the variants as a table. Every
 * number is a figure of the report JSON with its pointer.
 */
import { fig, type FigFormat } from './fig.ts';
import { f1 } from './format.ts';
import { esc } from './html-escape.ts';
import { figMarkup } from './html-fig.ts';
import type { Report } from './model.ts';
import { drawShare, robustPath } from './robustness.ts';
import { intro, swingFigures } from './robustness-md.ts';
import type { RobustFigure } from '../robustness/engine.ts';

const LOW = '#56B4E9';
const HIGH = '#D55E00';

const td = (html: string, n = false) => `<td${n ? ' class="num"' : ''}>${html}</td>`;
const th = (html: string, n = false) => `<th${n ? ' class="num"' : ''}>${html}</th>`;
const code = (s: string) => `<code>${esc(s)}</code>`;

/**
 * Horizontal bars from the figure at a flow's low to the figure at its high,
 * around the point value, largest swing on top: blue where the flow is at
 * its low, vermilion at its high.
 */
export function tornadoSvg(report: Report, f: RobustFigure, top = 8): string {
  const swings = f.swings.filter((s) => s.atHigh !== s.atLow).slice(0, top);
  if (swings.length === 0) return '';
  const format: FigFormat = f.delta === undefined ? 'pct' : 'pp';
  const point = f.delta ?? f.point;
  const values = [point, ...swings.flatMap((s) => [s.atLow, s.atHigh])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || 0.01;
  lo -= pad;
  hi += pad;
  const labelW = 300;
  const plotW = 360;
  const valueW = 150;
  const bar = 14;
  const gap = 6;
  const width = labelW + plotW + valueW;
  const height = swings.length * (bar + gap) + 30;
  const x = (v: number) => labelW + (plotW * (v - lo)) / (hi - lo);
  const parts: string[] = [];
  swings.forEach((s, i) => {
    const y = i * (bar + gap);
    const at = (side: 'atLow' | 'atHigh') => fig(report, format, robustPath(report, f, 'swings', String(i), side));
    const name = s.edge.length > 46 ? `${s.edge.slice(0, 45)}…` : s.edge;
    parts.push(`<g class="swing" data-edge="${esc(s.edge)}"><title>${esc(s.edge)}: ${esc(String(s.low))} to ${esc(String(s.high))}</title>`);
    parts.push(`<text x="${labelW - 8}" y="${f1(y + bar - 3)}" text-anchor="end">${esc(name)}</text>`);
    for (const side of ['atLow', 'atHigh'] as const) {
      const v = s[side];
      const a = Math.min(x(v), x(point));
      const w = Math.max(1, Math.abs(x(v) - x(point)));
      parts.push(`<rect x="${f1(a)}" y="${f1(y)}" width="${f1(w)}" height="${bar}" fill="${side === 'atLow' ? LOW : HIGH}"/>`);
    }
    parts.push(`<text x="${labelW + plotW + 6}" y="${f1(y + bar - 3)}" font-size="10">${figMarkup(at('atLow'), 'tspan')} / ${figMarkup(at('atHigh'), 'tspan')}</text></g>`);
  });
  const base = height - 22;
  parts.push(`<line x1="${f1(x(point))}" y1="0" x2="${f1(x(point))}" y2="${base}" stroke="#222"/>`);
  parts.push(`<text x="${f1(x(point))}" y="${base + 14}" text-anchor="middle" fill="#222">${figMarkup(fig(report, format, robustPath(report, f, f.delta === undefined ? 'point' : 'delta')), 'tspan')}</text>`);
  const label = `Swings of ${f.delta === undefined ? 'the figure' : 'the change'}: reliance of ${f.demand} on ${f.set}${f.delta === undefined ? '' : ` under ${f.scenario}`}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart tornado" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(label)}" font-family="system-ui, sans-serif" font-size="11">${parts.join('')}</svg>`;
}

/**
 * `short` (the PDF's default): the first focus set's figures only, the
 * baseline and the changes that are not none in every draw, no swings.
 */
export function robustnessHtml(report: Report, options: { short?: boolean } = {}): string {
  const r = report.robustness;
  if (!r) return '';
  const p = (f: RobustFigure, ...rest: string[]) => robustPath(report, f, ...rest);
  const none = (f: RobustFigure) => f.deltaDraws !== undefined && [f.delta ?? 0, f.deltaDraws.p05, f.deltaDraws.p95].every((x) => Math.abs(x) <= 0.0005);
  const figures = options.short ? r.figures.filter((f) => f.set === report.focus.reliance[0] && !none(f)) : r.figures;
  // Short: one set, named in the note, so no column of it.
  const setCell = (f: RobustFigure) => (options.short ? [] : [td(code(f.set))]);
  const setHead = options.short ? '' : th('Set');
  const variantCell = (f: RobustFigure, id: string) => {
    const x = f.variants[id];
    if (x === undefined) return td('');
    const at = typeof x === 'number' ? p(f, 'variants', id) : p(f, 'variants', id, 'delta');
    return td(figMarkup(fig(report, typeof x === 'number' ? 'pct' : 'pp', at)), true);
  };
  const rows = figures.map((f) =>
    [
      td(code(f.demand)), ...setCell(f), td(code(f.scenario)),
      td(figMarkup(fig(report, 'pct', p(f, 'point'))), true),
      td(`${figMarkup(fig(report, 'pct', p(f, 'draws', 'p05')))} to ${figMarkup(fig(report, 'pct', p(f, 'draws', 'p95')))}`, true),
      td(f.delta === undefined ? '' : figMarkup(fig(report, 'pp', p(f, 'delta'))), true),
      td(f.deltaDraws ? `${figMarkup(fig(report, 'pp', p(f, 'deltaDraws', 'p05')))} to ${figMarkup(fig(report, 'pp', p(f, 'deltaDraws', 'p95')))}` : '', true),
      td(f.deltaDraws ? `${drawShare(f.deltaDraws.agree)}${f.deltaDraws.robust ? '' : ' <strong>uncertain</strong>'}` : '', true),
      // Short: the variants' figures in the same row (the full report has them in a table of their own).
      ...(options.short ? r.variants.map((v) => variantCell(f, v.id)) : []),
    ].join(''),
  );
  const parts = [
    '<section id="robustness">',
    '<h2>How robust the findings are</h2>',
    `<p>${esc(intro(report))}</p>`,
    options.short ? `<p class="note">Reliance on ${code(report.focus.reliance[0] ?? '')}, the baseline and every change that is not none in every draw; the full report (--full) has every figure, its largest swings and more.</p>` : '',
    `<table class="robust${options.short ? ' short' : ''}"><thead><tr>${th('Demand node')}${setHead}${th('Scenario')}${th('Figure', true)}${th('5th–95th percentile', true)}${th('Change', true)}${th('Change, 5th–95th', true)}${th('Same direction', true)}${options.short ? r.variants.map((_v, i) => th(`V${i + 1}`, true)).join('') : ''}</tr></thead><tbody>${rows.map((x) => `<tr>${x}</tr>`).join('\n')}</tbody></table>`,
  ];
  const swung = options.short ? [] : swingFigures(report);
  if (swung.length > 0) {
    parts.push('<h3>Largest swings</h3>', `<p class="note">One flow at the low (<span style="color:${LOW}">■</span>) and the high (<span style="color:${HIGH}">■</span>) of its range, every other flow at its value; the line is the figure at the stated values.</p>`);
    for (const f of swung) {
      parts.push(`<div class="keep"><h4>${code(f.demand)} on ${code(f.set)}${f.delta === undefined ? '' : `, change under ${code(f.scenario)}`}</h4>${tornadoSvg(report, f)}</div>`);
    }
  }
  if (options.short && r.variants.length > 0) {
    parts.push(`<p class="note">Variants, other readings of the facts applied before every scenario (a baseline row shows the figure, a scenario row the change): ${r.variants.map((v, i) => `V${i + 1} ${code(v.id)}, ${esc(v.label)}`).join('; ')}.</p>`);
  }
  if (!options.short && r.variants.length > 0) {
    parts.push('<h3>Variants</h3>', `<p class="note">Other readings of the facts, applied before every scenario: ${r.variants.map((v) => `${code(v.id)} ${esc(v.label)}`).join('; ')}. A baseline row shows the figure, a scenario row the change.</p>`);
    const vrows = figures.map((f) =>
      [
        td(code(f.demand)), ...setCell(f), td(code(f.scenario)),
        td(figMarkup(fig(report, f.delta === undefined ? 'pct' : 'pp', p(f, f.delta === undefined ? 'point' : 'delta'))), true),
        ...r.variants.map((v) => {
          const x = f.variants[v.id];
          if (x === undefined) return td('');
          const at = typeof x === 'number' ? p(f, 'variants', v.id) : p(f, 'variants', v.id, 'delta');
          return td(figMarkup(fig(report, typeof x === 'number' ? 'pct' : 'pp', at)), true);
        }),
      ].join(''),
    );
    parts.push(`<table><thead><tr>${th('Demand node')}${setHead}${th('Scenario')}${th('As filed', true)}${r.variants.map((v) => th(options.short ? code(v.id) : esc(v.label), true)).join('')}</tr></thead><tbody>${vrows.map((x) => `<tr>${x}</tr>`).join('\n')}</tbody></table>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}
