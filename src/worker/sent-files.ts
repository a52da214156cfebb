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

/** What the page sends for a file it has as bytes, as the file picked (`source`), or both: the file, when there is one. */
export const toSent = (file: { name: string; bytes?: Uint8Array | undefined; source?: Blob | undefined }): SentFile => {
  if (file.source) return { name: file.name, blob: file.source };
  if (!file.bytes) throw new Error(`${file.name} has neither bytes nor a file to read`);
  return { name: file.name, bytes: file.bytes };
};
