/**
 * Figures worked out by hand on the graphs in tests/fixtures/known/.
 * Each block's comment shows the arithmetic; the engine must agree to 1e-9
 * (1e-6 where a cycle is solved by iteration).
 */
import { describe, expect, it } from 'vitest';
import { availability } from '../../../src/metrics/availability.ts';
import { computeConcentration } from '../../../src/metrics/concentration.ts';
import { computeReliance } from '../../../src/metrics/reliance.ts';
import { edgeShares } from '../../../src/metrics/shares.ts';
import { computeSpof } from '../../../src/metrics/spof.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import { graphOf, loadFixture, makeDoc } from '../../helpers/load.ts';

function availabilityOf(graph: SupplyGraph, failed: string[]): Record<string, number> {
  const ix = buildSupplyIndex(graph);
  const a = availability(ix, failed.map((k) => ix.indexOf.get(k)!));
  return Object.fromEntries(ix.keys.map((k, i) => [k, a[i]!]));
}
const relianceOf = (graph: SupplyGraph) => computeReliance(buildSupplyIndex(graph));
const spofOf = (graph: SupplyGraph) => computeSpof(buildSupplyIndex(graph));

describe('a chain raw -> wafer -> fab -> vendor -> buyer', () => {
  // Every node has one supplier per input, so every share is 1 and losing any
  // node upstream of the buyer loses all of its supply.
  const graph = loadFixture('known/chain.json');

  it('gives every edge a share of 1', () => {
    expect([...edgeShares(graph).values()]).toEqual([1, 1, 1, 1]);
  });

  it('makes every upstream node a strict single point of failure', () => {
    const [row] = spofOf(graph);
    expect(row!.demand).toBe('buyer');
    // impact 1 for all four; ties ordered by key.
    expect(row!.critical).toEqual([
      { key: 'fab', impact: 1, strict: true },
      { key: 'raw', impact: 1, strict: true },
      { key: 'vendor', impact: 1, strict: true },
      { key: 'wafer', impact: 1, strict: true },
    ]);
  });

  it('relies wholly on every country upstream, and not on itself', () => {
    const [row] = relianceOf(graph);
    // JP holds raw, wafer and the buyer itself: F = {raw, wafer}, which cuts the chain.
    expect(row!.byCountry).toEqual({ JP: 1, TW: 1, US: 1 });
    // demand:JP is the buyer alone; F = {} leaves a(buyer) = 1.
    expect(row!.byKindCountry['demand:JP']).toBe(0);
    expect(row!.byKindCountry['foundry:TW']).toBe(1);
  });

  it('propagates a failure downstream only', () => {
    expect(availabilityOf(graph, ['fab'])).toEqual({ raw: 1, wafer: 1, fab: 0, vendor: 0, buyer: 0 });
  });

  it('finds each input held by one firm: HHI 10,000', () => {
    for (const row of computeConcentration(graph)) {
      expect(row.byCompany.hhi).toBe(10000);
      expect(row.byCompany.cr1).toBe(1);
      expect(row.byCompany.level).toBe('high');
    }
  });
});

describe('AND across inputs, OR within one', () => {
  // d buys chips from s1 (30) and s2 (10): shares 0.75 and 0.25 (OR).
  // s1 needs logic-fab from f1 (TW) AND memory from m1 (KR); s2 needs logic-fab from f2 (KR).
  const graph = loadFixture('known/and-or.json');

  it('loses a supplier pro rata, and a whole customer when one of its inputs goes', () => {
    // f1 fails: a(s1) = min(logic 0, memory 1) = 0; a(d) = 0.75*0 + 0.25*1 = 0.25.
    expect(availabilityOf(graph, ['f1']).d).toBeCloseTo(0.25, 12);
    // m1 fails: the same, through the other input of s1.
    expect(availabilityOf(graph, ['m1']).d).toBeCloseTo(0.25, 12);
    // f2 fails: a(s2) = 0; a(d) = 0.75.
    expect(availabilityOf(graph, ['f2']).d).toBeCloseTo(0.75, 12);
  });

  it('reports reliance by country and by kind:country', () => {
    const [row] = relianceOf(graph);
    // KR = {f2, m1, s2}: s1 loses memory, s2 is gone: a(d) = 0.
    expect(row!.byCountry.KR).toBeCloseTo(1, 12);
    expect(row!.byCountry.TW).toBeCloseTo(0.75, 12);
    expect(row!.byCountry.US).toBeCloseTo(0.75, 12);
    expect(row!.byCountry.JP).toBe(0);
    // foundry:KR = {f2, m1}: both vendors stop.
    expect(row!.byKindCountry['foundry:KR']).toBeCloseTo(1, 12);
    expect(row!.byKindCountry['supplier:KR']).toBeCloseTo(0.25, 12);
  });

  it('ranks single points of failure by impact, then key', () => {
    const [row] = spofOf(graph);
    expect(row!.critical.map((c) => [c.key, Number(c.impact.toFixed(12)), c.strict])).toEqual([
      ['f1', 0.75, false],
      ['m1', 0.75, false],
      ['s1', 0.75, false],
      ['f2', 0.25, false],
      ['s2', 0.25, false],
    ]);
  });

  it('groups nodes of one company as one firm, and countries apart', () => {
    const logic = computeConcentration(graph).find((c) => c.input === 'logic-fab')!;
    // f1 (100) and f2 (50) are both FabCo: one firm, HHI 10,000.
    expect(logic.byCompany).toMatchObject({ hhi: 10000, cr1: 1, cr3: 1, top: { name: 'FabCo', share: 1 } });
    // By country: TW 2/3, KR 1/3: HHI = 4444.4 + 1111.1 = 5555.6.
    expect(logic.byCountry.hhi).toBeCloseTo(50000 / 9, 9);
    expect(logic.byCountry.top).toEqual({ name: 'TW', share: 2 / 3 });
    const chips = computeConcentration(graph).find((c) => c.input === 'chips')!;
    // s1 30, s2 10: 75^2 + 25^2 = 6250.
    expect(chips.byCompany.hhi).toBeCloseTo(6250, 9);
    expect(chips.byCompany.cr3).toBeCloseTo(1, 12);
    expect(chips.total).toBe(40);
  });
});

describe('a cycle among materials makers', () => {
  // a (US) buys purifier from b (1) and r (3): shares 0.25, 0.75.
  // b (DE) buys gas from a (1) and x (1): shares 0.5, 0.5.
  // f (TW) buys gas from a only; d buys chips from f only.
  // In losses l = 1 - a:  l_a = 0.75 l_r + 0.25 l_b,  l_b = 0.5 l_a + 0.5 l_x.
  const graph = loadFixture('known/cycle.json');
  const [spof] = spofOf(graph);
  const impact = (k: string) => spof!.critical.find((c) => c.key === k)?.impact;

  it('solves the cycle to its greatest fixed point', () => {
    // r fails: l_a = 0.75 + 0.125 l_a  =>  l_a = 6/7.
    expect(impact('r')).toBeCloseTo(6 / 7, 6);
    // x fails: l_b = 0.5 + 0.5 l_a, l_a = 0.25 l_b  =>  l_b = 4/7, l_a = 1/7.
    expect(impact('x')).toBeCloseTo(1 / 7, 6);
    // b fails: l_a = 0.25.
    expect(impact('b')).toBeCloseTo(0.25, 6);
    // a and f each carry everything.
    expect(impact('a')).toBe(1);
    expect(impact('f')).toBe(1);
  });

  it('keeps every node at 1 when nothing fails', () => {
    expect(Object.values(availabilityOf(graph, []))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('reports reliance on the countries in the cycle', () => {
    const [row] = relianceOf(graph);
    expect(row!.byCountry.CN).toBeCloseTo(6 / 7, 6);
    expect(row!.byCountry.KR).toBeCloseTo(1 / 7, 6);
    expect(row!.byCountry.DE).toBeCloseTo(0.25, 6);
    expect(row!.byCountry.US).toBe(1);
  });
});

describe('an input whose values are all 0', () => {
  // d's chips come from s at value 0: no share can be formed, so chips is not
  // among inputs(d); d still needs memory from t.
  const graph = loadFixture('known/zero.json');

  it('ignores the input in availability and concentration', () => {
    expect(edgeShares(graph).get([...graph.outEdges('s', 'd')][0]!)).toBeNull();
    expect(availabilityOf(graph, ['s']).d).toBe(1);
    expect(availabilityOf(graph, ['t']).d).toBe(0);
    expect(computeConcentration(graph).map((c) => c.input)).toEqual(['memory']);
  });

  it('lists only nodes with an impact above 0', () => {
    expect(spofOf(graph)[0]!.critical).toEqual([{ key: 't', impact: 1, strict: true }]);
  });
});

describe('a demand node on a cycle', () => {
  // d (JP) returns scrap to c (JP), which supplies d: reliance on JP must
  // spare d itself (F = S minus {d}) even though d feeds its own supplier.
  // c needs scrap from d (1) and from y (TW, 1): shares 0.5 each.
  // JP = {c, d}: F = {c}: d loses its only chips supplier: reliance 1.
  // TW = {y}: l_c = 0.5 * 1 + 0.5 * l_d, l_d = l_c  =>  l_c = 1: d loses all.
  const graph = loadFixture('known/demand-cycle.json');
  it('spares the demand node itself', () => {
    const [row] = relianceOf(graph);
    expect(row!.byCountry.JP).toBeCloseTo(1, 6);
    expect(row!.byKindCountry['demand:JP']).toBe(0);
    expect(row!.byCountry.TW).toBeCloseTo(1, 6);
  });
});

describe('a cycle that leaks almost nothing (loop gain 1 - 2e-5)', () => {
  // a buys wafers from b only; b buys chips from a only, and gas from a (49)
  // and from x (0.001). x fails: l_b = max(l_a, (49 l_a + 0.001) / 49.001),
  // l_a = l_b. The only fixed point is l = 1: the cycle loses everything,
  // slowly (each round keeps 0.99998 of what is left). Iterating from a = 1
  // needs about 1.7 million sweeps to get within 1e-15. The spec's rule (stop
  // when nothing moves by more than 1e-12) may stop 1e-12 / 2e-5 = 5e-8 short
  // of the fixed point (docs/metrics.md); both paths must get that close.
  const graph = graphOf(makeDoc(
    [['a', 'foundry', 'TW'], ['b', 'wafer', 'JP'], ['x', 'chemical', 'US'], ['d', 'demand', 'JP']],
    [['b', 'a', 'wafers', 1], ['a', 'b', 'chips', 55], ['a', 'b', 'gas', 49], ['x', 'b', 'gas', 0.001], ['a', 'd', 'chips', 1]],
  ));
  it('loses the whole cycle when the leak fails', () => {
    const a = availabilityOf(graph, ['x']);
    expect(a.a).toBeLessThan(1e-7);
    expect(a.b).toBeLessThan(1e-7);
    const [row] = relianceOf(graph);
    expect(row!.byCountry.US).toBeGreaterThan(1 - 1e-7);
  });
});
