/** Files from the picker, a drop or a same-origin URL, as bytes for the worker. */
import { fetchFailure } from '../../state/fetch-answer.ts';
import type { Problem } from '../../model/problem.ts';
import type { OpenFile } from '../../worker/protocol.ts';

/** A file read on the page, with the file picked (`source`): what goes to the worker (sent-files.ts), read again there. */
export type PickedFile = OpenFile & { source?: Blob };

export async function readFiles(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), source: f })));
}

export async function fetchFile(url: string, name: string): Promise<{ ok: true; file: OpenFile } | { ok: false; problem: Problem }> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    const failure = fetchFailure(response.status, response.statusText, response.headers.get('content-type'), name);
    if (failure) return { ok: false, problem: { severity: 'error', path: '', file: name, expected: 'a graph file served beside the app', found: failure } };
    return { ok: true, file: { name, bytes: new Uint8Array(await response.arrayBuffer()) } };
  } catch (cause) {
    return { ok: false, problem: { severity: 'error', path: '', file: name, expected: 'a graph file served beside the app', found: cause instanceof Error ? cause.message : String(cause) } };
  }
}

export const totalBytes = (files: OpenFile[]) => files.reduce((n, f) => n + f.bytes.length, 0);
