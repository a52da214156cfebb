/**
 * Editing, wired into the app: the edit bar (undo, redo, edit, new graph,
 * revert, download, "saved"), the editor drawer, keyboard shortcuts, and the
 * autosave of the working graph to IndexedDB with its restore on start. Every
 * edit goes to the worker, which owns the graph and its history and answers
 * with the graph recomputed, or with the problems and nothing changed.
 */
import { isError } from '../../model/problem.ts';
import type { EditCommand } from '../../edit/commands.ts';
import { slug } from '../../edit/free-id.ts';
import type { GraphDocument } from '../../model/schema.ts';
import * as A from '../../state/app-state.ts';
import * as E from '../../state/edit.ts';
import type { Store } from '../../state/store.ts';
import type { EngineClient } from '../../worker/client.ts';
import { h } from '../dom.ts';
import { download } from '../export/download.ts';
import { deleteDraft, listDrafts, readSession, setAsideSession, StorageUnavailable, WrittenElsewhere, type Draft, type SavedSession } from '../../persist/session-store.ts';
import { mountWorkUi } from '../persist/work-ui.ts';
import { workChanges } from '../../state/work-changes.ts';
import type { OpenFile, SaveAnswer } from '../../worker/protocol.ts';
import type { GraphView } from '../graph-view.ts';
import { createEditor, type Editor } from './editor.ts';
import { attachGestures } from './graph-gestures.ts';

export interface Editing {
  bar: HTMLElement;
  editor: Editor;
  /** The record saved in this browser, read without loading it (null: none, or no storage); remembers its stamp. */
  peek(): Promise<{ session: SavedSession | null; raw: unknown } | null>;
  /**
   * Loads the working graph saved in this browser (the one `peek` found, else read now); true when it did. A
   * record that fails is kept as a draft and the user told, with a download and an open that lists its problems.
   */
  restore(found?: { session: SavedSession | null; raw: unknown } | null): Promise<boolean>;
  /** A line in the edit bar's notice, with actions. */
  notify(text: string, tone: 'info' | 'warning' | 'error', actions?: { label: string; id?: string; run(): void }[]): void;
  /** How a text is opened as a file, with its problems listed (the files module's open). */
  setOpener(open: (files: OpenFile[]) => void): void;
  /** For the inspector's "Edit" button and the graph's gestures. */
  openNode(key: string | null): void;
  openFlow(key: string | null, preset?: { source?: string; target?: string }): void;
  submit(form: string, command: EditCommand, label: string, then?: () => void): void;
  /** Drag to move a node, Shift+drag to add a flow: called once the graph view exists. */
  attach(view: GraphView): void;
  destroy(): void;
}

type Answer = Awaited<ReturnType<EngineClient['request']>>;
const newWorkId = () => `${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
/** The editor drawer's width and margin, in pixels (styles.css `.editor`). */
const DRAWER_WIDTH = 450;

export function mountEditing(store: Store, engine: EngineClient): Editing {
  const update = store.update;
  let destroyed = false;
  /** The text of the file restored work started from (the worker keeps it too, and saves it with the work): the changes since it are read from it. */
  let original: string | null = null;
  let restoring = false;
  let saving = false;
  /** Which piece of work this tab holds: new for every file loaded, kept through its edits (session-store.ts). */
  let work = newWorkId();
  /** The stamp of the record as this tab last read or wrote it: a write over another stamp is refused. */
  let stamp: string | undefined;
  /** Another tab saved other work: no save until the user says what to keep. */
  let blocked = false;
  /** Whether the work this tab last saved differs from its file (it has something to lose). */
  let ownEdits = false;
  /** The document of the file the work started from, for the changes since it (parsed from `original` when needed). */
  let fileDocument: GraphDocument | null = null;
  let opener: ((files: OpenFile[]) => void) | null = null;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('chokepoint-work');
  /** A revision whose write failed is not tried again until the next change. */
  let failedRevision = -1;
  let detach: (() => void) | null = null;
  let graphView: GraphView | null = null;
  let cameraBefore: { x: number; y: number; ratio: number; angle: number } | null = null;
  /**
   * The drawer covers the left of the graph: while it is open, what was on
   * screen is fitted into the part still visible (zoomed out and moved
   * right); closing it puts the camera back.
   */
  function makeRoom(open: boolean) {
    const sigma = graphView?.sigma;
    if (!sigma) return;
    const camera = sigma.getCamera();
    if (!open) {
      if (cameraBefore) void camera.animate(cameraBefore, { duration: 250 });
      cameraBefore = null;
      return;
    }
    const width = sigma.getContainer().clientWidth;
    if (width <= DRAWER_WIDTH * 1.5) return;
    cameraBefore = camera.getState();
    const visible = (width - DRAWER_WIDTH) / width;
    const a = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const b = sigma.viewportToFramedGraph({ x: DRAWER_WIDTH / 2, y: 0 });
    void camera.animate({ x: camera.x - (b.x - a.x) / visible, ratio: camera.ratio / visible }, { duration: 250 });
  }

  async function run(form: string, request: Parameters<EngineClient['request']>[0], then?: () => void) {
    update(E.editStarted);
    const answer: Answer = await engine.request(request as never);
    if (destroyed) return;
    const outcome: E.EditAnswer = answer.type === 'edited' ? answer.result : { ok: false, message: answer.type === 'error' ? answer.message : 'unexpected answer' };
    update((s) => E.editFinished(s, form, outcome));
    if (outcome.ok) then?.();
  }
  const submit: Editing['submit'] = (form, command, label, then) => void run(form, { type: 'edit', command, label }, then);
  const undo = () => store.get().edit.history.undo !== null && void run('history', { type: 'undo' });
  const redo = () => store.get().edit.history.redo !== null && void run('history', { type: 'redo' });

  const editor = createEditor({
    submit,
    showScenario: (id) => {
      update((s) => A.selectScenario(s, id));
      update((s) => A.setCompare(s, s.scenario !== A.BASELINE));
    },
    onToggle: (open) => {
      editButton.setAttribute('aria-pressed', String(open));
      document.body.classList.toggle('editing', open);
      makeRoom(open);
    },
  });

  /** The working graph as native JSON, named by its title; written by the worker, as Save › Chokepoint JSON is. */
  async function downloadJson() {
    const s = store.get();
    if (!s.loaded) return;
    const answer = await engine.request({ type: 'export', format: 'native', baseName: slug(s.loaded.document.attributes.title, 'graph') });
    if (answer.type === 'error') historyError.textContent = `Could not write the JSON file: ${answer.message}`;
    else download(answer.file.name, answer.file.bytes, answer.file.type);
  }

  // ------------------------------------------------------------ the bar
  const undoButton = h('button', { type: 'button', id: 'undo', 'aria-label': 'Undo', onclick: () => undo() }, '↶');
  const redoButton = h('button', { type: 'button', id: 'redo', 'aria-label': 'Redo', onclick: () => redo() }, '↷');
  const editButton = h('button', { type: 'button', id: 'edit-toggle', 'aria-pressed': 'false', onclick: () => (editor.isOpen() ? editor.close() : editor.open()) }, 'Edit');
  const newButton = h('button', { type: 'button', id: 'new-graph', title: 'Start from an empty graph (undo brings the current one back)', onclick: () => void run('history', { type: 'newGraph' }, () => editor.openNode(null)) }, 'New');
  const revertButton = h('button', { type: 'button', id: 'revert', title: 'Back to the file as loaded (undo brings your work back)', onclick: () => void run('history', { type: 'revert' }) }, 'Revert');
  const downloadButton = h('button', { type: 'button', id: 'download-json', title: 'Download the working graph as a Chokepoint JSON file', onclick: () => void downloadJson() }, '⤓ JSON');
  const saved = h('span', { className: 'save-state', id: 'save-state', role: 'status', 'aria-live': 'polite' });
  const historyError = h('span', { className: 'error', role: 'alert', id: 'history-error' });
  const workUi = mountWorkUi({
    openDraft: (d) => void openDraft(d),
    downloadDraft: (d) => downloadDraft(d),
    deleteDraft: (d) => void deleteDraft(d.id).then(refreshDrafts, () => {}),
  });
  const bar = h('div', { className: 'edit-bar', role: 'toolbar', 'aria-label': 'Editing' }, undoButton, redoButton, editButton, newButton, revertButton, downloadButton, saved, workUi.element, historyError);

  function renderBar(s: A.AppState) {
    const { history, save } = s.edit;
    undoButton.disabled = history.undo === null;
    redoButton.disabled = history.redo === null;
    undoButton.title = history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo';
    redoButton.title = history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo';
    for (const b of [editButton, newButton, revertButton, downloadButton]) b.disabled = !s.loaded;
    saved.className = `save-state ${save.status}`;
    saved.title = save.status === 'saved' ? `Your work is saved in this browser (${new Date(save.at).toLocaleTimeString()}); it comes back after a reload.` : '';
    saved.textContent =
      s.edit.pending > 0 ? 'Working…'
      : E.unsaved(s.edit) && save.status !== 'error' && save.status !== 'unavailable' && save.status !== 'conflict' ? 'Saving…'
      : save.status === 'saved' ? '✓ Saved'
      : save.status === 'error' ? `Not saved: ${save.message}`
      : save.status === 'unavailable' ? `Not saved (${save.message}): download to keep your work`
      : save.status === 'conflict' ? 'Not saved: another tab saved other work'
      : '';
    historyError.textContent = s.edit.problems?.form === 'history' ? s.edit.problems.problems.map((p) => `Expected ${p.expected}, found ${p.found}.`).join(' ') : '';
  }

  // ------------------------------------------------------------ autosave
  async function save() {
    if (saving || destroyed || blocked) return;
    const s = store.get();
    if (!s.loaded || !E.unsaved(s.edit) || s.edit.revision === failedRevision) return;
    saving = true;
    const revision = s.edit.revision;
    update(E.saveStarted);
    try {
      // The worker writes the texts and the record (src/worker/autosave.ts): a big document's text is seconds of
      // main-thread work that the pan and the panels must not wait behind. A file opened meanwhile starts new work,
      // which this save leaves alone.
      const answer = await engine.request({ type: 'save', file: s.loaded.file, work, expected: stamp });
      if (answer.type !== 'saved') throw new Error(answer.message);
      const result = answer.result;
      if (!result.ok) throw result.conflict ? new WrittenElsewhere(null) : result.unavailable ? new StorageUnavailable(result.message) : new Error(result.message);
      stamp = result.stamp;
      ownEdits = result.edited;
      if (result.written) channel?.postMessage({ stamp, edited: ownEdits });
      update((t) => E.saveFinished(t, revision, { ok: true, at: Date.now() }));
      showChanges(result.edited, s.loaded.document);
      if (result.drafted) {
        workUi.notice(`Your earlier work on ${result.drafted} (edited) is kept: Kept work opens it again.`, 'info');
        refreshDrafts();
      }
    } catch (cause) {
      failedRevision = revision;
      if (cause instanceof WrittenElsewhere) {
        blocked = true;
        update((t) => E.saveFinished(t, revision, { ok: false, message: cause.message, conflict: true }));
        tellConflict();
      } else update((t) => E.saveFinished(t, revision, { ok: false, message: cause instanceof Error ? cause.message : String(cause), unavailable: cause instanceof StorageUnavailable }));
    } finally {
      saving = false;
    }
    // Edits made while writing are saved next.
    if (E.unsaved(store.get().edit) && store.get().edit.save.status === 'saved') void save();
  }

  /**
   * A save runs in a task of its own, not in the store update that called for it: turning a 10,000-node
   * document into JSON is 15 to 30 ms, which made the update that brings a big graph's figures a long task.
   */
  let saveQueued = false;
  const queueSave = () => {
    if (saveQueued) return;
    saveQueued = true;
    setTimeout(() => {
      saveQueued = false;
      void save();
    }, 0);
  };

  /** The changes since the file, shown by the indicator (none when the text is the file's). */
  function showChanges(edited: boolean, document: GraphDocument) {
    if (!edited) return workUi.setChanges([]);
    try {
      if (!fileDocument && original !== null) fileDocument = JSON.parse(original) as GraphDocument;
      workUi.setChanges(fileDocument ? workChanges(fileDocument, document) : null);
    } catch {
      workUi.setChanges(null);
    }
  }

  // ------------------------------------------------------------ other tabs, kept work
  /** This tab's graph kept as a draft, or saved over another tab's work (`force`), by the worker. */
  async function saveMine(how: { draft: string } | { force: true }): Promise<Extract<SaveAnswer, { ok: true }> | null> {
    const s = store.get();
    if (!s.loaded) return null;
    const answer = await engine.request({ type: 'save', file: s.loaded.file, work, expected: stamp, ...how });
    if (answer.type !== 'saved') throw new Error(answer.message);
    if (!answer.result.ok) throw new Error(answer.result.message);
    return answer.result;
  }
  function tellConflict() {
    workUi.notice('Another tab has saved other work in this browser since this tab last saved: this graph is not saved.', 'warning', [
      { label: 'Open that work', id: 'conflict-take', run: () => void takeTheirs() },
      { label: 'Keep both', id: 'conflict-keep-both', run: () => void keepBoth() },
    ]);
  }
  /** The other tab's work comes here; this tab's is kept as a draft first. */
  async function takeTheirs() {
    try {
      await saveMine({ draft: 'kept when another tab\'s work was opened' });
      blocked = false;
      workUi.clearNotice();
      const found = await readSession();
      stamp = found.session?.stamp;
      if (found.session) await restore(found);
      refreshDrafts();
    } catch (cause) {
      workUi.notice(`Could not open that work: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    }
  }
  /** This tab's work becomes the one saved; the other tab's is kept as a draft (it will be told when it next saves). */
  async function keepBoth() {
    try {
      const result = await saveMine({ force: true });
      if (!result) return;
      stamp = result.stamp;
      channel?.postMessage({ stamp, edited: true });
      blocked = false;
      failedRevision = -1;
      const revision = store.get().edit.revision;
      update((t) => E.saveFinished(t, revision, { ok: true, at: Date.now() }));
      workUi.notice(result.drafted ? `Both kept: this tab's work is saved, the other tab's is under Kept work.` : 'This tab\'s work is saved.', 'info');
      refreshDrafts();
    } catch (cause) {
      workUi.notice(`Could not save: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    }
  }
  if (channel) {
    channel.onmessage = (e: MessageEvent<{ stamp?: unknown; edited?: unknown }>) => {
      if (destroyed || typeof e.data?.stamp !== 'string' || e.data.stamp === stamp || blocked) return;
      // A file opened as it is in another tab, while this one has no edits either: nothing is lost on either side.
      if (e.data.edited === false && !ownEdits && !E.unsaved(store.get().edit)) return;
      // Another tab wrote the record: what this tab shows is no longer what is kept.
      blocked = true;
      update((s) => E.savedElsewhere(s, 'another tab saved other work'));
      tellConflict();
    };
  }
  function refreshDrafts() {
    listDrafts().then((list) => !destroyed && workUi.setDrafts(list), () => {});
  }
  function downloadDraft(d: Draft) {
    const text = d.session ? d.session.text : JSON.stringify(d.raw ?? null, null, 2);
    download(`${d.session ? d.session.file.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^\w.-]+/g, '-') || 'graph' : 'unreadable-record'}-kept.json`, text, 'application/json');
  }
  async function openDraft(d: Draft) {
    if (!d.session) return;
    const menu = workUi.element.querySelector('details#drafts-menu') as HTMLDetailsElement | null;
    if (menu) menu.open = false;
    // Its own work: the next save keeps the graph in hand as a draft when it has edits.
    if (await restore({ session: { ...d.session, work: newWorkId() }, raw: null })) await deleteDraft(d.id).catch(() => {});
    refreshDrafts();
  }

  /** A record that could not be restored: kept as a draft, the user told, with a download and an open listing its problems. */
  async function keepFailed(found: { session: SavedSession | null; raw: unknown }, why: string) {
    let draft: Draft | null = null;
    try {
      draft = await setAsideSession(`could not be restored: ${why}`);
      stamp = undefined;
    } catch {
      // Not even moved: it stays where it is, and nothing overwrites it (blocked).
      blocked = true;
    }
    const session = found.session;
    const name = session?.file ?? 'your saved work';
    const kept: Draft = draft ?? { id: '', session, reason: why, keptAt: Date.now(), raw: found.raw };
    workUi.notice(`The work saved in this browser (${name}) could not be restored (${why}). It is kept, not deleted; the default graph is shown meanwhile.`, 'error', [
      { label: 'Download it as JSON', id: 'failed-download', run: () => downloadDraft(kept) },
      ...(session && opener ? [{ label: 'Open it to see its problems', id: 'failed-open', run: () => opener?.([{ name: session.file.replace(/(\.json)?$/i, '.json'), bytes: new TextEncoder().encode(session.text) }]) }] : []),
    ]);
    refreshDrafts();
  }

  async function restore(given?: { session: SavedSession | null; raw: unknown } | null): Promise<boolean> {
    let found = given;
    if (found === undefined) {
      try {
        found = await readSession();
        stamp = found.session?.stamp;
      } catch {
        return false;
      }
    }
    if (!found || destroyed) return false;
    const session = found.session;
    if (!session) {
      if (found.raw !== undefined) await keepFailed(found, 'the record is not one Chokepoint wrote, or is damaged');
      return false;
    }
    restoring = true;
    try {
      update((s) => A.loadStarted(s, session.file));
      const answer = await engine.request({ type: 'restore', text: session.text, original: session.original, file: session.file });
      if (destroyed) return false;
      if (answer.type !== 'load' || !answer.result.ok) {
        const why = answer.type === 'error' ? answer.message : answer.type === 'load' && !answer.result.ok ? `${answer.result.problems.filter(isError).length} problem${answer.result.problems.filter(isError).length === 1 ? '' : 's'}, the first: expected ${answer.result.problems[0]?.expected}, found ${answer.result.problems[0]?.found}` : 'unexpected answer';
        update((s) => A.loadFinished(s, session.file, { ok: false, problems: answer.type === 'load' && !answer.result.ok ? answer.result.problems : [] }));
        await keepFailed(found, why);
        return false;
      }
      original = session.original;
      fileDocument = null;
      work = session.work ?? newWorkId();
      const result = answer.result;
      update((s) => A.loadFinished(s, session.file, result));
      return true;
    } finally {
      restoring = false;
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    // A file loaded (not restored) is the new "original", and new work.
    if (s.load !== prev.load && s.load.status === 'done' && s.loaded && !restoring) {
      original = null;
      fileDocument = s.loaded.document;
      work = newWorkId();
      workUi.setChanges([]);
    }
    if (E.unsaved(s.edit) && s.loaded && s.edit.pending === 0 && s.edit.revision !== failedRevision) queueSave();
    editor.update(s, prev);
    renderBar(s);
  });

  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (typing) return; // the field's own undo
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      redo();
    }
  };
  document.addEventListener('keydown', onKey);
  renderBar(store.get());

  return {
    bar,
    editor,
    submit,
    openNode: editor.openNode,
    openFlow: editor.openFlow,
    async peek() {
      try {
        const found = await readSession();
        stamp = found.session?.stamp;
        refreshDrafts();
        return found;
      } catch {
        return null;
      }
    },
    restore,
    notify: (text, tone, actions) => workUi.notice(text, tone, actions),
    setOpener(open) {
      opener = open;
    },
    attach(view) {
      detach?.();
      graphView = view;
      detach = attachGestures(view, {
        enabled: () => editor.isOpen(),
        keepsPlaces: () => (store.get().layout === 'tiered' || store.get().layout === 'file') && store.get().scenario === A.BASELINE,
        moveNode: (key, x, y) => {
          const node = store.get().loaded?.document.nodes.find((n) => n.key === key);
          if (!node) return;
          submit('history', { type: 'updateNode', key, attributes: { ...node.attributes, x, y } }, `move ${node.attributes.label}`);
          // The place is kept as the node's x and y: drawn "As in the file" (the tiers stay tiers).
          if (store.get().layout === 'tiered') update((s) => A.setLayout(s, 'file'));
        },
        connect: (source, target) => editor.openFlow(null, { source, target }),
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      detach?.();
      unsubscribe();
      channel?.close();
      document.removeEventListener('keydown', onKey);
    },
  };
}
