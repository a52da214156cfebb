/**
 * Opening and saving in the app: the Open button (several files at once),
 * drag and drop anywhere on the page, `?graph=` (same origin), recent files,
 * the mapping step, the problems panel; Save (every format) and the report
 * exports. Files are parsed in the worker only; a failed open changes nothing.
 * `mountFiles` returns a cleanup.
 */
import type { Mapping } from '../../io/mapping.ts';
import * as A from '../../state/app-state.ts';
import * as F from '../../state/files.ts';
import { recentName, type RecentEntry } from '../../state/files-recent.ts';
import { graphUrlOf } from '../../state/files-url.ts';
import type { Store } from '../../state/store.ts';
import type { EngineClient } from '../../worker/client.ts';
import type { GraphView as EngineView, OpenFile, ViewAhead } from '../../worker/protocol.ts';
import { buildAhead } from '../display-graph.ts';
import { warmNodes } from '../warm-document.ts';
import { h } from '../dom.ts';
import { mountExport } from '../export/export-ui.ts';
import type { Layers } from '../export/snapshot.ts';
import { openMappingDialog } from './mapping-dialog.ts';
import { renderFilesPanel } from './problems-panel.ts';
import { fetchFile, readFiles, totalBytes, type PickedFile } from './read-files.ts';
import { toSent } from '../../worker/sent-files.ts';
import { loadRecent, readContent, saveRecent, storeContent } from './recent-store.ts';
import './files.css';

export interface FilesDeps {
  root: HTMLElement;
  engine: EngineClient;
  store: Store;
  /** The renderer on screen, for the PNG of the view. */
  layers(): Layers | null;
}

export interface FilesHandle {
  /** The controls for the header. */
  toolbar: HTMLElement;
  /** The problems panel and notices, for the graph area. */
  panel: HTMLElement;
  /** Opens `?graph=` if the page has one: true when a graph was loaded from it. */
  openFromUrl(): Promise<boolean>;
  /** Opens files as the Open button does (a failed open lists the problems): true when a graph was loaded. */
  open(files: PickedFile[]): Promise<boolean>;
  state(): F.FilesState;
  destroy(): void;
}

/** How long an info notice ("Opened x", "Saved y") stays. */
const INFO_MS = 8000;
const PHASES: Record<string, string> = { read: 'reading', parse: 'parsing', validate: 'checking', done: 'checked', figures: 'computing the figures' };
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} bytes`);

export function mountFiles(deps: FilesDeps): FilesHandle {
  const { engine, store } = deps;
  let fs = F.initialFilesState(loadRecent());
  let destroyed = false;
  const panel = h('div', { className: 'files-panel', 'aria-live': 'polite' });
  const recentList = h('ul', { className: 'menu-list' });
  const set = (next: F.FilesState) => {
    if (destroyed) return;
    const recentChanged = next.recent !== fs.recent;
    const noticeChanged = next.notice !== fs.notice;
    fs = next;
    if (recentChanged) saveRecent(fs.recent);
    // Plain confirmations go away by themselves; warnings and errors stay until dismissed.
    const notice = fs.notice;
    if (noticeChanged && notice?.tone === 'info') setTimeout(() => fs.notice === notice && set(F.dismissNotice(fs)), INFO_MS);
    render();
  };

  // ------------------------------------------------------------ opening
  async function open(files: PickedFile[], mapping?: Mapping, remember = true): Promise<boolean> {
    if (!files.length) return false;
    const label = files.map((f) => f.name).join(' + ');
    set(F.started(fs, `Opening ${label} (${sizeText(totalBytes(files))})`, mapping ? 'parsing' : 'reading'));
    // The graph is drawn as soon as the worker has it checked and laid out; its figures follow (EnginePreview).
    const preview = (view: EngineView) => {
      if (!destroyed) store.update((s) => A.previewArrived(s, label, view));
    };
    // A big graph's picture is begun on its nodes and flows, sent before its layouts; the app's build takes it up.
    const ahead = (view: ViewAhead) => {
      if (destroyed) return;
      buildAhead(view);
      void warmNodes(view.document.nodes);
    };
    const answer = await engine.request({ type: 'open', files: files.map(toSent), file: label, mapping }, (phase) => set(F.progressed(fs, PHASES[phase] ?? phase)), preview, ahead);
    if (destroyed) return false;
    if (answer.type === 'error') {
      store.update(A.previewDropped);
      set(F.failed(fs, `The engine could not open ${label} (${answer.message}). The graph on screen is unchanged.`));
      return false;
    }
    const reply = answer.result;
    if (reply.status === 'failed') {
      set(F.openAnswered(fs, label, reply));
      store.update((s) => A.loadFinished(s, label, { ok: false, problems: reply.problems }));
      return false;
    }
    if (reply.status === 'mapping') {
      set(F.openAnswered(fs, label, reply));
      openMappingDialog(fs.mapping!, {
        confirm: (chosen) => void open(files, chosen, remember),
        cancel: () => set(F.mappingCancelled(fs)),
      });
      return false;
    }
    const entry: RecentEntry | undefined = remember
      ? { files: files.map((f) => f.name), when: new Date().toISOString(), size: totalBytes(files), stored: storeContent(files, fs.recent) }
      : undefined;
    set(F.openAnswered(fs, label, reply, entry));
    // Scenarios added to the graph in hand keep its file name.
    const file = reply.scenariosAdded ? (store.get().loaded?.file ?? label) : label;
    store.update((s) => A.loadFinished(s, file, { ok: true, loaded: reply.loaded }));
    return true;
  }

  async function openPicked(list: FileList | null) {
    if (!list?.length) return;
    set(F.started(fs, `Opening ${list.length === 1 ? list[0]!.name : `${list.length} files`}`, 'reading'));
    let files: PickedFile[];
    try {
      files = await readFiles(list);
    } catch (cause) {
      set(F.failed(fs, `Could not read the file: ${cause instanceof Error ? cause.message : String(cause)}. The graph on screen is unchanged.`));
      return;
    }
    await open(files);
  }

  async function openFromUrl(): Promise<boolean> {
    const wanted = graphUrlOf(location.search, location.href);
    if (!wanted) return false;
    if (!wanted.ok) {
      set(F.openFailed(fs, 'the ?graph= parameter', [{ severity: 'error', path: '', file: '?graph=', expected: 'a file served beside the app (same origin), e.g. ?graph=graphs/neon-ukraine-2022.gexf', found: wanted.found }]));
      return false;
    }
    set(F.started(fs, `Opening ${wanted.name}`, 'downloading'));
    const fetched = await fetchFile(wanted.url, wanted.name);
    if (!fetched.ok) {
      set(F.openFailed(fs, wanted.name, [fetched.problem]));
      return false;
    }
    return open([fetched.file], undefined, false);
  }

  function openRecent(entry: RecentEntry) {
    recentMenu.open = false;
    const files = entry.stored ? readContent(entry.stored) : null;
    if (!files) {
      set(F.failed(fs, `${recentName(entry)} is remembered by name only (its content was too large to keep, or was cleared). Open it again from your disk.`));
      return;
    }
    void open(files);
  }

  // ------------------------------------------------------------ drag and drop
  const dropTarget = h('div', { className: 'drop-target', id: 'drop-target', hidden: true, 'aria-hidden': 'true' },
    h('p', {}, h('strong', {}, 'Drop to open'), h('br'), 'a Chokepoint .json, .gexf, .graphml, a nodes.csv + flows.csv pair, a .zip, or a scenarios .json'));
  let dragDepth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    dropTarget.hidden = false;
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropTarget.hidden = true;
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    dropTarget.hidden = true;
    void openPicked(e.dataTransfer?.files ?? null);
  };
  document.addEventListener('dragenter', onDragEnter);
  document.addEventListener('dragover', onDragOver);
  document.addEventListener('dragleave', onDragLeave);
  document.addEventListener('drop', onDrop);
  // A menu closes when the user clicks elsewhere or presses Escape.
  const closeMenus = (e: Event) => {
    for (const menu of document.querySelectorAll<HTMLDetailsElement>('.files-bar details[open]')) {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.contains(e.target as Node)) menu.open = false;
    }
  };
  document.addEventListener('click', closeMenus);
  document.addEventListener('keydown', closeMenus);
  document.body.append(dropTarget);

  // ------------------------------------------------------------ controls
  const input = h('input', { type: 'file', id: 'open-input', multiple: true, className: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', accept: '.json,.gexf,.graphml,.xml,.csv,.zip',
    onchange: () => {
      void openPicked(input.files).finally(() => (input.value = ''));
    } });
  const openButton = h('button', { type: 'button', id: 'open-button', title: 'Open a graph (several files at once for a CSV pair), or a scenarios file to add to this graph. You can also drop files anywhere.', onclick: () => input.click() }, 'Open…');
  const recentMenu = h('details', { className: 'menu', id: 'recent-menu' }, h('summary', {}, 'Recent'), recentList);
  const exporter = mountExport({ engine, store, layers: deps.layers, started: (task, phase) => set(F.started(fs, task, phase)), exported: (name, lost) => set(F.exported(fs, name, lost)), failed: (text) => set(F.failed(fs, text)) });
  const toolbar = h('div', { className: 'files-bar', role: 'group', 'aria-label': 'Files' }, openButton, input, recentMenu, ...exporter.controls);

  const stopCrash = engine.onCrash((message) => set(F.failed(fs, `The engine hit an error (${message}). The graph on screen is kept; if a panel stops answering, reload the page.`)));

  function render() {
    panel.replaceChildren(...renderFilesPanel(fs, { dismissProblems: () => set(F.dismissProblems(fs)), dismissNotice: () => set(F.dismissNotice(fs)) }));
    recentList.replaceChildren(...(fs.recent.length
      ? fs.recent.map((e) => h('li', {}, h('button', { type: 'button', className: 'recent-item', title: e.stored ? 'Open again' : 'Remembered by name only (too large to keep)', onclick: () => openRecent(e) },
          h('span', {}, recentName(e)), h('small', {}, `${new Date(e.when).toLocaleString()} · ${sizeText(e.size)}${e.stored ? '' : ' · not kept'}`))))
      : [h('li', { className: 'empty' }, 'Files you open appear here.')]));
  }
  render();

  return {
    toolbar,
    panel,
    openFromUrl,
    open: (list) => open(list, undefined, false),
    state: () => fs,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopCrash();
      document.removeEventListener('dragenter', onDragEnter);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('click', closeMenus);
      document.removeEventListener('keydown', closeMenus);
      dropTarget.remove();
    },
  };
}
