import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { describe, expect, it } from 'vitest';
import { attachInSlices } from '../../../src/ui/attach-in-slices.ts';
import { detachedFlows, type DisplayEdge, type DisplayGraph, type DisplayNode } from '../../../src/ui/display-graph.ts';

/** What sigma does with a graph here: holds one, indexes each flow added to it (its listener), draws on refresh. */
function fakeSigma() {
  const log: string[] = [];
  let held: DisplayGraph | null = null;
  const onEdge = ({ key }: { key: string }) => void log.push(`index ${key}`);
  const sigma = {
    setGraph(g: DisplayGraph) {
      held?.removeListener('edgeAdded', onEdge);
      held = g;
      g.on('edgeAdded', onEdge);
      log.push(`setGraph ${g.order} nodes ${g.size} flows`);
    },
    refresh() {
      log.push(`draw ${held!.size} flows`);
    },
  };
  return { sigma: sigma as unknown as Sigma<DisplayNode, DisplayEdge>, log };
}

function graph(flows: number): DisplayGraph {
  const g: DisplayGraph = new MultiDirectedGraph();
  for (const k of ['a', 'b', 'c']) g.addNode(k, { x: 0, y: 0, size: 1, color: '#000', label: k, fullLabel: k, kind: 'supplier', country: 'JP' });
  for (let i = 0; i < flows; i++) {
    g.addDirectedEdgeWithKey(`f${i}`, ['a', 'b', 'c'][i % 3]!, ['b', 'c', 'a'][i % 3]!, { size: i, color: '#ccc', input: 'x', value: i, sitsIn: false, minor: false });
  }
  return g;
}

const flowsOf = (g: DisplayGraph) => g.mapEdges((key, a, s, t) => ({ key, a, s, t }));

describe('a big graph handed to sigma in slices', () => {
  it('sigma takes the nodes alone, then the flows in their order, a draw after each slice, the whole announced before the last', async () => {
    const g = graph(5);
    const before = flowsOf(g);
    const { sigma, log } = fakeSigma();
    const attaching = attachInSlices(sigma, g, { slices: 2, whole: () => log.push('whole') });
    expect(log).toEqual(['setGraph 3 nodes 0 flows']);
    await attaching.done;
    expect(log).toEqual(['setGraph 3 nodes 0 flows', 'index f0', 'index f1', 'index f2', 'draw 3 flows', 'index f3', 'index f4', 'whole', 'draw 5 flows']);
    // The same flows, ends and attribute objects, in the same order.
    const after = flowsOf(g);
    expect(after.map((f) => f.key)).toEqual(before.map((f) => f.key));
    after.forEach((f, i) => {
      expect([f.s, f.t]).toEqual([before[i]!.s, before[i]!.t]);
      expect(f.a).toBe(before[i]!.a);
    });
  });

  it('takes the flows its build left out (`detached`) without touching those in the graph, and clears that list', async () => {
    const g = graph(2);
    const a = (i: number) => ({ size: i, color: '#ccc', input: 'x', value: i, sitsIn: i === 3, minor: false });
    g.setAttribute('detached', { keys: ['f2', null], sources: ['a', 'b'], targets: ['b', 'c'], attributes: [a(2), a(3)] });
    const { sigma, log } = fakeSigma();
    const attaching = attachInSlices(sigma, g, { slices: 1 });
    expect(log).toEqual(['setGraph 3 nodes 2 flows']);
    expect(detachedFlows(g)).toBeNull();
    await attaching.done;
    expect(log.slice(1, 3)).toEqual(['index f2', expect.stringMatching(/^index /)]);
    expect(log.at(-1)).toBe('draw 4 flows');
    expect(g.mapEdges((k, e, s, t) => [k.startsWith('f') ? k : 'made', s, t, e.size])).toEqual([['f0', 'a', 'b', 0], ['f1', 'b', 'c', 1], ['f2', 'a', 'b', 2], ['made', 'b', 'c', 3]]);
  });

  it('finish puts the rest back at once and stops the slices', async () => {
    const g = graph(6);
    const { sigma, log } = fakeSigma();
    let wholes = 0;
    const attaching = attachInSlices(sigma, g, { slices: 3, whole: () => wholes++ });
    attaching.finish();
    expect(g.size).toBe(6);
    expect(wholes).toBe(1);
    await attaching.done;
    // Indexed by the listener as they came back; no slice drew.
    expect(log.filter((l) => l.startsWith('draw'))).toEqual([]);
    expect(log.filter((l) => l.startsWith('index'))).toHaveLength(6);
    attaching.finish();
    expect(g.size).toBe(6);
    expect(wholes).toBe(1);
  });

  it('after sigma has left the graph, finish only restores it', async () => {
    const g = graph(4);
    const { sigma, log } = fakeSigma();
    const attaching = attachInSlices(sigma, g);
    sigma.setGraph(graph(0));
    attaching.finish();
    await attaching.done;
    expect(flowsOf(g).map((f) => f.key)).toEqual(['f0', 'f1', 'f2', 'f3']);
    expect(log.filter((l) => l.startsWith('index'))).toEqual([]);
  });
});
