/** The report's robustness (robustness.md §6, §7) in every format, on the five-node worked example. */
import { describe, expect, it } from 'vitest';
import { csvTables } from '../../../src/report/csv.ts';
import { headlineFindings } from '../../../src/report/findings.ts';
import { segmentsText } from '../../../src/report/fig.ts';
import { renderHtml } from '../../../src/report/html.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { buildReport } from '../../../src/report/model.ts';
import { withRobustness } from '../../../src/report/robustness.ts';
import { loadFixture } from '../../helpers/load.ts';
import { at, expectedText, shownFigures } from '../report/figures.ts';

const graph = loadFixture('robustness/five-nodes.json');
const report = withRobustness(buildReport(graph), graph, { draws: 400, seed: 2 });
const json = JSON.parse(JSON.stringify(report));

describe('the robustness of a report', () => {
  it('is the engine on the report\'s focus and scenarios', () => {
    expect(report.robustness!.figures.map((f) => [f.demand, f.set, f.scenario])).toEqual([
      ['buyers', 'foundry:TW', 'baseline'],
      ['buyers', 'foundry:TW', 'shift-to-us'],
    ]);
    expect(report.robustness!.figures[0]!.point).toBeCloseTo(report.scenarios[0]!.reliance[0]!.byKindCountry['foundry:TW']!, 12);
  });

  it('says in the headline sentence how robust the change is', () => {
    const text = headlineFindings(report).map((f) => segmentsText(f.parts)).join('\n');
    expect(text).toMatch(/falls from 37\.5% to 18\.8% \(−18\.8 pp\) under .*; 5th–95th percentile of the change −\d+\.\d pp to −\d+\.\d pp; the same direction in 100% of draws\./);
  });

  it('shows in HTML only figures of the JSON, with a tornado and the variants', () => {
    const html = renderHtml(report);
    expect(html).toContain('<section id="robustness">');
    expect(html).toContain('class="chart tornado"');
    expect(html).toContain('JPCo sells 2, not 5');
    const shown = shownFigures(html).filter((f) => f.at.startsWith('/robustness/'));
    expect(shown.length).toBeGreaterThan(10);
    for (const f of shown) {
      expect(typeof at(json, f.at), f.at).toBe('number');
      expect(f.text, f.at).toBe(expectedText(json, f));
    }
  });

  it('has a Markdown section and CSV tables', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## How robust the findings are');
    expect(md).toContain('| `buyers` | `foundry:TW` | `baseline` | 37.5% |');
    const tables = csvTables(report);
    const rob = tables.find((t) => t.name === 'robustness')!;
    expect(rob.rows).toHaveLength(2);
    expect(rob.rows[1]![rob.fields.indexOf('agree')]).toBe(1);
    expect(tables.find((t) => t.name === 'robustness-swings')!.rows[0]![5]).toBe('chipco-buyers');
    expect(tables.find((t) => t.name === 'robustness-variants')!.rows).toHaveLength(2);
  });

  it('is absent where the file says nothing of its uncertainty', () => {
    const plain = loadFixture('known/chain.json');
    expect(withRobustness(buildReport(plain), plain).robustness).toBeUndefined();
  });
});
