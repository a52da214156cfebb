/**
 * The default graph answers the project's first question. These tests pin its
 * shape and the direction of every headline change, each with the reason in
 * words: a data edit that flips a conclusion must fail here and be looked at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNativeText } from '../../src/io/load-native.ts';
import type { SupplyGraph } from '../../src/model/graph.ts';
import { headlineRows } from '../../src/report/headline.ts';
import { buildReport } from '../../src/report/model.ts';
import { applyScenario, scenariosOf } from '../../src/scenarios/apply.ts';
import { repoPath } from '../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
const loaded = loadNativeText(text, 'japan-us-taiwan.json');
if (!loaded.ok) throw new Error('the default graph does not load');
const graph: SupplyGraph = loaded.graph;
const report = buildReport(graph);
const JP_DEMAND = ['jp-ai-datacenter', 'jp-automotive-industrial', 'jp-consumer-electronics'];

describe('the default graph', () => {
  it('validates without errors or warnings', () => {
    expect(loaded.warnings).toEqual([]);
  });

  it('is big enough for the question: at least 60 nodes and 150 flows, all five scenarios', () => {
    expect(graph.order).toBeGreaterThanOrEqual(60);
    expect(graph.size).toBeGreaterThanOrEqual(150);
    expect(scenariosOf(graph).map((s) => s.id)).toEqual([
      'us-purchase-additional',
      'us-purchase-substitution',
      'jp-subsidies',
      'combined',
      'jp-support-us-materials',
    ]);
  });

  it('cites a source for every node and every flow, and every source is cited', () => {
    const ids = new Set((graph.getAttribute('sources') ?? []).map((s) => s.id));
    const cited = new Set<string>();
    graph.forEachNode((key, a) => {
      expect(a.sources?.length, `node ${key}`).toBeGreaterThan(0);
      a.sources!.forEach((id) => cited.add(id));
    });
    graph.forEachEdge((key, a) => {
      expect(a.sources?.length, `edge ${key}`).toBeGreaterThan(0);
      a.sources!.forEach((id) => cited.add(id));
    });
    for (const s of scenariosOf(graph)) (s.sources ?? []).forEach((id) => cited.add(id));
    for (const id of cited) expect(ids.has(id), id).toBe(true);
    for (const id of ids) expect(cited.has(id), `source ${id} is never cited`).toBe(true);
  });

  it('has no orphaned node', () => {
    graph.forEachNode((key) => expect(graph.degree(key), key).toBeGreaterThan(0));
  });

  it('splits Japanese buyers and has markets to contrast', () => {
    const demand = graph.filterNodes((_k, a) => a.kind === 'demand');
    expect(demand).toEqual(expect.arrayContaining([...JP_DEMAND, 'us-buyers']));
    expect(demand.length).toBeGreaterThan(JP_DEMAND.length + 1);
  });

  it('converts yen at the late-May-2025 rate: 1 trillion yen is 6.94 billion dollars', () => {
    expect(graph.getAttribute('fx')).toEqual({ JPY: 144.17 });
    const s = scenariosOf(graph).find((x) => x.id === 'us-purchase-additional')!;
    expect(s.description).toMatch(/8\.9 billion/);
    expect(s.description).toMatch(/69\.4 billion/);
    const r = applyScenario(graph, s);
    if (!r.ok) throw r.error;
    const total = (g: SupplyGraph) => g.reduceInEdges('jp-ai-datacenter', (sum, _e, a) => sum + a.value, 0);
    expect(total(r.graph) - total(graph)).toBeCloseTo(1e12 / 144.17, 0);
    // Nvidia takes the largest part of the purchase.
    const yen = s.ops.map((op) => (op.op === 'addFlow' && op.amount ? [op.source, op.amount.value] : null)).filter(Boolean) as [string, number][];
    expect(yen.reduce((sum, [, v]) => sum + v, 0)).toBe(1e12);
    expect(yen.sort((a, b) => b[1] - a[1])[0]![0]).toBe('nvidia');
  });

  it('keeps each Japanese buyer\'s total under the substitution', () => {
    const s = scenariosOf(graph).find((x) => x.id === 'us-purchase-substitution')!;
    const r = applyScenario(graph, s);
    if (!r.ok) throw r.error;
    for (const d of JP_DEMAND) {
      const total = (g: SupplyGraph) => g.reduceInEdges(d, (sum, _e, a) => sum + a.value, 0);
      expect(total(r.graph)).toBeCloseTo(total(graph), 0);
    }
  });

  it('records the corrected facts of the seed articles', () => {
    const description = graph.getAttribute('description') ?? '';
    for (const fact of ['Ryosei Akazawa', 'Bessent', '6.94']) expect(description).toContain(fact);
  });
});

describe('the headline: Japanese buyers\' reliance on Taiwanese foundries', () => {
  const rows = headlineRows(report);
  const move = (demand: string, key: string, scenario: string) => {
    const row = rows.find((r) => r.demand === demand && r.key === key)!;
    return row.scenarios.find((s) => s.id === scenario)!.delta;
  };
  const EPS = 1e-6;

  it('leads the report with the Japanese demand nodes and foundry:TW and TW', () => {
    expect(report.focus).toEqual({ demand: JP_DEMAND, reliance: ['foundry:TW', 'TW'] });
  });

  it('starts where the data says: most of Japan\'s AI supply hangs on Taiwanese foundries', () => {
    const base = (d: string) => rows.find((r) => r.demand === d && r.key === 'foundry:TW')!.baseline;
    // Nvidia, AMD and Broadcom chips are made by TSMC in Taiwan and packaged there.
    expect(base('jp-ai-datacenter')).toBeGreaterThan(0.8);
    // Automotive buyers lean on Renesas and power chips made largely in Japan.
    expect(base('jp-automotive-industrial')).toBeLessThan(base('jp-consumer-electronics'));
  });

  it('rises under the additional purchase, for the AI buyers who make it', () => {
    // The extra yen buys mostly Nvidia (800 of 1,000 billion), whose logic wafers
    // come from TSMC's Taiwan fabs and whose CoWoS packaging is only in Taiwan;
    // Arizona wafers still go back to Taiwan to be packaged.
    expect(move('jp-ai-datacenter', 'foundry:TW', 'us-purchase-additional')).toBeGreaterThan(EPS);
    expect(move('jp-ai-datacenter', 'TW', 'us-purchase-additional')).toBeGreaterThan(EPS);
    // The other buyers buy nothing more.
    expect(Math.abs(move('jp-automotive-industrial', 'foundry:TW', 'us-purchase-additional'))).toBeLessThan(EPS);
  });

  it('rises under the substitution, most for automotive buyers', () => {
    // Moving purchases from Renesas, Infineon and other non-US makers to US vendors
    // moves them to Nvidia, Qualcomm (made by TSMC in Taiwan) and Micron (whose
    // largest DRAM base is Taiwan): US vendors are more Taiwan-made than what they replace.
    expect(move('jp-automotive-industrial', 'foundry:TW', 'us-purchase-substitution')).toBeGreaterThan(0.05);
    expect(move('jp-consumer-electronics', 'foundry:TW', 'us-purchase-substitution')).toBeGreaterThan(EPS);
  });

  it('falls under Japanese support for domestic fabs, wafers and chemicals', () => {
    // Renesas and Sony logic moves from TSMC Taiwan to JASM Kumamoto and Rapidus;
    // wafer and chemical support changes no foundry figure, the fab moves do.
    for (const d of ['jp-automotive-industrial', 'jp-consumer-electronics']) {
      expect(move(d, 'foundry:TW', 'jp-subsidies')).toBeLessThan(-EPS);
    }
    // Japan's AI buyers run on Nvidia, which no Japanese fab makes.
    expect(Math.abs(move('jp-ai-datacenter', 'foundry:TW', 'jp-subsidies'))).toBeLessThan(EPS);
  });

  it('nets out as the two together: up for AI buyers, down for automotive', () => {
    expect(move('jp-ai-datacenter', 'foundry:TW', 'combined')).toBeCloseTo(move('jp-ai-datacenter', 'foundry:TW', 'us-purchase-additional'), 9);
    expect(move('jp-automotive-industrial', 'foundry:TW', 'combined')).toBeCloseTo(move('jp-automotive-industrial', 'foundry:TW', 'jp-subsidies'), 9);
  });

  it('does not move under support for US-based wafers and chemicals', () => {
    // Materials for TSMC Arizona change where Arizona's inputs come from, not
    // which foundries make Japan's chips.
    for (const d of JP_DEMAND) expect(Math.abs(move(d, 'foundry:TW', 'jp-support-us-materials'))).toBeLessThan(EPS);
  });
});
