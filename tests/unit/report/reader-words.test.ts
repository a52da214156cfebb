/**
 * Reports are for readers (issue 22): no internal wording in any format of
 * the default graph's report, and the kinds named and coloured as the app
 * names and colours them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFiles } from '../../../src/report/csv.ts';
import { htmlReport } from '../../../src/report/html-report.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { buildReport } from '../../../src/report/model.ts';
import { withRobustness } from '../../../src/report/robustness.ts';
import { NODE_KINDS } from '../../../src/model/schema.ts';
import { KIND_COLORS, KIND_NAMES } from '../../../src/ui/look.ts';
import { loadGraph, repoPath } from '../../helpers/load.ts';

const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const report = withRobustness(buildReport(graph, { madeAt: '2026-01-02T03:04:05.000Z' }), graph);

/** Words of the project's own work that a reader of a report must not meet. */
const INTERNAL = [/seed[ -]article/i, /\bdisagree/i, /\bTODO\b/, /\bFIXME\b/, /\bXXX\b/, /correction/i, /fact sheet/i, /the project'?s/i, /as the graph had it/i, /\bissue \d+/i, /\bsession\b/i];

describe('no internal wording in any report', () => {
  const formats: [string, string][] = [
    ['HTML', htmlReport(graph, report)],
    ['PDF (short HTML)', htmlReport(graph, report, { short: true })],
    ['Markdown', renderMarkdown(report)],
    ['JSON', JSON.stringify(report)],
    ...Object.entries(csvFiles(report)).map(([name, text]): [string, string] => [`CSV ${name}`, text]),
  ];
  for (const [name, text] of formats) {
    it(name, () => {
      const found = INTERNAL.flatMap((re) => (text.match(new RegExp(`.{0,40}${re.source}.{0,40}`, re.flags.includes('i') ? 'gi' : 'g')) ?? []));
      expect(found).toEqual([]);
    });
  }

  it('the words are caught where they are (the test can fail)', () => {
    expect(INTERNAL.some((re) => re.test('The two seed articles disagree on the dollar value'))).toBe(true);
    expect(INTERNAL.some((re) => re.test('Seed-article corrections: …'))).toBe(true);
  });
});

describe('kinds: the report names and colours them as the app does', () => {
  it("the graph picture's legend and dots use the app's names and colours", () => {
    const html = htmlReport(graph, report);
    const svg = html.slice(html.indexOf('<section id="graph"'), html.indexOf('</section>', html.indexOf('<section id="graph"')));
    const legend = svg.slice(svg.indexOf('<g class="legend">'), svg.indexOf('</g>', svg.indexOf('<g class="legend">')));
    const pairs = [...legend.matchAll(/<circle [^>]*fill="(#[0-9a-f]{6})"\/><text [^>]*>([^<]+)<\/text>/gi)].map((m) => [m[2], m[1]]);
    const present = NODE_KINDS.filter((k) => graph.someNode((_n, a) => a.kind === k));
    expect(pairs).toEqual(present.map((k) => [KIND_NAMES[k], KIND_COLORS[k]]));
    // Every node's dot has its kind's colour in the app.
    let dots = 0;
    for (const m of svg.matchAll(/<title>[^<]* \(([^;()\s]+); ([^,<]+),[^<]*<\/title><circle [^>]*fill="(#[0-9a-f]{6})"/gi)) {
      const kind = graph.getNodeAttribute(m[1]!, 'kind');
      expect([m[2], m[3]]).toEqual([KIND_NAMES[kind], KIND_COLORS[kind]]);
      dots++;
    }
    expect(dots).toBe(graph.order);
  });
});
