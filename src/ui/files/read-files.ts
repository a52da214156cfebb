/** Files from the picker, a drop or a same-origin URL, for the worker. */
import { fetchFailure } from '../../state/fetch-answer.ts';
import { MAX_STORED_BYTES } from '../../state/files-recent.ts';
import type { Problem } from '../../model/problem.ts';
import type { OpenFile } from '../../worker/protocol.ts';

/**
 * A file to open: its bytes, or the file itself (`source`, a Blob the worker reads: sent-files.ts), or both. Only
 * files the recent list may keep (MAX_STORED_BYTES) are read on the page: reading a 61 MB file into the page was a
 * main-thread task of 0.25 s, and nothing on the page needs the bytes of a bigger one.
 */
export type PickedFile = (OpenFile & { source?: Blob }) | { name: string; bytes?: undefined; source: Blob };

/** The file as the page has it: read when small enough to be kept, else the Blob alone. */
async function picked(name: string, source: Blob): Promise<PickedFile> {
  return source.size <= MAX_STORED_BYTES ? { name, bytes: new Uint8Array(await source.arrayBuffer()), source } : { name, source };
}

export async function readFiles(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all([...files].map((f) => picked(f.name, f)));
}

export async function fetchFile(url: string, name: string): Promise<{ ok: true; file: PickedFile } | { ok: false; problem: Problem }> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    const failure = fetchFailure(response.status, response.statusText, response.headers.get('content-type'), name);
    if (failure) return { ok: false, problem: { severity: 'error', path: '', file: name, expected: 'a graph file served beside the app', found: failure } };
    return { ok: true, file: await picked(name, await response.blob()) };
  } catch (cause) {
    return { ok: false, problem: { severity: 'error', path: '', file: name, expected: 'a graph file served beside the app', found: cause instanceof Error ? cause.message : String(cause) } };
  }
}

export const totalBytes = (files: PickedFile[]) => files.reduce((n, f) => n + (f.source?.size ?? f.bytes?.length ?? 0), 0);

/** Every file's bytes, when the page has them all (the recent list keeps only such files). */
export const allRead = (files: PickedFile[]): OpenFile[] | null => (files.every((f) => f.bytes) ? files.map((f) => ({ name: f.name, bytes: f.bytes! })) : null);
