/**
 * Save and report menus: the graph in every format (writeGraph in the
 * worker), the report (buildReport and its renderers in the worker, with the
 * PNG of the view in the HTML), the PNG alone, and Print / PDF.
 */
import type { ExportFormat } from '../../io/write.ts';
import { NODE_KINDS } from '../../model/schema.ts';
import * as A from '../../state/app-state.ts';
import { baseNameFor } from '../../state/files.ts';
import type { Store } from '../../state/store.ts';
import type { EngineClient } from '../../worker/client.ts';
import type { SavedFile } from '../../worker/protocol.ts';
import { h } from '../dom.ts';
import { FAILED_COLOR, KIND_COLORS, KIND_NAMES, LOSS_COLOR } from '../look.ts';
import { dataUrlBytes, download } from './download.ts';
import { openReportDialog, type ReportChoice } from './report-dialog.ts';
import { snapshotPng, type Layers, type SnapshotLegend } from './snapshot.ts';

export interface ExportDeps {
  engine: EngineClient;
  store: Store;
  layers(): Layers | null;
  started(task: string, phase: string): void;
  exported(name: string, lost: string[]): void;
  failed(text: string): void;
}

const SAVE_FORMATS: { format: ExportFormat; plain?: boolean; label: string; id: string }[] = [
  { format: 'native', label: 'Chokepoint JSON (.json)', id: 'save-native' },
  { format: 'gexf', label: 'GEXF, for Gephi (.gexf)', id: 'save-gexf' },
  { format: 'graphml', label: 'GraphML (.graphml)', id: 'save-graphml' },
  { format: 'csv', label: 'CSV files (.zip)', id: 'save-csv' },
  { format: 'csv', plain: true, label: 'CSV pair only, for other tools (.zip)', id: 'save-csv-plain' },
];

/** The legend drawn under the PNG: graph, scenario, what-if, and the kinds on screen. */
export function snapshotLegend(s: A.AppState): SnapshotLegend {
  const report = A.currentReport(s);
  const doc = s.view.status === 'done' ? s.view.value.document : null;
  const present = new Set(doc?.nodes.map((n) => n.attributes.kind));
  const items = NODE_KINDS.filter((k) => present.has(k) && !s.filters.hiddenKinds.includes(k)).map((k) => ({ color: KIND_COLORS[k], label: KIND_NAMES[k] }));
  const failing = A.hasFailure(s.failure);
  if (failing) items.push({ color: FAILED_COLOR, label: 'failed' }, { color: LOSS_COLOR, label: 'supply lost (darker: more)' });
  const parts = [s.scenario === A.BASELINE ? 'Baseline' : `Scenario: ${report?.label ?? s.scenario}`];
  if (failing) parts.push(`what-if: ${[...s.failure.countries, ...s.failure.nodes].join(', ')} failed`);
  return { title: s.loaded?.document.attributes.title ?? 'Chokepoint', subtitle: parts.join(' · '), items };
}

export function mountExport(deps: ExportDeps): { controls: HTMLElement[] } {
  const { engine, store } = deps;
  const baseName = () => baseNameFor(store.get().loaded?.file);

  function snapshot(): string | null {
    const layers = deps.layers();
    if (!layers) return null;
    try {
      return snapshotPng(layers, snapshotLegend(store.get()));
    } catch {
      return null;
    }
  }

  async function save(format: ExportFormat, plain: boolean) {
    saveMenu.open = false;
    if (!store.get().loaded) return;
    deps.started('Saving the graph', 'writing');
    const answer = await engine.request({ type: 'export', format, baseName: baseName(), ...(plain ? { withoutGraphFile: true } : {}) });
    if (answer.type === 'error') return deps.failed(`Could not save the graph: ${answer.message}`);
    give(answer.file);
    deps.exported(answer.file.name, answer.lost);
  }

  const give = (file: SavedFile) => download(file.name, file.bytes, file.type);

  function png() {
    reportMenu.open = false;
    const url = snapshot();
    if (!url) return deps.failed('There is no view to take a picture of yet.');
    const name = `${baseName()}-view.png`;
    download(name, dataUrlBytes(url), 'image/png');
    deps.exported(name, []);
  }

  async function report(choice: ReportChoice, print: boolean) {
    const s = store.get();
    if (!s.loaded) return;
    deps.started(print ? 'Preparing to print' : 'Making the report', 'computing the figures');
    const answer = await engine.request({ type: 'report', format: choice.format, scenarios: choice.scenarios, demand: choice.demand, baseName: baseName(), madeAt: new Date().toISOString() });
    if (answer.type === 'error') return deps.failed(`Could not make the report: ${answer.message}`);
    if (!print) {
      give(answer.file);
      return deps.exported(answer.file.name, []);
    }
    // The report (no script, its own CSP) opens in a window of this origin; the page calls its print.
    const url = URL.createObjectURL(new Blob([answer.file.bytes as BlobPart], { type: 'text/html' }));
    const w = window.open(url, '_blank');
    if (!w) return deps.failed('The browser blocked the report window: allow pop-ups for this page, or download the HTML report and print it.');
    const started = Date.now();
    const timer = setInterval(() => {
      let ready = false;
      try {
        ready = w.location.href === url && w.document.readyState === 'complete';
      } catch {
        ready = false;
      }
      if (ready || Date.now() - started > 15_000 || w.closed) {
        clearInterval(timer);
        if (ready) {
          w.focus();
          w.print();
        }
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    }, 50);
    deps.exported(`${answer.file.name} (opened for printing)`, []);
  }

  const saveMenu = h('details', { className: 'menu', id: 'save-menu' }, h('summary', {}, 'Save'),
    h('ul', { className: 'menu-list' }, ...SAVE_FORMATS.map((f) => h('li', {}, h('button', { type: 'button', id: f.id, onclick: () => void save(f.format, f.plain ?? false) }, f.label)))));
  const reportMenu = h('details', { className: 'menu', id: 'report-menu' }, h('summary', {}, 'Report'),
    h('ul', { className: 'menu-list' },
      h('li', {}, h('button', { type: 'button', id: 'report-open', onclick: () => {
        reportMenu.open = false;
        const loaded = store.get().loaded;
        if (loaded) openReportDialog(loaded.report, (c, p) => void report(c, p));
      } }, 'Report… (HTML, Markdown, CSV, JSON, print / PDF)')),
      h('li', {}, h('button', { type: 'button', id: 'export-png', onclick: png }, 'PNG of this view, with its legend'))));
  return { controls: [saveMenu, reportMenu] };
}
