/**
 * The app's state and its pure transitions: no DOM, no worker, tested in
 * Node. Async work has a status union with exactly one final state.
 */
import type { Problem } from '../model/problem.ts';
import type { NodeKind } from '../model/schema.ts';
import { relianceValue, type Report, type ReportScenario } from '../report/model.ts';
import { BASELINE, type GraphView, type LoadedGraph, type WhatIfFailure, type WhatIfResult } from '../worker/protocol.ts';

export { BASELINE };
import { editLoaded, initialEditState, type EditState } from './edit.ts';
import { hasFilePositions } from '../layout/file-positions.ts';

/** `file`: "As in the file", the nodes' own x and y (offered when they have them). */
export const LAYOUTS = ['tiered', 'geographic', 'force', 'file'] as const;
export type LayoutChoice = (typeof LAYOUTS)[number];
export const SIZE_BY = ['impact', 'throughput', 'betweenness', 'uniform'] as const;
/** A figure of the engine, or `attr:NAME`: a numeric attribute of the nodes (the app's size menu lists them). */
export type SizeBy = (typeof SIZE_BY)[number] | `attr:${string}`;
export const COUNTRY_MODES = ['off', 'nodes'] as const;
export type CountryMode = (typeof COUNTRY_MODES)[number];

export type LoadStatus =
  | { status: 'idle' }
  | { status: 'loading'; file: string }
  | { status: 'done'; file: string; warnings: Problem[] }
  | { status: 'error'; file: string; problems: Problem[] };

export type Async<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; value: T } | { status: 'error'; message: string };

export type Selection = { type: 'node'; key: string } | { type: 'input'; input: string } | null;

export interface Filters {
  /** Kinds hidden from the graph. */
  hiddenKinds: NodeKind[];
  /** Show only nodes of this country ('' for all). */
  country: string;
  /** Show only flows of this input ('' for all). */
  input: string;
}

export interface Betweenness {
  scenario: string;
  values: Record<string, number>;
  sampled: number | null;
}

export interface AppState {
  load: LoadStatus;
  /** The graph in use; a failed load leaves it in place. */
  loaded: (LoadedGraph & { file: string }) | null;
  /**
   * A file being opened whose graph is drawn (`view` holds its baseline view)
   * while the worker computes its figures; `loaded` is still the graph before.
   */
  preview: string | null;
  scenario: string;
  compare: boolean;
  view: Async<GraphView>;
  demand: string | null;
  /** The reliance figure of the headline, e.g. `foundry:TW`. */
  focus: string;
  selection: Selection;
  failure: WhatIfFailure;
  whatIf: Async<WhatIfResult>;
  layout: LayoutChoice;
  sizeBy: SizeBy;
  /** What colours the nodes: `kind` (the default), `country`, `company`, `impact` or `attr:NAME` (src/ui/colour-by.ts). */
  colorBy: string;
  /** `sampled`: the number of sources of an estimate (graphs above BETWEENNESS_EXACT_NODES); null when exact. */
  betweenness: Async<Betweenness>;
  /** Sources done of a running betweenness, for its progress. */
  betweennessProgress: { done: number; total: number } | null;
  countries: CountryMode;
  filters: Filters;
  /** Editing: history labels, refused edits' problems, autosave (src/state/edit.ts). */
  edit: EditState;
}

export const initialState = (): AppState => ({
  load: { status: 'idle' },
  loaded: null,
  preview: null,
  view: { status: 'idle' },
  demand: null,
  focus: 'foundry:TW',
  layout: 'tiered',
  sizeBy: 'impact',
  colorBy: 'kind',
  betweennessProgress: null,
  countries: 'off',
  edit: initialEditState(),
  ...forNewGraph(),
});

// ------------------------------------------------------------------ loading

/** What refers to a graph, cleared when another graph comes: on screen, nothing selected, failed or filtered, baseline. */
const forNewGraph = (): Pick<AppState, 'scenario' | 'compare' | 'selection' | 'failure' | 'whatIf' | 'betweenness' | 'filters'> => ({
  scenario: BASELINE,
  compare: false,
  selection: null,
  failure: { nodes: [], countries: [] },
  whatIf: { status: 'idle' },
  betweenness: { status: 'idle' },
  filters: { hiddenKinds: [], country: '', input: '' },
});

export const loadStarted = (s: AppState, file: string): AppState => ({ ...s, load: { status: 'loading', file } });

export type LoadOutcome = { ok: true; loaded: LoadedGraph } | { ok: false; problems: Problem[] };

/**
 * A successful load replaces the graph and resets what referred to the old one; a failed one keeps everything
 * (but a preview of the file that failed gives way to the graph in hand, drawn again).
 */
export function loadFinished(s: AppState, file: string, outcome: LoadOutcome): AppState {
  if (!outcome.ok) return { ...previewDropped(s), load: { status: 'error', file, problems: outcome.problems } };
  const { report } = outcome.loaded;
  return {
    ...s,
    load: { status: 'done', file, warnings: outcome.loaded.warnings },
    loaded: { ...outcome.loaded, file },
    preview: null,
    ...forNewGraph(),
    // The preview is this graph's baseline view: kept, so the graph is not sent and built twice.
    view: s.preview !== null && s.view.status === 'done' && s.view.value.scenario === BASELINE ? s.view : { status: 'idle' },
    demand: defaultDemand(report),
    focus: report.focus.reliance[0] ?? s.focus,
    edit: editLoaded(s.edit),
    // A file with its own places opens as in the file; another leaves "As in the file" for the tiers.
    layout: defaultLayout(outcome.loaded) === 'file' ? 'file' : s.layout === 'file' ? 'tiered' : s.layout,
  };
}

const ownPlaces = new WeakMap<object, boolean>();
/** The layout a graph opens with (and a link that names none means): "As in the file" when its nodes carry x and y, else the tiers. */
export function defaultLayout(loaded: Pick<LoadedGraph, 'document'> | null): LayoutChoice {
  if (!loaded) return 'tiered';
  let has = ownPlaces.get(loaded.document);
  if (has === undefined) ownPlaces.set(loaded.document, (has = hasFilePositions(loaded.document.nodes)));
  return has ? 'file' : 'tiered';
}

/**
 * The graph of a file being opened, drawn before its figures (EnginePreview): the view shows it at
 * once, baseline, with nothing selected, failed or filtered; panels wait for `loadFinished`.
 */
export function previewArrived(s: AppState, file: string, view: GraphView): AppState {
  if (view.scenario !== BASELINE) return s;
  return {
    ...s,
    preview: file,
    ...forNewGraph(),
    view: { status: 'done', value: view },
    layout: defaultLayout(view) === 'file' ? 'file' : s.layout === 'file' ? 'tiered' : s.layout,
  };
}

/** The open that sent a preview failed after all: the graph in hand is drawn again (its view asked anew). */
export const previewDropped = (s: AppState): AppState => (s.preview === null ? s : { ...s, preview: null, view: { status: 'idle' } });

/** The first focus demand node (the default graph: a Japanese buyer), else the first demand node. */
export function defaultDemand(report: Report): string | null {
  const baseline = report.scenarios[0];
  const known = new Set(baseline?.reliance.map((r) => r.demand));
  return report.focus.demand.find((d) => known.has(d)) ?? baseline?.reliance[0]?.demand ?? null;
}

// ------------------------------------------------------------------ choices

/** Compare mode on a scenario other than baseline: figures shown before and after. */
export const comparing = (s: Pick<AppState, 'compare' | 'scenario'>) => s.compare && s.scenario !== BASELINE;

export const hasFailure = (f: WhatIfFailure) =>
  f.nodes.length > 0 || f.countries.length > 0 || (f.companies?.length ?? 0) > 0 || (f.kindCountries?.length ?? 0) > 0 || (f.hits?.length ?? 0) > 0;

export function selectScenario(s: AppState, scenario: string): AppState {
  if (!s.loaded || !s.loaded.report.scenarios.some((x) => x.id === scenario)) return s;
  if (scenario === s.scenario) return s;
  return { ...s, scenario, view: { status: 'idle' }, whatIf: hasFailure(s.failure) ? { status: 'running' } : { status: 'idle' }, betweenness: { status: 'idle' } };
}
export const setCompare = (s: AppState, compare: boolean): AppState => ({ ...s, compare });
export const selectDemand = (s: AppState, demand: string): AppState =>
  s.loaded?.report.scenarios[0]?.reliance.some((r) => r.demand === demand) ? { ...s, demand } : s;
export const setFocus = (s: AppState, focus: string): AppState => ({ ...s, focus });
export const select = (s: AppState, selection: Selection): AppState => ({ ...s, selection });
export const setLayout = (s: AppState, layout: LayoutChoice): AppState => ({ ...s, layout });
export const setSizeBy = (s: AppState, sizeBy: SizeBy): AppState => ({ ...s, sizeBy });
export const setColorBy = (s: AppState, colorBy: string): AppState => ({ ...s, colorBy });
export const setCountries = (s: AppState, countries: CountryMode): AppState => ({ ...s, countries });
export function toggleKind(s: AppState, kind: NodeKind): AppState {
  const hidden = s.filters.hiddenKinds.includes(kind) ? s.filters.hiddenKinds.filter((k) => k !== kind) : [...s.filters.hiddenKinds, kind];
  return { ...s, filters: { ...s.filters, hiddenKinds: hidden } };
}
export const setCountryFilter = (s: AppState, country: string): AppState => ({ ...s, filters: { ...s.filters, country } });
export const setInputFilter = (s: AppState, input: string): AppState => ({ ...s, filters: { ...s.filters, input } });

// ------------------------------------------------------------------ async results

export const viewStarted = (s: AppState): AppState => ({ ...s, view: { status: 'running' } });
/** Results for another scenario than the current one arrive late and are dropped. */
export function viewFinished(s: AppState, result: { ok: true; view: GraphView } | { ok: false; message: string }): AppState {
  if (!result.ok) return { ...s, view: { status: 'error', message: result.message } };
  if (result.view.scenario !== s.scenario) return s;
  return { ...s, view: { status: 'done', value: result.view } };
}

// ------------------------------------------------------------------ what-if

export function failNode(s: AppState, key: string): AppState {
  if (s.failure.nodes.includes(key)) return s;
  return { ...s, failure: { ...s.failure, nodes: [...s.failure.nodes, key] }, whatIf: { status: 'running' } };
}
export function failCountry(s: AppState, country: string): AppState {
  if (s.failure.countries.includes(country)) return s;
  return { ...s, failure: { ...s.failure, countries: [...s.failure.countries, country] }, whatIf: { status: 'running' } };
}
export function restore(s: AppState, what: { node?: string; country?: string }): AppState {
  const failure = {
    nodes: s.failure.nodes.filter((n) => n !== what.node),
    countries: s.failure.countries.filter((c) => c !== what.country),
  };
  return { ...s, failure, whatIf: hasFailure(failure) ? { status: 'running' } : { status: 'idle' } };
}
export const resetWhatIf = (s: AppState): AppState => ({ ...s, failure: { nodes: [], countries: [] }, whatIf: { status: 'idle' } });
/** Keeps a result only if it answers the current scenario and failure. */
export function whatIfFinished(s: AppState, result: { ok: true; value: WhatIfResult } | { ok: false; message: string }): AppState {
  if (!result.ok) return { ...s, whatIf: { status: 'error', message: result.message } };
  const r = result.value;
  // The whole failure, capacities included (a capacity control moved since is another question).
  const same = r.scenario === s.scenario && JSON.stringify(r.failure) === JSON.stringify(s.failure);
  return same ? { ...s, whatIf: { status: 'done', value: r } } : s;
}

export const betweennessStarted = (s: AppState): AppState => ({ ...s, betweenness: { status: 'running' }, betweennessProgress: null });
export const betweennessProgressed = (s: AppState, done: number, total: number): AppState =>
  s.betweenness.status === 'running' ? { ...s, betweennessProgress: { done, total } } : s;
export function betweennessFinished(s: AppState, result: ({ ok: true } & Betweenness) | { ok: false; message: string }): AppState {
  if (!result.ok) return { ...s, betweenness: { status: 'error', message: result.message }, betweennessProgress: null };
  const value = { scenario: result.scenario, values: result.values, sampled: result.sampled };
  return result.scenario === s.scenario ? { ...s, betweenness: { status: 'done', value }, betweennessProgress: null } : s;
}
/** Cancel: back to sizes by impact (sizing by betweenness would start it again). */
export const betweennessCancelled = (s: AppState): AppState =>
  s.betweenness.status === 'running' ? { ...s, sizeBy: 'impact', betweenness: { status: 'idle' }, betweennessProgress: null } : s;

// ------------------------------------------------------------------ reading

export const currentReport = (s: AppState): ReportScenario | undefined => s.loaded?.report.scenarios.find((x) => x.id === s.scenario);
export const baselineReport = (s: AppState): ReportScenario | undefined => s.loaded?.report.scenarios[0];
export const relianceRow = (r: ReportScenario | undefined, demand: string | null) => r?.reliance.find((x) => x.demand === demand);
/** reliance(demand, focus) in a scenario; 0 where the set is absent (metrics.md §6: absent counts as 0). */
export function relianceOf(r: ReportScenario | undefined, demand: string | null, focus: string): number | undefined {
  const row = relianceRow(r, demand);
  return row ? relianceValue(row, focus) : undefined;
}
export const spofOf = (r: ReportScenario | undefined, demand: string | null) => r?.spof.find((x) => x.demand === demand)?.critical ?? [];
