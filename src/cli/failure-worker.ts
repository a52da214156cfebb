/** A thread that computes failure figures (reliance, single points of failure) from a supply index: src/cli/failure-pool.ts. */
import { parentPort } from 'node:worker_threads';
import { failureFigures } from '../metrics/registry.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';

parentPort!.on('message', ({ id, index, spof }: { id: number; index: SupplyIndex; spof?: SpofLimit }) => {
  try {
    parentPort!.postMessage({ id, figures: failureFigures(index, spof) });
  } catch (cause) {
    parentPort!.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) });
  }
});
