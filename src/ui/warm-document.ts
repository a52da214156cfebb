/**
 * A big graph's document scanned while its figures are computed, in idle slices: the indexes and lists the panels
 * drawn with the figures read (the legend's and filters' lists, the nodes by key, the what-if's parts), so that the
 * task that brings the figures finds them made. At 300,000 nodes they were 0.3 s of a 0.8 s task, and the legend's
 * lists warmed in one idle task made a task of 0.29 s of their own (docs/scale.md, In the app).
 */
import type { GraphView, ViewAhead } from '../worker/protocol.ts';
import { colourChoicesScan, viewControlsScan } from './colour-by.ts';
import { nodeIndex } from './doc-index.ts';
import { legendSteps } from './legend.ts';
import { inIdleSlices } from './next-task.ts';
import { documentParts } from './panels/what-if.ts';

function* documentSteps(view: GraphView): Generator<void, void> {
  yield* legendSteps(view);
  yield* nodeIndex.steps(view.document);
  yield* documentParts.steps(view.document);
}

export const warmDocument = (view: GraphView): Promise<void> => inIdleSlices(documentSteps(view));

/**
 * The scans kept per list of nodes, warmed as soon as a big graph's nodes come ahead of its view: the view
 * controls drawn with the preview read one (46 ms of that task at 300,000 nodes), the colour menu drawn with the
 * figures the other.
 */
export const warmNodes = (nodes: ViewAhead['document']['nodes']): Promise<void> =>
  inIdleSlices((function* () {
    yield* viewControlsScan.steps(nodes);
    yield* colourChoicesScan.steps(nodes);
  })());
