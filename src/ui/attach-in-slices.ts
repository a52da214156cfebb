/**
 * A graph of many flows handed to sigma in slices (graph-view.ts: those drawn as arrows, up to 10,000; thinner
 * ones stay beside sigma's graph). sigma's `setGraph` indexes every node and flow, processes them all and draws, in
 * one task: 110 to 150 ms for a page's first graph of 10,000 nodes and flows (docs/scale.md, In the app). Here
 * sigma takes the graph without the flows its build left out (`detached`), which go in, in their order, in
 * `slices` tasks; sigma's own listener indexes each as it comes, and each slice ends with a draw in that task.
 */
import type Sigma from 'sigma';
import { nextTask } from './next-task.ts';
import { putFlows, type DetachedFlows, type DisplayEdge, type DisplayGraph, type DisplayNode } from './display-graph.ts';

export interface Attaching {
  /** Resolves when the slices end: every flow in, or stopped. */
  readonly done: Promise<void>;
  /** Ends the slices, the flows not yet in left out: the graph is being dropped. */
  stop(): void;
  /** Puts every flow not yet in at once, and has sigma draw them now if it still holds the graph. */
  complete(): void;
}

export interface SliceOptions {
  slices?: number;
  /** Called once, as the last flows are in, before the draw that shows them all. */
  whole?: () => void;
}

export function attachInSlices(sigma: Sigma<DisplayNode, DisplayEdge>, graph: DisplayGraph, flows: DetachedFlows, { slices = 2, whole }: SliceOptions = {}): Attaching {
  graph.setAttribute('detached', null);
  sigma.setGraph(graph);
  const count = flows.keys.length;
  let next = 0;
  let stopped = false;
  const putIn = (until: number) => {
    putFlows(graph, flows, next, until);
    next = until;
    if (next === count) whole?.();
  };
  const perSlice = Math.ceil(count / Math.max(1, slices));
  const run = async (): Promise<void> => {
    while (next < count) {
      await nextTask();
      if (stopped) return;
      putIn(Math.min(next + perSlice, count));
      // Drawn in this task, not in the frame sigma's listener asked for as the flows came: one pass of sigma's
      // indexing per slice. An empty partial refresh: no reducer runs again, sigma processes what came and draws.
      sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
    }
  };
  return {
    done: run(),
    stop() {
      stopped = true;
    },
    complete() {
      if (stopped || next === count) return;
      stopped = true;
      putIn(count);
      // Processed at once: a hover's partial redraw must find every flow indexed.
      if (sigma.getGraph() === graph) sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
    },
  };
}
