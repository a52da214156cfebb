import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentsText } from '../../../src/report/fig.ts';
import { firstPage } from '../../../src/report/first-page.ts';
import { hhi, money, pct, pp } from '../../../src/report/format.ts';
import { mdText, renderMarkdown } from '../../../src/report/markdown.ts';
import { buildReport } from '../../../src/report/model.ts';
import { loadGraph, repoPath } from '../../helpers/load.ts';
import { hostileGraph } from './hostile-graph.ts';

const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const report = buildReport(graph, { madeAt: '2026-01-02T03:04:05.000Z' });
const md = renderMarkdown(report);
const json = JSON.parse(JSON.stringify(report));
const section = (title: string) => {
  const start = md.indexOf(`\n## ${title}`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
};
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .map((l) => l.slice(2, -2).split(' | '));

describe('renderMarkdown: figures equal the JSON report', () => {
  it('headline table: baseline and scenario values and changes', () => {
    const rows = tableRows(section('Headline')).slice(1);
    expect(rows).toHaveLength(report.focus.demand.length * report.focus.reliance.length);
    for (const row of rows) {
      const key = row[1]!.replace(/`/g, '');
      const field = key.includes(':') ? 'byKindCountry' : 'byCountry';
      const base = json.scenarios[0].reliance.find((r: { label: string }) => mdText(r.label) === row[0])[field][key] ?? 0;
      expect(row[2]).toBe(pct(base));
      json.scenarios.slice(1).forEach((s: { reliance: { label: string }[] }, i: number) => {
        const v = (s.reliance.find((r) => mdText(r.label) === row[0]) as unknown as Record<string, Record<string, number>>)[field]![key] ?? 0;
        expect(row[3 + i]).toBe(`${pct(v)} (${pp(v - base)})`);
      });
    }
  });

  it('the first page: the answer sentences of the HTML report, at most five', () => {
    // The list right under the heading (the lists of single points of failure and inputs follow the table).
    const lines = section('The answer').split('\n\n')[1]!.split('\n');
    const answers = firstPage(report).answers;
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(5);
    expect(lines).toEqual(answers.map((a) => `- ${mdText(segmentsText(a))}`));
    // The question comes first, and the buyers × scenarios table follows with every scenario.
    expect(md.indexOf('**The question.**')).toBeLessThan(md.indexOf('## The answer'));
    for (const s of report.scenarios) expect(md).toContain(`| ${mdText(s.label)} | **`);
  });

  it('single points of failure and concentration tables', () => {
    const spof = tableRows(section('Top single points of failure (baseline)'));
    const first = json.scenarios[0].spof.find((s: { demand: string }) => s.demand === report.focus.demand[0]).critical[0];
    expect(spof[1]).toEqual(['1', mdText(first.label), `\`${first.key}\``, pct(first.impact), first.strict ? '**strict**' : '']);
    const conc = tableRows(section('Most concentrated inputs (baseline)')).slice(1);
    expect(conc).toHaveLength(json.scenarios[0].concentration.length);
    for (const row of conc) {
      const c = json.scenarios[0].concentration.find((x: { input: string }) => `\`${x.input}\`` === row[0]);
      expect([row[1], row[2], row[3], row[6]]).toEqual([money(c.total, report.graph.currency), hhi(c.byCompany.hhi), pct(c.byCompany.cr3), hhi(c.byCountry.hhi)]);
    }
  });

  it('reliance of every demand node and the scenario moves', () => {
    const appendix = section('Reliance of every demand node (baseline)');
    const blocks = appendix.split('\n### ').slice(1);
    expect(blocks).toHaveLength(json.scenarios[0].reliance.length);
    for (const block of blocks) {
      const demand = /\(`([^`]+)`/.exec(block)![1]!;
      const row = json.scenarios[0].reliance.find((r: { demand: string }) => r.demand === demand);
      for (const [set, shown] of tableRows(block).slice(1)) {
        const key = set!.replace(/`/g, '');
        expect(shown).toBe(pct((key.includes(':') ? row.byKindCountry : row.byCountry)[key]));
      }
    }
    const moves = section('Scenarios');
    const first = tableRows(moves.split('\n### ')[1]!)[1]!;
    // The largest move of the first scenario: a reliance, impact or HHI, with its baseline and change.
    expect(first.slice(1).every((c) => /^(−|\+|±)?[\d,]+(\.\d)?(%| pp)?$/.test(c))).toBe(true);
  });

  it('adds the date, method and limits, and every source with its link', () => {
    expect(md).toContain('Made on 2026-01-02 by Chokepoint');
    expect(section('Method and limits')).toMatch(/first shock/);
    const sources = section('Sources').split('\n').filter((l) => /^\d+\. /.test(l));
    expect(sources).toHaveLength(report.sources.length);
    expect(sources[1]).toContain('<https://www.channelnewsasia.com/business/japan-proposes-buy-us-chip-products-tariff-talks-asahi-says-5156316>');
  });

  it('makes hostile text inert and links only http(s) URLs', () => {
    const hostile = renderMarkdown(buildReport(hostileGraph()));
    expect(hostile).not.toMatch(/<img|<script|<svg/);
    expect(hostile).not.toMatch(/<javascript:|<data:|\]\(javascript:/);
    expect(hostile).toContain('javascript:alert(4)');
    expect(hostile).toContain('<https://example.org/a?b=1&c=%3C2%3E>');
  });
});
