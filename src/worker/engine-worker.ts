/// <reference lib="webworker" />
/** The Web Worker entry: every request goes to the engine, every answer comes back with its id (progress of a long open, and the graph's view before its figures, ahead of it). */
import { Engine } from './engine.ts';
import { writeSave } from './autosave.ts';
import { readSent } from './sent-files.ts';
import { sameAsPreview, splitMessage, transferOf, type EngineAhead, type EnginePreview, type EngineProgress, type PreviewAhead, type EngineRequest, type EngineResponse, type SaveResult, type SentLists, type WorkerRequest } from './protocol.ts';

const engine = new Engine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Big views and documents go in parts, each decoded in its own short task on the page (splitMessage). */
const post = (message: EngineResponse | EnginePreview, transfer: ArrayBuffer[] = [], sentAhead?: SentLists) => {
  const split = splitMessage(message, undefined, sentAhead);
  for (const part of split.parts) scope.postMessage(part, transferOf(part));
  scope.postMessage(split.message, transfer);
};
/**
 * One request after the other, in the order they came: an `open` may first read its files (picked files come as
 * Blobs), and a request sent after it must find its graph.
 */
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  // A throw reaches the page as the worker's error (client.ts: onCrash), and the requests after it are still served.
  queue = queue.then(() => serve(request)).catch((cause: unknown) => void setTimeout(() => {
    throw cause;
  }));
};

async function serve(request: WorkerRequest): Promise<void> {
  const id = request.id;
  if (request.type === 'save') {
    // The texts are written now, in order (the graph as the page shows it); the record's write is IndexedDB's and
    // does not hold the requests after it.
    const { id: _, type: __, ...save } = request;
    void writeSave(save, () => engine.savedTexts()).then((result) => scope.postMessage({ id, type: 'saved', result } satisfies { id: number } & SaveResult));
    return;
  }
  let engineRequest: EngineRequest;
  if (request.type === 'open') {
    try {
      engineRequest = { ...request, files: await Promise.all(request.files.map(readSent)) };
    } catch (cause) {
      post({ id, type: 'error', message: cause instanceof Error ? cause.message : String(cause) });
      return;
    }
  } else engineRequest = request;
  const progress = (phase: string) => scope.postMessage({ id, type: 'progress', phase } satisfies EngineProgress);
  let previewDocument: unknown;
  // The preview's document goes ahead of its layouts, in parts the page decodes while they are made, with its flows'
  // figures for the picture's build to begin; the preview itself then leaves those lists out.
  let sentAhead: SentLists | undefined;
  let figuresAhead: Pick<PreviewAhead, 'ends' | 'shares'> | undefined;
  const previewAhead = ({ document, ends, shares }: PreviewAhead) => {
    const split = splitMessage({ id, view: { document } });
    if (!split.parts.length) return;
    for (const part of split.parts) scope.postMessage(part, transferOf(part));
    sentAhead = split.lists;
    figuresAhead = { ends, shares };
    scope.postMessage({ id, type: 'ahead', ends, shares } satisfies EngineAhead, [ends.buffer as ArrayBuffer, shares.buffer as ArrayBuffer]);
  };
  const preview = (view: EnginePreview['view']) => {
    previewDocument = view.document;
    // The figures moved ahead (these arrays are empty here now): the page puts them back.
    const moved = figuresAhead !== undefined && view.ends === figuresAhead.ends && view.shares === figuresAhead.shares;
    const message: EnginePreview = moved ? { id, type: 'preview', view: { ...view, ends: new Int32Array(0), shares: new Float64Array(0) }, figuresAhead: true } : { id, type: 'preview', view };
    post(message, [], sentAhead);
  };
  const response: EngineResponse = sameAsPreview({ id, ...engine.handle(engineRequest, progress, preview, previewAhead) }, previewDocument);
  // Files made here go back without a copy.
  post(response, response.type === 'export' || response.type === 'report' ? [response.file.bytes.buffer as ArrayBuffer] : []);
}
