/// <reference lib="webworker" />
/** The Web Worker entry: every request goes to the engine, every answer comes back with its id. */
import { Engine } from './engine.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

const engine = new Engine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const response: EngineResponse = { id: event.data.id, ...engine.handle(event.data) };
  scope.postMessage(response);
};
