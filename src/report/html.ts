/**
 * The report as one self-contained HTML file: inline styles, inline SVG
 * charts, the graph's picture inline (SVG) or embedded (PNG data URL), no
 * script and nothing fetched. Every piece of text from the file goes through
 * `esc`; every number is a figure of the report JSON, with its pointer.
 */
import { countryName } from '../model/countries.ts';
import { concentrationChart, relianceChart, scenarioColour, scenarioLegend } from './charts.ts';
import { fig, type Fig } from './fig.ts';
import { cutWords, fxText } from './format.ts';
import { esc, linkOrText } from './html-escape.ts';
import { figMarkup } from './html-fig.ts';
import { LIMITS, methodItems } from './method.ts';
import { impactValue, relianceValue, type RelianceField, type Report, type ReportScenario } from './model.ts';
import { describeOp } from './ops-text.ts';
import { chosenDemand, concentrationPath, impactPath, reliancePath } from './report-paths.ts';
import { describeReliance } from './words.ts';
import { SHOCK_TABLE_NOTE, SHOCK_TABLE_TITLE, shockRows, skippedText } from './shock-table.ts';
import { robustnessHtml } from './robustness-html.ts';
import { FIRST_PAGE_STYLE, firstPageHtml } from './first-page-html.ts';
import { sourceNotes } from './source-notes.ts';
import { shortNames } from './first-page.ts';

export interface HtmlOptions {
  /** The graph's picture: SVG markup made by `graphSvg`, or a PNG data URL (sigma's image export in the app). */
  picture?: { svg: string } | { png: string };
  /** Rows of each single-point-of-failure table. */
  top?: number;
  /** Sets drawn in each reliance chart. */
  chartSets?: number;
  /**
   * The first page and a short appendix (shocks, robustness, the graph,
   * scenario parameters, method, notes on sources): the PDF's default. The
   * HTML file, the app's and the CLI's alike, holds everything.
   */
  short?: boolean;
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

type Cell = string | { html: string; num?: boolean; cls?: string };
const num = (html: string, cls?: string): Cell => ({ html, num: true, ...(cls ? { cls } : {}) });

function table(head: Cell[], rows: Cell[][], options: { caption?: string; keep?: boolean; cls?: string } = {}): string {
  const cell = (tag: 'td' | 'th', c: Cell) => {
    const [html, n, cls] = typeof c === 'string' ? [c, false, undefined] : [c.html, c.num ?? false, c.cls];
    const classes = [n ? 'num' : '', cls ?? ''].filter(Boolean).join(' ');
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${html}</${tag}>`;
  };
  // Short tables stay on one page; long ones break between rows and repeat their head.
  const keep = options.keep ?? rows.length <= 28;
  return [
    `<table class="${[keep ? 'keep' : '', options.cls ?? ''].filter(Boolean).join(' ')}">`,
    options.caption ? `<caption>${options.caption}</caption>` : '',
    `<thead><tr>${head.map((h) => cell('th', h)).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('');
}

const code = (s: string) => `<code>${esc(s)}</code>`;
const sTag = (i: number) => (i === 0 ? 'Baseline' : `S${i}`);
const swatch = (i: number) => `<span class="swatch" style="background:${scenarioColour(i)}"></span>`;
const scenarioHead = (report: Report): Cell[] => report.scenarios.map((s, i) => num(`${swatch(i)}<abbr title="${esc(s.label)}">${sTag(i)}</abbr>`));

/** A value and, after baseline, its change on a second line. */
function beforeAfter(value: Fig, change?: Fig): Cell {
  return num(change ? `${figMarkup(value)}<br><small>${figMarkup(change)}</small>` : figMarkup(value));
}

function madeAtText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}


/** The appendix's opening: what graph, how big, which rates and levels, made when and by what. */
function header(report: Report): string {
  const g = report.graph;
  const facts: [string, string][] = [
    ['Graph', `${esc(g.title)}${g.asOf ? `, as of ${esc(g.asOf)}` : ''}`],
    ['Size', `${g.nodes} nodes, ${g.edges} flows; values in ${esc(g.currency)} per year`],
  ];
  const fx = fxText(g.fx, g.currency);
  if (fx) facts.push(['Exchange rates', esc(fx)]);
  for (const caveat of g.caveats ?? []) facts.push(['Note', esc(caveat)]);
  facts.push(['Concentration levels', esc(report.levels.label)]);
  facts.push(['Made', `${report.madeAt ? `${esc(madeAtText(report.madeAt))} by` : 'by'} Chokepoint ${esc(report.generator.version)}`]);
  return [
    '<section id="appendix">',
    '<h2>Appendix: the figures behind the first page</h2>',
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '</section>',
  ].join('\n');
}

function scenariosCompared(report: Report): string {
  const rows = report.scenarios.map((s, i): Cell[] => [
    `${swatch(i)}${sTag(i)}`,
    `${esc(s.label)}${i > 0 ? ` ${code(s.id)}` : ''}`,
    i === 0 ? 'the graph as loaded' : `${s.ops?.length ?? 0} operation${s.ops?.length === 1 ? '' : 's'}`,
    esc(fxText(s.fx, report.graph.currency) || (i > 0 && report.graph.fx ? "the graph's" : '')),
  ]);
  return [
    '<section id="scenarios">',
    '<h2>Scenarios compared</h2>',
    table(['', 'Scenario', 'Changes', 'Exchange rates'], rows),
    report.scenarios.length > 1 ? '<p class="note">Each scenario\'s description and operations are listed under <a href="#parameters">Scenario parameters</a>.</p>' : '',
    '</section>',
  ].join('\n');
}

/** Shocks as rows, baseline and each scenario as columns, losses in red; '' when the report has no shocks. */
function shockSection(report: Report, short = false): string {
  const rows = shockRows(report);
  if (rows.length === 0) return '';
  // Short: buyers by the first page's short names, shocks without their ids.
  const labels = [...new Set(rows.map((r) => r.demandLabel))];
  const shorter = new Map(labels.map((l, i) => [l, short ? shortNames(labels)[i]! : l]));
  const body = rows.map((r): Cell[] => [
    short ? esc(r.shockLabel) : `${esc(r.shockLabel)} ${code(r.shock)}`,
    esc(shorter.get(r.demandLabel)!),
    ...r.cells.map((c) => {
      if (c.lost === null) return num('—');
      const note = c.skipped.length ? `<br><small>${esc(skippedText(c.skipped))}</small>` : '';
      return num(`${figMarkup(fig(report, 'loss', c.at))}${note}`, c.lost > 0 ? 'loss' : undefined);
    }),
  ]);
  return [
    '<section id="shocks">',
    `<h2>${SHOCK_TABLE_TITLE}</h2>`,
    `<p class="note">${esc(SHOCK_TABLE_NOTE)}</p>`,
    table(['Shock', 'Demand node', ...scenarioHead(report)], body),
    '</section>',
  ].join('\n');
}

/** Sets with a reliance above 0 in baseline or any scenario, largest baseline first. */
function setsOf(report: Report, demand: string, field: RelianceField): string[] {
  const keys = new Set<string>();
  for (const s of report.scenarios) {
    const r = s.reliance.find((x) => x.demand === demand);
    for (const [k, v] of Object.entries(r?.[field] ?? {})) if (v > 0) keys.add(k);
  }
  const base = report.scenarios[0]!.reliance.find((x) => x.demand === demand)?.[field] ?? {};
  return [...keys].sort((a, b) => (base[b] ?? 0) - (base[a] ?? 0) || (a < b ? -1 : 1));
}

function relianceTable(report: Report, demand: string, field: RelianceField): string {
  const sets = setsOf(report, demand, field);
  if (sets.length === 0) return `<p>No reliance above 0 on any ${field === 'byCountry' ? 'country' : 'kind in a country'}.</p>`;
  const rows = sets.map((key): Cell[] => {
    const base = reliancePath(report, 0, demand, key);
    return [
      `${esc(describeReliance(key))} ${code(key)}`,
      ...report.scenarios.map((_s, i) => (i === 0 ? beforeAfter(fig(report, 'pct', base)) : beforeAfter(fig(report, 'pct', reliancePath(report, i, demand, key)), fig(report, 'pp', reliancePath(report, i, demand, key), base)))),
    ];
  });
  return table([field === 'byCountry' ? 'Country' : 'Kind in a country', ...scenarioHead(report)], rows, { caption: field === 'byCountry' ? 'Reliance by country' : 'Reliance by kind and country' });
}

function relianceSection(report: Report, chartSets: number): string {
  const parts = [
    '<section id="reliance">',
    '<h2>Reliance</h2>',
    "<p>The share of each buyer's supply lost if every node of the set stops. After the baseline, each cell gives the scenario's value and, below it, the change from baseline in percentage points.</p>",
  ];
  for (const demand of chosenDemand(report)) {
    const row = report.scenarios[0]!.reliance.find((r) => r.demand === demand)!;
    // The focus sets first, then the largest others, up to chartSets.
    const chart = [...report.focus.reliance];
    for (const k of [...setsOf(report, demand, 'byCountry'), ...setsOf(report, demand, 'byKindCountry')].sort(
      (a, b) => relianceValue(row, b) - relianceValue(row, a) || (a < b ? -1 : 1),
    )) {
      if (chart.length >= chartSets) break;
      if (!chart.includes(k)) chart.push(k);
    }
    parts.push(
      `<article class="demand">`,
      // The heading stays on the page of its chart.
      `<div class="keep"><h3>${esc(row.label)} <small>${code(demand)}, ${esc(countryName(row.country))}</small></h3>`,
      `<figure>${scenarioLegend(report)}${relianceChart(report, demand, chart, describeReliance)}<figcaption>Reliance on the focus sets and the largest others.</figcaption></figure></div>`,
      relianceTable(report, demand, 'byCountry'),
      relianceTable(report, demand, 'byKindCountry'),
      '</article>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function spofSection(report: Report, top: number): string {
  const parts = [
    '<section id="spof">',
    '<h2>Single points of failure</h2>',
    `<p>Impact: the share of the buyer's supply lost if that one node stops; <strong>strict</strong> marks an impact of 100%. The ${top} nodes with the largest impact in any scenario.</p>`,
  ];
  const cut = report.scenarios.find((s) => s.spofLimit)?.spofLimit;
  if (cut) {
    parts.push(`<p class="note">The lists are cut to ${esc(cutWords(cut))} (${cut.reason === 'size' ? 'the graph is large' : 'as asked'}); — marks a node below the cut in that scenario.</p>`);
  }
  for (const demand of chosenDemand(report)) {
    const label = report.scenarios[0]!.reliance.find((r) => r.demand === demand)!.label;
    const best = new Map<string, { label: string; impact: number; strict: boolean[] }>();
    report.scenarios.forEach((s, i) => {
      for (const c of s.spof.find((r) => r.demand === demand)?.critical ?? []) {
        const e = best.get(c.key) ?? { label: c.label, impact: 0, strict: [] };
        e.impact = Math.max(e.impact, c.impact);
        e.strict[i] = c.strict;
        best.set(c.key, e);
      }
    });
    const keys = [...best.keys()].sort((a, b) => best.get(b)!.impact - best.get(a)!.impact || (a < b ? -1 : 1)).slice(0, top);
    if (keys.length === 0) {
      parts.push(`<h3>${esc(label)}</h3>`, '<p>No upstream node has an impact above 0.</p>');
      continue;
    }
    // Where a scenario's list is cut (docs/scale.md), a node missing from it is unknown, not 0.
    const unknown = (i: number, key: string) => impactValue(report.scenarios[i]!, demand, key) === null;
    const rows = keys.map((key, n): Cell[] => {
      const e = best.get(key)!;
      const base = impactPath(report, 0, demand, key);
      return [
        num(String(n + 1)),
        `${esc(e.label)} ${code(key)}`,
        ...report.scenarios.map((_s, i) => {
          if (unknown(i, key)) return num('—');
          const at = impactPath(report, i, demand, key);
          const cell = i === 0 || unknown(0, key) ? beforeAfter(fig(report, 'pct', at)) : beforeAfter(fig(report, 'pct', at), fig(report, 'pp', at, base));
          return e.strict[i] && typeof cell !== 'string' ? { ...cell, html: `${cell.html}<br><strong>strict</strong>` } : cell;
        }),
      ];
    });
    parts.push(`<div class="keep"><h3>${esc(label)}</h3>`, table([num('#'), 'Node', ...scenarioHead(report)], rows), '</div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function concentrationSection(report: Report): string {
  const base = report.scenarios[0]!;
  const inputs = [...base.concentration].sort((a, b) => b.byCompany.hhi - a.byCompany.hhi || (a.input < b.input ? -1 : 1)).map((c) => c.input);
  const side = (input: string, by: 'byCompany' | 'byCountry', name: (n: string) => string): Cell[] => {
    const c = base.concentration.find((x) => x.input === input)![by];
    const p = (...rest: string[]) => concentrationPath(report, 0, input, by, ...rest)!;
    return [num(figMarkup(fig(report, 'hhi', p('hhi')))), num(figMarkup(fig(report, 'pct', p('cr3')))), `${esc(name(c.top.name))} ${figMarkup(fig(report, 'pct', p('top', 'share')))}`, { html: c.level, cls: `level-${c.level}` }];
  };
  const rows = inputs.map((input): Cell[] => {
    const i = base.concentration.findIndex((x) => x.input === input);
    return [code(input), num(figMarkup(fig(report, 'money', `/scenarios/0/concentration/${i}/total`))), ...side(input, 'byCompany', (n) => n), ...side(input, 'byCountry', (n) => countryName(n))];
  });
  const parts = [
    '<section id="concentration">',
    '<div class="keep">',
    '<h2>Concentration by input</h2>',
    `<p>HHI from 0 (many small suppliers) to 10,000 (one supplier), over the firms and over the countries that supply each input in the baseline; CR3 is the share of the three largest. Levels by ${esc(report.levels.label)}.</p>`,
    `<figure>${concentrationChart(report, inputs)}<figcaption>Firm HHI by input; dashed lines at the preset's bounds; colour by level.</figcaption></figure>`,
    '</div>',
    table(['Input', num('Total'), num('Firm HHI'), num('CR3'), 'Largest firm', 'Level', num('Country HHI'), num('CR3'), 'Largest country', 'Level'], rows, { caption: 'Concentration in the baseline', cls: 'dense' }),
  ];
  // HHI under each scenario, for the inputs where it moves by at least 1.
  if (report.scenarios.length > 1) {
    const moved: Cell[][] = [];
    for (const input of inputs) {
      for (const by of ['byCompany', 'byCountry'] as const) {
        const b = concentrationPath(report, 0, input, by, 'hhi')!;
        const cells = report.scenarios.map((_s, i): Cell => {
          const at = concentrationPath(report, i, input, by, 'hhi');
          if (!at) return num('—');
          return i === 0 ? beforeAfter(fig(report, 'hhi', at)) : beforeAfter(fig(report, 'hhi', at), fig(report, 'hhiDelta', at, b));
        });
        const changes = report.scenarios.slice(1).map((_s, j) => {
          const at = concentrationPath(report, j + 1, input, by, 'hhi');
          return at ? fig(report, 'hhiDelta', at, b).text : 'gone';
        });
        if (changes.some((t) => t !== '±0')) moved.push([code(input), by === 'byCompany' ? 'firms' : 'countries', ...cells]);
      }
    }
    parts.push(moved.length ? table(['Input', 'Over', ...scenarioHead(report)], moved, { caption: 'HHI under each scenario, where it moves' }) : '<p>No scenario moves any HHI.</p>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function pictureSection(picture: HtmlOptions['picture']): string {
  if (!picture) return '';
  let body: string;
  if ('png' in picture) {
    if (!PNG_DATA_URL.test(picture.png)) throw new TypeError('renderHtml: picture.png must be a data:image/png;base64 URL');
    body = `<img src="${picture.png}" alt="The supply graph">`;
  } else {
    body = picture.svg;
  }
  return ['<section id="graph" class="graph">', '<h2>The graph</h2>', `<figure>${body}</figure>`, '</section>'].join('\n');
}

/** `short`: each scenario's description and sources, its operations counted (the full report lists them). */
function parametersSection(report: Report, short = false): string {
  const scenarios = report.scenarios.slice(1);
  if (scenarios.length === 0) return '';
  const item = (s: ReportScenario, i: number) =>
    [
      `<article class="scenario">`,
      `<h3>${swatch(i + 1)}${sTag(i + 1)}: ${esc(s.label)} ${code(s.id)}</h3>`,
      s.description ? `<p>${esc(s.description)}</p>` : '',
      s.fx ? `<p>Exchange rates of this scenario: ${esc(fxText(s.fx, report.graph.currency))}.</p>` : '',
      !s.ops?.length
        ? '<p>No operations: the scenario equals the baseline.</p>'
        : short
          ? ''
          : `<ol class="ops">${s.ops.map((op) => `<li>${esc(describeOp(op, report.graph.currency))}</li>`).join('')}</ol>`,
      short && s.ops?.length ? `<p class="note">${s.ops.length} operation${s.ops.length === 1 ? '' : 's'} (listed in the full report)${s.sources?.length ? `; sources: ${s.sources.map((id) => esc(id)).join(', ')}` : ''}.</p>` : '',
      !short && s.sources?.length ? `<p class="note">Sources: ${s.sources.map((id) => `<a href="#source-${esc(id)}">${esc(id)}</a>`).join(', ')}</p>` : '',
      '</article>',
    ].join('\n');
  return ['<section id="parameters">', '<h2>Scenario parameters</h2>', ...scenarios.map(item), '</section>'].join('\n');
}

/** `short`: the terms of the first page's figures (reliance, single point of failure, concentration) and the limits. */
function methodSection(report: Report, short = false): string {
  const terms = ['Reliance', 'Single point of failure', 'Concentration'];
  return [
    '<section id="method">',
    '<h2>Method and limits</h2>',
    `<dl class="method">${methodItems(report)
      .filter((m) => !short || terms.includes(m.term))
      .map((m) => `<dt>${esc(m.term)}</dt><dd>${esc(m.text)}</dd>`)
      .join('')}</dl>`,
    `<ul class="limits">${LIMITS.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/** What the sources say, and where they err: each source's note (source-notes.ts). */
function notesOnSourcesHtml(report: Report, citedOnly = false): string {
  const notes = sourceNotes(report, citedOnly);
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li><strong>${esc(n.title)}</strong>${n.meta ? ` (${esc(n.meta)})` : ''}: ${esc(n.note)}</li>`);
  return ['<section id="notes-on-sources">', '<h2>Notes on sources</h2>', citedOnly ? '<p class="note">The sources behind the scenarios; the full report (--full) has every source and its note.</p>' : '', `<ul class="source-notes">${items.join('\n')}</ul>`, '</section>'].filter(Boolean).join('\n');
}

function sourcesSection(report: Report): string {
  if (report.sources.length === 0) return '<section id="sources"><h2>Sources</h2><p>The graph cites no sources.</p></section>';
  const items = report.sources.map((s) => {
    const meta = [s.publisher, s.date].filter((x): x is string => Boolean(x)).map(esc).join(', ');
    return [
      `<li id="source-${esc(s.id)}">`,
      `<strong>${esc(s.title)}</strong>${meta ? `. ${meta}` : ''}. `,
      s.url ? `${linkOrText(s.url)}. ` : '',
      `<small>${code(s.id)}</small>`,
      s.note ? ' <small><a href="#notes-on-sources">note</a></small>' : '',
      '</li>',
    ].join('');
  });
  return ['<section id="sources">', '<h2>Sources</h2>', `<ol class="sources">${items.join('\n')}</ol>`, '</section>'].join('\n');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 26px; margin: 0 0 12px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #1b1b1b; padding-bottom: 2px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
h3 small { font-weight: normal; color: #555; }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: #555; margin: 0; font-size: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
th { border-bottom: 2px solid #999; background: #f4f4f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td small { color: #444; }
table.dense { font-size: 11.5px; }
table.dense td:first-child code { overflow-wrap: normal; white-space: nowrap; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #444; overflow-wrap: anywhere; }
.level-high { color: #a33a00; font-weight: 600; }
.level-moderate { color: #8a5a00; }
td.loss { color: #b00020; font-weight: 600; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: baseline; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; }
ul.findings { padding-left: 20px; }
li.finding { margin: 3px 0; }
li.finding.spof { list-style: square; }
figure { margin: 8px 0 16px; }
figcaption { font-size: 12px; color: #555; }
svg.chart { max-width: 100%; height: auto; }
.graph img, .graph svg { max-width: 100%; height: auto; border: 1px solid #ddd; }
ol.ops { font-size: 12.5px; }
.note { font-size: 12.5px; color: #444; }
dl.method dt { font-weight: 600; margin-top: 8px; }
dl.method dd { margin: 0 0 4px 0; }
ol.sources, ul.source-notes { font-size: 12.5px; }
ul.source-notes li { margin: 3px 0; }
ol.sources li { margin: 4px 0; word-break: break-word; }
footer { margin-top: 32px; font-size: 12px; color: #555; border-top: 1px solid #ddd; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  /* The graph's picture is wide: a landscape page of its own. */
  section#graph { page: wide; break-before: page; break-after: page; }
  section#shocks table.keep, section#robustness table { break-inside: auto; }
  table.robust.short td.num { white-space: normal; }
  table.robust.short code { overflow-wrap: normal; }
  section#reliance { break-before: page; }
  section#appendix h2 { margin-top: 0; }
  section#graph figure { margin: 0; }
  .keep, figure, li.finding { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  caption, thead, thead tr { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9pt; line-height: 1.35; }
  h2 { font-size: 13pt; margin: 14px 0 6px; }
  h3 { font-size: 10.5pt; margin: 10px 0 4px; }
  table { font-size: 8pt; }
  th, td { padding: 1px 4px; }
  section#parameters p, section#parameters ol.ops, ul.source-notes, ol.sources, dl.method, ul.limits, .note { font-size: 8pt; }
  section#parameters h3 { margin: 6px 0 2px; font-size: 9.5pt; }
  section#parameters p { margin: 2px 0; }
  dl.method { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
  dl.method dt, dl.method dd { margin: 0; }
  ul.source-notes li, ul.limits li { margin: 1px 0; }
  h2 { margin: 10px 0 4px; }
}
`;

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const top = options.top ?? 10;
  const footer = `<footer>Made${report.madeAt ? ` on ${esc(madeAtText(report.madeAt))}` : ''} by Chokepoint ${esc(report.generator.version)} from the figures of its report JSON (format chokepoint-report, version ${report.version}).</footer>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Defence in depth: even a bug in escaping could not run a script or fetch anything.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Chokepoint ${esc(report.generator.version)}">`,
    `<title>Chokepoint risk report: ${esc(report.graph.title)}</title>`,
    `<style>${STYLE}${FIRST_PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    firstPageHtml(report),
    ...(options.short
      ? // The PDF's short appendix: what flows, then the landscape page of the graph last.
        [header(report), shockSection(report, true), robustnessHtml(report, { short: true }), parametersSection(report, true), methodSection(report, true), notesOnSourcesHtml(report, true), footer, pictureSection(options.picture)]
      : [
          header(report),
          scenariosCompared(report),
          shockSection(report),
          robustnessHtml(report),
          relianceSection(report, options.chartSets ?? 6),
          spofSection(report, top),
          concentrationSection(report),
          pictureSection(options.picture),
          parametersSection(report),
          methodSection(report),
          notesOnSourcesHtml(report),
          sourcesSection(report),
          footer,
        ]),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((s) => s !== '')
    .join('\n');
}
