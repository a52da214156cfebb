/**
 * The worker's editing session: the working graph's undo history, the text
 * of the file it came from (for "revert to file"), and the edits that replace
 * the whole graph ("new graph", "revert"), written as one batch of ordinary
 * commands so that they too can be undone.
 */
import { applyCommand, type EditCommand } from '../edit/commands.ts';
import { canRedo, canUndo, EMPTY_HISTORY, edit, redo, undo, type History } from '../edit/history.ts';
import { isGeneratedEdgeKey, type SupplyGraph } from '../model/graph.ts';
import type { Problem } from '../model/problem.ts';
import type { GraphAttributes, GraphDocument } from '../model/schema.ts';
import { failingScenarios } from '../scenarios/apply.ts';
import { blindHits } from '../scenarios/shock-hits.ts';
import type { HistoryInfo } from './protocol.ts';

export const NEW_GRAPH_TITLE = 'Untitled supply graph';

export function emptyDocument(): GraphDocument {
  return { attributes: { format: 'chokepoint-graph', version: 1, title: NEW_GRAPH_TITLE, currency: 'USD' }, nodes: [], edges: [] };
}

/** The attributes without what is checked against the nodes (scenarios, shocks), parked while the nodes change. */
const withoutScenarios = (a: GraphAttributes): GraphAttributes => {
  const { scenarios: _drop, shocks: _park, ...rest } = a;
  return rest as GraphAttributes;
};

/**
 * One batch that turns `graph` into `doc`: park the scenarios, remove every
 * flow and node, set the new attributes, add the new nodes and flows, then the new
 * scenarios (checked on the complete graph). Its inverse runs the same steps
 * backwards, so undo brings back the graph exactly.
 */
export function replaceGraphCommand(graph: SupplyGraph, doc: GraphDocument, label: string): EditCommand {
  const commands: EditCommand[] = [{ type: 'setGraphAttributes', attributes: withoutScenarios(structuredClone(graph.getAttributes())) }];
  // Flows, then nodes, removed last first: undo adds them back in their order.
  for (const key of graph.edges().reverse()) commands.push({ type: 'removeEdge', key });
  for (const key of graph.nodes().reverse()) commands.push({ type: 'removeNode', key });
  commands.push({ type: 'setGraphAttributes', attributes: withoutScenarios(structuredClone(doc.attributes)) });
  for (const n of doc.nodes) commands.push({ type: 'addNode', key: n.key, attributes: structuredClone(n.attributes) });
  for (const e of doc.edges) {
    const key = e.key !== undefined && !isGeneratedEdgeKey(e.key) ? e.key : undefined;
    commands.push({ type: 'addEdge', ...(key !== undefined ? { key } : {}), source: e.source, target: e.target, attributes: structuredClone(e.attributes) });
  }
  commands.push({ type: 'setGraphAttributes', attributes: structuredClone(doc.attributes) });
  return { type: 'batch', label, commands };
}

/** Scenarios that no longer apply after a change of the nodes or flows (e.g. a removed node a scenario sets). */
export function brokenScenarios(graph: SupplyGraph): Problem[] {
  return failingScenarios(graph).map(({ at, scenario, error }) => ({
    severity: 'error',
    path: `attributes.scenarios[${at}].ops[${error.index}]`,
    expected: `${error.expected} (scenario "${scenario.label}" needs it; change or remove that operation first)`,
    found: error.found,
  }));
}

/** Shocks a change of the nodes leaves with a hit that matches nothing (the file would no longer load). */
export function brokenShocks(graph: SupplyGraph): Problem[] {
  return blindHits(graph).map(({ at, shock, hit }) => ({
    severity: 'error',
    path: `attributes.shocks[${at}].hits[${hit}].where`,
    expected: `a node that hit ${hit} of shock "${shock.label}" matches (change or remove that hit first)`,
    found: 'none left',
  }));
}

export type SessionResult = { ok: true } | { ok: false; problems: Problem[] };

export class EditSession {
  history: History = EMPTY_HISTORY;
  private file: { text: string | (() => string); file?: string | undefined } | null = null;

  /**
   * `text` may be a function, called at the first edit or revert: writing a big graph's text takes a second at
   * 100,000 nodes that opening it need not wait for; it must be called before the graph changes.
   */
  reset(original: { text: string | (() => string); file?: string | undefined } | null): void {
    this.history = EMPTY_HISTORY;
    this.file = original;
  }

  /** The text of the file the session started from, and its name. */
  get original(): { text: string; file?: string | undefined } | null {
    this.writeText();
    return this.file as { text: string; file?: string | undefined } | null;
  }

  /** Writes the text to revert to, if it was left to a function: before the graph changes. */
  private writeText(): void {
    if (this.file && typeof this.file.text === 'function') this.file = { ...this.file, text: this.file.text() };
  }

  /** Applies a checked edit; one that would break a scenario is taken back and refused. */
  edit(graph: SupplyGraph, command: EditCommand, label: string): SessionResult {
    this.writeText();
    const result = edit(graph, this.history, command, label);
    if (!result.ok) return { ok: false, problems: result.problems };
    // Setting the graph attributes checks the scenarios against the graph as it then is (edit/commands.ts), alone or
    // as the last step of a batch (a new graph, a revert): not checked twice.
    const checked = command.type === 'setGraphAttributes' || (command.type === 'batch' && command.commands.at(-1)?.type === 'setGraphAttributes');
    const broken = checked ? [] : [...brokenScenarios(graph), ...brokenShocks(graph)];
    if (broken.length > 0) {
      const last = result.history.done[result.history.done.length - 1]!;
      applyCommand(graph, last.command);
      return { ok: false, problems: broken };
    }
    this.history = result.history;
    return { ok: true };
  }

  undo(graph: SupplyGraph): void {
    this.history = undo(graph, this.history);
  }

  redo(graph: SupplyGraph): void {
    this.history = redo(graph, this.history);
  }

  info(): HistoryInfo {
    const last = <T>(xs: readonly T[]) => xs[xs.length - 1];
    return {
      undo: canUndo(this.history) ? last(this.history.done)!.label : null,
      redo: canRedo(this.history) ? last(this.history.undone)!.label : null,
      edits: this.history.done.length,
    };
  }
}
