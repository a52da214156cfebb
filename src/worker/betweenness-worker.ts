/// <reference lib="webworker" />
/**
 * The betweenness worker (src/worker/betweenness.ts): one run per worker,
 * progress after each slice of sources, the values at the end (transferred).
 * Stopping it is `terminate()`: the app's Cancel.
 */
import { addSource, betweennessSources, finishBrandes, startBrandes, type FlowArrays } from './betweenness.ts';
import type { BetweennessMessage } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Progress about every this many milliseconds. */
const SLICE_MS = 100;

scope.onmessage = (event: MessageEvent<FlowArrays>) => {
  const flows = event.data;
  const sources = betweennessSources(flows.order);
  const sampled = sources.length < flows.order ? sources.length : null;
  const b = startBrandes(flows);
  let next = 0;
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    while (next < sources.length && performance.now() < until) addSource(b, sources[next++]!);
    if (next < sources.length) {
      scope.postMessage({ type: 'progress', done: next, total: sources.length } satisfies BetweennessMessage);
      setTimeout(slice, 0);
      return;
    }
    const values = finishBrandes(b, sources.length);
    scope.postMessage({ type: 'done', values, sampled } satisfies BetweennessMessage, [values.buffer]);
  };
  slice();
};
