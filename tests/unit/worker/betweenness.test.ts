import { readFileSync } from 'node:fs';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { addSource, betweennessSources, BETWEENNESS_EXACT_NODES, BETWEENNESS_SAMPLES, finishBrandes, flowArrays, startBrandes } from '../../../src/worker/betweenness.ts';
import { generateGraph } from '../../../src/generate/index.ts';
import { graphOf, loadGraph, makeDoc, repoPath } from '../../helpers/load.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';

function run(graph: SupplyGraph) {
  const keys = graph.nodes();
  const flows = flowArrays(keys, graph.mapEdges((_e, _a, source, target) => ({ source, target })));
  const sources = betweennessSources(flows.order);
  const b = startBrandes(flows);
  for (const s of sources) addSource(b, s);
  const values = finishBrandes(b, sources.length);
  return { keys, values, sources };
}

describe('betweenness in its worker', () => {
  it('gives nothing for an empty graph and 0 on a single flow', () => {
    expect(run(graphOf(makeDoc([], []))).values.length).toBe(0);
    const { values } = run(graphOf(makeDoc([['a', 'foundry', 'TW'], ['d', 'demand', 'JP']], [['a', 'd', 'x', 1]])));
    expect([...values]).toEqual([0, 0]);
  });

  it('equals graphology\'s normalized betweenness on the default graph (exact below the size limit)', () => {
    const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
    const { keys, values } = run(graph);
    const expected = betweenness(graph, { normalized: true });
    keys.forEach((k, i) => expect(values[i]).toBeCloseTo(expected[k]!, 10));
    expect(Math.max(...values)).toBeGreaterThan(0);
  });

  it('samples sources above the limit, spread over the nodes', () => {
    expect(betweennessSources(BETWEENNESS_EXACT_NODES).length).toBe(BETWEENNESS_EXACT_NODES);
    const sources = betweennessSources(100_000);
    expect(sources.length).toBe(BETWEENNESS_SAMPLES);
    expect(new Set(sources).size).toBe(BETWEENNESS_SAMPLES);
    expect(sources[sources.length - 1]).toBeLessThan(100_000);
    // The estimate ranks the top nodes of a generated graph about as the exact values do.
    const graph = graphOf(generateGraph({ nodes: 600, flows: 3000, seed: 3 }));
    const { keys } = run(graph);
    const exact = betweenness(graph, { normalized: true });
    const flows = flowArrays(keys, graph.mapEdges((_e, _a, source, target) => ({ source, target })));
    const sampled = betweennessSources(flows.order, 100, 200);
    const b = startBrandes(flows);
    for (const s of sampled) addSource(b, s);
    const estimate = finishBrandes(b, sampled.length);
    const top = (v: (k: string, i: number) => number) => keys.map((k, i) => [k, v(k, i)] as const).sort((p, q) => q[1] - p[1]).slice(0, 10).map(([k]) => k);
    const both = top((k) => exact[k]!).filter((k) => top((_k, i) => estimate[i]!).includes(k));
    expect(both.length).toBeGreaterThanOrEqual(6);
  });
});
