/**
 * The app: the page's shell, the store, the engine worker and the graph view,
 * wired together. The engine computes every figure; this file only asks for
 * them and shows them. `mountApp` returns a cleanup that stops the worker and
 * kills the renderer.
 */
import { nodeSize } from '../model/node-size.ts';
import { nodeOf } from './doc-index.ts';
import { fetchFailure } from '../state/fetch-answer.ts';
import * as A from '../state/app-state.ts';
import { createStore, type Store } from '../state/store.ts';
import { onlyEditingChanged } from '../state/edit.ts';
import { formatProblem, isError } from '../model/problem.ts';
import { countryLabel, placeName, useGraphCountries } from './words.ts';
import { colourNodes, type Colouring } from './colour-by.ts';
import { flowArrays } from '../worker/betweenness.ts';
import { startBetweenness, startEngineWorker, type BetweennessRun, type EngineClient } from '../worker/client.ts';
import type { GraphView as EngineView } from '../worker/protocol.ts';
import { buildDisplayGraph, buildDisplayGraphInSlices, countryNodeKey, countryOfNodeKey, countryPlaces, type DisplayGraph } from './display-graph.ts';
import { h } from './dom.ts';
import { mountGraphView, type GraphUi, type GraphView } from './graph-view.ts';
import { renderFilters, renderLegend, type LegendActions } from './legend.ts';
import { warmDocument } from './warm-document.ts';
import { renderChanges } from './panels/changes.ts';
import { renderConcentration } from './panels/concentration-table.ts';
import { renderHeadline } from './panels/headline.ts';
import { renderInspector } from './panels/inspector.ts';
import { renderRelianceChart } from './panels/reliance-chart.ts';
import { renderSpofTable } from './panels/spof-table.ts';
import { renderWhatIf } from './panels/what-if.ts';
import { renderShockTable } from './panels/shock-table.ts';
import { renderSupplyBought } from './panels/supply-bought.ts';
import * as SB from '../state/shock-builder.ts';
import { shockOfWhatIf } from '../worker/what-if-hits.ts';
import { freeId, slug } from '../edit/free-id.ts';
import { createSearch } from './search.ts';
import { mountFiles } from './files/files-ui.ts';
import { mountEditing } from './edit/editing.ts';
import { startWork } from './persist/start-work.ts';
import { mountMapLayers, type MapLayers } from './map-layers.ts';
import { mountViewUrl } from './view-url-sync.ts';
import { betweennessProgressText, renderScenarioBar, renderViewControls, type ToolbarActions } from './toolbar.ts';
import { mountRobustness } from './robustness/controller.ts';

/** What the inspector covers of the canvas before it is drawn: its width and its margin on the right (styles.css). */
const INSPECTOR_COVER = 500;
/** Above this many nodes and flows, a new display graph is built in slices (docs/scale.md, In the app). */
const SLICED_BUILD_ITEMS = 5_000;

export interface AppHandle {
  store: Store;
  /** Resolves when the first graph is drawn (or failed to load). */
  ready: Promise<void>;
  /** A node's position on the page, for tests. */
  screenPosition(key: string): { x: number; y: number } | null;
  /** For tests: the node labels painted by the last render, boxes in the page's CSS pixels. */
  labelBoxes(): { key: string; box: { x: number; y: number; w: number; h: number } }[];
  /** For tests: what the Map layout's layers painted last. */
  mapStatus(): { world: boolean; countryFlows: boolean } | null;
  destroy(): void;
}

export function mountApp(root: HTMLElement, source: { url: string; file: string }): AppHandle {
  const store = createStore();
  const engine: EngineClient = startEngineWorker();
  let view: GraphView | null = null;
  /** The world and the country-to-country flows under the Map layout (src/ui/map-layers.ts). */
  let mapLayers: MapLayers | null = null;
  let chartMode: 'byCountry' | 'byKindCountry' = 'byKindCountry';
  let spofAll = false;
  let changesAll = false;
  let lastSizeKey = '';
  let destroyed = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // ------------------------------------------------------------ shell
  const title = h('span', { className: 'graph-title' });
  const scenarioSlot = h('div', { className: 'slot' });
  const controlsSlot = h('div', { className: 'slot' });
  const filtersSlot = h('div', { className: 'slot' });
  const status = h('div', { className: 'status', role: 'status', 'aria-live': 'polite' });
  const search = createSearch({
    onQuery: (keys) => view?.update({ matches: keys ? new Set(keys) : null }),
    onPick: (key) => selectNode(key),
  });
  const canvas = h('div', { className: 'canvas', id: 'graph', 'aria-label': 'Supply graph. Use the search box or the tables to pick a node.', role: 'img' });
  const legendSlot = h('div', { className: 'legend-slot' });
  const inspectorSlot = h('div', { className: 'inspector-slot' });
  const sidebar = h('div', { className: 'sidebar', id: 'panels' });
  const zoomButtons = h('div', { className: 'zoom', role: 'group', 'aria-label': 'Zoom' },
    h('button', { type: 'button', id: 'zoom-in', 'aria-label': 'Zoom in', onclick: () => view?.zoom(1 / 1.5) }, '+'),
    h('button', { type: 'button', id: 'zoom-out', 'aria-label': 'Zoom out', onclick: () => view?.zoom(1.5) }, '−'),
    h('button', { type: 'button', id: 'fit', 'aria-label': 'Zoom to fit', title: 'Zoom to fit', onclick: () => view?.fit() }, 'Fit'),
  );
  const files = mountFiles({ root, engine, store, layers: () => view?.sigma ?? null });
  // Editing (src/ui/edit): the edit bar, the editor drawer, undo/redo, autosave to IndexedDB.
  const editing = mountEditing(store, engine);
  /** Robustness draws in their own worker (src/ui/robustness): a tornado bar selects its flow's two ends on the graph. */
  const robustness = mountRobustness({
    render: () => !destroyed && renderPanels(store.get()),
    selectFlow: (w) => {
      view?.update({ matches: new Set([w.source, w.target]) });
      view?.centreOn([w.source, w.target]);
    },
  });
  root.replaceChildren(
    // Two rows of fixed height, whatever the title's length or the messages (styles.css, header).
    h('header', { className: 'top' },
      h('div', { className: 'top-row' }, h('h1', {}, 'Chokepoint'), files.toolbar, title, h('div', { className: 'spacer' }), search.element),
      h('div', { className: 'top-row' }, scenarioSlot, editing.bar)),
    h('main', { className: 'layout' },
      h('section', { className: 'graph-area', 'aria-label': 'Graph' },
        h('div', { className: 'graph-toolbar' }, controlsSlot, filtersSlot, status), canvas, zoomButtons, legendSlot, inspectorSlot, files.panel, editing.editor.element),
      h('section', { className: 'sidebar-wrap', 'aria-label': 'Risk figures' }, sidebar)),
  );

  // ------------------------------------------------------------ actions
  const update = store.update;
  function selectNodeInPlace(key: string) {
    update((s) => A.select(s, { type: 'node', key }));
    const doc = docOf(store.get());
    if (doc?.nodes.some((n) => n.key === key && n.attributes.kind === 'demand')) update((s) => A.selectDemand(s, key));
  }
  function selectNode(key: string) {
    selectNodeInPlace(key);
    // The inspector covers the right of the graph: the node and its neighbours go in the part it leaves free.
    frameWithInspector(key);
  }
  /** The canvas's pixels the inspector covers, from its right edge (styles.css: .inspector-slot and .inspector). */
  function inspectorCover(): number {
    const panel = inspectorSlot.querySelector<HTMLElement>('.inspector');
    const c = canvas.getBoundingClientRect();
    if (panel) return Math.max(0, c.right - panel.getBoundingClientRect().left + 12);
    return INSPECTOR_COVER;
  }
  function frameWithInspector(key: string) {
    if (!view) return;
    // After the inspector is drawn, so that its width is known.
    requestAnimationFrame(() => view?.frameBeside([key, ...view.neighboursOf(key)], inspectorCover()));
  }
  function selectInput(input: string) {
    update((s) => A.select(s, { type: 'input', input }));
    const doc = docOf(store.get());
    const ends = new Set<string>();
    for (const e of doc?.edges ?? []) if (e.attributes.input === input) ends.add(e.source).add(e.target);
    view?.centreOn([...ends]);
  }
  function pickSet(set: string) {
    update((s) => A.setFocus(s, set));
    const [kind, country] = set.includes(':') ? set.split(':') : [null, set];
    const keys = (docOf(store.get())?.nodes ?? []).filter((n) => n.attributes.country === country && (!kind || n.attributes.kind === kind)).map((n) => n.key);
    view?.update({ matches: new Set(keys) });
    view?.centreOn(keys);
  }
  const toolbar: ToolbarActions = {
    selectScenario: (id) => update((s) => A.selectScenario(s, id)),
    setCompare: (on) => update((s) => A.setCompare(s, on)),
    setLayout: (l) => update((s) => A.setLayout(s, l)),
    setSizeBy: (k) => update((s) => A.setSizeBy(s, k)),
    cancelBetweenness: () => {
      cancelBetweenness();
      update(A.betweennessCancelled);
    },
    setCountries: (on) => update((s) => A.setCountries(s, on ? 'nodes' : 'off')),
  };
  const failNode = (key: string) => update((s) => A.failNode(s, key));
  const failCountry = (code: string) => update((s) => A.failCountry(s, code));

  // ------------------------------------------------------------ engine requests
  async function load() {
    update((s) => A.loadStarted(s, source.file));
    let text: string;
    try {
      const response = await fetch(source.url);
      const failure = fetchFailure(response.status, response.statusText, response.headers.get('content-type'), source.file);
      if (failure) throw new Error(failure);
      text = await response.text();
    } catch (cause) {
      const found = cause instanceof Error ? cause.message : String(cause);
      update((s) => A.loadFinished(s, source.file, { ok: false, problems: [{ severity: 'error', path: '', expected: 'a graph file the app can fetch', found, file: source.file }] }));
      markReady();
      return;
    }
    const answer = await engine.request({ type: 'load', text, file: source.file });
    if (destroyed) return;
    if (answer.type === 'error') update((s) => A.loadFinished(s, source.file, { ok: false, problems: [{ severity: 'error', path: '', expected: 'the engine to load the file', found: answer.message, file: source.file }] }));
    else update((s) => A.loadFinished(s, source.file, answer.result));
    if (!store.get().loaded) markReady();
  }
  async function requestView(scenario: string) {
    update(A.viewStarted);
    const answer = await engine.request({ type: 'view', scenario });
    if (destroyed) return;
    update((s) => A.viewFinished(s, answer.type === 'view' ? { ok: true, view: answer.view } : { ok: false, message: answer.type === 'error' ? answer.message : 'unexpected answer' }));
  }
  async function requestWhatIf() {
    const s = store.get();
    const answer = await engine.request({ type: 'whatIf', scenario: s.scenario, failure: s.failure });
    if (destroyed) return;
    update((t) => A.whatIfFinished(t, answer.type === 'whatIf' ? { ok: true, value: answer.result } : { ok: false, message: answer.type === 'error' ? answer.message : 'unexpected answer' }));
  }
  /** Betweenness runs in its own worker (src/worker/betweenness-worker.ts): progress, Cancel, sampled on big graphs. */
  let betweennessRun: BetweennessRun | null = null;
  async function requestBetweenness() {
    const s = store.get();
    if (s.view.status !== 'done') return;
    const { scenario, document } = s.view.value;
    const keys = document.nodes.map((n) => n.key);
    update(A.betweennessStarted);
    const run = startBetweenness(flowArrays(keys, document.edges), (done, total) => {
      if (betweennessRun === run) update((t) => A.betweennessProgressed(t, done, total));
    });
    betweennessRun = run;
    try {
      const result = await run.result;
      if (destroyed || betweennessRun !== run || !result) return;
      const values: Record<string, number> = {};
      keys.forEach((k, i) => (values[k] = result.values[i]!));
      betweennessRun = null;
      update((t) => A.betweennessFinished(t, { ok: true, scenario, values, sampled: result.sampled }));
    } catch (cause) {
      if (betweennessRun !== run) return;
      betweennessRun = null;
      update((t) => A.betweennessFinished(t, { ok: false, message: cause instanceof Error ? cause.message : String(cause) }));
    }
  }
  function cancelBetweenness() {
    betweennessRun?.cancel();
    betweennessRun = null;
  }

  // ------------------------------------------------------------ drawing
  const docOf = (s: A.AppState) => (s.view.status === 'done' ? s.view.value.document : null);
  const labelOf = (key: string) => {
    const doc = docOf(store.get());
    return (doc && nodeOf(doc, key)?.attributes.label) ?? key;
  };

  function positionsFor(s: A.AppState, ev: EngineView): Record<string, { x: number; y: number }> {
    if (s.layout !== 'force' || !view) return ev.layouts[s.layout === 'force' ? 'tiered' : s.layout];
    const current: Record<string, { x: number; y: number }> = { ...ev.layouts.tiered };
    view.graph().forEachNode((k, a) => (current[k] = { x: a.x, y: a.y }));
    return current;
  }
  /** Its flows left out: the graph view puts them in as sigma takes the graph (in slices when there are many). */
  function displayGraph(s: A.AppState, ev: EngineView): DisplayGraph {
    return buildDisplayGraph(ev, positionsFor(s, ev), s.countries === 'nodes', s.layout === 'tiered' ? 'column' : 'centroid', { detach: true });
  }
  /**
   * Each node's display size, worked out when the graph view asks (sigma's reducer, for the nodes it draws): a map
   * of every node was 145 ms of the task that brings a 300,000-node graph's figures (docs/scale.md, In the app).
   */
  function sizes(s: A.AppState): GraphUi['sizes'] {
    // A preview's figures are still being computed (and the report in hand is the graph before's).
    if (s.preview) return null;
    const report = A.currentReport(s);
    let values: Record<string, number> | null = null;
    if (s.whatIf.status === 'done') {
      // A what-if sizes nodes by what they lose (their colour says it too).
      const a = s.whatIf.value.availability;
      values = {};
      for (const k in a) values[k] = 1 - a[k]!;
    } else if (s.sizeBy === 'impact') {
      values = Object.fromEntries(A.spofOf(report, s.demand).map((c) => [c.key, c.impact]));
      if (s.demand) values[s.demand] = 1;
    } else if (s.sizeBy === 'throughput' && s.view.status === 'done') values = s.view.value.throughput;
    else if (s.sizeBy === 'betweenness' && s.betweenness.status === 'done') values = s.betweenness.value.values;
    else if (s.sizeBy.startsWith('attr:')) {
      // A numeric attribute of the nodes (negative and missing values: the smallest size).
      const name = s.sizeBy.slice(5);
      values = {};
      for (const n of docOf(s)?.nodes ?? []) {
        const v = (n.attributes as Record<string, unknown>)[name];
        if (typeof v === 'number' && v > 0) values[n.key] = v;
      }
    }
    if (!values) return null;
    // Reduced, not spread: spreading a value per node overflows the call stack at some hundred thousand nodes.
    const max = Object.values(values).reduce((m, v) => (v > m ? v : m), 0);
    const doc = docOf(s);
    if (!doc) return null;
    const of = values;
    return { get: (key) => (nodeOf(doc, key) ? nodeSize(of[key] ?? 0, max) : undefined) };
  }
  /** The nodes' colours and the legend's key (colour-by.ts), made again only when what they read changes. */
  let colourMemo: { inputs: unknown[]; value: Colouring } | null = null;
  function colouring(s: A.AppState): Colouring {
    const doc = docOf(s);
    const report = s.preview ? undefined : A.currentReport(s);
    const inputs = [doc, s.colorBy, s.colorBy === 'impact' ? report : null, s.colorBy === 'impact' ? s.demand : null];
    if (colourMemo && colourMemo.inputs.every((x, i) => x === inputs[i])) return colourMemo.value;
    let value: Colouring = { colors: null, key: null };
    if (doc) {
      const impact = s.colorBy === 'impact' ? Object.fromEntries(A.spofOf(report, s.demand).map((c) => [c.key, c.impact])) : null;
      value = colourNodes(doc.nodes, s.colorBy, impact, (v, by) => (by === 'country' ? countryLabel(v) : v));
    }
    colourMemo = { inputs, value };
    return value;
  }
  function graphUi(s: A.AppState) {
    const changes = A.comparing(s) && s.view.status === 'done' ? s.view.value.changes : null;
    const whatIf = s.whatIf.status === 'done' ? s.whatIf.value : null;
    return {
      selected: s.selection?.type === 'node' ? s.selection.key : null,
      selectedInput: s.selection?.type === 'input' ? s.selection.input : null,
      hiddenKinds: new Set<string>(s.filters.hiddenKinds),
      countryFilter: s.filters.country,
      inputFilter: s.filters.input,
      sizes: sizes(s),
      colors: colouring(s).colors,
      availability: whatIf?.availability ?? null,
      failed: new Set(whatIf?.failed ?? []),
      changedNodes: changes ? new Map([...changes.addedNodes.map((k) => [k, 'added'] as const), ...changes.changedNodes.map((k) => [k, 'changed'] as const)]) : null,
      changedEdges: changes ? new Map([...changes.addedEdges.map((k) => [k, 'added'] as const), ...changes.changedEdges.map((c) => [c.key, c.after >= c.before ? 'up' : 'down'] as const)]) : null,
    };
  }

  /** Re-renders a slot, keeping keyboard focus on the control that had it. */
  function fill(slot: HTMLElement, ...content: (HTMLElement | null)[]) {
    const active = document.activeElement;
    const id = active && slot.contains(active) ? (active.id ? `#${CSS.escape(active.id)}` : active.getAttribute('data-focus') ? `[data-focus="${CSS.escape(active.getAttribute('data-focus')!)}"]` : null) : null;
    slot.replaceChildren(...content.filter((c): c is HTMLElement => c !== null));
    if (id) (slot.querySelector<HTMLElement>(id) ?? slot).focus?.();
  }

  function renderPanels(s: A.AppState) {
    title.textContent = s.preview && s.view.status === 'done' ? s.view.value.document.attributes.title : s.loaded ? s.loaded.document.attributes.title : '';
    title.title = title.textContent;
    fill(scenarioSlot, renderScenarioBar(s, toolbar));
    fill(controlsSlot, renderViewControls(s, toolbar));
    if (s.preview) status.textContent = `Computing the figures of ${s.preview}…`;
    else if (s.load.status === 'error') {
      // With a graph on screen, the problems panel (src/ui/files) lists every problem; the status line stays one line.
      // One line, whatever the problems (the toolbar keeps its height); the problems panel lists them all.
      // Errors counted: a refused file's list also carries the guesses made while reading it (warnings, after them).
      const n = s.load.problems.filter(isError).length || s.load.problems.length;
      const first = s.load.problems[0];
      const all = s.load.problems.slice(0, 5).map(formatProblem).join('\n');
      if (s.loaded) status.replaceChildren(h('p', { className: 'error', title: all }, `Could not load ${s.load.file} (${n} problem${n === 1 ? '' : 's'}); the graph is unchanged.`));
      else status.replaceChildren(h('p', { className: 'error', title: all }, `Could not load ${s.load.file}: `, first ? h('span', { className: 'problem' }, formatProblem(first)) : null, n > 1 ? ` (and ${n - 1} more)` : ''));
    } else if (s.load.status === 'loading' || s.view.status === 'running') status.textContent = 'Working…';
    else if (s.view.status === 'error') status.replaceChildren(h('p', { className: 'error' }, s.view.message));
    else status.textContent = '';
    if (!s.loaded) return;
    robustness.sync(s);
    if (s.preview) {
      // The new graph is drawn; the panels wait for its figures rather than show the graph before's. The legend and the
      // filters keep their height, so that the canvas keeps its size (a resize re-indexes a big graph: a long task).
      for (const slot of [legendSlot, filtersSlot]) if (slot.childElementCount > 0) slot.style.minHeight = `${slot.getBoundingClientRect().height}px`;
      for (const slot of [legendSlot, filtersSlot, inspectorSlot]) fill(slot);
      fill(sidebar, h('section', { className: 'headline' }, h('p', {}, `Computing the figures of ${s.preview}…`)));
      return;
    }
    const legendActions: LegendActions = {
      setColorBy: (by) => update((t) => A.setColorBy(t, by)),
      toggleKind: (k) => update((t) => A.toggleKind(t, k)),
      setCountry: (c) => update((t) => A.setCountryFilter(t, c)),
      setInput: (i) => update((t) => A.setInputFilter(t, i)),
    };
    for (const slot of [legendSlot, filtersSlot]) slot.style.minHeight = '';
    fill(legendSlot, renderLegend(s, legendActions, colouring(s)));
    fill(filtersSlot, renderFilters(s, legendActions));
    const sel = s.selection?.type === 'node' ? s.selection.key : null;
    const inspector = sel && countryOfNodeKey(sel) === null ? renderInspector(s, sel, {
      selectNode, failNode, failCountry,
      centre: (k) => frameWithInspector(k),
      edit: (k) => editing.openNode(k),
      close: () => update((t) => A.select(t, null)),
    }) : null;
    fill(inspectorSlot, inspector);
    fill(sidebar,
      renderHeadline(s, { selectDemand: (k) => update((t) => A.selectDemand(t, k)), setFocus: (f) => update((t) => A.setFocus(t, f)), selectScenario: toolbar.selectScenario }, (id) => robustness.figure(s, id)),
      renderSupplyBought(s),
      robustness.panel(s),
      renderWhatIf(s, labelOf, {
        restoreNode: (n) => update((t) => A.restore(t, { node: n })), restoreCountry: (c) => update((t) => A.restore(t, { country: c })), reset: () => update(A.resetWhatIf), selectNode,
        failPart: (type, value) => (type === 'country' ? failCountry(value) : update((t) => SB.failPart(t, type, value))),
        restorePart: (type, value) => update((t) => SB.restorePart(t, type, value)),
        setCapacity: (part, k) => update((t) => SB.setCapacity(t, part, k)),
        takeShock: (id) => update((t) => SB.takeShock(t, id)),
        dropHit: (i) => update((t) => SB.dropHit(t, i)),
        saveShock: (label) => {
          const t = store.get();
          const attrs = t.loaded?.document.attributes;
          if (!attrs) return;
          const shocks = attrs.shocks ?? [];
          const id = freeId(slug(label, 'shock', 60), new Set(shocks.map((x) => x.id)));
          editing.submit('shock', { type: 'setGraphAttributes', attributes: { ...attrs, shocks: [...shocks, shockOfWhatIf(t.failure, id, label)] } }, `save shock ${id}`);
        },
      }),
      renderShockTable(s),
      renderRelianceChart(s, chartMode, { pickSet, failCountry, setMode: (m) => ((chartMode = m), renderPanels(store.get())) }),
      renderSpofTable(s, spofAll, { selectNode, failNode, toggleAll: () => ((spofAll = !spofAll), renderPanels(store.get())) }),
      renderChanges(s, labelOf, changesAll, { centreOn: (keys) => view?.centreOn(keys), toggleAll: () => ((changesAll = !changesAll), renderPanels(store.get())) }),
      renderConcentration(s, { selectInput }),
    );
  }

  /** Everything `graphUi` reads. */
  const uiInputs = (s: A.AppState) => [s.selection, s.filters, s.preview, s.loaded, s.sizeBy, s.demand, s.scenario, s.view, s.betweenness, s.whatIf, s.compare, s.colorBy];
  const sizeKeyOf = (s: A.AppState) =>
    `${s.sizeBy}|${s.demand}|${s.scenario}|${s.betweenness.status}|${s.view.status}|${s.preview}|${s.whatIf.status === 'done' ? JSON.stringify(s.whatIf.value.failure) : s.whatIf.status}`;
  /** The latest display graph asked for (an older one built in slices is dropped), and whether it is still being built. */
  let building = 0;
  let pendingBuild = false;
  /** Draws a new display graph (mounting the view the first time); true when it was drawn with the UI state of `s`. */
  function show(g: DisplayGraph, s: A.AppState): boolean {
    let withUi = false;
    if (!view) {
      view = mountGraphView(canvas, g, {
        onClickNode: (key) => {
          const country = countryOfNodeKey(key);
          if (country !== null) pickSet(country);
          // While the editor is open the graph is a workbench (drag to place, Shift+drag to connect): a click selects without moving the camera under the pointer.
          else if (editing.editor.isOpen()) selectNodeInPlace(key);
          else selectNode(key);
        },
        onClickStage: () => {
          view?.update({ matches: null });
          if (store.get().selection) update((t) => A.select(t, null));
        },
        // For tests and tests/bench/app.ts: the graph is on the canvas (figures may still be coming).
        onDrawn: (detail) => root.dispatchEvent(new CustomEvent('chokepoint:drawn', { detail, bubbles: true })),
      });
      editing.attach(view);
      mapLayers = mountMapLayers(view);
      markReady();
    } else {
      view.setGraph(g, graphUi(s));
      lastSizeKey = sizeKeyOf(s);
      withUi = true;
    }
    // Made at the first search: 10,000 entries are a long task while a big graph opens.
    search.setEntries(() => g.mapNodes((key, a) => ({
      key, label: a.fullLabel,
      detail: a.kind === 'country' ? 'country' : `${a.kind} · ${placeName(a.country)}`,
      haystack: `${a.fullLabel} ${key} ${a.country} ${placeName(a.country)}`.toLowerCase(),
    })));
    return withUi;
  }

  /**
   * A big graph is built in slices, the main thread free between them (docs/scale.md, In the app); the graph on
   * screen stays, untouched, until the new one is ready, which comes with the UI state of then.
   */
  function buildInSlices(build: number, s: A.AppState, ev: EngineView) {
    pendingBuild = true;
    // Its flows left out, as displayGraph's.
    void buildDisplayGraphInSlices(ev, positionsFor(s, ev), s.countries === 'nodes', s.layout === 'tiered' ? 'column' : 'centroid', { detach: true }).then((g) => {
      // A newer build owns the view.
      if (destroyed || build !== building) return;
      const now = store.get();
      const current = now.view.status === 'done' && now.view.value === ev && now.countries === s.countries;
      if (current && now.layout !== s.layout) return buildInSlices(build, now, ev);
      pendingBuild = false;
      // A big graph's picture before its figures: the panels' scans of its document are made while the figures are computed.
      if (current && now.preview) void warmDocument(ev);
      if (current && show(g, now)) return;
      view?.update(graphUi(now), { resize: true });
      lastSizeKey = sizeKeyOf(now);
    });
  }

  function onChange(s: A.AppState, prev: A.AppState) {
    // Betweenness progress (every 100 ms of its run) changes its text only: nothing else changed, and the Cancel button stays put.
    if (s.betweennessProgress !== prev.betweennessProgress && (Object.keys(s) as (keyof A.AppState)[]).every((k) => k === 'betweennessProgress' || s[k] === prev[k])) {
      const text = controlsSlot.querySelector('#betweenness-progress .progress-text');
      if (text) text.textContent = betweennessProgressText(s);
      else fill(controlsSlot, renderViewControls(s, toolbar));
      return;
    }
    // The autosave's status and the editor's count of edits on their way are drawn by the editing bar alone: the
    // panels are not drawn again for them (at 300,000 nodes each drawing of them is a quarter of a second).
    if (onlyEditingChanged(s, prev)) return;
    if (s.loaded && s.view.status === 'idle') void requestView(s.scenario);
    if (s.whatIf.status === 'running' && (prev.whatIf.status !== 'running' || s.failure !== prev.failure || s.scenario !== prev.scenario)) void requestWhatIf();
    // A run no longer wanted (another size, scenario or graph) stops; a wanted one starts.
    if (betweennessRun && (s.sizeBy !== 'betweenness' || s.betweenness.status !== 'running')) cancelBetweenness();
    if (s.sizeBy === 'betweenness' && s.betweenness.status === 'idle' && s.view.status === 'done') void requestBetweenness();

    const ev = s.view.status === 'done' ? s.view.value : null;
    // The graph's own country names ("XW": "Rest of the world") in every sentence and list.
    if (ev) useGraphCountries(ev.document.attributes.countries);
    const viewChanged = ev && (prev.view.status !== 'done' || prev.view.value !== ev);
    // A new graph is drawn with the UI state in one pass of sigma's reducers (each pass is long on a big graph).
    let drawnWithUi = false;
    if (ev && (viewChanged || s.countries !== prev.countries)) {
      const build = ++building;
      pendingBuild = false;
      if (ev.document.edges.length + ev.document.nodes.length > SLICED_BUILD_ITEMS) buildInSlices(build, s, ev);
      else drawnWithUi = show(displayGraph(s, ev), s);
    }
    // A drag in Tiers turns the view to "As in the file" while its edit is on its way (editing.ts): the nodes are
    // already where that layout puts them, so they are neither moved nor fitted.
    const dragged = prev.layout === 'tiered' && s.layout === 'file' && s.edit.pending > 0;
    if (view && ev && s.layout !== prev.layout && !viewChanged && !dragged) {
      if (s.layout === 'force') view.runForce(Math.min(8000, 1500 + 10 * ev.document.nodes.length), () => {});
      else {
        const positions = { ...ev.layouts[s.layout] };
        if (s.countries === 'nodes') {
          const nodes = ev.document.nodes.map((n) => ({ country: n.attributes.country, ...(positions[n.key] ?? { x: 0, y: 0 }) }));
          for (const [code, at] of countryPlaces(nodes, s.layout === 'tiered' ? 'column' : 'centroid')) positions[countryNodeKey(code)] = at;
        }
        view.moveTo(positions);
        // A link's camera (view-url-sync.ts) instead of the fit, when the link named this layout.
        setTimeout(() => {
          const camera = viewUrl.takeCamera();
          if (camera) view?.sigma.getCamera().setState(camera);
          else view?.fit();
        }, 450);
      }
    }
    // While a new graph is being built, the one on screen is left alone: the new one comes with the UI state of then.
    // A change that graphUi does not read (saving, the editor, files) leaves the graph alone too: each pass of the reducers is long on a big graph.
    const before = uiInputs(prev);
    if (view && !pendingBuild && (drawnWithUi || uiInputs(s).some((x, i) => x !== before[i]))) {
      // Sizes move the label grid, so only a change of them needs a full reindex.
      const sizeKey = sizeKeyOf(s);
      if (!drawnWithUi) view.update(graphUi(s), { resize: sizeKey !== lastSizeKey || s.filters !== prev.filters });
      lastSizeKey = sizeKey;
    }
    mapLayers?.sync(s);
    renderPanels(s);
    // A newly opened inspector takes the keyboard focus, so that Tab walks through it and Escape closes it.
    const opened = s.selection?.type === 'node' && (prev.selection?.type !== 'node' || prev.selection.key !== s.selection.key);
    if (opened) inspectorSlot.querySelector<HTMLElement>('#inspector')?.focus({ preventScroll: true });
  }
  const unsubscribe = store.subscribe(onChange);
  // The view in the URL: links that reopen it, Back and Forward (src/ui/view-url-sync.ts).
  const viewUrl = mountViewUrl(store, () => view?.sigma ?? null);

  const onKey = (e: KeyboardEvent) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === 'Escape' && store.get().selection) update((t) => A.select(t, null));
    else if (e.key === '/' && !typing) {
      e.preventDefault();
      root.querySelector<HTMLInputElement>('#search')?.focus();
    }
  };
  document.addEventListener('keydown', onKey);
  renderPanels(store.get());
  // What opens on start (src/ui/persist/start-work.ts): `?graph=`, the work saved in this browser, else the default graph; saved work is never lost.
  editing.setOpener((list) => void files.open(list));
  void startWork({ files, editing, loadDefault: () => void load(), settled: () => destroyed || store.get().loaded !== null });

  return {
    store,
    ready,
    screenPosition: (key) => view?.screenPosition(key) ?? null,
    mapStatus: () => mapLayers?.status() ?? null,
    labelBoxes: () => {
      const r = canvas.getBoundingClientRect();
      return (view?.labelBoxes() ?? []).map(({ key, box }) => ({ key, box: { ...box, x: box.x + r.left, y: box.y + r.top } }));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      viewUrl.destroy();
      document.removeEventListener('keydown', onKey);
      search.destroy();
      cancelBetweenness();
      robustness.destroy();
      mapLayers?.kill();
      view?.kill();
      files.destroy();
      editing.destroy();
      engine.kill();
      root.replaceChildren();
    },
  };
}

