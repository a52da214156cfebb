/**
 * Editing, wired into the app: the edit bar (undo, redo, edit, new graph,
 * revert, download, "saved"), the editor drawer, keyboard shortcuts, and the
 * autosave of the working graph to IndexedDB with its restore on start. Every
 * edit goes to the worker, which owns the graph and its history and answers
 * with the graph recomputed, or with the problems and nothing changed.
 */
import type { EditCommand } from '../../edit/commands.ts';
import { slug } from '../../edit/free-id.ts';
import type { GraphDocument } from '../../model/schema.ts';
import * as A from '../../state/app-state.ts';
import * as E from '../../state/edit.ts';
import type { Store } from '../../state/store.ts';
import type { EngineClient } from '../../worker/client.ts';
import { h } from '../dom.ts';
import { download } from '../export/download.ts';
import { readSession, saveSession, StorageUnavailable } from '../persist/session-store.ts';
import type { GraphView } from '../graph-view.ts';
import { createEditor, type Editor } from './editor.ts';
import { attachGestures } from './graph-gestures.ts';

export interface Editing {
  bar: HTMLElement;
  editor: Editor;
  /** Loads the working graph saved in this browser, if any; true when it did. */
  restore(): Promise<boolean>;
  /** For the inspector's "Edit" button and the graph's gestures. */
  openNode(key: string | null): void;
  openFlow(key: string | null, preset?: { source?: string; target?: string }): void;
  submit(form: string, command: EditCommand, label: string, then?: () => void): void;
  /** Drag to move a node, Shift+drag to add a flow: called once the graph view exists. */
  attach(view: GraphView): void;
  destroy(): void;
}

type Answer = Awaited<ReturnType<EngineClient['request']>>;
/** The editor drawer's width and margin, in pixels (styles.css `.editor`). */
const DRAWER_WIDTH = 450;

export function mountEditing(store: Store, engine: EngineClient): Editing {
  const update = store.update;
  let destroyed = false;
  /** The text of the file the work started from: saved with the work, for "revert to file" after a reload. */
  let original: string | null = null;
  /**
   * A file just loaded: its document, turned into `original` text only when first saved, and then once for
   * both fields (at 10,000 nodes each JSON.stringify is a long main-thread task).
   */
  let originalDocument: GraphDocument | null = null;
  let restoring = false;
  let saving = false;
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
  const bar = h('div', { className: 'edit-bar', role: 'toolbar', 'aria-label': 'Editing' }, undoButton, redoButton, editButton, newButton, revertButton, downloadButton, saved, historyError);

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
      : E.unsaved(s.edit) && save.status !== 'error' && save.status !== 'unavailable' ? 'Saving…'
      : save.status === 'saved' ? '✓ Saved'
      : save.status === 'error' ? `Not saved: ${save.message}`
      : save.status === 'unavailable' ? `Not saved (${save.message}): download to keep your work`
      : '';
    historyError.textContent = s.edit.problems?.form === 'history' ? s.edit.problems.problems.map((p) => `Expected ${p.expected}, found ${p.found}.`).join(' ') : '';
  }

  // ------------------------------------------------------------ autosave
  async function save() {
    if (saving || destroyed) return;
    const s = store.get();
    if (!s.loaded || !E.unsaved(s.edit) || s.edit.revision === failedRevision) return;
    saving = true;
    const revision = s.edit.revision;
    update(E.saveStarted);
    try {
      const text = JSON.stringify(s.loaded.document);
      if (original === null && originalDocument !== null) original = originalDocument === s.loaded.document ? text : JSON.stringify(originalDocument);
      originalDocument = null;
      await saveSession({ file: s.loaded.file, text, original: original ?? text, savedAt: Date.now() });
      update((t) => E.saveFinished(t, revision, { ok: true, at: Date.now() }));
    } catch (cause) {
      failedRevision = revision;
      update((t) => E.saveFinished(t, revision, { ok: false, message: cause instanceof Error ? cause.message : String(cause), unavailable: cause instanceof StorageUnavailable }));
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

  const unsubscribe = store.subscribe((s, prev) => {
    // A file loaded (not restored) is the new "original".
    if (s.load !== prev.load && s.load.status === 'done' && s.loaded && !restoring) {
      original = null;
      originalDocument = s.loaded.document;
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
    async restore() {
      let found;
      try {
        found = await readSession();
      } catch {
        return false;
      }
      if (!found || destroyed) return false;
      restoring = true;
      try {
        update((s) => A.loadStarted(s, found.file));
        const answer = await engine.request({ type: 'restore', text: found.text, original: found.original, file: found.file });
        if (destroyed || answer.type !== 'load' || !answer.result.ok) return false;
        original = found.original;
        originalDocument = null;
        const result = answer.result;
        update((s) => A.loadFinished(s, found.file, result));
        return true;
      } finally {
        restoring = false;
      }
    },
    attach(view) {
      detach?.();
      graphView = view;
      detach = attachGestures(view, {
        enabled: () => editor.isOpen(),
        keepsPlaces: () => store.get().layout === 'tiered' && store.get().scenario === A.BASELINE,
        moveNode: (key, x, y) => {
          const node = store.get().loaded?.document.nodes.find((n) => n.key === key);
          if (node) submit('history', { type: 'updateNode', key, attributes: { ...node.attributes, x, y } }, `move ${node.attributes.label}`);
        },
        connect: (source, target) => editor.openFlow(null, { source, target }),
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      detach?.();
      unsubscribe();
      document.removeEventListener('keydown', onKey);
    },
  };
}
