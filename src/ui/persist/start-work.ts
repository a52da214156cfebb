/**
 * What the app opens on start: the `?graph=` link, the work saved in this
 * browser, or the default graph, without ever losing the saved work (issue
 * 20). A reload of a `?graph=` page brings back the user's edits of that
 * file, not the file; a link to another file opens it, and the saved work,
 * if it has edits, is kept as a draft by the first save (session-store.ts).
 * View state in the URL (buyer, scenario, camera) is not read here.
 */
import { graphUrlOf } from '../../state/files-url.ts';
import { hasEdits } from '../../persist/session-store.ts';
import type { Editing } from '../edit/editing.ts';
import type { FilesHandle } from '../files/files-ui.ts';

export interface StartDeps {
  files: Pick<FilesHandle, 'openFromUrl'>;
  editing: Pick<Editing, 'peek' | 'restore' | 'notify'>;
  /** Opens the default graph. */
  loadDefault(): void;
  /** True once the app is gone, or a graph was loaded meanwhile (a file dropped while starting). */
  settled(): boolean;
}

export async function startWork(deps: StartDeps, location: { search: string; href: string } = window.location): Promise<void> {
  const { files, editing } = deps;
  const link = graphUrlOf(location.search, location.href);
  const found = await editing.peek();
  if (deps.settled()) return;
  const saved = found?.session ?? null;
  if (link?.ok && saved && hasEdits(saved) && saved.file === link.name) {
    // A reload (or the same link again) after editing: the work comes back, the file is a Revert away.
    if (await editing.restore(found)) {
      editing.notify(`Your edited ${saved.file} came back from this browser, not the file of the link: Revert shows the file (undo brings your work back).`, 'info');
      return;
    }
  }
  if (link) {
    if (await files.openFromUrl()) return;
    if (deps.settled()) return;
  }
  if (await editing.restore(found)) return;
  if (!deps.settled()) deps.loadDefault();
}
