/**
 * The engine behind the worker: loads a graph, applies scenarios, builds
 * reports and what-if availability with the engine's own functions. No DOM:
 * it runs in the worker and, for tests, in Node.
 */
import { loadNativeText } from '../io/load-native.ts';
import { writeNativeText } from '../io/write-native.ts';
import { geographicLayout } from '../layout/geographic.ts';
import { tieredLayout } from '../layout/tiered.ts';
import { filePositions } from '../layout/file-positions.ts';
import { toDocument, type SupplyGraph } from '../model/graph.ts';
import type { Problem } from '../model/problem.ts';
import type { GraphDocument } from '../model/schema.ts';
import { availability } from '../metrics/availability.ts';
import { flowShares } from '../metrics/shares.ts';
import { buildSupplyIndex } from '../metrics/supply-index.ts';
import { demandNodes } from '../metrics/reliance.ts';
import { boughtBeforeAfter } from '../metrics/bought.ts';
import { shockLost } from '../metrics/shock-loss.ts';
import { indexShock } from '../report/shocks.ts';
import { whatIfHits } from './what-if-hits.ts';
import { buildReport } from '../report/model.ts';
import { applyScenario, scenariosOf } from '../scenarios/apply.ts';
import type { Mapping } from '../io/mapping.ts';
import { exportGraph, openFiles, reportFile } from './engine-files.ts';
import { emptyDocument, EditSession, replaceGraphCommand } from './edit-session.ts';
import type { EditCommand } from '../edit/commands.ts';
import { BASELINE, type OpenFile, type OpenReply } from './protocol.ts';
import type { EditOutcome, EngineRequest, EngineResult, GraphView, LayoutName, Positions, PreviewAhead, ScenarioChanges, WhatIfFailure, WhatIfResult } from './protocol.ts';

/**
 * Columns closer than the default, so that the chain fills a canvas about as tall as it is wide;
 * on big graphs, whose columns are thousands of rows tall, columns apart enough for that (minAspect).
 */
const TIERED = { columnGap: 9, minAspect: 0.8 };

export class Engine {
  private baseline: SupplyGraph | null = null;
  private scenarios = new Map<string, SupplyGraph>();
  private layouts: Record<Computed, Positions> | null = null;
  private session = new EditSession();
  /** The document last sent to the page (the one it shows and its autosave keeps). */
  private shown: GraphDocument | null = null;
  /**
   * The work's starting point, for the autosave's `original`: the document the graph was loaded as (dropped once
   * written as text) and its text (given by a restore, else written from the document when first needed).
   */
  private start: { document: GraphDocument | null; text: string | null } = { document: null, text: null };

  /**
   * `progress` hears the phases of a long `open` (the worker posts them);
   * `preview` gets the baseline view of a graph being opened, before its figures are computed, and `previewAhead`
   * that view's document and flow figures first, before its layouts (the worker sends them ahead: the page
   * decodes them and begins the picture meanwhile).
   */
  handle(request: EngineRequest, progress: (phase: string) => void = () => {}, preview?: (view: GraphView) => void, previewAhead?: (ahead: PreviewAhead) => void): EngineResult {
    try {
      switch (request.type) {
        case 'load':
          return { type: 'load', result: this.load(request.text, request.file) };
        case 'view':
          return { type: 'view', view: this.view(request.scenario) };
        case 'whatIf':
          return { type: 'whatIf', result: this.whatIf(request.scenario, request.failure) };
        case 'edit':
          return { type: 'edited', result: this.edit(request.command, request.label) };
        case 'undo':
        case 'redo':
          return { type: 'edited', result: this.step(request.type) };
        case 'newGraph':
          return { type: 'edited', result: this.edit(replaceGraphCommand(this.working(), emptyDocument(), 'new graph'), 'new graph') };
        case 'revert':
          return { type: 'edited', result: this.revert() };
        case 'restore':
          return { type: 'load', result: this.load(request.text, request.file, request.original) };
        case 'open':
          return { type: 'open', result: this.open(request.files, request.file, request.mapping, progress, preview, previewAhead) };
        case 'export':
          return { type: 'export', ...exportGraph(this.graph(BASELINE), request.format, request.baseName, request.withoutGraphFile) };
        case 'report':
          return { type: 'report', file: reportFile(this.graph(BASELINE), request) };
      }
    } catch (cause) {
      return { type: 'error', message: cause instanceof Error ? cause.message : String(cause) };
    }
  }

  /** Any format, or scenarios files onto the graph in hand; the graph they give is adopted as a loaded one. */
  open(files: OpenFile[], file: string, mapping: Mapping | undefined, progress: (phase: string) => void, preview?: (view: GraphView) => void, previewAhead?: (ahead: PreviewAhead) => void): OpenReply {
    // The picture is sent as soon as the graph's nodes and flows are checked, while its scenarios are (a file of
    // scenarios alone has no such step: its preview, if any, comes in `adopt`).
    const shown: { graph?: SupplyGraph; layouts?: Record<Computed, Positions>; document?: GraphDocument } = {};
    const send = preview;
    const onGraph = send
      ? (graph: SupplyGraph) => {
          const document = keyedDocument(graph);
          const figures = flowFigures(graph);
          previewAhead?.({ document, ends: figures.ends, shares: figures.shares });
          const layouts = baseLayouts(graph);
          const view = graphView(BASELINE, graph, graph, layouts, { document, figures });
          Object.assign(shown, { graph, layouts, document: view.document });
          send(view);
        }
      : undefined;
    const step = openFiles(this.baseline, files, mapping, progress, onGraph);
    if ('reply' in step) return step.reply;
    progress('figures');
    const drawn = shown.graph === step.graph;
    // The graph as the files hold it is the one to revert to: kept as native text, since edits change the graph in
    // place; written at the first edit or revert (1 s at 100,000 nodes that neither the picture nor the figures wait for).
    // The document drawn is the one loaded (the graph's own, as after an edit): the worker need not send it twice (sameAsPreview).
    const document = drawn ? shown.document! : step.document;
    const loaded = this.adopt(step.graph, document, step.warnings, { text: () => writeNativeText(step.graph), file }, drawn ? undefined : preview, drawn ? shown.layouts : undefined);
    return { status: 'loaded', loaded: { ...loaded, unavailable: step.unavailable }, scenariosAdded: step.scenariosAdded };
  }

  /** A failed load keeps the graph loaded before. */
  load(text: string, file?: string, original?: string): Extract<EngineResult, { type: 'load' }>['result'] {
    const result = loadNativeText(text, file);
    if (!result.ok) return { ok: false, problems: result.problems };
    const loaded = this.adopt(result.graph, result.document, result.warnings, { text: () => original ?? text, file });
    // A restore's work started from the file it names, not from the text it was saved as.
    if (original !== undefined) this.start = { document: null, text: original };
    return { ok: true, loaded };
  }

  /**
   * The autosave's two texts (src/persist/session-store.ts): the document the page shows as native JSON, and the
   * text of the one the work started from, the same string while no edit has changed it. Written here, not on the
   * page: at 100,000 nodes writing and storing them were main-thread tasks of 0.6 and 1.0 s (docs/scale.md).
   */
  savedTexts(): { text: string; original: string } {
    if (!this.shown) throw new Error('no graph is loaded yet');
    const text = JSON.stringify(this.shown);
    if (this.start.text === null) this.start.text = this.start.document === this.shown ? text : JSON.stringify(this.start.document);
    this.start.document = null;
    return { text, original: this.start.text };
  }

  /**
   * A validated graph becomes the one in hand: its report, and the picture before it when `preview` is given.
   * The text to revert to is asked for by the edit session when it is needed (writing it is not free: see `open`).
   */
  private adopt(graph: SupplyGraph, document: GraphDocument, warnings: Problem[], original: { text: () => string; file?: string | undefined }, preview?: (view: GraphView) => void, shownLayouts?: Record<Computed, Positions>) {
    // The picture before the figures: on a large graph the report takes seconds, the layouts and the view a fraction of that (docs/scale.md, In the app).
    const layouts = shownLayouts ?? (preview ? baseLayouts(graph) : null);
    if (preview && layouts) preview(graphView(BASELINE, graph, graph, layouts));
    const report = buildReport(graph);
    this.baseline = graph;
    this.scenarios = new Map([[BASELINE, graph]]);
    this.layouts = layouts;
    this.session.reset(original);
    this.shown = document;
    this.start = { document, text: null };
    return { document, warnings, report };
  }

  // ---------------------------------------------------------------- editing

  private working(): SupplyGraph {
    if (!this.baseline) throw new Error('no graph is loaded yet');
    return this.baseline;
  }

  edit(command: EditCommand, label: string): EditOutcome {
    const result = this.session.edit(this.working(), command, label);
    if (!result.ok) return { ok: false, problems: result.problems, history: this.session.info() };
    return this.edited();
  }

  private step(direction: 'undo' | 'redo'): EditOutcome {
    this.session[direction](this.working());
    return this.edited();
  }

  private revert(): EditOutcome {
    const original = this.session.original;
    if (!original) throw new Error('no file to revert to');
    const result = loadNativeText(original.text, original.file);
    if (!result.ok) return { ok: false, problems: result.problems, history: this.session.info() };
    // The graph is the file already: a revert would only add a step to undo that changes nothing.
    if (writeNativeText(result.graph) === writeNativeText(this.working())) return this.edited();
    return this.edit(replaceGraphCommand(this.working(), result.document, 'revert to file'), 'revert to file');
  }

  /** After a change of the working graph: scenarios recomputed, positions of existing nodes kept. */
  private edited(): EditOutcome {
    const graph = this.working();
    this.scenarios = new Map([[BASELINE, graph]]);
    if (this.layouts) this.layouts = keepPositions(this.layouts, graph);
    this.shown = keyedDocument(graph);
    return { ok: true, loaded: { document: this.shown, warnings: [], report: buildReport(graph) }, history: this.session.info() };
  }

  private graph(scenario: string): SupplyGraph {
    if (!this.baseline) throw new Error('no graph is loaded yet');
    const cached = this.scenarios.get(scenario);
    if (cached) return cached;
    const found = scenariosOf(this.baseline).find((s) => s.id === scenario);
    if (!found) throw new Error(`no scenario "${scenario}" in this graph`);
    const result = applyScenario(this.baseline, found);
    if (!result.ok) throw new Error(result.error.message);
    this.scenarios.set(scenario, result.graph);
    return result.graph;
  }

  view(scenario: string): GraphView {
    const graph = this.graph(scenario);
    const base = this.graph(BASELINE);
    this.layouts ??= baseLayouts(base);
    return graphView(scenario, graph, base, this.layouts);
  }

  whatIf(scenario: string, failure: WhatIfFailure): WhatIfResult {
    const graph = this.graph(scenario);
    const ix = buildSupplyIndex(graph);
    // The what-if is a shock (metrics.md §8): capacities on the nodes its hits match, the smallest where several do.
    const { indexed } = indexShock(graph, ix, { hits: whatIfHits(failure) });
    const failedIx: number[] = [];
    const floors = { nodes: [] as number[], loss: [] as number[] };
    const failed: string[] = [];
    const partial: Record<string, number> = {};
    for (let i = 0; i < indexed.nodes.length; i++) {
      const v = indexed.nodes[i]!;
      const k = indexed.capacity[i]!;
      if (k <= 0) (failedIx.push(v), failed.push(ix.keys[v]!));
      else if (k < 1) (floors.nodes.push(v), floors.loss.push(1 - k), (partial[ix.keys[v]!] = k));
    }
    const a = availability(ix, failedIx, floors);
    const out: Record<string, number> = {};
    ix.keys.forEach((k, i) => (out[k] = a[i]!));
    const demands = demandNodes(ix);
    const lost = shockLost(ix, indexed, demands);
    const demandLoss = demands
      .map((d, i) => ({ demand: ix.keys[d]!, label: graph.getNodeAttribute(ix.keys[d]!, 'label'), loss: lost[i]! }))
      .sort((p, q) => q.loss - p.loss || (p.demand < q.demand ? -1 : 1));
    return { scenario, failure, failed, partial, availability: out, demandLoss };
  }
}

/** The layouts the engine computes ("as in the file" reads the nodes' own places on top of the tiered one). */
type Computed = Exclude<LayoutName, 'file'>;

/** The tiered and geographic layouts of the baseline graph (the ones every scenario's view starts from). */
function baseLayouts(base: SupplyGraph): Record<Computed, Positions> {
  const plain = (m: Map<string, { x: number; y: number }>) => Object.fromEntries(m);
  return { tiered: plain(tieredLayout(base, TIERED)), geographic: plain(geographicLayout(base)) };
}

/** A scenario's graph as the app draws it, on the baseline's layouts (`made`: its keyed document and flow figures, when already made). */
function graphView(scenario: string, graph: SupplyGraph, base: SupplyGraph, baseline: Record<Computed, Positions>, made?: { document: GraphDocument; figures: ReturnType<typeof flowFigures> }): GraphView {
  let layouts = storedPositions(baseline, base);
  if (graph !== base && graph.someNode((k) => !base.hasNode(k))) {
    // Nodes a scenario adds get the positions of a layout of the scenario's graph.
    const tiered = tieredLayout(graph, TIERED);
    const own = { tiered, geographic: geographicLayout(graph), file: tiered };
    const fill = (name: LayoutName) => {
      const out = { ...layouts[name] };
      graph.forEachNode((k) => {
        if (!out[k]) out[k] = own[name].get(k)!;
      });
      return out;
    };
    layouts = { tiered: fill('tiered'), geographic: fill('geographic'), file: fill('file') };
  }
  return { scenario, document: made?.document ?? keyedDocument(graph), changes: diffGraphs(base, graph), ...(made?.figures ?? flowFigures(graph)), layouts, bought: boughtBeforeAfter(base, graph) };
}

/**
 * The document with every edge's key, generated ones (`~12`) included: the app
 * names flows by these keys in edits, and after an edit a flow's
 * position in the list no longer tells its generated key.
 */
export function keyedDocument(graph: SupplyGraph) {
  const doc = toDocument(graph);
  let i = 0;
  graph.forEachEdge((key) => {
    doc.edges[i++]!.key = key;
  });
  return doc;
}

/** "As in the file": the nodes' own `x` and `y` (from the file, or a drag in the editor), the tiered places for the rest. */
function storedPositions(layouts: Record<Computed, Positions>, graph: SupplyGraph): Record<LayoutName, Positions> {
  const own: [string, Record<string, unknown>][] = [];
  graph.forEachNode((k, a) => own.push([k, a as Record<string, unknown>]));
  return { ...layouts, file: filePositions(own, layouts.tiered) };
}

/** Nodes already placed stay where they are; new ones take their place in a fresh layout; removed ones go. */
function keepPositions(layouts: Record<Computed, Positions>, graph: SupplyGraph): Record<Computed, Positions> {
  const missing = graph.someNode((k) => !layouts.tiered[k] || !layouts.geographic[k]);
  const fresh = missing ? { tiered: tieredLayout(graph, TIERED), geographic: geographicLayout(graph) } : null;
  const keep = (name: Computed): Positions => {
    const out: Positions = {};
    graph.forEachNode((k) => {
      const p = layouts[name][k] ?? fresh?.[name].get(k);
      if (p) out[k] = p;
    });
    return out;
  };
  return { tiered: keep('tiered'), geographic: keep('geographic') };
}

/** The view's figures of every flow and node: each flow's ends and share (flowShares), each node's throughput, the larger of the values it receives and sends. */
export function flowFigures(graph: SupplyGraph): Pick<GraphView, 'ends' | 'shares' | 'throughput'> {
  const { ends, values, shares } = flowShares(graph);
  const received = new Float64Array(graph.order);
  const sent = new Float64Array(graph.order);
  for (let e = 0; e < values.length; e++) {
    const [s, t] = [ends[2 * e]!, ends[2 * e + 1]!];
    sent[s] = sent[s]! + values[e]!;
    received[t] = received[t]! + values[e]!;
  }
  const throughput: Record<string, number> = {};
  let n = 0;
  graph.forEachNode((k) => {
    throughput[k] = Math.max(received[n]!, sent[n]!);
    n++;
  });
  return { ends, shares, throughput };
}

export function diffGraphs(before: SupplyGraph, after: SupplyGraph): ScenarioChanges {
  const changes: ScenarioChanges = { addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] };
  if (before === after) return changes;
  after.forEachNode((k, attrs) => {
    if (!before.hasNode(k)) changes.addedNodes.push(k);
    else if (JSON.stringify(attrs) !== JSON.stringify(before.getNodeAttributes(k))) changes.changedNodes.push(k);
  });
  before.forEachNode((k) => {
    if (!after.hasNode(k)) changes.removedNodes.push(k);
  });
  after.forEachEdge((e, attrs) => {
    if (!before.hasEdge(e)) changes.addedEdges.push(e);
    else {
      const old = before.getEdgeAttributes(e);
      if (old.value !== attrs.value || old.input !== attrs.input) changes.changedEdges.push({ key: e, before: old.value, after: attrs.value });
    }
  });
  before.forEachEdge((e) => {
    if (!after.hasEdge(e)) changes.removedEdges.push(e);
  });
  return changes;
}
