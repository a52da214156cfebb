/** A thread that computes failure figures (reliance, single points of failure) from a supply index: src/cli/failure-pool.ts. */
import { parentPort } from 'node:worker_threads';
import { failureFigures } from '../metrics/registry.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';

/** The keys of the last job that sent them (failure-pool.ts sends them only when they change). */
let keys: readonly string[] = [];

/** Job state in its shared cell: 0 waiting, 1 started here, 2 taken back by the main thread. */
parentPort!.on('message', (m: { id: number; index: Omit<SupplyIndex, 'keys' | 'indexOf'>; keys?: readonly string[]; spof?: SpofLimit; state: Int32Array }) => {
  const { id, spof, state } = m;
  if (m.keys) keys = m.keys;
  if (Atomics.compareExchange(state, 0, 0, 1) !== 0) {
    parentPort!.postMessage({ id, skipped: true });
    return;
  }
  const own = keys;
  let map: Map<string, number> | undefined;
  // The key map is not sent (the figures do not read it): made here if something ever does.
  const index: SupplyIndex = { ...m.index, keys: own, get indexOf() {
    return (map ??= new Map(own.map((k, i) => [k, i])));
  } };
  try {
    parentPort!.postMessage({ id, figures: failureFigures(index, spof) });
  } catch (cause) {
    parentPort!.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) });
  }
});
