/**
 * The working graph kept in the browser (IndexedDB): one record, written after
 * every change and read back on start, so that a reload or a crash loses
 * nothing. `original` is the text of the file the work started from, for
 * "revert to file".
 */
const DB = 'chokepoint';
const STORE = 'session';
const KEY = 'working';

export interface SavedSession {
  file: string;
  /** The working graph, native JSON. */
  text: string;
  original: string;
  savedAt: number;
}

/** The browser keeps nothing for this page (IndexedDB missing or turned off): no retry will help. */
export class StorageUnavailable extends Error {}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new StorageUnavailable('this browser keeps no local storage'));
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB, 1);
    } catch (cause) {
      return reject(new StorageUnavailable(cause instanceof Error ? cause.message : 'IndexedDB is turned off', { cause }));
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB refused the write'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted the write (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

export const saveSession = (session: SavedSession) => run('readwrite', (s) => s.put(session, KEY)).then(() => undefined);

/** The saved session, or null when there is none or it is not one of ours. */
export async function readSession(): Promise<SavedSession | null> {
  const found = (await run('readonly', (s) => s.get(KEY))) as unknown;
  if (!found || typeof found !== 'object') return null;
  const r = found as Record<string, unknown>;
  if (typeof r.text !== 'string' || typeof r.original !== 'string' || typeof r.file !== 'string') return null;
  return { file: r.file, text: r.text, original: r.original, savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0 };
}

