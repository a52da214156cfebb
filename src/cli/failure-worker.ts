/** A thread that computes failure figures (reliance, single points of failure) from a supply index: src/cli/failure-pool.ts. */
import { parentPort } from 'node:worker_threads';
import { generateGraph } from '../generate/index.ts';
import { failureFigures } from '../metrics/registry.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import { buildSupplyIndex, type SupplyIndex } from '../metrics/supply-index.ts';
import { buildGraph } from '../model/graph.ts';
import { GraphDocumentSchema } from '../model/schema.ts';

// While the main thread reads and checks the file, the same figures on a small
// generated graph, so that V8 has compiled them by the time the first real job
// comes (a first run is about twice as slow). Results are thrown away.
failureFigures(buildSupplyIndex(buildGraph(GraphDocumentSchema.parse(generateGraph({ nodes: 1500, flows: 7500, seed: 1 })))), { top: 20 });

/** Job state in its shared cell: 0 waiting, 1 started here, 2 taken back by the main thread. */
parentPort!.on('message', ({ id, index, spof, state }: { id: number; index: SupplyIndex; spof?: SpofLimit; state: Int32Array }) => {
  if (Atomics.compareExchange(state, 0, 0, 1) !== 0) {
    parentPort!.postMessage({ id, skipped: true });
    return;
  }
  try {
    parentPort!.postMessage({ id, figures: failureFigures(index, spof) });
  } catch (cause) {
    parentPort!.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) });
  }
});
