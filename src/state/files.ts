/**
 * The state of opening, saving and exporting: what is running, the problems
 * panel, the mapping step and notices. Pure transitions, tested in Node; the
 * graph itself stays in AppState (a failed open never touches it).
 */
import type { Mapping } from '../io/mapping.ts';
import { capProblems, type Problem } from '../model/problem.ts';
import type { OpenReply } from '../worker/protocol.ts';
import { addRecent, type RecentEntry } from './files-recent.ts';

export interface ProblemList {
  /** What was being done: "Could not open x.gexf", "Opened x.gexf with 3 warnings". */
  title: string;
  shown: Problem[];
  /** How many more than shown. */
  more: number;
}

export interface PendingMapping {
  file: string;
  format: string;
  columns: { nodes: string[]; edges: string[] };
  guess: Mapping;
  fields: { nodes: string[]; edges: string[] };
  /** For the value step: node attributes with few values, each value with the kind it would be read as; and Chokepoint's kinds. */
  kindValues?: Record<string, { value: string; count: number; kind: string; how: string }[]>;
  kinds?: string[];
}

export interface Notice {
  text: string;
  /** What an export leaves out, or figures the graph cannot give (and why). */
  items: string[];
  tone: 'info' | 'warning' | 'error';
}

export interface FilesState {
  /** What runs now (one thing at a time), and its phase. */
  busy: { task: string; phase: string } | null;
  problems: ProblemList | null;
  mapping: PendingMapping | null;
  notice: Notice | null;
  recent: RecentEntry[];
}

export const initialFilesState = (recent: RecentEntry[] = []): FilesState => ({ busy: null, problems: null, mapping: null, notice: null, recent });

export const started = (s: FilesState, task: string, phase = 'reading'): FilesState => ({ ...s, busy: { task, phase } });
export const progressed = (s: FilesState, phase: string): FilesState => (s.busy ? { ...s, busy: { ...s.busy, phase } } : s);

const list = (title: string, problems: Problem[]): ProblemList => ({ title, ...capProblems(problems) });
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** A failed open: every problem listed, nothing else changes. */
export function openFailed(s: FilesState, file: string, problems: Problem[]): FilesState {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { ...s, busy: null, mapping: null, problems: list(`Could not open ${file}: ${plural(errors || problems.length, 'problem')}. The graph on screen is unchanged.`, problems) };
}

/** The worker's answer to `open`, with the recent entry to remember when a graph was loaded. */
export function openAnswered(s: FilesState, file: string, reply: OpenReply, recent?: RecentEntry): FilesState {
  if (reply.status === 'failed') return openFailed(s, file, reply.problems);
  if (reply.status === 'mapping') return { ...s, busy: null, problems: null, mapping: { file, format: reply.format, columns: reply.columns, guess: reply.guess, fields: reply.fields, ...(reply.kindValues ? { kindValues: reply.kindValues, kinds: reply.kinds ?? [] } : {}) } };
  const { warnings, unavailable } = reply.loaded;
  const next: FilesState = {
    ...s,
    busy: null,
    mapping: null,
    problems: warnings.length ? list(`Opened ${file} with ${plural(warnings.length, 'warning')}`, warnings) : null,
    notice: unavailable.length
      ? { tone: 'warning', text: `${file} opened for exploration; some figures are unavailable:`, items: unavailable.map((u) => `${u.metric}: ${u.why}`) }
      : { tone: 'info', text: reply.scenariosAdded ? `Scenarios from ${file} added to the graph.` : `Opened ${file}.`, items: [] },
  };
  return recent ? { ...next, recent: addRecent(next.recent, recent) } : next;
}

export const mappingCancelled = (s: FilesState): FilesState => ({ ...s, mapping: null });
export const dismissProblems = (s: FilesState): FilesState => ({ ...s, problems: null });
export const dismissNotice = (s: FilesState): FilesState => ({ ...s, notice: null });

/** An export made: what the format cannot carry, if anything. */
export function exported(s: FilesState, name: string, lost: string[]): FilesState {
  return { ...s, busy: null, notice: lost.length ? { tone: 'warning', text: `Saved ${name}. This format does not carry:`, items: lost } : { tone: 'info', text: `Saved ${name}.`, items: [] } };
}

/** An error outside a file's content (the engine, the network): said once, the graph kept. */
export const failed = (s: FilesState, text: string): FilesState => ({ ...s, busy: null, notice: { tone: 'error', text, items: [] } });


/** A download name from the file the graph came from: its base name, safe characters only. */
export function baseNameFor(file: string | undefined): string {
  const first = (file ?? '').split(' + ')[0] ?? '';
  const base = first.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '');
  return base || 'graph';
}
