/** The app's side of the engine worker: requests as promises, and an idempotent kill. */
import { PartsJoiner, withPreviewDocument, type BetweennessMessage, type EngineAhead, type EnginePart, type EnginePreview, type EngineProgress, type EngineResult, type GraphView, type SaveResult, type ViewAhead, type WorkerRequest } from './protocol.ts';
import type { FlowArrays } from './betweenness.ts';

type Body = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
/** Every editing request is answered with `edited`; a restore with `load`; a save with `saved`. */
type AnswerType<T> = T extends 'edit' | 'undo' | 'redo' | 'newGraph' | 'revert' ? 'edited' : T extends 'restore' ? 'load' : T extends 'save' ? 'saved' : T;
type ResultOf<T extends Body['type']> = Extract<EngineResult | SaveResult, { type: AnswerType<T> | 'error' }>;

export interface EngineClient {
  /**
   * `onProgress` hears the phases the worker reports before it answers (a long `open`);
   * `onPreview` gets the opened graph's baseline view before its figures (an `open` that gets that far), and
   * `onAhead` a big one's nodes, flows and flow figures before that, while the worker lays it out.
   */
  request<T extends Body['type']>(body: Extract<Body, { type: T }>, onProgress?: (phase: string) => void, onPreview?: (view: GraphView) => void, onAhead?: (ahead: ViewAhead) => void): Promise<ResultOf<T>>;
  /** Told when the worker throws outside a request's answer (its state is kept; pending requests get `error`). */
  onCrash(listener: (message: string) => void): () => void;
  kill(): void;
}

export function createEngineClient(worker: Worker): EngineClient {
  let next = 1;
  let dead = false;
  const pending = new Map<number, (r: EngineResult | SaveResult) => void>();
  const progress = new Map<number, (phase: string) => void>();
  const previews = new Map<number, (view: GraphView) => void>();
  const aheads = new Map<number, (ahead: ViewAhead) => void>();
  /** The flows' ends and shares an `ahead` message moved here, until its preview (which names them) comes. */
  const aheadFigures = new Map<number, Pick<ViewAhead, 'ends' | 'shares'>>();
  /** The document of each preview received, until its answer comes (which may stand for it: sameAsPreview). */
  const previewDocuments = new Map<number, unknown>();
  const crashListeners = new Set<(message: string) => void>();
  const parts = new PartsJoiner();
  worker.onmessage = (event: MessageEvent<({ id: number } & (EngineResult | SaveResult)) | EngineProgress | EnginePreview | EngineAhead | EnginePart>) => {
    if (event.data.type === 'part') {
      parts.add(event.data);
      return;
    }
    if (event.data.type === 'ahead') {
      // Its document's parts came before it: the lists are whole (the preview will hold these very lists).
      const { id, ends, shares } = event.data;
      aheadFigures.set(id, { ends, shares });
      const nodes = parts.peek(id, 'view.document.nodes') as ViewAhead['document']['nodes'] | undefined;
      const edges = parts.peek(id, 'view.document.edges') as ViewAhead['document']['edges'] | undefined;
      if (nodes && edges) aheads.get(id)?.({ document: { nodes, edges }, ends, shares });
      aheads.delete(id);
      return;
    }
    if (event.data.type === 'progress') {
      progress.get(event.data.id)?.(event.data.phase);
      return;
    }
    if (event.data.type === 'preview') {
      const preview = parts.fill(event.data);
      const figures = aheadFigures.get(preview.id);
      aheadFigures.delete(preview.id);
      if (preview.figuresAhead && figures) Object.assign(preview.view, figures);
      previewDocuments.set(preview.id, preview.view.document);
      previews.get(preview.id)?.(preview.view);
      return;
    }
    const { id, ...result } = withPreviewDocument(parts.fill(event.data), previewDocuments.get(event.data.id));
    progress.delete(id);
    previews.delete(id);
    aheads.delete(id);
    aheadFigures.delete(id);
    previewDocuments.delete(id);
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result as EngineResult | SaveResult);
  };
  worker.onerror = (event) => {
    const message = `the engine stopped: ${event.message || 'unknown error'}`;
    for (const resolve of pending.values()) resolve({ type: 'error', message });
    pending.clear();
    progress.clear();
    previews.clear();
    aheads.clear();
    aheadFigures.clear();
    previewDocuments.clear();
    parts.clear();
    for (const listener of [...crashListeners]) listener(event.message || 'unknown error');
  };
  return {
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
    request(body, onProgress, onPreview, onAhead) {
      if (dead) return Promise.resolve({ type: 'error', message: 'the engine was stopped' } as never);
      const id = next++;
      if (onProgress) progress.set(id, onProgress);
      if (onPreview) previews.set(id, onPreview);
      if (onAhead) aheads.set(id, onAhead);
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: EngineResult | SaveResult) => void);
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

export interface BetweennessRun {
  /** The values in node order and how many sources were sampled (null: exact); null if cancelled. */
  result: Promise<{ values: Float64Array; sampled: number | null } | null>;
  /** Stops the run (its worker is terminated); can be called twice. */
  cancel(): void;
}

/** Betweenness in its own worker, so that Cancel can stop it at once and the engine stays free meanwhile. */
export function startBetweenness(flows: FlowArrays, onProgress: (done: number, total: number) => void): BetweennessRun {
  const worker = new Worker(new URL('./betweenness-worker.ts', import.meta.url), { type: 'module', name: 'chokepoint-betweenness' });
  let settle: (r: { values: Float64Array; sampled: number | null } | null) => void = () => {};
  let stopped = false;
  const result = new Promise<{ values: Float64Array; sampled: number | null } | null>((resolve, reject) => {
    settle = resolve;
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`betweenness stopped: ${event.message || 'unknown error'}`));
    };
  });
  worker.onmessage = (event: MessageEvent<BetweennessMessage>) => {
    if (event.data.type === 'progress') onProgress(event.data.done, event.data.total);
    else {
      worker.terminate();
      settle({ values: event.data.values, sampled: event.data.sampled });
    }
  };
  worker.postMessage(flows, [flows.offsets.buffer, flows.targets.buffer]);
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
