/**
 * The autosave as the engine's worker writes it: the texts of the graph in hand (Engine.savedTexts) go into the
 * browser's record (src/persist/session-store.ts) without crossing to the page, whose main thread they held for
 * 1.6 s after a 100,000-node open (docs/scale.md, In the app).
 */
import { addDraft, hasEdits, saveSession, StorageUnavailable, WrittenElsewhere, type SavedSession } from '../persist/session-store.ts';
import type { SaveAnswer, SaveRequest } from './protocol.ts';

export async function writeSave(request: Omit<SaveRequest, 'id' | 'type'>, texts: () => { text: string; original: string }): Promise<SaveAnswer> {
  try {
    const session: SavedSession = { file: request.file, ...texts(), savedAt: Date.now(), work: request.work };
    const edited = hasEdits(session);
    if (request.draft !== undefined) {
      await addDraft(session, request.draft);
      // The working record is not written: the stamp stays the one expected.
      return { ok: true, stamp: request.expected ?? '', written: false, drafted: null, edited };
    }
    const result = await saveSession(session, request.expected, request.force);
    return { ok: true, stamp: result.stamp, written: result.written, drafted: result.drafted?.file ?? null, edited };
  } catch (cause) {
    return { ok: false, message: cause instanceof Error ? cause.message : String(cause), conflict: cause instanceof WrittenElsewhere, unavailable: cause instanceof StorageUnavailable };
  }
}
