import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tieredLayout } from '../../../src/layout/tiered.ts';
import { graphSvg } from '../../../src/report/graph-svg.ts';
import { renderHtml } from '../../../src/report/html.ts';
import { buildReport } from '../../../src/report/model.ts';
import { loadFixture, loadGraph, repoPath } from '../../helpers/load.ts';
import { expectedText, shownFigures } from './figures.ts';
import { hostileGraph, SCRIPT, XSS } from './hostile-graph.ts';

const defaultGraph = () => loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const MADE = '2026-01-02T03:04:05.000Z';

function defaultHtml() {
  const graph = defaultGraph();
  const report = buildReport(graph, { madeAt: MADE });
  const html = renderHtml(report, { picture: { svg: graphSvg(graph, tieredLayout(graph)) } });
  return { graph, report, html, json: JSON.parse(JSON.stringify(report)) };
}

describe('renderHtml: every figure is the JSON report figure', () => {
  it('shows each figure as the JSON value formatted, on the default graph', () => {
    const { html, json } = defaultHtml();
    const figs = shownFigures(html);
    expect(figs.length).toBeGreaterThan(1000);
    const wrong = figs.filter((f) => expectedText(json, f) !== f.text);
    expect(wrong).toEqual([]);
    // Every kind of figure is there: reliance, impact, HHI, money, changes.
    expect(new Set(figs.map((f) => f.format))).toEqual(new Set(['pct', 'pp', 'hhi', 'hhiDelta', 'money', 'loss', 'count']));
    expect(figs.some((f) => f.at.includes('/spof/'))).toBe(true);
    expect(figs.some((f) => f.at.includes('/concentration/') && f.at.endsWith('/cr3'))).toBe(true);
  });

  it('writes no percentage outside a checked figure on the first page and in the figure tables', () => {
    const { html } = defaultHtml();
    for (const id of ['summary', 'reliance', 'spof', 'concentration']) {
      const start = html.indexOf(`<section id="${id}"`);
      const section = html.slice(start, html.indexOf("</section>", start));
      expect(section.length).toBeGreaterThan(100);
      const rest = section.replace(/<(span|tspan) class="fig"[^>]*>[^<]*<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
      expect(rest, id).not.toMatch(/\d\.\d%|\d pp\b/);
    }
  });

  it('names the report: titles, as-of date, made-at date, version, scenarios with their exchange rates', () => {
    const { html, report } = defaultHtml();
    expect(html).toContain('<h1>Japan-US-Taiwan semiconductor supply, 2025</h1>');
    expect(html).toContain('as of 2025-05');
    expect(html).toContain('2026-01-02 03:04 UTC');
    expect(html).toContain(`Chokepoint ${report.generator.version}`);
    expect(html).toContain('144.17 JPY per USD');
    for (const s of report.scenarios) expect(html).toContain(s.label);
    expect(html).toContain('add 800,000,000,000 JPY of logic-chips from nvidia to jp-ai-datacenter');
    // Sources: every one, with its link.
    for (const s of report.sources) expect(html).toContain(`id="source-${s.id}"`);
    expect(html).toContain('<a href="https://www.channelnewsasia.com/business/japan-proposes-buy-us-chip-products-tariff-talks-asahi-says-5156316"');
    expect(html).toMatch(/first shock/);
  });

  it('is self-contained: no script, no external resource, a print stylesheet', () => {
    const { html } = defaultHtml();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)="(?!#|https?:\/\/[^"]*"\s+rel=)/);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/<svg[^>]*class="chart"/);
  });

  it('keeps only the chosen demand nodes and scenarios', () => {
    const graph = defaultGraph();
    const report = buildReport(graph, { scenarios: ['jp-materials-domestic'], focus: { demand: ['us-buyers'] } });
    const html = renderHtml(report);
    expect(html).toContain('United States: chip buyers (all segments)');
    expect(html).not.toContain('Japan: AI, data-centre, cloud and telecom buyers');
    expect(html).toContain('Japanese support for domestic wafer and photoresist production');
    expect(html).not.toContain('Japan buys an extra 1 trillion yen of US chips');
    expect(html).not.toContain('<section id="graph"');
  });
});

describe('renderHtml: untrusted text', () => {
  it('escapes every label, title and note, and links only http(s) URLs', () => {
    const report = buildReport(hostileGraph(), { madeAt: MADE });
    const html = renderHtml(report, { picture: { svg: graphSvg(hostileGraph(), tieredLayout(hostileGraph())) } });
    expect(html).not.toContain(XSS);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toMatch(/<img|<svg onload|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).not.toMatch(/href="(?:javascript|data):/i);
    expect(html).toContain('javascript:alert(4)');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=%3C2%3E" rel="noopener noreferrer">');
    // The figures of a hostile graph are still right.
    const json = JSON.parse(JSON.stringify(report));
    expect(shownFigures(html).filter((f) => expectedText(json, f) !== f.text)).toEqual([]);
  });

  it('embeds a PNG data URL and refuses anything else as the picture', () => {
    const report = buildReport(loadFixture('known/chain.json'));
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderHtml(report, { picture: { png } })).toContain(`<img src="${png}" alt="The supply graph">`);
    expect(() => renderHtml(report, { picture: { png: 'javascript:alert(1)' } })).toThrow(/data:image\/png;base64/);
    expect(() => renderHtml(report, { picture: { png: 'data:image/png;base64,AA"onerror="x' } })).toThrow();
  });
});

describe('renderHtml: cut single-point-of-failure lists', () => {
  it('shows a node below the cut as unknown, never as 0', async () => {
    const { graphOf, makeDoc } = await import('../../helpers/load.ts');
    const { csvFiles } = await import('../../../src/report/csv.ts');
    const g = graphOf(
      makeDoc(
        [
          ['tw', 'foundry', 'TW'],
          ['jp', 'foundry', 'JP'],
          ['buyer', 'demand', 'JP'],
        ],
        [
          ['tw', 'buyer', 'chips', 30],
          ['jp', 'buyer', 'chips', 10],
        ],
        { scenarios: [{ id: 'less-tw', label: 'less', ops: [{ op: 'shiftFlows', target: 'buyer', input: 'chips', from: { key: 'tw' }, to: { key: 'jp' }, fraction: 0.5 }] }] },
      ),
    );
    const report = buildReport(g, { spof: { top: 1 } });
    const html = renderHtml(report);
    const spof = html.slice(html.indexOf('<section id="spof">'), html.indexOf('<section id="concentration">'));
    expect(spof).toContain('The lists are cut to the 1 largest impacts');
    const rows = spof.split('<tr>').slice(2).map((r) => r.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    // tw: 75% in baseline, below the cut under the scenario; jp: below the cut in baseline, 62.5% under the scenario.
    expect(rows).toEqual(['1 tw tw 75.0% —', '2 jp jp — 62.5%']);
    const json = JSON.parse(JSON.stringify(report));
    expect(shownFigures(html).filter((f) => expectedText(json, f) !== f.text)).toEqual([]);
    expect(csvFiles(report)['spof.csv']).toContain('less-tw,buyer,1,jp,jp,0.625,,,false');
  });
});
