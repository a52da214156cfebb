/** The app's side of the engine worker: requests as promises, and an idempotent kill. */
import type { EngineRequest, EngineResult } from './protocol.ts';

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;
type ResultOf<T extends Body['type']> = Extract<EngineResult, { type: T | 'error' }>;

export interface EngineClient {
  request<T extends Body['type']>(body: Extract<Body, { type: T }>): Promise<ResultOf<T>>;
  kill(): void;
}

export function createEngineClient(worker: Worker): EngineClient {
  let next = 1;
  let dead = false;
  const pending = new Map<number, (r: EngineResult) => void>();
  worker.onmessage = (event: MessageEvent<{ id: number } & EngineResult>) => {
    const { id, ...result } = event.data;
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result as EngineResult);
  };
  worker.onerror = (event) => {
    const message = `the engine stopped: ${event.message || 'unknown error'}`;
    for (const resolve of pending.values()) resolve({ type: 'error', message });
    pending.clear();
  };
  return {
    request(body) {
      if (dead) return Promise.resolve({ type: 'error', message: 'the engine was stopped' } as never);
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: EngineResult) => void);
        worker.postMessage({ ...body, id });
      });
    },
    kill() {
      if (dead) return;
      dead = true;
      worker.terminate();
      for (const resolve of pending.values()) resolve({ type: 'error', message: 'the engine was stopped' });
      pending.clear();
    },
  };
}

export const startEngineWorker = () =>
  createEngineClient(new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'chokepoint-engine' }));
