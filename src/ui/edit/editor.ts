/**
 * The editor drawer: tabs for a node, a flow, the table of everything, the
 * scenarios and the sources. It keeps its own small view state (which tab,
 * which node…) and re-renders when the working graph changes; a refused edit
 * does not re-render, so what the user typed stays, with the problems next to
 * the fields.
 */
import { countryOfNodeKey } from '../display-graph.ts';
import type { EditCommand } from '../../edit/commands.ts';
import type { GraphDocument } from '../../model/schema.ts';
import type { AppState } from '../../state/app-state.ts';
import { h } from '../dom.ts';
import type { EditContext } from './context.ts';
import { showProblems } from './fields.ts';
import { renderFlowForm } from './flow-form.ts';
import { renderNodeForm } from './node-form.ts';
import { opRelativePath, OP_FORM, renderScenarioEditor, type ScenarioEditorState } from './scenario-editor.ts';
import { renderSourcesEditor, sourceRelativePath, SOURCE_FORM } from './sources-editor.ts';
import { renderTableView, showRowProblems, TABLE_FORM, type TableState } from './table-view.ts';

export const EDITOR_TABS = ['node', 'flow', 'table', 'scenarios', 'sources'] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];
const TAB_NAMES: Record<EditorTab, string> = { node: 'Node', flow: 'Flow', table: 'Table', scenarios: 'Scenarios', sources: 'Sources' };

export interface EditorHost {
  submit(form: string, command: EditCommand, label: string, then?: () => void): void;
  /** Shows a scenario in the app, compared with baseline. */
  showScenario(id: string): void;
  onToggle(open: boolean): void;
}

export interface Editor {
  element: HTMLElement;
  isOpen(): boolean;
  open(tab?: EditorTab): void;
  close(): void;
  openNode(key: string | null): void;
  openFlow(key: string | null, preset?: { source?: string; target?: string }): void;
  update(s: AppState, prev: AppState): void;
}

export function createEditor(host: EditorHost): Editor {
  let isOpen = false;
  let tab: EditorTab = 'node';
  let nodeKey: string | null = null;
  let flowKey: string | null = null;
  let flowPreset: { source?: string; target?: string } = {};
  let scenario: ScenarioEditorState = { scenario: null, opIndex: null, opType: 'scaleFlows' };
  let table: TableState = { which: 'nodes', filter: '', sort: { column: 'label', descending: false } };
  let sourceId: string | null = null;
  let doc: GraphDocument | null = null;
  let appScenario = 'baseline';

  const element = h('aside', { className: 'editor', id: 'editor', 'aria-label': 'Edit the graph', hidden: true });

  const ctx = (): EditContext => ({ doc: doc!, submit: host.submit, openNode: api.openNode, openFlow: api.openFlow });

  function render() {
    if (!isOpen || !doc) return;
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && element.contains(active) ? active.id : '';
    const tabs = h('div', { className: 'editor-tabs', role: 'tablist', 'aria-label': 'What to edit' });
    for (const t of EDITOR_TABS) {
      tabs.append(h('button', { type: 'button', role: 'tab', id: `editor-tab-${t}`, 'aria-selected': String(t === tab), 'aria-controls': 'editor-body', onclick: () => api.open(t) }, TAB_NAMES[t]));
    }
    const c = ctx();
    const body =
      tab === 'node' ? renderNodeForm(c, nodeKey)
      : tab === 'flow' ? renderFlowForm(c, flowKey, flowPreset)
      : tab === 'table' ? renderTableView(c, table, (next) => { table = { ...table, ...next }; render(); })
      : tab === 'scenarios' ? renderScenarioEditor(c, scenario, { change: (next) => { scenario = { ...scenario, ...next }; render(); }, show: host.showScenario })
      : renderSourcesEditor(c, sourceId, (id) => { sourceId = id; render(); });
    element.classList.toggle('wide', tab === 'table');
    element.replaceChildren(
      h('div', { className: 'editor-head' },
        h('h2', {}, 'Edit'),
        tabs,
        h('button', { type: 'button', className: 'icon', 'aria-label': 'Close the editor', onclick: () => api.close() }, '×')),
      h('div', { className: 'editor-body', id: 'editor-body', role: 'tabpanel' }, body));
    if (focusId) {
      const again = element.querySelector<HTMLElement>(`#${CSS.escape(focusId)}`);
      again?.focus();
      if (again instanceof HTMLInputElement && again.type !== 'number') again.setSelectionRange(again.value.length, again.value.length);
    }
  }

  function problemsFor(form: string, problems: NonNullable<AppState['edit']['problems']>['problems']) {
    if (form.startsWith(`${TABLE_FORM}:`)) {
      showRowProblems(element, form, problems);
      return;
    }
    const target = element.querySelector<HTMLElement>(`[data-form="${CSS.escape(form)}"]`) ?? element.querySelector<HTMLElement>('[data-form]');
    if (!target) return;
    const relative = form === OP_FORM ? problems.map((p) => ({ ...p, path: opRelativePath(p.path) })) : form === SOURCE_FORM ? problems.map((p) => ({ ...p, path: sourceRelativePath(p.path) })) : problems;
    showProblems(target, relative);
  }

  const api: Editor = {
    element,
    isOpen: () => isOpen,
    open(t) {
      if (t) tab = t;
      if (!isOpen) {
        isOpen = true;
        element.hidden = false;
        host.onToggle(true);
      }
      render();
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      element.hidden = true;
      element.replaceChildren();
      host.onToggle(false);
    },
    openNode(key) {
      nodeKey = key;
      api.open('node');
    },
    openFlow(key, preset = {}) {
      flowKey = key;
      flowPreset = preset;
      api.open('flow');
    },
    update(s, prev) {
      const nextDoc = s.loaded?.document ?? null;
      if (s.scenario !== appScenario && s.scenario !== 'baseline') scenario = { ...scenario, scenario: s.scenario, opIndex: null };
      appScenario = s.scenario;
      if (nextDoc !== doc) {
        doc = nextDoc;
        if (doc && nodeKey && !doc.nodes.some((n) => n.key === nodeKey)) nodeKey = null;
        if (doc && flowKey && !doc.edges.some((e) => e.key === flowKey)) flowKey = null;
        render();
      }
      const sel = s.selection?.type === 'node' ? s.selection.key : null;
      const prevSel = prev.selection?.type === 'node' ? prev.selection.key : null;
      if (isOpen && sel && sel !== prevSel && countryOfNodeKey(sel) === null && tab === 'node') api.openNode(sel);
      if (s.edit.problems && s.edit.problems !== prev.edit.problems) problemsFor(s.edit.problems.form, s.edit.problems.problems);
    },
  };
  return api;
}
