/** A thread that computes failure figures (reliance, single points of failure) from a supply index: src/cli/failure-pool.ts. */
import { parentPort } from 'node:worker_threads';
import { failureFigures } from '../metrics/registry.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';

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
