import { describe, expect, it } from 'vitest';
import { buildDisplayGraph, buildDisplayGraphInSlices, drawnFlows, MAX_DRAWN_FLOWS } from '../../../src/ui/display-graph.ts';

const view = (shares: (number | null)[], targets?: string[]) => ({
  document: { edges: shares.map((_s, i) => ({ key: `e${i}`, target: targets?.[i] ?? `t${i}` })) } as never,
  shares: Object.fromEntries(shares.map((s, i) => [`e${i}`, s])),
});

describe('flows drawn on a big graph', () => {
  it('draws every flow up to the limit', () => {
    expect(drawnFlows(view([0.1, 0.2]), 2)).toBeNull();
    expect(MAX_DRAWN_FLOWS).toBe(10_000);
  });

  it('above it, the largest shares of their customer\'s input, ties by order, none without a share', () => {
    expect([...drawnFlows(view([0.1, 0.9, null, 0.5, 0.9]), 3)!]).toEqual([0, 1, 0, 1, 1]);
  });

  it('takes every customer\'s largest first, then the second and third, so a customer with many small suppliers still shows some', () => {
    const shares = [0.9, 0.8, 0.7, 0.6, 0.5, 0.01, 0.02];
    const targets = ['a', 'a', 'a', 'a', 'a', 'b', 'b'];
    expect([...drawnFlows(view(shares, targets), 5)!]).toEqual([1, 1, 1, 0, 0, 1, 1]);
    expect([...drawnFlows(view(shares, targets), 2)!]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect([...drawnFlows(view(shares, targets), 6)!]).toEqual([1, 1, 1, 1, 0, 1, 1]);
  });
});

describe('the display graph built in slices', () => {
  it('is the graph built at once: nodes, flows, attributes and order (minor flows and country nodes included)', async () => {
    const n = 3500; // 10,500 flows: above MAX_DRAWN_FLOWS, so some are minor
    const kinds = ['raw', 'supplier', 'demand'] as const;
    const nodes = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: { label: `Node ${i}`, kind: kinds[i % 3]!, country: ['TW', 'JP', 'US'][i % 3]! } }));
    const edges = Array.from({ length: 3 * n }, (_, i) => ({ key: `e${i}`, source: `n${i % n}`, target: `n${(i * 7 + 1) % n}`, attributes: { input: 'x', value: 1 + (i % 13) } }));
    const view = {
      scenario: 'baseline', document: { attributes: { title: 't' }, nodes, edges },
      shares: Object.fromEntries(edges.map((e, i) => [e.key, (i % 11) / 10])),
    } as never;
    const positions = Object.fromEntries(nodes.map((x, i) => [x.key, { x: i % 40, y: Math.floor(i / 40) }]));
    const once = buildDisplayGraph(view, positions, true);
    const sliced = await buildDisplayGraphInSlices(view, positions, true, 'column', 1);
    // "Sits in" links have keys graphology makes per graph: compared without them.
    const plain = (g: typeof once) => ({ ...g.export(), edges: g.export().edges.map((e) => (e.key?.startsWith('geid_') ? { ...e, key: undefined } : e)) });
    expect(plain(sliced)).toEqual(plain(once));
    expect(once.someEdge((_e, a) => a.minor)).toBe(true);
  });
});
