/**
 * Unlimited undo and redo over edit commands. Undoing applies the stored
 * inverse, which returns the command that redoes it; nothing is copied.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Problem } from '../model/problem.ts';
import { applyCommand, type EditCommand } from './commands.ts';

export interface HistoryEntry {
  label: string;
  /** What to apply to go back (in `done`) or forward again (in `undone`). */
  command: EditCommand;
}
export interface History {
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { done: [], undone: [] };

export type HistoryResult = { ok: true; history: History } | { ok: false; problems: Problem[]; history: History };

/** Applies an edit; a refused edit changes neither the graph nor the history. */
export function edit(graph: SupplyGraph, history: History, command: EditCommand, label: string): HistoryResult {
  const result = applyCommand(graph, command);
  if (!result.ok) return { ok: false, problems: result.problems, history };
  return { ok: true, history: { done: [...history.done, { label, command: result.inverse }], undone: [] } };
}

function step(graph: SupplyGraph, history: History, from: 'done' | 'undone'): History {
  const stack = history[from];
  const entry = stack[stack.length - 1];
  if (!entry) return history;
  const result = applyCommand(graph, entry.command);
  // An inverse of a checked edit always applies; if it ever did not, keep the history as it is.
  if (!result.ok) return history;
  const back = { label: entry.label, command: result.inverse };
  return from === 'done'
    ? { done: history.done.slice(0, -1), undone: [...history.undone, back] }
    : { done: [...history.done, back], undone: history.undone.slice(0, -1) };
}

export const undo = (graph: SupplyGraph, history: History) => step(graph, history, 'done');
export const redo = (graph: SupplyGraph, history: History) => step(graph, history, 'undone');
export const canUndo = (h: History) => h.done.length > 0;
export const canRedo = (h: History) => h.undone.length > 0;
