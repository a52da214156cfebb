/// <reference lib="webworker" />
/**
 * The robustness worker (src/robustness): one run per worker. Loads the
 * document, prepares the figures, variants and swings, then runs the draws in
 * slices with progress between them; posts the result at the end. Stopping
 * it is `terminate()`: the app's Cancel. The same engine and seed as
 * `chokepoint robustness`, so the same figures to the bit.
 */
import { loadNativeText } from '../io/load-native.ts';
import { formatProblem } from '../model/problem.ts';
import { prepareRobustness } from '../robustness/engine.ts';
import type { RobustnessMessage, RobustnessRequest } from './robustness-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Progress about every this many milliseconds. */
const SLICE_MS = 100;

scope.onmessage = (event: MessageEvent<RobustnessRequest>) => {
  const post = (m: RobustnessMessage) => scope.postMessage(m);
  try {
    const loaded = loadNativeText(event.data.text);
    if (!loaded.ok) {
      post({ type: 'error', message: loaded.problems.slice(0, 3).map(formatProblem).join('; ') });
      return;
    }
    const run = prepareRobustness(loaded.graph, event.data.options);
    post({ type: 'progress', done: 0, total: run.total });
    const slice = () => {
      try {
        const until = performance.now() + SLICE_MS;
        while (run.done < run.total && performance.now() < until) run.step(10);
        if (run.done < run.total) {
          post({ type: 'progress', done: run.done, total: run.total });
          setTimeout(slice, 0);
          return;
        }
        post({ type: 'done', result: run.result() });
      } catch (error) {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    };
    slice();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
