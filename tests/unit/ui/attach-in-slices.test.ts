import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { describe, expect, it } from 'vitest';
import { attachInSlices } from '../../../src/ui/attach-in-slices.ts';
import { detachedFlows, type DetachedFlows, type DisplayEdge, type DisplayGraph, type DisplayNode } from '../../../src/ui/display-graph.ts';

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
    getGraph: () => held,
    refresh() {
      log.push(`draw ${held!.size} flows`);
    },
  };
  return { sigma: sigma as unknown as Sigma<DisplayNode, DisplayEdge>, log };
}

const attributes = (i: number): DisplayEdge => ({ size: i, color: '#ccc', input: 'x', value: i, sitsIn: false, minor: false });

/** Three nodes, `inGraph` flows in the graph and `left` flows its build left out (the last a "sits in" link, keyed by graphology). */
function graph(inGraph: number, left: number): { g: DisplayGraph; flows: DetachedFlows } {
  const g: DisplayGraph = new MultiDirectedGraph();
  const ends = (i: number) => [['a', 'b', 'c'][i % 3]!, ['b', 'c', 'a'][i % 3]!] as const;
  for (const k of ['a', 'b', 'c']) g.addNode(k, { x: 0, y: 0, size: 1, color: '#000', label: k, fullLabel: k, kind: 'supplier', country: 'JP' });
  for (let i = 0; i < inGraph; i++) g.addDirectedEdgeWithKey(`f${i}`, ...ends(i), attributes(i));
  const flows: DetachedFlows = { keys: [], sources: [], targets: [], attributes: [] };
  for (let i = inGraph; i < inGraph + left; i++) {
    flows.keys.push(i === inGraph + left - 1 ? null : `f${i}`);
    flows.sources.push(ends(i)[0]);
    flows.targets.push(ends(i)[1]);
    flows.attributes.push(attributes(i));
  }
  g.setAttribute('detached', flows);
  return { g, flows };
}

const flowsOf = (g: DisplayGraph) => g.mapEdges((key, a, s, t) => ({ key: key.startsWith('f') ? key : 'made', s, t, a }));
const draws = (log: string[]) => log.filter((l) => l.startsWith('draw'));

describe('a big graph handed to sigma in slices', () => {
  it('sigma takes it without the flows its build left out, which go in in their order, a draw after each slice, the whole announced before the last', async () => {
    const { g, flows } = graph(1, 5);
    const { sigma, log } = fakeSigma();
    const attaching = attachInSlices(sigma, g, flows, { slices: 2, whole: () => log.push('whole') });
    expect(log).toEqual(['setGraph 3 nodes 1 flows']);
    expect(detachedFlows(g)).toBeNull();
    await attaching.done;
    expect(log.slice(1)).toEqual(['index f1', 'index f2', 'index f3', 'draw 4 flows', 'index f4', expect.stringMatching(/^index /), 'whole', 'draw 6 flows']);
    // The same ends and attribute objects, in the same order.
    const after = flowsOf(g);
    expect(after.map((f) => [f.key, f.s, f.t])).toEqual([['f0', 'a', 'b'], ['f1', 'b', 'c'], ['f2', 'c', 'a'], ['f3', 'a', 'b'], ['f4', 'b', 'c'], ['made', 'c', 'a']]);
    after.slice(1).forEach((f, i) => expect(f.a).toBe(flows.attributes[i]));
  });

  it('complete puts the rest in at once and has sigma draw them, once; the slices stop', async () => {
    const { g, flows } = graph(0, 6);
    const { sigma, log } = fakeSigma();
    let wholes = 0;
    const attaching = attachInSlices(sigma, g, flows, { slices: 3, whole: () => wholes++ });
    attaching.complete();
    expect(g.size).toBe(6);
    expect(wholes).toBe(1);
    expect(draws(log)).toEqual(['draw 6 flows']);
    await attaching.done;
    attaching.complete();
    expect(draws(log)).toEqual(['draw 6 flows']);
    expect(log.filter((l) => l.startsWith('index'))).toHaveLength(6);
    expect(wholes).toBe(1);
  });

  it('complete after sigma has left the graph puts the flows in without a draw', async () => {
    const { g, flows } = graph(0, 4);
    const { sigma, log } = fakeSigma();
    const attaching = attachInSlices(sigma, g, flows);
    sigma.setGraph(graph(0, 0).g);
    attaching.complete();
    await attaching.done;
    expect(g.size).toBe(4);
    expect(draws(log)).toEqual([]);
  });

  it('stop ends the slices: no flow more goes in, nothing is drawn, the whole is never announced', async () => {
    const { g, flows } = graph(0, 6);
    const { sigma, log } = fakeSigma();
    let wholes = 0;
    const attaching = attachInSlices(sigma, g, flows, { slices: 3, whole: () => wholes++ });
    attaching.stop();
    await attaching.done;
    expect(g.size).toBe(0);
    expect(draws(log)).toEqual([]);
    expect(wholes).toBe(0);
  });
});
