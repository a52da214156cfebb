/**
 * The typed messages between the app and its engine worker. Every request
 * carries an id; the worker answers each with exactly one response of the
 * same id: its result, or `error` with a message for people.
 */
import type { Problem } from '../model/problem.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { Report } from '../report/model.ts';

export type LayoutName = 'tiered' | 'geographic';
export type Positions = Record<string, { x: number; y: number }>;

/** What a scenario changed, against baseline: node keys and edge keys. */
export interface ScenarioChanges {
  addedNodes: string[];
  removedNodes: string[];
  changedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
  /** Edges whose value (or input) changed, with both values. */
  changedEdges: { key: string; before: number; after: number }[];
}

export interface WhatIfFailure {
  nodes: string[];
  /** Every node of these countries stops, except demand nodes (the ones whose loss is measured). */
  countries: string[];
}

export type EngineRequest =
  | { type: 'load'; id: number; text: string; file?: string }
  | { type: 'view'; id: number; scenario: string }
  | { type: 'whatIf'; id: number; scenario: string; failure: WhatIfFailure }
  | { type: 'betweenness'; id: number; scenario: string };

export interface LoadedGraph {
  document: GraphDocument;
  warnings: Problem[];
  /** buildReport on the graph: baseline and every scenario, the same as `chokepoint report`. */
  report: Report;
}

/** A scenario's graph as the app draws it. */
export interface GraphView {
  scenario: string;
  document: GraphDocument;
  changes: ScenarioChanges;
  /** Each node's throughput: the larger of the values it receives and sends. */
  throughput: Record<string, number>;
  /** Each edge's share of its target's input (metrics.md §1); null where the input's total is 0. */
  shares: Record<string, number | null>;
  /** Positions of the tiered and geographic layouts (computed on baseline, so that a node stays put across scenarios). */
  layouts: Record<LayoutName, Positions>;
}

export interface WhatIfResult {
  scenario: string;
  failure: WhatIfFailure;
  /** The nodes failed (a(n) = 0). */
  failed: string[];
  /** a(n) for every node, metrics.md §2. */
  availability: Record<string, number>;
  /** 1 − a(d) for every demand node, largest first. */
  demandLoss: { demand: string; label: string; loss: number }[];
}

export type EngineResult =
  | { type: 'load'; result: { ok: true; loaded: LoadedGraph } | { ok: false; problems: Problem[] } }
  | { type: 'view'; view: GraphView }
  | { type: 'whatIf'; result: WhatIfResult }
  | { type: 'betweenness'; scenario: string; values: Record<string, number> }
  | { type: 'error'; message: string };

export type EngineResponse = { id: number } & EngineResult;
