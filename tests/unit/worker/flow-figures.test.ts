import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/index.ts';
import { buildGraph, type SupplyGraph } from '../../../src/model/graph.ts';
import { flowFigures } from '../../../src/worker/engine.ts';
import { loadGraph, repoPath } from '../../helpers/load.ts';

/** The definitions, one flow at a time: metrics.md §1's share, and a node's throughput. */
function expected(graph: SupplyGraph) {
  const nodes = graph.nodes();
  const ends: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => ends.push(nodes.indexOf(s), nodes.indexOf(t)));
  const total = (t: string, input: string) => graph.inEdges(t).reduce((a, e) => a + (graph.getEdgeAttribute(e, 'input') === input ? graph.getEdgeAttribute(e, 'value') : 0), 0);
  const shares = graph.mapEdges((_e, a, _s, t) => (total(t, a.input) > 0 ? a.value / total(t, a.input) : NaN));
  const throughput = Object.fromEntries(nodes.map((k) => [k, Math.max(graph.inEdges(k).reduce((a, e) => a + graph.getEdgeAttribute(e, 'value'), 0), graph.outEdges(k).reduce((a, e) => a + graph.getEdgeAttribute(e, 'value'), 0))]));
  return { ends, shares, throughput };
}

describe('the figures of a view\'s flows and nodes', () => {
  const graphs: [string, SupplyGraph][] = [
    ['the default graph', loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'))],
    ['a generated graph', buildGraph(generateGraph({ nodes: 400, flows: 2000, seed: 5 }) as never)],
  ];
  for (const [name, graph] of graphs) {
    it(`are the definitions' on ${name}`, () => {
      const got = flowFigures(graph);
      const want = expected(graph);
      expect([...got.ends]).toEqual(want.ends);
      got.shares.forEach((x, i) => (Number.isNaN(want.shares[i]!) ? expect(x).toBeNaN() : expect(x).toBeCloseTo(want.shares[i]!, 12)));
      for (const [k, v] of Object.entries(want.throughput)) expect(got.throughput[k]).toBeCloseTo(v, 9);
      expect(Object.keys(got.throughput)).toEqual(graph.nodes());
    });
  }

  it('gives NaN where an input\'s flows are all 0', () => {
    const graph = loadGraph(JSON.stringify({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't', currency: 'USD' },
      nodes: [{ key: 'a', attributes: { label: 'A', kind: 'supplier', country: 'US' } }, { key: 'b', attributes: { label: 'B', kind: 'demand', country: 'JP' } }],
      edges: [{ source: 'a', target: 'b', attributes: { input: 'chips', value: 0 } }],
    }));
    expect(Number.isNaN(flowFigures(graph).shares[0])).toBe(true);
  });
});
