/**
 * The editing side of the app's state: undo/redo labels, the problems of the
 * last refused edit (shown next to the form's fields), a revision counter that
 * autosave follows, and the "saved" state. Pure transitions, tested in Node.
 */
import type { Problem } from '../model/problem.ts';
import type { EditOutcome, HistoryInfo } from '../worker/protocol.ts';
import { BASELINE, defaultDemand, hasFailure, type AppState } from './app-state.ts';

export type SaveStatus =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: number }
  | { status: 'error'; message: string }
  | { status: 'unavailable'; message: string }
  /** Another tab has saved other work since this tab's last save: this tab's graph is not the one kept (never shown as saved). */
  | { status: 'conflict'; message: string };

export interface EditState {
  history: HistoryInfo;
  /** Edits sent to the worker and not answered yet. */
  pending: number;
  /** Why the last edit of a form was refused; its paths are relative to the command (`attributes.value`). */
  problems: { form: string; problems: Problem[] } | null;
  /** Grows with every change of the working graph (a load or an edit): autosave saves each revision. */
  revision: number;
  /** The revision last written to the browser's storage. */
  savedRevision: number;
  save: SaveStatus;
}

export const NO_HISTORY: HistoryInfo = { undo: null, redo: null, edits: 0 };

export const initialEditState = (): EditState => ({ history: NO_HISTORY, pending: 0, problems: null, revision: 0, savedRevision: 0, save: { status: 'idle' } });

/** A load (or a restore) starts a new history. */
export const editLoaded = (e: EditState): EditState => ({ ...e, history: NO_HISTORY, problems: null, revision: e.revision + 1 });

export const editStarted = (s: AppState): AppState => ({ ...s, edit: { ...s.edit, pending: s.edit.pending + 1, problems: null } });

export type EditAnswer = EditOutcome | { ok: false; message: string };

/**
 * An accepted edit replaces the graph and its report but keeps what still
 * makes sense: the scenario, the buyer, the selection, the what-if. A refused
 * one changes nothing but the problems shown.
 */
export function editFinished(s: AppState, form: string, answer: EditAnswer): AppState {
  const pending = Math.max(0, s.edit.pending - 1);
  if (!answer.ok) {
    const problems = 'problems' in answer ? answer.problems : [{ severity: 'error' as const, path: '', expected: 'the engine to apply the edit', found: answer.message }];
    return { ...s, edit: { ...s.edit, pending, problems: { form, problems }, ...('history' in answer ? { history: answer.history } : {}) } };
  }
  if (!s.loaded) return s;
  const { loaded } = answer;
  const report = loaded.report;
  const nodes = new Set(loaded.document.nodes.map((n) => n.key));
  const scenario = report.scenarios.some((x) => x.id === s.scenario) ? s.scenario : BASELINE;
  const demand = s.demand && report.scenarios[0]?.reliance.some((r) => r.demand === s.demand) ? s.demand : defaultDemand(report);
  const selection = s.selection?.type === 'node' && !nodes.has(s.selection.key) ? null : s.selection;
  const failure = { nodes: s.failure.nodes.filter((k) => nodes.has(k)), countries: s.failure.countries };
  const failing = hasFailure(failure);
  return {
    ...s,
    loaded: { ...loaded, file: s.loaded.file },
    scenario,
    compare: scenario === BASELINE ? false : s.compare,
    view: { status: 'idle' },
    demand,
    selection,
    failure,
    whatIf: failing ? { status: 'running' } : { status: 'idle' },
    betweenness: { status: 'idle' },
    edit: { ...s.edit, pending, problems: null, history: answer.history, revision: s.edit.revision + 1 },
  };
}


export const saveStarted = (s: AppState): AppState => ({ ...s, edit: { ...s.edit, save: { status: 'saving' } } });
export function saveFinished(s: AppState, revision: number, result: { ok: true; at: number } | { ok: false; message: string; unavailable?: boolean; conflict?: boolean }): AppState {
  if (!result.ok) return { ...s, edit: { ...s.edit, save: result.conflict ? { status: 'conflict', message: result.message } : result.unavailable ? { status: 'unavailable', message: result.message } : { status: 'error', message: result.message } } };
  const savedRevision = Math.max(s.edit.savedRevision, revision);
  return { ...s, edit: { ...s.edit, savedRevision, save: { status: 'saved', at: result.at } } };
}

/** Another tab wrote over the record this tab saved: "✓ Saved" no longer holds. */
export const savedElsewhere = (s: AppState, message: string): AppState => ({ ...s, edit: { ...s.edit, savedRevision: Math.min(s.edit.savedRevision, s.edit.revision - 1), save: { status: 'conflict', message } } });

/** Whether a change of the state is the editing's alone (its autosave's status, its edits on their way): drawn by the editing bar, not the panels. */
export const onlyEditingChanged = (s: AppState, prev: AppState): boolean =>
  s.edit !== prev.edit && (Object.keys(s) as (keyof AppState)[]).every((k) => k === 'edit' || s[k] === prev[k]);

/** Unsaved work: a revision not yet written. */
export const unsaved = (e: EditState) => e.revision > e.savedRevision;

/** Problems of a form by field: `attributes.value` → `value`, `key` → `key`, `[2].attributes.x` → `x`. */
export function problemsByField(problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const path = p.path.replace(/^\[\d+\]\.?/, '');
    const m = /^attributes\.([A-Za-z_$][\w$]*)/.exec(path) ?? /^([A-Za-z_$][\w$]*)/.exec(path);
    const field = m ? m[1]! : '';
    out.set(field, [...(out.get(field) ?? []), p]);
  }
  return out;
}
