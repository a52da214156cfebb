/**
 * A big graph handed to sigma in slices. sigma's `setGraph` indexes every node and flow, processes them all for
 * the GPU and draws, in one task: 110 to 150 ms for a page's first graph of 10,000 nodes and flows
 * (docs/scale.md, In the app). Here sigma takes the graph without its flows (those its build left out, in
 * `detached`, or else all of them, taken out), which go in, in their order, in `slices` tasks; sigma's own
 * listener indexes each as it comes, and each slice ends with a draw.
 */
import type Sigma from 'sigma';
import { detachedFlows, nextTask, putFlows, type DetachedFlows, type DisplayEdge, type DisplayGraph, type DisplayNode } from './display-graph.ts';

export interface Attaching {
  readonly graph: DisplayGraph;
  /** Resolves when every flow is in, by the slices or by `finish`. */
  readonly done: Promise<void>;
  /** Puts every flow not yet in at once (indexed by whoever listens to the graph then: none after sigma left it). */
  finish(): void;
}

export interface SliceOptions {
  slices?: number;
  /** Called once, as the last flows are in, before the draw that shows them all. */
  whole?: () => void;
}

/** Takes every flow out of the graph, listed in its order. */
function takeFlowsOut(graph: DisplayGraph): DetachedFlows {
  const flows: DetachedFlows = { keys: [], sources: [], targets: [], attributes: [] };
  graph.forEachEdge((key, a, source, target) => {
    flows.keys.push(key);
    flows.sources.push(source);
    flows.targets.push(target);
    flows.attributes.push(a);
  });
  graph.clearEdges();
  return flows;
}

export function attachInSlices(sigma: Sigma<DisplayNode, DisplayEdge>, graph: DisplayGraph, { slices = 2, whole }: SliceOptions = {}): Attaching {
  const flows = detachedFlows(graph) ?? takeFlowsOut(graph);
  graph.setAttribute('detached', null);
  const count = flows.keys.length;
  sigma.setGraph(graph);

  let next = 0;
  let finished = false;
  const putIn = (until: number) => {
    putFlows(graph, flows, next, until);
    next = until;
    if (next === count) whole?.();
  };
  const perSlice = Math.ceil(count / Math.max(1, slices));
  const run = async (): Promise<void> => {
    if (count === 0) whole?.();
    while (next < count) {
      await nextTask();
      if (finished) return;
      putIn(Math.min(next + perSlice, count));
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
      if (next < count) putIn(count);
    },
  };
}
