/**
 * The working graph kept in the browser (IndexedDB): one record, written after
 * every change and read back on start, so that a reload or a crash loses
 * nothing. `original` is the text of the file the work started from, for
 * "revert to file"; a record leaves it out while it is the text itself (work
 * without edits), which halves what a big graph's save writes and reads back
 * (docs/scale.md, In the app).
 *
 * Nothing a user did is overwritten without a copy (issue 20): a write of
 * other work (another file opened, a `?graph=` link followed) first keeps the
 * record it replaces as a draft when that record holds edits; a write checks
 * the stamp of the record it read or wrote last, so that a second tab with
 * stale data cannot save over the first one's work; a record that cannot be
 * restored is kept as a draft, never deleted.
 */
const DB = 'chokepoint';
const STORE = 'session';
const KEY = 'working';
/** Drafts live beside the working record, under this prefix and a time stamp. */
const DRAFT = 'draft:';
/** The drafts kept, newest first: older ones are deleted when a new one is added. */
export const MAX_DRAFTS = 8;

export interface SavedSession {
  file: string;
  /** The working graph, native JSON. */
  text: string;
  original: string;
  savedAt: number;
  /** Which piece of work this is: a new id for every file opened, the same for every save of its edits. */
  work?: string;
  /** A new value for every write: a tab that did not write or read the present one has stale data. */
  stamp?: string;
}

/** Work kept aside: a replaced working record, or one that could not be restored (`damaged`, with the raw record). */
export interface Draft {
  id: string;
  session: SavedSession | null;
  /** Why it was kept, for the list. */
  reason: string;
  keptAt: number;
  /** The record as found, when it could not be read as a session. */
  raw?: unknown;
}

/** The browser keeps nothing for this page (IndexedDB missing or turned off): no retry will help. */
export class StorageUnavailable extends Error {}

/** A write refused because another tab has written since this one last read or wrote: `current` is what it wrote. */
export class WrittenElsewhere extends Error {
  constructor(readonly current: SavedSession | null) {
    super('another tab has saved other work here since');
  }
}

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

/** One transaction: `work` runs its requests on the store and returns what the transaction resolves to once complete. */
async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore, abort: (error: Error) => void) => () => T): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let refused: Error | null = null;
      const result = work(tx.objectStore(STORE), (error) => {
        refused = error;
        tx.abort();
      });
      tx.oncomplete = () => resolve(result());
      tx.onerror = () => reject(refused ?? tx.error ?? new Error('IndexedDB refused the write'));
      tx.onabort = () => reject(refused ?? tx.error ?? new Error('IndexedDB aborted the write (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

/** A session as its record keeps it: without `original` when it is the text (records before that kept both). */
export function recordOf(session: SavedSession): Omit<SavedSession, 'original'> & { original?: string } {
  if (session.original !== session.text) return session;
  const { original: _same, ...rest } = session;
  return rest;
}

/** A record read back as a session, or null when it is not one (damaged, or from something else). */
export function asSession(found: unknown): SavedSession | null {
  if (!found || typeof found !== 'object') return null;
  const r = found as Record<string, unknown>;
  if (typeof r.text !== 'string' || (typeof r.original !== 'string' && r.original !== undefined) || typeof r.file !== 'string') return null;
  return {
    file: r.file,
    text: r.text,
    original: typeof r.original === 'string' ? r.original : r.text,
    savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
    ...(typeof r.work === 'string' ? { work: r.work } : {}),
    ...(typeof r.stamp === 'string' ? { stamp: r.stamp } : {}),
  };
}

/** Work with edits: its text is not the file's. */
export const hasEdits = (s: SavedSession | null): boolean => s !== null && s.text !== s.original;

const newId = () => `${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;

/** Adds a draft and deletes the oldest beyond MAX_DRAFTS, in the transaction of `store`. */
function putDraft(store: IDBObjectStore, draft: Omit<Draft, 'id'>): void {
  const id = `${DRAFT}${String(draft.keptAt).padStart(15, '0')}-${newId()}`;
  store.put({ ...draft, ...(draft.session ? { session: recordOf(draft.session) } : {}), id }, id);
  const keys = store.getAllKeys(IDBKeyRange.bound(DRAFT, `${DRAFT}\uffff`));
  keys.onsuccess = () => {
    const all = (keys.result as string[]).sort().reverse();
    for (const old of all.slice(MAX_DRAFTS)) store.delete(old);
  };
}

export interface SaveResult {
  /** The stamp written: the one to expect next time. */
  stamp: string;
  /** The work replaced and kept as a draft (it had edits and was other work), if any. */
  drafted: SavedSession | null;
  /** False when the record already held this work as it is (nothing was written). */
  written: boolean;
}

/**
 * Writes the working record. `expected` is the stamp this tab last read or
 * wrote (undefined when it found no record): a different one on the record
 * means another tab wrote since, and the write is refused (WrittenElsewhere)
 * unless `force`, which keeps that tab's work as a draft first. A record of
 * other work with edits is kept as a draft before it is replaced.
 */
export function saveSession(session: SavedSession, expected: string | undefined, force = false): Promise<SaveResult> {
  const stamp = newId();
  let kept: string | null = null;
  let drafted: SavedSession | null = null;
  return run('readwrite', (store, abort) => {
    const get = store.get(KEY);
    get.onsuccess = () => {
      const raw = get.result as unknown;
      const current = asSession(raw);
      if (raw !== undefined && current === null) {
        // Something unreadable sits in the record: kept, never overwritten.
        putDraft(store, { session: null, raw, reason: 'a saved record that could not be read', keptAt: Date.now() });
      }
      const elsewhere = current !== null && current.stamp !== expected;
      // Another tab's record is refused only when it holds edits: a file as opened loses nothing when replaced.
      if (elsewhere && hasEdits(current) && !force) return abort(new WrittenElsewhere(current));
      // The same work as it is already kept (a restore's first save): nothing to write, the stamp stays (no other tab is told).
      if (current && !elsewhere && current.work === session.work && current.text === session.text && current.original === session.original && current.stamp) {
        kept = current.stamp;
        return;
      }
      if (current && hasEdits(current) && (current.work === undefined || current.work !== session.work || elsewhere)) {
        drafted = current;
        putDraft(store, { session: current, reason: elsewhere ? 'saved by another tab' : `replaced when ${session.file} was opened`, keptAt: Date.now() });
      }
      store.put({ ...recordOf(session), stamp }, KEY);
    };
    return () => ({ stamp: kept ?? stamp, drafted, written: kept === null });
  });
}

/** The working record: a session, a record that is not one (`raw`), or nothing. */
export async function readSession(): Promise<{ session: SavedSession | null; raw: unknown }> {
  const raw = await run('readonly', (s) => {
    const get = s.get(KEY);
    return () => get.result as unknown;
  });
  return { session: asSession(raw), raw };
}

/** Moves the working record to the drafts (a record that failed to restore): kept, and no longer in the way. */
export function setAsideSession(reason: string): Promise<Draft | null> {
  return run('readwrite', (store) => {
    const get = store.get(KEY);
    let draft: Draft | null = null;
    get.onsuccess = () => {
      if (get.result === undefined) return;
      const raw = get.result as unknown;
      const session = asSession(raw);
      const keptAt = Date.now();
      putDraft(store, { session, reason, keptAt, ...(session ? {} : { raw }) });
      draft = { id: '', session, reason, keptAt, ...(session ? {} : { raw }) };
      store.delete(KEY);
    };
    return () => draft;
  });
}

/** Every draft, newest first. */
export function listDrafts(): Promise<Draft[]> {
  return run('readonly', (store) => {
    const get = store.getAll(IDBKeyRange.bound(DRAFT, `${DRAFT}\uffff`));
    return () =>
      (get.result as unknown[])
        .flatMap((d): Draft[] => {
          if (!d || typeof d !== 'object') return [];
          const r = d as Record<string, unknown>;
          if (typeof r.id !== 'string') return [];
          return [{ id: r.id, session: asSession(r.session), reason: typeof r.reason === 'string' ? r.reason : 'kept', keptAt: typeof r.keptAt === 'number' ? r.keptAt : 0, ...('raw' in r ? { raw: r.raw } : {}) }];
        })
        .sort((a, b) => b.keptAt - a.keptAt);
  });
}

export function deleteDraft(id: string): Promise<void> {
  return run('readwrite', (store) => {
    store.delete(id);
    return () => undefined;
  });
}

/** Keeps a session as a draft (this tab's work, before it takes another tab's). */
export function addDraft(session: SavedSession, reason: string): Promise<void> {
  return run('readwrite', (store) => {
    putDraft(store, { session, reason, keptAt: Date.now() });
    return () => undefined;
  });
}
