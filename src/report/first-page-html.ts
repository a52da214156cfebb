/**
 * The first page of the HTML and PDF reports (first-page.ts): the question,
 * the answer, one table, one chart, the largest single points of failure, the
 * most concentrated inputs and what the figures are, on one A4 page. Text
 * from the file goes through `esc`; every number is a figure with its pointer.
 */
import { scenarioColour } from './charts.ts';
import type { Segment } from './fig.ts';
import { firstPage, type ChartPoint, type FirstPage, type FirstPageCell } from './first-page.ts';
import { f1 } from './format.ts';
import { esc } from './html-escape.ts';
import { figMarkup, segmentsMarkup } from './html-fig.ts';
import type { Report } from './model.ts';

const swatch = (i: number) => `<span class="swatch" style="background:${scenarioColour(i)}"></span>`;
const para = (parts: Segment[]) => segmentsMarkup(parts);

function cellHtml(c: FirstPageCell): string {
  // A change that is none in every draw reads "(±0.0 pp)", its interval of none left out.
  const none = c.delta && c.low && c.high && [c.delta, c.low, c.high].every((f) => f.text === c.delta!.text) && /^±/.test(c.delta.text);
  const range = c.low && c.high && !none ? `${figMarkup(c.low)} to ${figMarkup(c.high)}` : '';
  const second = c.delta ? [figMarkup(c.delta), range].filter(Boolean).join('; ') : range;
  const mark = c.uncertain ? ' <strong class="uncertain">direction uncertain</strong>' : '';
  return `<td class="num"><b>${figMarkup(c.value)}</b>${second ? `<br><small>(${second})</small>` : ''}${mark}</td>`;
}

function tableHtml(page: FirstPage): string {
  const head = `<thead><tr><th>Scenario</th>${page.buyers.map((b) => `<th class="num">${esc(b.label)}</th>`).join('')}</tr></thead>`;
  const rows = page.rows.map((r, i) => `<tr><td>${swatch(i)}${esc(r.label)}</td>${r.cells.map(cellHtml).join('')}</tr>`);
  const what = page.draws ? 'value (change; 5th–95th percentile of the draws: of the value in the baseline, of the change after it)' : 'value (change from the baseline)';
  const cols = `<colgroup><col class="scenario">${page.buyers.map(() => '<col>').join('')}</colgroup>`;
  return `<table class="keep first"><caption>Reliance on ${esc(page.setWords)}: ${what}</caption>${cols}${head}<tbody>${rows.join('\n')}</tbody></table>`;
}

/**
 * Before → after, one band per buyer: the baseline in grey, each scenario
 * that moves a buyer as an arrow from the baseline to its value in the
 * scenario's colour, with the 5th–95th percentile of that value as a whisker.
 */
export function beforeAfterSvg(page: FirstPage): string {
  if (page.chart.length === 0) return '';
  const scenarios = [...new Set(page.chart.map((p) => p.index))];
  const row = 9;
  const bandGap = 8;
  const labelW = 150;
  const plotW = 330;
  const width = labelW + plotW + 14;
  const band = scenarios.length * row + bandGap;
  const top = 4;
  const height = top + page.buyers.length * band + 16;
  const x = (v: number) => labelW + plotW * Math.max(0, Math.min(1, v));
  const parts: string[] = [];
  for (let q = 0; q <= 4; q++) {
    const gx = x(q / 4);
    parts.push(`<line x1="${f1(gx)}" y1="${top}" x2="${f1(gx)}" y2="${height - 14}" stroke="#ddd"/><text data-axis="" x="${f1(gx)}" y="${height - 3}" text-anchor="middle" fill="#666">${q * 25}%</text>`);
  }
  page.buyers.forEach((b, g) => {
    const y0 = top + g * band;
    parts.push(`<text x="${labelW - 6}" y="${f1(y0 + (scenarios.length * row) / 2 + 3)}" text-anchor="end">${esc(b.short)}</text>`);
    scenarios.forEach((index, k) => {
      const p = page.chart.find((c: ChartPoint) => c.demand === b.key && c.index === index);
      if (!p) return;
      const y = y0 + k * row + row / 2;
      const colour = scenarioColour(index);
      if (p.low !== undefined && p.high !== undefined) {
        parts.push(`<line x1="${f1(x(p.low))}" y1="${f1(y)}" x2="${f1(x(p.high))}" y2="${f1(y)}" stroke="${colour}" stroke-width="1"/>`,
          `<line x1="${f1(x(p.low))}" y1="${f1(y - 2.5)}" x2="${f1(x(p.low))}" y2="${f1(y + 2.5)}" stroke="${colour}"/><line x1="${f1(x(p.high))}" y1="${f1(y - 2.5)}" x2="${f1(x(p.high))}" y2="${f1(y + 2.5)}" stroke="${colour}"/>`);
      }
      if (index > 0 && Math.abs(p.after - p.before) > 1e-9) {
        const dir = p.after > p.before ? -1 : 1;
        parts.push(`<line x1="${f1(x(p.before))}" y1="${f1(y)}" x2="${f1(x(p.after))}" y2="${f1(y)}" stroke="${colour}" stroke-width="2.5"/>`,
          `<path d="M${f1(x(p.after))} ${f1(y)}l${dir * 5} -3.5v7z" fill="${colour}"/>`);
      } else {
        parts.push(`<circle cx="${f1(x(p.after))}" cy="${f1(y)}" r="3" fill="${colour}"/>`);
      }
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart before-after" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Reliance before and after each scenario" font-family="system-ui, sans-serif" font-size="10">${parts.join('')}</svg>`;
}

export function firstPageHtml(report: Report): string {
  const page = firstPage(report);
  const list = (items: Segment[][]) => `<ul>${items.map((l) => `<li>${para(l)}</li>`).join('')}</ul>`;
  const chart = beforeAfterSvg(page);
  const legend = page.rows.length ? `<p class="note">Before → after: grey is the baseline; each arrow runs from the baseline to a scenario's value, in the scenario's colour, its whisker the 5th–95th percentile of that value.${page.unmoved.length ? ' Scenarios that move no buyer are not drawn.' : ''}</p>` : '';
  return [
    '<section id="summary" class="first-page">',
    '<p class="kicker">Chokepoint risk report</p>',
    `<h1>${esc(page.title)}</h1>`,
    `<p class="question"><strong>The question.</strong> ${esc(page.question)}</p>`,
    page.answers.length ? `<div class="answer"><h2>The answer</h2><ul class="answers">${page.answers.map((a) => `<li class="answer">${para(a)}</li>`).join('')}</ul></div>` : '',
    page.rows.length ? `<div class="figures">${tableHtml(page)}${chart ? `<figure class="before-after">${chart}<figcaption>${legend.replace(/^<p class="note">|<\/p>$/g, '')}</figcaption></figure>` : ''}</div>` : '',
    '<div class="pair">',
    page.spofs.length ? `<div><h3>Largest single points of failure</h3>${list(page.spofs)}</div>` : '',
    page.concentrated.length ? `<div><h3>Most concentrated inputs</h3>${list(page.concentrated)}</div>` : '',
    '</div>',
    `<p class="about">${page.about.map(para).join('<br>')} <a href="#method">Method and limits</a>.</p>`,
    '</section>',
  ].filter(Boolean).join('\n');
}

/** The first page's print and screen style. */
export const FIRST_PAGE_STYLE = `
section.first-page h1 { margin-bottom: 4px; }
section.first-page h2 { font-size: 15px; border: 0; margin: 8px 0 2px; padding: 0; }
section.first-page h3 { font-size: 13px; margin: 6px 0 2px; }
p.question { font-size: 15px; margin: 4px 0 6px; }
ul.answers { margin: 0 0 6px; padding-left: 20px; }
ul.answers li { margin: 2px 0; }
table.first { margin: 4px 0; table-layout: fixed; }
table.first col.scenario { width: 34%; }
table.first td.num, table.first th.num { white-space: normal; }
table.first td small { white-space: nowrap; font-size: 0.85em; }
.uncertain { color: #a33a00; font-weight: 600; font-size: 11px; display: block; }
figure.before-after { margin: 2px 0; }
figure.before-after svg { max-width: 520px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; }
.pair ul { margin: 0; padding-left: 18px; font-size: 12.5px; }
p.about { font-size: 12px; color: #333; border-top: 1px solid #ccc; padding-top: 4px; margin: 8px 0 0; }
@media print {
  section.first-page { break-after: page; page-break-after: always; font-size: 8.5pt; line-height: 1.3; }
  section.first-page h1 { font-size: 15pt; }
  p.question { font-size: 10pt; }
  section.first-page h2 { font-size: 10.5pt; margin-top: 4px; }
  section.first-page h3 { font-size: 9pt; margin-top: 4px; }
  table.first { font-size: 8pt; line-height: 1.2; }
  table.first caption { padding: 2px 0; }
  table.first th, table.first td { padding: 1px 4px; }
  .pair ul { font-size: 8pt; }
  p.about { font-size: 7.5pt; }
  figure.before-after svg { max-width: 105mm; }
  figure.before-after figcaption { font-size: 7.5pt; }
  .pair ul li { margin: 0; }
}
`;
