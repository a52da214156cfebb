/**
 * Shocks in the report (metrics.md §8): `shocks` of every scenario against a
 * literal reading of §8 on random graphs (partial capacities, overlapping
 * hits, cycles, a hit that matches nothing in one scenario's graph), and the
 * "What a disruption costs" table of every format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFiles } from '../../../src/report/csv.ts';
import { loss } from '../../../src/report/format.ts';
import { renderHtml } from '../../../src/report/html.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { buildReport } from '../../../src/report/model.ts';
import { applyScenario } from '../../../src/scenarios/apply.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import type { Scenario, Selector, Shock } from '../../../src/model/schema.ts';
import { arbitraryDocument, COUNTRIES } from '../../helpers/arbitrary.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';
import { referenceShockLost } from '../../helpers/reference.ts';
import { expectedText, shownFigures } from './figures.ts';

/** §8 and graph-format.md's Selector read literally: fields ANDed, values ORed; the smallest capacity of the hits matching a node. */
function literalCapacities(g: SupplyGraph, shock: Shock): { capacity: Map<string, number>; skipped: number[] } {
  const capacity = new Map<string, number>();
  const skipped: number[] = [];
  const ok = (want: string | string[] | undefined, have: string | undefined) => want === undefined || (have !== undefined && ([] as string[]).concat(want).includes(have));
  shock.hits.forEach((hit, i) => {
    let any = false;
    g.forEachNode((k, a) => {
      const w = hit.where;
      if (!(ok(w.key, k) && ok(w.kind, a.kind) && ok(w.country, a.country) && ok(w.company, a.company))) return;
      any = true;
      capacity.set(k, Math.min(capacity.get(k) ?? 1, hit.capacity));
    });
    if (!any) skipped.push(i);
  });
  return { capacity, skipped };
}

const selectorArb = (n: number): fc.Arbitrary<Selector> =>
  fc.oneof(
    fc.nat(n - 1).map((i) => ({ key: `n${i}` })),
    fc.constantFrom(...COUNTRIES).map((country) => ({ country })),
    fc.record({ kind: fc.constantFrom('foundry' as const, 'chemical' as const, 'demand' as const), country: fc.constantFrom(...COUNTRIES) }),
    fc.constantFrom('A', 'B').map((company) => ({ company: [company, 'C'] })),
  );
const capacityArb = fc.oneof(fc.constant(0), fc.constantFrom(0.25, 0.5), fc.double({ min: 0, max: 1, noNaN: true }));

const caseArb = arbitraryDocument({ maxNodes: 9, maxEdges: 24 }).chain((doc) => {
  const n = doc.nodes.length;
  return fc.record({
    doc: fc.constant(doc),
    removed: fc.nat(n - 1),
    shocks: fc.array(
      fc.array(fc.record({ where: selectorArb(n), capacity: capacityArb }), { minLength: 1, maxLength: 3 }).map((hits) => hits),
      { minLength: 1, maxLength: 3 },
    ),
  });
});

describe('the report\'s shocks', () => {
  it('are lost(d, X) and skipped of a literal reading of §8, on baseline and on every scenario', () => {
    fc.assert(
      fc.property(caseArb, ({ doc, removed, shocks }) => {
        const graph = graphOf(doc);
        // A scenario that removes a node (so a hit on it matches nothing there) and one that halves some flows.
        const scenarios: Scenario[] = [
          { id: 'gone', label: 'A node goes', ops: [{ op: 'removeNode', key: `n${removed}` }] },
          { id: 'half', label: 'Half of the chips', ops: [{ op: 'scaleFlows', where: { input: 'chips' }, factor: 0.5 }] },
        ];
        const shockList: Shock[] = shocks.map((hits, i) => ({ id: `x${i}`, label: `Shock ${i}`, hits }));
        graph.setAttribute('scenarios', scenarios);
        graph.setAttribute('shocks', shockList);
        const report = buildReport(graph);
        expect(report.shocks).toEqual(shockList);
        [undefined, ...scenarios].forEach((s, i) => {
          const applied = s ? (applyScenario(graph, s) as { ok: true; graph: SupplyGraph }).graph : graph;
          const demands = applied.filterNodes((_k, a) => a.kind === 'demand');
          const got = report.scenarios[i]!.shocks!;
          expect(got.map((c) => c.id)).toEqual(shockList.map((x) => x.id));
          shockList.forEach((shock, j) => {
            const { capacity, skipped } = literalCapacities(applied, shock);
            expect(got[j]!.skipped).toEqual(skipped);
            expect(Object.keys(got[j]!.lost).sort()).toEqual([...demands].sort());
            for (const d of demands) expect(got[j]!.lost[d]).toBeCloseTo(referenceShockLost(applied, d, capacity), 9);
          });
        });
      }),
      { numRuns: 120 },
    );
  });

  it('leave a report of a graph without shocks as it was: no shocks anywhere', () => {
    const report = buildReport(graphOf(makeDoc([['d', 'demand', 'JP'], ['f', 'foundry', 'TW']], [['f', 'd', 'chips', 1]])));
    expect('shocks' in report).toBe(false);
    expect(report.scenarios.some((s) => 'shocks' in s)).toBe(false);
    expect(renderMarkdown(report)).not.toContain('What a disruption costs');
    expect(renderHtml(report)).not.toContain('id="shocks"');
    expect(Object.keys(csvFiles(report))).not.toContain('shocks.csv');
  });
});

describe('the "What a disruption costs" table', () => {
  // buyer gets 3/4 of its chips from Taiwan; the scenario moves it all to the US fab, whose hit matches nothing in "no-us" (removed there).
  const graph = graphOf(
    makeDoc(
      [['buyer', 'demand', 'JP'], ['fab-tw', 'foundry', 'TW'], ['fab-us', 'foundry', 'US'], ['other', 'demand', 'KR']],
      [['fab-tw', 'buyer', 'chips', 3], ['fab-us', 'buyer', 'chips', 1], ['fab-us', 'other', 'chips', 1]],
      {
        scenarios: [
          { id: 'more-us', label: 'Buy more from the US', ops: [{ op: 'addFlow', source: 'fab-us', target: 'buyer', input: 'chips', value: 4 }] },
          { id: 'no-us', label: 'The US fab closes', ops: [{ op: 'removeNode', key: 'fab-us' }] },
        ],
        shocks: [
          { id: 'tw-half', label: 'Taiwan at half', hits: [{ where: { country: 'TW' }, capacity: 0.5 }] },
          { id: 'both', label: 'Both fabs hit', hits: [{ where: { key: 'fab-tw' }, capacity: 0 }, { where: { key: 'fab-us' }, capacity: 0.5 }] },
        ],
        focus: { demand: ['buyer'] },
      },
    ),
  );
  const report = buildReport(graph);

  it('holds the losses of the definition', () => {
    const lost = (i: number, shock: string) => report.scenarios[i]!.shocks!.find((s) => s.id === shock)!.lost;
    expect(lost(0, 'tw-half').buyer).toBeCloseTo(0.375, 12);
    expect(lost(1, 'tw-half').buyer).toBeCloseTo(0.1875, 12);
    expect(lost(2, 'tw-half').buyer).toBeCloseTo(0.5, 12);
    expect(lost(0, 'both').buyer).toBeCloseTo(0.75 + 0.125, 12);
    expect(lost(0, 'both').other).toBeCloseTo(0.5, 12);
    expect(report.scenarios[2]!.shocks!.find((s) => s.id === 'both')!.skipped).toEqual([1]);
  });

  it('in Markdown: shocks as rows, baseline and scenarios as columns, losses with a minus sign, skipped hits said', () => {
    const md = renderMarkdown(report);
    const section = md.slice(md.indexOf('## What a disruption costs'), md.indexOf('\n## ', md.indexOf('## What a disruption costs') + 5));
    expect(section).toContain('| Shock | Demand node | Baseline | Buy more from the US | The US fab closes |');
    expect(section).toContain(`| Taiwan at half (\`tw-half\`) | buyer | ${loss(0.375)} | ${loss(0.1875)} | ${loss(0.5)} |`);
    expect(loss(0.375)).toBe('−37.5%');
    expect(section).toMatch(/Both fabs hit, The US fab closes: hit 1 matches nothing here/);
    // Only the focus demand node.
    expect(section).not.toContain('| other |');
  });

  it('in HTML: every loss a checked figure of the JSON, in red', () => {
    const html = renderHtml(report);
    const start = html.indexOf('<section id="shocks">');
    const section = html.slice(start, html.indexOf('</section>', start));
    const figs = shownFigures(section);
    const json = JSON.parse(JSON.stringify(report));
    expect(figs).toHaveLength(2 * 3);
    for (const f of figs) expect(f.text).toBe(expectedText(json, f));
    expect(figs.every((f) => f.format === 'loss')).toBe(true);
    expect(section.match(/class="num loss"/g)).toHaveLength(6);
    expect(section).toContain('hit 1 matches nothing here');
  });

  it('in CSV: a shocks file with each loss, its baseline and the change; text cells neutralised', () => {
    const csv = csvFiles(report)['shocks.csv']!;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('scenario,shock,shock_label,demand,demand_label,lost,baseline_lost,delta,skipped_hits');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines).toContain('no-us,both,Both fabs hit,buyer,buyer,1,0.875,0.125,1');
  });
});
