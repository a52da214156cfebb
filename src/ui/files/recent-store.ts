/**
 * Recent files in localStorage: the list, and the content of small ones so
 * that they can be opened again. A full or unavailable storage only means
 * the entry is remembered by name (or not at all); it never breaks opening.
 */
import { MAX_STORED_BYTES, orphans, parseRecent, type RecentEntry } from '../../state/files-recent.ts';
import type { OpenFile } from '../../worker/protocol.ts';
import { allRead, totalBytes, type PickedFile } from './read-files.ts';

const LIST = 'chokepoint.recent';
const CONTENT = 'chokepoint.recent.content.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const loadRecent = (): RecentEntry[] => parseRecent(storage()?.getItem(LIST) ?? null);

/** Saves the list and deletes content no entry refers to. */
export function saveRecent(list: RecentEntry[]): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(LIST, JSON.stringify(list));
    const ids: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(CONTENT)) ids.push(k.slice(CONTENT.length));
    }
    for (const id of orphans(list, ids)) s.removeItem(CONTENT + id);
  } catch {
    // Storage full or refused: the list is simply not remembered.
  }
}

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}
function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Keeps the content of files small enough; returns its id, or null when it is not kept. */
export function storeContent(picked: PickedFile[], list: RecentEntry[]): string | null {
  const s = storage();
  const files = allRead(picked);
  if (!s || !files || totalBytes(files) > MAX_STORED_BYTES) return null;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const text = JSON.stringify(files.map((f) => ({ name: f.name, b64: toBase64(f.bytes) })));
  try {
    s.setItem(CONTENT + id, text);
    return id;
  } catch {
    // Full: drop the content of the oldest entries and try once more.
    for (const e of [...list].reverse()) if (e.stored) s.removeItem(CONTENT + e.stored);
    try {
      s.setItem(CONTENT + id, text);
      return id;
    } catch {
      return null;
    }
  }
}

export function readContent(id: string): OpenFile[] | null {
  const text = storage()?.getItem(CONTENT + id);
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { name: string; b64: string }[];
    return raw.map((f) => ({ name: String(f.name), bytes: fromBase64(String(f.b64)) }));
  } catch {
    return null;
  }
}
