/** The app's side of the engine worker: requests as promises, and an idempotent kill. */
import type { EngineProgress, EngineRequest, EngineResult } from './protocol.ts';

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;
/** Every editing request is answered with `edited`; a restore with `load`. */
type AnswerType<T> = T extends 'edit' | 'undo' | 'redo' | 'newGraph' | 'revert' ? 'edited' : T extends 'restore' ? 'load' : T;
type ResultOf<T extends Body['type']> = Extract<EngineResult, { type: AnswerType<T> | 'error' }>;

export interface EngineClient {
  /** `onProgress` hears the phases the worker reports before it answers (a long `open`). */
  request<T extends Body['type']>(body: Extract<Body, { type: T }>, onProgress?: (phase: string) => void): Promise<ResultOf<T>>;
  /** Told when the worker throws outside a request's answer (its state is kept; pending requests get `error`). */
  onCrash(listener: (message: string) => void): () => void;
  kill(): void;
}

export function createEngineClient(worker: Worker): EngineClient {
  let next = 1;
  let dead = false;
  const pending = new Map<number, (r: EngineResult) => void>();
  const progress = new Map<number, (phase: string) => void>();
  const crashListeners = new Set<(message: string) => void>();
  worker.onmessage = (event: MessageEvent<({ id: number } & EngineResult) | EngineProgress>) => {
    if (event.data.type === 'progress') {
      progress.get(event.data.id)?.(event.data.phase);
      return;
    }
    const { id, ...result } = event.data;
    progress.delete(id);
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result as EngineResult);
  };
  worker.onerror = (event) => {
    const message = `the engine stopped: ${event.message || 'unknown error'}`;
    for (const resolve of pending.values()) resolve({ type: 'error', message });
    pending.clear();
    progress.clear();
    for (const listener of [...crashListeners]) listener(event.message || 'unknown error');
  };
  return {
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
    request(body, onProgress) {
      if (dead) return Promise.resolve({ type: 'error', message: 'the engine was stopped' } as never);
      const id = next++;
      if (onProgress) progress.set(id, onProgress);
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
