/**
 * The typed messages between the app and its engine worker. Every request
 * carries an id; the worker answers each with exactly one response of the
 * same id: its result, or `error` with a message for people.
 */
import type { EditCommand } from '../edit/commands.ts';
import type { Problem } from '../model/problem.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { Report } from '../report/model.ts';
import type { Mapping } from '../io/mapping.ts';
import type { ExportFormat } from '../io/write.ts';
import type { GraphFormat } from '../io/formats/types.ts';
import type { Unavailable } from '../io/formats/draft.ts';

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
  | { type: 'betweenness'; id: number; scenario: string }
  // Editing (docs/app.md, Editing): the worker owns the working graph and its history.
  | { type: 'edit'; id: number; command: EditCommand; label: string }
  | { type: 'undo'; id: number }
  | { type: 'redo'; id: number }
  | { type: 'newGraph'; id: number }
  | { type: 'revert'; id: number }
  /** A working graph saved in the browser, with the file text it started from (answered as a `load`). */
  | { type: 'restore'; id: number; text: string; original: string; file?: string }
  // Files (docs/app.md, Opening and saving): any format, exports and reports.
  /** Files to open (a graph in any format, a CSV pair, a zip, scenarios files); without `mapping`, may stop at the mapping step. */
  | { type: 'open'; id: number; files: OpenFile[]; file: string; mapping?: Mapping }
  /** `withoutGraphFile`: CSV for tools that want exactly two files (what is left out comes back in `lost`). */
  | { type: 'export'; id: number; format: ExportFormat; baseName: string; withoutGraphFile?: boolean }
  | { type: 'report'; id: number; format: ReportFormat; scenarios: string[]; demand: string[]; png?: string; baseName: string; madeAt: string };

/** The undo and redo labels (null: nothing to undo / redo) and how many edits can be undone. */
export interface HistoryInfo {
  undo: string | null;
  redo: string | null;
  edits: number;
}

/** An edit's answer: the graph recomputed, or why it was refused (the graph unchanged). */
export type EditOutcome = { ok: true; loaded: LoadedGraph; history: HistoryInfo } | { ok: false; problems: Problem[]; history: HistoryInfo };

export interface LoadedGraph {
  document: GraphDocument;
  warnings: Problem[];
  /** buildReport on the graph: baseline and every scenario, the same as `chokepoint report`. */
  report: Report;
  /** Figures a graph opened from another format cannot give (no kinds, no countries…), and why. */
  unavailable?: Unavailable[];
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
  | { type: 'edited'; result: EditOutcome }
  | { type: 'open'; result: OpenReply }
  | { type: 'export'; file: SavedFile; lost: string[] }
  | { type: 'report'; file: SavedFile }
  | { type: 'error'; message: string };

export type EngineResponse = { id: number } & EngineResult;

// ------------------------------------------------------------------ files

/** A file as the page read it; its bytes are transferred to the worker. */
export interface OpenFile {
  name: string;
  bytes: Uint8Array;
}
/** A file made in the worker, for download. */
export interface SavedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}
export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The answer to `open`: the graph loaded (its figures), the mapping step, or every problem (the graph in hand unchanged). */
export type OpenReply =
  | { status: 'loaded'; loaded: LoadedGraph & { unavailable: Unavailable[] }; scenariosAdded: boolean }
  /** `fields`: what Chokepoint needs from each side (NODE_FIELDS, EDGE_FIELDS), sent so the page need not load the mapping schema. */
  | { status: 'mapping'; format: GraphFormat; columns: { nodes: string[]; edges: string[] }; guess: Mapping; fields: { nodes: string[]; edges: string[] } }
  | { status: 'failed'; problems: Problem[] };

/** Sent before the answer while a long `open` runs (same id); never the answer itself. */
export interface EngineProgress {
  id: number;
  type: 'progress';
  phase: string;
}

/**
 * Sent during an `open`, once the graph is checked and laid out and before its
 * figures are computed (same id): the baseline view, so that the page draws the
 * graph while the worker computes the report. The answer may still be an error.
 */
export interface EnginePreview {
  id: number;
  type: 'preview';
  view: GraphView;
}

// ------------------------------------------------------------------ betweenness

/**
 * From the betweenness worker (src/worker/betweenness-worker.ts), which gets the flows as
 * compressed rows: progress in sources done, then the values in node order (`sampled`: how many
 * sources the estimate used; null when exact).
 */
export type BetweennessMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; values: Float64Array; sampled: number | null };
