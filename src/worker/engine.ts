/**
 * The engine behind the worker: loads a graph, applies scenarios, builds
 * reports and what-if availability with the engine's own functions. No DOM:
 * it runs in the worker and, for tests, in Node.
 */
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import { loadNativeText } from '../io/load-native.ts';
import { geographicLayout } from '../layout/geographic.ts';
import { tieredLayout } from '../layout/tiered.ts';
import { toDocument, type SupplyGraph } from '../model/graph.ts';
import { availability } from '../metrics/availability.ts';
import { edgeShares } from '../metrics/shares.ts';
import { buildSupplyIndex } from '../metrics/supply-index.ts';
import { buildReport } from '../report/model.ts';
import { applyScenario, scenariosOf } from '../scenarios/apply.ts';
import type { EngineRequest, EngineResult, GraphView, LayoutName, Positions, ScenarioChanges, WhatIfFailure, WhatIfResult } from './protocol.ts';

export const BASELINE = 'baseline';
/** Columns closer than the default, so that the chain fills a canvas about as tall as it is wide. */
const TIERED = { columnGap: 9 };

export class Engine {
  private baseline: SupplyGraph | null = null;
  private scenarios = new Map<string, SupplyGraph>();
  private layouts: Record<LayoutName, Positions> | null = null;

  handle(request: EngineRequest): EngineResult {
    try {
      switch (request.type) {
        case 'load':
          return { type: 'load', result: this.load(request.text, request.file) };
        case 'view':
          return { type: 'view', view: this.view(request.scenario) };
        case 'whatIf':
          return { type: 'whatIf', result: this.whatIf(request.scenario, request.failure) };
        case 'betweenness':
          return { type: 'betweenness', scenario: request.scenario, values: this.betweenness(request.scenario) };
      }
    } catch (cause) {
      return { type: 'error', message: cause instanceof Error ? cause.message : String(cause) };
    }
  }

  /** A failed load keeps the graph loaded before. */
  load(text: string, file?: string): Extract<EngineResult, { type: 'load' }>['result'] {
    const result = loadNativeText(text, file);
    if (!result.ok) return { ok: false, problems: result.problems };
    const report = buildReport(result.graph);
    this.baseline = result.graph;
    this.scenarios = new Map([[BASELINE, result.graph]]);
    this.layouts = null;
    return { ok: true, loaded: { document: result.document, warnings: result.warnings, report } };
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
    if (!this.layouts) {
      const plain = (m: Map<string, { x: number; y: number }>) => Object.fromEntries(m);
      this.layouts = { tiered: plain(tieredLayout(base, TIERED)), geographic: plain(geographicLayout(base)) };
    }
    let layouts = this.layouts;
    if (graph !== base && graph.someNode((k) => !base.hasNode(k))) {
      // Nodes a scenario adds get the positions of a layout of the scenario's graph.
      const own = { tiered: tieredLayout(graph, TIERED), geographic: geographicLayout(graph) };
      const fill = (name: LayoutName) => {
        const out = { ...layouts[name] };
        graph.forEachNode((k) => {
          if (!out[k]) out[k] = own[name].get(k)!;
        });
        return out;
      };
      layouts = { tiered: fill('tiered'), geographic: fill('geographic') };
    }
    return { scenario, document: toDocument(graph), changes: diffGraphs(base, graph), throughput: throughput(graph), shares: Object.fromEntries(edgeShares(graph)), layouts };
  }

  whatIf(scenario: string, failure: WhatIfFailure): WhatIfResult {
    const graph = this.graph(scenario);
    const ix = buildSupplyIndex(graph);
    const countries = new Set(failure.countries);
    const failed: string[] = [];
    graph.forEachNode((key, attrs) => {
      if (failure.nodes.includes(key) || (countries.has(attrs.country) && attrs.kind !== 'demand')) failed.push(key);
    });
    const a = availability(ix, failed.map((k) => ix.indexOf.get(k)!));
    const out: Record<string, number> = {};
    ix.keys.forEach((k, i) => (out[k] = a[i]!));
    const demandLoss = graph
      .filterNodes((_k, attrs) => attrs.kind === 'demand')
      .map((d) => ({ demand: d, label: graph.getNodeAttribute(d, 'label'), loss: 1 - out[d]! }))
      .sort((p, q) => q.loss - p.loss || (p.demand < q.demand ? -1 : 1));
    return { scenario, failure, failed, availability: out, demandLoss };
  }

  betweenness(scenario: string): Record<string, number> {
    return betweenness(this.graph(scenario), { normalized: true });
  }
}

export function throughput(graph: SupplyGraph): Record<string, number> {
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  graph.forEachEdge((_e, attrs, s, t) => {
    outflow.set(s, (outflow.get(s) ?? 0) + attrs.value);
    inflow.set(t, (inflow.get(t) ?? 0) + attrs.value);
  });
  const out: Record<string, number> = {};
  graph.forEachNode((k) => (out[k] = Math.max(inflow.get(k) ?? 0, outflow.get(k) ?? 0)));
  return out;
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
