/// <reference lib="webworker" />
/** The Web Worker entry: every request goes to the engine, every answer comes back with its id (progress of a long open, and the graph's view before its figures, ahead of it). */
import { Engine } from './engine.ts';
import { writeSave } from './autosave.ts';
import { sameAsPreview, splitMessage, transferOf, type EnginePreview, type EngineProgress, type EngineResponse, type SaveResult, type WorkerRequest } from './protocol.ts';

const engine = new Engine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Big views and documents go in parts, each decoded in its own short task on the page (splitMessage). */
const post = (message: EngineResponse | EnginePreview, transfer: ArrayBuffer[] = []) => {
  const split = splitMessage(message);
  for (const part of split.parts) scope.postMessage(part, transferOf(part));
  scope.postMessage(split.message, transfer);
};
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const id = event.data.id;
  if (event.data.type === 'save') {
    // The texts are written now, in this task (the graph as the page shows it); the record's write is IndexedDB's.
    const { id: _, type: __, ...request } = event.data;
    void writeSave(request, () => engine.savedTexts()).then((result) => scope.postMessage({ id, type: 'saved', result } satisfies { id: number } & SaveResult));
    return;
  }
  const progress = (phase: string) => scope.postMessage({ id, type: 'progress', phase } satisfies EngineProgress);
  let previewDocument: unknown;
  const preview = (view: EnginePreview['view']) => {
    previewDocument = view.document;
    post({ id, type: 'preview', view });
  };
  const response: EngineResponse = sameAsPreview({ id, ...engine.handle(event.data, progress, preview) }, previewDocument);
  // Files made here go back without a copy.
  post(response, response.type === 'export' || response.type === 'report' ? [response.file.bytes.buffer as ArrayBuffer] : []);
};
