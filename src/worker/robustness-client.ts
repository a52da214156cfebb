/** Starts robustness draws in their own worker, so that Cancel stops them at once and the page stays responsive. */
import type { Robustness, RobustnessOptions } from '../robustness/engine.ts';
import type { RobustnessMessage, RobustnessRequest } from './robustness-protocol.ts';

export interface RobustnessRun {
  /** The figures; null if cancelled. */
  result: Promise<Robustness | null>;
  /** Stops the run (its worker is terminated); can be called twice. */
  cancel(): void;
}

export function startRobustness(text: string, options: RobustnessOptions, onProgress: (done: number, total: number) => void): RobustnessRun {
  const worker = new Worker(new URL('./robustness-worker.ts', import.meta.url), { type: 'module', name: 'chokepoint-robustness' });
  let settle: (r: Robustness | null) => void = () => {};
  let fail: (e: Error) => void = () => {};
  let stopped = false;
  const result = new Promise<Robustness | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`robustness stopped: ${event.message || 'unknown error'}`));
    };
  });
  worker.onmessage = (event: MessageEvent<RobustnessMessage>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.done, m.total);
    else {
      worker.terminate();
      stopped = true;
      if (m.type === 'done') settle(m.result);
      else fail(new Error(m.message));
    }
  };
  worker.postMessage({ text, options } satisfies RobustnessRequest);
  return {
    result,
    cancel() {
      if (stopped) return;
      stopped = true;
      worker.terminate();
      settle(null);
    },
  };
}
