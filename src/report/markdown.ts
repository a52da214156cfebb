/** The report as Markdown: the headline first, then the figures behind it. */
import { countryName } from '../model/countries.ts';
import { compareScenarios, type FigureDelta } from './compare.ts';
import { cutWords, fxText, hhi, hhiDelta, loss, money, pct, pp } from './format.ts';
import { SHOCK_TABLE_NOTE, SHOCK_TABLE_TITLE, shockRows, skippedText } from './shock-table.ts';
import { headlineRows } from './headline.ts';
import type { Report, ReportScenario } from './model.ts';
import { describeReliance } from './words.ts';
import { segmentsText } from './fig.ts';
import { LIMITS, methodItems } from './method.ts';
import { safeHttpUrl } from './html-escape.ts';
import { robustnessMarkdown } from './robustness-md.ts';
import { firstPageMarkdown } from './first-page-md.ts';
import { sourceNotes } from './source-notes.ts';

/** Text from a file, made inert: no HTML, no links, no table breaks. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]<>|&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][], align?: ('l' | 'r')[]) =>
  [
    row(head),
    row(head.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'))),
    ...rows.map(row),
  ].join('\n');


function figureCell(before: number, after: number): string {
  return `${pct(after)} (${pp(after - before)})`;
}

function headline(report: Report): string {
  const scenarios = report.scenarios.slice(1);
  const rows = headlineRows(report).map((r) => [mdText(r.label), `\`${r.key}\``, pct(r.baseline), ...r.scenarios.map((s) => figureCell(r.baseline, s.value))]);
  const head = ['Demand node', 'Reliance on', 'Baseline', ...scenarios.map((s) => mdText(s.label))];
  return [
    '## Headline: reliance of the focus demand nodes',
    '',
    `The share of each demand node's supply lost if every node of the set stops (${report.focus.reliance.map((k) => `\`${k}\` = ${describeReliance(k)}`).join('; ')}). Scenario cells show the value and, in brackets, the change from baseline in percentage points.`,
    '',
    table(head, rows, head.map((_, i) => (i < 2 ? 'l' : 'r'))),
  ].join('\n');
}

/** Shocks as rows, baseline and each scenario as columns; '' when the report has no shocks. */
function shockSection(report: Report): string {
  const rows = shockRows(report);
  if (rows.length === 0) return '';
  const notes: string[] = [];
  const cells = rows.map((r) => [
    `${mdText(r.shockLabel)} (\`${mdText(r.shock)}\`)`,
    mdText(r.demandLabel),
    ...r.cells.map((c, i) => {
      if (c.skipped.length) notes.push(`${mdText(r.shockLabel)}, ${i === 0 ? 'baseline' : mdText(report.scenarios[i]!.label)}: ${skippedText(c.skipped)}.`);
      return c.lost === null ? '—' : `${loss(c.lost)}${c.skipped.length ? '\\*' : ''}`;
    }),
  ]);
  const head = ['Shock', 'Demand node', 'Baseline', ...report.scenarios.slice(1).map((s) => mdText(s.label))];
  return [`## ${SHOCK_TABLE_TITLE}`, '', SHOCK_TABLE_NOTE, '', table(head, cells, head.map((_, i) => (i < 2 ? 'l' : 'r'))), ...(notes.length ? ['', ...[...new Set(notes)].map((n) => `\\* ${n}`)] : [])].join('\n');
}

function spofSection(report: Report, top: number): string {
  const baseline = report.scenarios[0]!;
  const parts = ['## Top single points of failure (baseline)', '', 'Impact: the share of the demand node\'s supply lost if that one node stops. **Strict** marks an impact of 100%.', ''];
  for (const demand of report.focus.demand) {
    const s = baseline.spof.find((x) => x.demand === demand);
    const r = baseline.reliance.find((x) => x.demand === demand);
    if (!s || !r) continue;
    parts.push(`### ${mdText(r.label)}`, '');
    if (s.critical.length === 0) {
      parts.push('No upstream node has an impact above 0.', '');
      continue;
    }
    parts.push(
      table(
        ['#', 'Node', 'Key', 'Impact', ''],
        s.critical.slice(0, top).map((c, i) => [String(i + 1), mdText(c.label), `\`${mdText(c.key)}\``, pct(c.impact), c.strict ? '**strict**' : '']),
        ['r', 'l', 'l', 'r', 'l'],
      ),
      '',
    );
    if (s.critical.length > top) parts.push(`…and ${s.critical.length - top} more upstream nodes with an impact above 0.`, '');
    const limit = baseline.spofLimit;
    if (limit) {
      parts.push(`This list is cut to ${cutWords(limit)}${limit.reason === 'size' ? ` because the graph has ${limit.upstream.toLocaleString('en-US')} upstream nodes (docs/scale.md; --spof-exact for every impact)` : ''}; each value shown is exact.`, '');
    }
  }
  return parts.join('\n').trimEnd();
}

function concentrationSection(report: Report, currency: string): string {
  const baseline = report.scenarios[0]!;
  const rows = [...baseline.concentration]
    .sort((a, b) => b.byCompany.hhi - a.byCompany.hhi || (a.input < b.input ? -1 : 1))
    .map((c) => [
      `\`${mdText(c.input)}\``,
      money(c.total, currency),
      hhi(c.byCompany.hhi),
      pct(c.byCompany.cr3),
      `${mdText(c.byCompany.top.name)} ${pct(c.byCompany.top.share)}`,
      c.byCompany.level,
      hhi(c.byCountry.hhi),
      `${mdText(c.byCountry.top.name)} ${pct(c.byCountry.top.share)}`,
      c.byCountry.level,
    ]);
  return [
    '## Most concentrated inputs (baseline)',
    '',
    `HHI from 0 to 10,000 over the suppliers of each input; levels by ${mdText(report.levels.label)}.`,
    '',
    table(
      ['Input', 'Total', 'Firm HHI', 'Firm CR3', 'Top firm', 'Level', 'Country HHI', 'Top country', 'Level'],
      rows,
      ['l', 'r', 'r', 'r', 'l', 'l', 'r', 'l', 'l'],
    ),
  ].join('\n');
}

export function deltaCells(d: FigureDelta): string[] {
  const fmt = (x: number | null) => (x === null ? '—' : d.unit === 'hhi' ? hhi(x) : pct(x));
  const delta = d.delta === null ? '—' : d.unit === 'hhi' ? hhiDelta(d.delta) : pp(d.delta);
  return [fmt(d.baseline), fmt(d.scenario), delta];
}

export function describeFigure(d: FigureDelta): string {
  if (d.family === 'reliance') return `${d.subject} reliance on ${d.measure}`;
  if (d.family === 'impact') return `${d.subject} impact of ${d.measure}`;
  return `${d.subject} ${d.measure}`;
}

function scenarioSection(report: Report, top: number): string {
  const [baseline, ...scenarios] = report.scenarios as [ReportScenario, ...ReportScenario[]];
  if (scenarios.length === 0) return '';
  const parts = ['## Scenarios', ''];
  for (const s of scenarios) {
    parts.push(`### ${mdText(s.label)} (\`${mdText(s.id)}\`)`, '');
    if (s.description) parts.push(mdText(s.description), '');
    if (s.fx) parts.push(`Exchange rates of this scenario: ${fxText(s.fx, report.graph.currency)}.`, '');
    const moved = compareScenarios(baseline, s, { moved: true });
    if (moved.length === 0) {
      parts.push('No figure moved.', '');
      continue;
    }
    parts.push(
      `${moved.length} figures moved; the ${Math.min(top, moved.length)} largest moves:`,
      '',
      table(['Figure', 'Baseline', 'Scenario', 'Change'], moved.slice(0, top).map((d) => [mdText(describeFigure(d)), ...deltaCells(d)]), ['l', 'r', 'r', 'r']),
      '',
    );
  }
  return parts.join('\n').trimEnd();
}

function relianceSection(report: Report): string {
  const baseline = report.scenarios[0]!;
  const parts = ['## Reliance of every demand node (baseline)', '', 'Countries and kind:country sets with a reliance above 0, largest first.', ''];
  for (const r of baseline.reliance) {
    const entries = [...Object.entries(r.byCountry), ...Object.entries(r.byKindCountry)]
      .filter(([, v]) => v > 0)
      .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1));
    parts.push(`### ${mdText(r.label)} (\`${mdText(r.demand)}\`, ${mdText(countryName(r.country))})`, '');
    parts.push(entries.length ? table(['Set', 'Reliance'], entries.map(([k, v]) => [`\`${k}\``, pct(v)]), ['l', 'r']) : 'Relies on no set (no upstream supply).', '');
  }
  return parts.join('\n').trimEnd();
}

/** What the sources say and where they err (source-notes.ts). */
function notesOnSources(report: Report): string {
  const notes = sourceNotes(report);
  if (notes.length === 0) return '';
  return ['## Notes on sources', '', ...notes.map((n) => `- **${mdText(n.title)}**${n.meta ? ` (${mdText(n.meta)})` : ''}: ${mdText(n.note)}`)].join('\n');
}

function methodSection(report: Report): string {
  return ['## Method and limits', '', ...methodItems(report).map((m) => `- **${mdText(m.term)}.** ${mdText(m.text)}`), '', ...LIMITS.map((l) => `- ${mdText(l)}`)].join('\n');
}

/** Every reference the graph lists; a URL becomes a link only when it is http(s). */
function sourcesSection(report: Report): string {
  if (report.sources.length === 0) return '## Sources\n\nThe graph cites no sources.';
  const items = report.sources.map((s, i) => {
    const meta = [s.publisher, s.date].filter((x): x is string => Boolean(x)).map(mdText).join(', ');
    const href = s.url ? safeHttpUrl(s.url) : undefined;
    // Inside <…> only spaces, < and > would break the link; safeHttpUrl has percent-encoded them.
    const url = s.url ? (href ? ` <${href}>` : ` ${mdText(s.url)}`) : '';
    return `${i + 1}. ${mdText(s.title)}${meta ? `. ${meta}` : ''}.${url} (\`${mdText(s.id)}\`)`;
  });
  return ['## Sources', '', ...items].join('\n');
}

export function renderMarkdown(report: Report, options: { top?: number } = {}): string {
  const top = options.top ?? 10;
  const g = report.graph;
  const fx = g.fx ? ` Exchange rates: ${fxText(g.fx, g.currency)}.` : '';
  return [
    `# Chokepoint risk report: ${mdText(g.title)}`,
    '',
    `${g.nodes} nodes and ${g.edges} flows${g.asOf ? `, as of ${mdText(g.asOf)}` : ''}; values in ${g.currency} per year.${fx} Baseline and ${report.scenarios.length - 1} scenario${report.scenarios.length === 2 ? '' : 's'}${report.shocks?.length ? `; ${report.shocks.length} shock${report.shocks.length === 1 ? '' : 's'}` : ''}. Made ${report.madeAt ? `on ${report.madeAt.slice(0, 10)} ` : ''}by Chokepoint ${report.generator.version}.`,
    '',
    ...(g.caveats ?? []).flatMap((c) => [`Note: ${mdText(c)}`, '']),
    firstPageMarkdown(report, mdText),
    '',
    '## Appendix: the figures behind the first page',
    '',
    headline(report),
    '',
    shockSection(report),
    '',
    robustnessMarkdown(report),
    '',
    spofSection(report, top),
    '',
    concentrationSection(report, g.currency),
    '',
    scenarioSection(report, top),
    '',
    relianceSection(report),
    '',
    methodSection(report),
    '',
    notesOnSources(report),
    '',
    sourcesSection(report),
    '',
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}
