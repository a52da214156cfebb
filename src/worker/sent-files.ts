/** The page's files as the engine takes them: a picked file (a Blob, sent without a copy) read here, off the page. */
import type { OpenFile, SentFile } from './protocol.ts';

export async function readSent(file: SentFile): Promise<OpenFile> {
  if (!('blob' in file)) return file;
  try {
    return { name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
  } catch (cause) {
    throw new Error(`could not read ${file.name}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** What the page sends for a file it has as bytes and perhaps as the file picked (`source`): the file, when there is one. */
export const toSent = (file: OpenFile & { source?: Blob }): SentFile => (file.source ? { name: file.name, blob: file.source } : { name: file.name, bytes: file.bytes });
