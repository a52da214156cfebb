/// <reference lib="webworker" />
/** The Web Worker entry: every request goes to the engine, every answer comes back with its id (progress of a long open, and the graph's view before its figures, ahead of it). */
import { Engine } from './engine.ts';
import type { EnginePreview, EngineProgress, EngineRequest, EngineResponse } from './protocol.ts';

const engine = new Engine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const id = event.data.id;
  const progress = (phase: string) => scope.postMessage({ id, type: 'progress', phase } satisfies EngineProgress);
  const preview = (view: EnginePreview['view']) => scope.postMessage({ id, type: 'preview', view } satisfies EnginePreview);
  const response: EngineResponse = { id, ...engine.handle(event.data, progress, preview) };
  // Files made here go back without a copy.
  const transfer = response.type === 'export' || response.type === 'report' ? [response.file.bytes.buffer as ArrayBuffer] : [];
  scope.postMessage(response, transfer);
};
