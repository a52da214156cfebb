import { describe, expect, it } from 'vitest';
import { findOverflow } from '../../../src/model/totals.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const nodes: Parameters<typeof makeDoc>[0] = [['a', 'supplier', 'US'], ['b', 'supplier', 'KR'], ['c', 'demand', 'JP'], ['d', 'demand', 'DE']];

describe('sums that overflow', () => {
  it('are none for ordinary values (the one-pass fast path)', () => {
    expect(findOverflow(graphOf(makeDoc(nodes, [['a', 'c', 'chips', 1e12], ['b', 'c', 'chips', 5e11]])))).toBeUndefined();
  });

  it('are none for huge values whose sums stay finite (the detailed path)', () => {
    // The total, 1.8e308, is past the fast path's bound, but each input and each node's
    // input sums to 9e307: nothing overflows.
    const g = graphOf(makeDoc(nodes, [['a', 'c', 'chips', 9e307], ['b', 'd', 'memory', 9e307]]));
    expect(findOverflow(g)).toBeUndefined();
  });

  it('name the flows of one input into one node that sum past the largest double', () => {
    const g = graphOf(makeDoc(nodes, [['a', 'c', 'chips', 1e300]]));
    g.addDirectedEdge('a', 'c', { input: 'chips', value: 1.7e308 });
    g.addDirectedEdge('b', 'c', { input: 'chips', value: 1.7e308 });
    expect(findOverflow(g)?.what).toBe('the flows of "chips" into "c"');
  });

  it('name an input whose flows into different nodes sum past it', () => {
    const g = graphOf(makeDoc(nodes, [['a', 'c', 'chips', 1e300]]));
    g.addDirectedEdge('a', 'd', { input: 'chips', value: 1.7e308 });
    g.addDirectedEdge('b', 'c', { input: 'chips', value: 1.7e308 });
    expect(findOverflow(g)?.what).toBe('all flows of "chips"');
  });
});
