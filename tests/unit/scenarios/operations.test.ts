/** Every operation of graph-format.md on a small graph whose values are easy to follow. */
import { describe, expect, it } from 'vitest';
import { toDocument, type SupplyGraph } from '../../../src/model/graph.ts';
import type { Operation } from '../../../src/model/schema.ts';
import { applyScenario } from '../../../src/scenarios/apply.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

// jp buys chips from nv (US, 60), ss (KR, 30) and mt (TW, 10); nv buys fab from tsmc (TW, 20).
const base = () =>
  graphOf(
    makeDoc(
      [['jp', 'demand', 'JP'], ['nv', 'supplier', 'US', 'Nvidia'], ['ss', 'supplier', 'KR', 'Samsung'], ['mt', 'supplier', 'TW'], ['tsmc', 'foundry', 'TW', 'TSMC']],
      [['nv', 'jp', 'chips', 60], ['ss', 'jp', 'chips', 30], ['mt', 'jp', 'chips', 10], ['tsmc', 'nv', 'logic-fab', 20]],
      { fx: { JPY: 150 } },
    ),
  );

function run(ops: Operation[], graph: SupplyGraph = base(), fx?: Record<string, number>) {
  return applyScenario(graph, { id: 's', label: 'S', ops, ...(fx ? { fx } : {}) });
}
function applied(ops: Operation[], fx?: Record<string, number>): SupplyGraph {
  const r = run(ops, base(), fx);
  if (!r.ok) throw r.error;
  return r.graph;
}
const value = (g: SupplyGraph, s: string, t: string, input = 'chips') =>
  g.filterOutEdges(s, t, (_e, a) => a.input === input).map((e) => g.getEdgeAttribute(e, 'value'));

describe('node operations', () => {
  it('addNode adds, and refuses a key that exists', () => {
    const g = applied([{ op: 'addNode', key: 'rapidus', attributes: { label: 'Rapidus', kind: 'foundry', country: 'JP' } }]);
    expect(g.getNodeAttributes('rapidus')).toEqual({ label: 'Rapidus', kind: 'foundry', country: 'JP' });
    const r = run([{ op: 'addNode', key: 'nv', attributes: { label: 'x', kind: 'supplier', country: 'US' } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('scenario "s", operation 0 (addNode): expected a new key, not "nv", found a node with that key');
  });

  it('removeNode removes the node and its edges', () => {
    const g = applied([{ op: 'removeNode', key: 'nv' }]);
    expect(g.hasNode('nv')).toBe(false);
    expect(g.size).toBe(2);
  });

  it('setNode merges attributes', () => {
    const g = applied([{ op: 'setNode', key: 'mt', attributes: { country: 'JP', note: 'moved' } }]);
    expect(g.getNodeAttributes('mt')).toEqual({ label: 'mt', kind: 'supplier', country: 'JP', note: 'moved' });
  });
});

describe('flow operations', () => {
  it('addFlow adds to the flow, or creates it', () => {
    expect(value(applied([{ op: 'addFlow', source: 'nv', target: 'jp', input: 'chips', value: 5 }]), 'nv', 'jp')).toEqual([65]);
    expect(value(applied([{ op: 'addFlow', source: 'tsmc', target: 'jp', input: 'chips', value: 5 }]), 'tsmc', 'jp')).toEqual([5]);
  });

  it('converts an amount through the graph fx, or the scenario fx over it', () => {
    // 1500 JPY at 150 JPY per USD = 10 USD.
    expect(value(applied([{ op: 'addFlow', source: 'nv', target: 'jp', input: 'chips', amount: { value: 1500, currency: 'JPY' } }]), 'nv', 'jp')).toEqual([70]);
    // The scenario's rate, 100 JPY per USD, wins: 15 USD.
    expect(value(applied([{ op: 'addFlow', source: 'nv', target: 'jp', input: 'chips', amount: { value: 1500, currency: 'JPY' } }], { JPY: 100 }), 'nv', 'jp')).toEqual([75]);
    // An amount in the graph's own currency needs no rate.
    expect(value(applied([{ op: 'setFlow', source: 'nv', target: 'jp', input: 'chips', amount: { value: 7, currency: 'USD' } }]), 'nv', 'jp')).toEqual([7]);
  });

  it('refuses an amount in a currency without a rate', () => {
    const r = run([{ op: 'addFlow', source: 'nv', target: 'jp', input: 'chips', amount: { value: 1, currency: 'EUR' } }]);
    expect(!r.ok && r.error.message).toContain('an exchange rate for EUR');
  });

  it('setFlow sets, and 0 removes', () => {
    expect(value(applied([{ op: 'setFlow', source: 'ss', target: 'jp', input: 'chips', value: 3 }]), 'ss', 'jp')).toEqual([3]);
    expect(value(applied([{ op: 'setFlow', source: 'ss', target: 'jp', input: 'chips', value: 0 }]), 'ss', 'jp')).toEqual([]);
  });

  it('setFlow and removeFlow name the flow they cannot find', () => {
    for (const op of ['setFlow', 'removeFlow'] as const) {
      const r = run([{ op, source: 'tsmc', target: 'jp', input: 'chips', ...(op === 'setFlow' ? { value: 1 } : {}) } as Operation]);
      expect(!r.ok && r.error.message).toBe(`scenario "s", operation 0 (${op}): expected a flow tsmc -> jp of "chips", found no such flow`);
    }
  });

  it('removeFlow removes', () => {
    expect(value(applied([{ op: 'removeFlow', source: 'mt', target: 'jp', input: 'chips' }]), 'mt', 'jp')).toEqual([]);
  });

  it('scaleFlows multiplies every matching flow', () => {
    const g = applied([{ op: 'scaleFlows', where: { source: { country: ['KR', 'TW'] }, input: 'chips' }, factor: 2 }]);
    expect(value(g, 'ss', 'jp')).toEqual([60]);
    expect(value(g, 'mt', 'jp')).toEqual([20]);
    expect(value(g, 'nv', 'jp')).toEqual([60]);
    expect(value(g, 'tsmc', 'nv', 'logic-fab')).toEqual([20]);
  });

  it('shiftFlows moves a fraction pro rata and keeps the total', () => {
    // Move half of what jp buys from KR and TW (30 + 10) to US: 20 moves.
    // From: ss 30 -> 15, mt 10 -> 5. To: nv 60 -> 80.
    const g = applied([{ op: 'shiftFlows', target: 'jp', input: 'chips', from: { country: ['KR', 'TW'] }, to: { country: 'US' }, fraction: 0.5 }]);
    expect([value(g, 'ss', 'jp'), value(g, 'mt', 'jp'), value(g, 'nv', 'jp')]).toEqual([[15], [5], [80]]);
  });

  it('shiftFlows splits equally among to-suppliers whose values are all 0', () => {
    const r = applyScenario(base(), {
      id: 's',
      label: 'S',
      ops: [
        { op: 'addFlow', source: 'tsmc', target: 'jp', input: 'chips', value: 0 },
        { op: 'shiftFlows', target: 'jp', input: 'chips', from: { key: 'nv' }, to: { key: 'tsmc' }, fraction: 0.25 },
      ],
    });
    expect(r.ok && value(r.graph, 'tsmc', 'jp')).toEqual([15]);
  });

  it('shiftFlows refuses to shift from nothing or to no one', () => {
    const none = run([{ op: 'shiftFlows', target: 'jp', input: 'chips', from: { country: 'DE' }, to: { country: 'US' }, fraction: 0.5 }]);
    expect(!none.ok && none.error.message).toContain('matching from {"country":"DE"}, found none');
    const noTo = run([{ op: 'shiftFlows', target: 'jp', input: 'chips', from: { country: 'US' }, to: { key: 'tsmc' }, fraction: 0.5 }]);
    expect(!noTo.ok && noTo.error.message).toContain('matching to {"key":"tsmc"}, found none');
    const zero = run([
      { op: 'setFlow', source: 'mt', target: 'jp', input: 'chips', value: 0 },
      { op: 'addFlow', source: 'mt', target: 'jp', input: 'chips', value: 0 },
      { op: 'shiftFlows', target: 'jp', input: 'chips', from: { key: 'mt' }, to: { country: 'US' }, fraction: 1 },
    ]);
    expect(!zero.ok && zero.error.message).toBe('scenario "s", operation 2 (shiftFlows): expected something to shift from {"key":"mt"}, found flows whose values sum to 0');
  });
});

describe('a scenario as a whole', () => {
  it('never changes the graph it is given, and never half-applies', () => {
    const g = base();
    const before = JSON.stringify(toDocument(g));
    const r = run([{ op: 'removeNode', key: 'nv' }, { op: 'removeNode', key: 'nobody' }], g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.scenario, r.error.index, r.error.op]).toEqual(['s', 1, 'removeNode']);
    expect(JSON.stringify(toDocument(g))).toBe(before);
    const ok = run([{ op: 'removeNode', key: 'nv' }], g);
    expect(ok.ok).toBe(true);
    expect(JSON.stringify(toDocument(g))).toBe(before);
  });
});
