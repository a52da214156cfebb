/**
 * A big graph handed to sigma in slices. sigma's `setGraph` indexes every node and flow, processes them all for
 * the GPU and draws, in one task: 110 to 150 ms for a page's first graph of 10,000 nodes and flows
 * (docs/scale.md, In the app). Here sigma takes the graph without its flows, which go back in, in their order,
 * in `slices` tasks; sigma's own listener indexes each as it comes, and each slice ends with a draw.
 */
import type Sigma from 'sigma';
import { nextTask, type DisplayEdge, type DisplayGraph, type DisplayNode } from './display-graph.ts';

export interface Attaching {
  readonly graph: DisplayGraph;
  /** Resolves when every flow is back in, by the slices or by `finish`. */
  readonly done: Promise<void>;
  /** Puts every flow not yet back in at once (indexed by whoever listens to the graph then: none after sigma left it). */
  finish(): void;
}

export interface SliceOptions {
  slices?: number;
  /** Called once, as the last flows are back in, before the draw that shows them all. */
  whole?: () => void;
}

export function attachInSlices(sigma: Sigma<DisplayNode, DisplayEdge>, graph: DisplayGraph, { slices = 2, whole }: SliceOptions = {}): Attaching {
  const keys: string[] = [];
  const sources: string[] = [];
  const targets: string[] = [];
  const attributes: DisplayEdge[] = [];
  graph.forEachEdge((key, a, source, target) => {
    keys.push(key);
    sources.push(source);
    targets.push(target);
    attributes.push(a);
  });
  graph.clearEdges();
  sigma.setGraph(graph);

  let next = 0;
  let finished = false;
  const putBack = (until: number) => {
    for (; next < until; next++) graph.addDirectedEdgeWithKey(keys[next]!, sources[next]!, targets[next]!, attributes[next]!);
    if (next === keys.length) whole?.();
  };
  const perSlice = Math.ceil(keys.length / Math.max(1, slices));
  const run = async (): Promise<void> => {
    if (keys.length === 0) whole?.();
    while (next < keys.length) {
      await nextTask();
      if (finished) return;
      putBack(Math.min(next + perSlice, keys.length));
      // Drawn in this task, not in a frame's (sigma's listener asked for one as the flows came): a frame's task
      // also waits for the software rasterizer, where there is no GPU (docs/scale.md, In the app).
      // An empty partial refresh: no reducer runs again, sigma processes what came and draws at once.
      sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
    }
  };
  return {
    graph,
    done: run(),
    finish() {
      if (finished) return;
      finished = true;
      if (next < keys.length) putBack(keys.length);
    },
  };
}
