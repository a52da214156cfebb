/**
 * The report of metrics.md §7: figures for baseline and each scenario, in
 * the spec's names. Every renderer (JSON, Markdown, …) reads this and only this.
 */
import { graphCaveats } from './caveats.ts';
import { basisCounts, type BasisCounts } from './bases.ts';
import type { SupplyGraph } from '../model/graph.ts';
import type { Operation, Scenario, Shock, Source } from '../model/schema.ts';
import { DEFAULT_LEVELS, type Level, type LevelPreset } from '../metrics/levels.ts';
import { concentrationOfTable } from '../metrics/concentration.ts';
import { flowTable, type FlowTable } from '../metrics/flow-table.ts';
import { failureFigures, type FailureFigures, type SpofLimitReport } from '../metrics/registry.ts';
import { indexOfTable, type SupplyIndex } from '../metrics/supply-index.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import { scenariosOf, withScenario } from '../scenarios/apply.ts';
import { scenarioTable, tableBaseOf, type TableBase } from '../scenarios/table-scenario.ts';
import { shocksOf, type ShockNodes } from '../scenarios/shock-hits.ts';
import { shocksOnScenario, type ReportShockCost } from './shocks.ts';
import { CHOKEPOINT_VERSION } from '../version.ts';
import type { Robustness } from '../robustness/engine.ts';

export interface ConcentrationSide {
  hhi: number;
  cr1: number;
  cr3: number;
  top: { name: string; share: number };
  level: Level;
  /** The ten largest holders. */
  leaders: { name: string; share: number }[];
}
export interface ReportScenario {
  id: string;
  label: string;
  description?: string;
  fx?: Record<string, number>;
  /** The scenario's operations, for the reports' list of parameters. */
  ops?: Operation[];
  /** Source ids the scenario cites. */
  sources?: string[];
  graph: { nodes: number; edges: number };
  concentration: { input: string; total: number; byCompany: ConcentrationSide; byCountry: ConcentrationSide }[];
  reliance: { demand: string; label: string; country: string; byCountry: Record<string, number>; byKindCountry: Record<string, number> }[];
  spof: { demand: string; critical: { key: string; label: string; impact: number; strict: boolean }[] }[];
  /** Present when the spof lists are cut (docs/scale.md): by --spof-top/--spof-threshold, or by the graph's size. */
  spofLimit?: SpofLimitReport;
  /** What each shock of the report costs on this scenario's graph (metrics.md §8); present when the report has shocks. */
  shocks?: ReportShockCost[];
}
export type RelianceField = 'byCountry' | 'byKindCountry';
/** `foundry:TW` is a kind:country figure, `TW` a country one. */
export const relianceField = (key: string): RelianceField => (key.includes(':') ? 'byKindCountry' : 'byCountry');
/** A row's reliance on a set; 0 where the set is absent (metrics.md §6: absent counts as 0). */
export const relianceValue = (row: Pick<ReportScenario['reliance'][number], RelianceField> | undefined, key: string): number =>
  row?.[relianceField(key)][key] ?? 0;
/** The impact of a node its spof list leaves out: 0 where the list is complete, unknown (null) where it is cut (docs/scale.md). */
export const absentImpact = (scenario: Pick<ReportScenario, 'spofLimit'>): number | null => (scenario.spofLimit ? null : 0);
/** impact(key, demand) as a scenario's spof list gives it (absentImpact where it leaves the node out). */
export const impactValue = (scenario: Pick<ReportScenario, 'spof' | 'spofLimit'>, demand: string, key: string): number | null =>
  scenario.spof.find((r) => r.demand === demand)?.critical.find((c) => c.key === key)?.impact ?? absentImpact(scenario);

export interface Report {
  format: 'chokepoint-report';
  version: 1;
  generator: { name: 'chokepoint'; version: string };
  graph: {
    title: string;
    nodes: number;
    edges: number;
    asOf?: string;
    currency: string;
    fx?: Record<string, number>;
    /** What the reader must know of the graph itself: kinds taken from its shape, self-loops left out (caveats.ts). */
    caveats?: string[];
    /** How many flows are reported, derived, assumptions or say nothing (robustness.md §1); for the first page's "N of M flows are assumptions". */
    bases?: BasisCounts;
  };
  levels: { preset: string; label: string; moderate: number; high: number };
  focus: { demand: string[]; reliance: string[] };
  /** Every reference the graph lists, for the reports' sources section. */
  sources: Source[];
  /** When the report was made (ISO 8601), present only when the caller passes it, so that output can be reproduced. */
  madeAt?: string;
  /** The shocks evaluated on every scenario (metrics.md §8), as the file (or the command line) gives them; present when there are any. */
  shocks?: Shock[];
  scenarios: ReportScenario[];
  /** How far the headline figures rest on their assumptions (robustness.md §6): present when the file has ranges or variants. */
  robustness?: Robustness;
}

export interface ReportOptions {
  /** Scenario ids to include after baseline; all when absent. */
  scenarios?: string[];
  levels?: LevelPreset;
  /** Overrides the graph's `focus`. */
  focus?: { demand?: string[]; reliance?: string[] };
  /** Cut spof lists (`{}`: exact whatever the size); absent: exact up to SPOF_EXACT_NODES upstream nodes (docs/scale.md). */
  spof?: SpofLimit;
  /** Stamped into the report as `madeAt`; absent, the report carries no date. */
  madeAt?: string;
  /** The shocks to evaluate; the graph's own when absent. */
  shocks?: Shock[];
  /** Shocks evaluated after those (a one-off shock from the command line). */
  addShocks?: Shock[];
}

/** The shocks a report evaluates. */
const reportShocks = (graph: SupplyGraph, options: ReportOptions): Shock[] => [...(options.shocks ?? shocksOf(graph)), ...(options.addShocks ?? [])];

export class UnknownScenarioError extends Error {
  constructor(readonly id: string, readonly known: string[]) {
    super(`no scenario "${id}" in this graph; it has ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'none'}`);
  }
}

function side(f: { hhi: number; cr1: number; cr3: number; top: { name: string; share: number }; level: Level; shares: { name: string; share: number }[] }): ConcentrationSide {
  return { hhi: f.hhi, cr1: f.cr1, cr3: f.cr3, top: f.top, level: f.level, leaders: f.shares.slice(0, 10) };
}

type ScenarioMeta = Pick<Scenario, 'id' | 'label' | 'description' | 'fx'> & Partial<Pick<Scenario, 'ops' | 'sources'>>;

/**
 * A scenario's report without its failure figures: everything that needs the
 * graph as the scenario leaves it, and the index those figures are computed
 * from (possibly in another thread, after the graph is put back).
 */
interface Prepared {
  head: Omit<ReportScenario, 'reliance' | 'spof' | 'spofLimit'>;
  index: SupplyIndex;
  /** Each indexed node's label, as the scenario leaves it (the index has its country). */
  labels: readonly string[];
}

/**
 * A scenario's report without its failure figures, from its flow table.
 * `onIndex` hears of the index as soon as it is built, so another thread can
 * start on it while this one goes on; `shockCosts` are the shocks' figures
 * (they read the graph as the scenario leaves it).
 */
function prepareTable(table: FlowTable, scenario: ScenarioMeta, levels: LevelPreset, onIndex?: (index: SupplyIndex) => void, shockCosts?: (index: SupplyIndex) => ReportShockCost[]): Prepared {
  const index = indexOfTable(table);
  onIndex?.(index);
  const costs = shockCosts ? { shocks: shockCosts(index) } : {};
  return {
    head: {
      id: scenario.id,
      label: scenario.label,
      ...(scenario.description ? { description: scenario.description } : {}),
      ...(scenario.fx ? { fx: scenario.fx } : {}),
      ...(scenario.ops ? { ops: scenario.ops } : {}),
      ...(scenario.sources ? { sources: scenario.sources } : {}),
      graph: { nodes: table.size, edges: table.flowSource.length },
      concentration: concentrationOfTable(table, levels).map((c) => ({ input: c.input, total: c.total, byCompany: side(c.byCompany), byCountry: side(c.byCountry) })),
      ...costs,
    },
    index,
    labels: table.labels,
  };
}

function prepareScenario(graph: SupplyGraph, scenario: ScenarioMeta, levels: LevelPreset, onIndex?: (index: SupplyIndex) => void, shocks: readonly Shock[] = []): Prepared {
  return prepareTable(flowTable(graph), scenario, levels, onIndex, shocks.length ? (index) => shocksOnScenario(graph, index, shocks) : undefined);
}

/**
 * Prepares baseline (undefined) and each scenario in turn. The baseline's
 * flow table is read from the graph once; a scenario's is made from it as a
 * delta (scenarios/table-scenario.ts: the same table, array for array, and
 * the nodes' attributes shocks select on), unless the scenario needs the
 * graph path (it fails, or an operation's order is graphology's to say):
 * then the scenario is applied to the graph
 * and taken back, after which the baseline's table is read again (the graph's
 * objects it holds may have been replaced).
 */
function scenarioPreparer(graph: SupplyGraph, levels: LevelPreset, shocks: readonly Shock[], onIndex?: (index: SupplyIndex) => void): (s: Scenario | undefined) => Prepared {
  let base: TableBase | undefined;
  const baseOf = () => (base ??= tableBaseOf(graph));
  return (s) => {
    if (!s) return prepareTable(baseOf().table, BASELINE, levels, onIndex, shocks.length ? (index) => shocksOnScenario(graph, index, shocks) : undefined);
    const out: { nodes?: ShockNodes } = {};
    const table = scenarioTable(baseOf(), s, out);
    if (table) return prepareTable(table, s, levels, onIndex, shocks.length ? (index) => shocksOnScenario(out.nodes!, index, shocks) : undefined);
    base = undefined;
    return onScenario(graph, s, (applied) => prepareScenario(applied, s, levels, onIndex, shocks));
  };
}

function completeScenario(p: Prepared, figures: FailureFigures): ReportScenario {
  const at = (key: string) => p.index.indexOf.get(key)!;
  return {
    ...p.head,
    reliance: figures.reliance.map((r) => ({ ...r, label: p.labels[at(r.demand)]!, country: p.index.countries[p.index.countryOf[at(r.demand)]!]! })),
    spof: figures.spof.map((s) => ({ demand: s.demand, critical: s.critical.map((c) => ({ ...c, label: p.labels[at(c.key)]! })) })),
    ...(figures.spofLimit ? { spofLimit: figures.spofLimit } : {}),
  };
}

export function scenarioReport(graph: SupplyGraph, scenario: ScenarioMeta, levels: LevelPreset, spof?: SpofLimit, shocks: readonly Shock[] = []): ReportScenario {
  const p = prepareScenario(graph, scenario, levels, undefined, shocks);
  return completeScenario(p, failureFigures(p.index, spof));
}

/** The focus: the graph's, else every demand node and the largest kind:country and country reliance in baseline. */
function focusOf(graph: SupplyGraph, baseline: ReportScenario, override: ReportOptions['focus']): Report['focus'] {
  const own = graph.getAttribute('focus');
  const demand = override?.demand ?? own?.demand ?? baseline.reliance.map((r) => r.demand);
  let reliance = override?.reliance ?? own?.reliance;
  if (!reliance) {
    const strongest = (field: 'byKindCountry' | 'byCountry') => {
      let best: [string, number] | undefined;
      for (const row of baseline.reliance) {
        for (const [k, v] of Object.entries(row[field])) if (!best || v > best[1] || (v === best[1] && k < best[0])) best = [k, v];
      }
      return best?.[0];
    };
    reliance = [strongest('byKindCountry'), strongest('byCountry')].filter((x): x is string => x !== undefined);
  }
  return { demand, reliance };
}

function wantedScenarios(graph: SupplyGraph, options: ReportOptions): Scenario[] {
  const all = scenariosOf(graph);
  if (!options.scenarios) return all;
  const wanted = options.scenarios.map((id) => {
    const s = all.find((x) => x.id === id);
    if (!s) throw new UnknownScenarioError(id, all.map((x) => x.id));
    return s;
  });
  return all.filter((s) => wanted.includes(s));
}

const BASELINE: ScenarioMeta = { id: 'baseline', label: 'Baseline' };

/** Runs `make` on the graph as the scenario leaves it (the graph itself for baseline). */
function onScenario<T>(graph: SupplyGraph, scenario: Scenario | undefined, make: (applied: SupplyGraph) => T): T {
  if (!scenario) return make(graph);
  const result = withScenario(graph, scenario, make);
  if (!result.ok) throw result.error;
  return result.value;
}

export function buildReport(graph: SupplyGraph, options: ReportOptions = {}): Report {
  const levels = options.levels ?? DEFAULT_LEVELS;
  const prepare = scenarioPreparer(graph, levels, reportShocks(graph, options));
  const scenarios = [undefined, ...wantedScenarios(graph, options)].map((s) => {
    const p = prepare(s);
    return completeScenario(p, failureFigures(p.index, options.spof));
  });
  return assemble(graph, options, levels, scenarios);
}

/**
 * Computes a report's failure figures elsewhere (another thread). Every job is
 * handed over as soon as it is prepared; the other side works through them in
 * order, while this side, once it has prepared them all, takes jobs back from
 * the end (`take` is true when the other side had not started the job) and
 * computes them itself, until the two meet.
 */
export interface FailureRunner {
  offer(index: SupplyIndex, spof: SpofLimit | undefined): FailureJob;
}
export interface FailureJob {
  /** The figures, or undefined when the job was taken back. */
  result: Promise<FailureFigures | undefined>;
  /** Takes the job back, if the other side has not started it. */
  take(): boolean;
}

/** How much slower a thread's first run of the failure figures is (V8 compiles as it goes): about 90 ms at 10,000 nodes. */
const FIRST_RUN_MS = 100;

/** Lets messages from other threads in (results, errors). */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * buildReport with the failure figures of some scenarios computed by
 * `runner` while this thread prepares the next scenario or computes others:
 * the same report, figure for figure. A job the runner fails is computed here.
 */
export async function buildReportWith(graph: SupplyGraph, options: ReportOptions, runner: FailureRunner): Promise<Report> {
  const levels = options.levels ?? DEFAULT_LEVELS;
  const prepared: Prepared[] = [];
  const jobs: FailureJob[] = [];
  /** When this thread heard that the other side finished each job. */
  const finishedAt: (number | undefined)[] = [];
  let startedAt = 0;
  const here = (i: number) => failureFigures(prepared[i]!.index, options.spof);
  const offer = (index: SupplyIndex) => {
    const job = runner.offer(index, options.spof);
    const at = jobs.length;
    if (at === 0) startedAt = performance.now();
    // Failures are handled below, once every job is out; this marks them as expected meanwhile.
    job.result.then((f) => f && (finishedAt[at] = performance.now()), () => undefined);
    jobs.push(job);
  };
  const prepare = scenarioPreparer(graph, levels, reportShocks(graph, options), offer);
  for (const s of [undefined, ...wantedScenarios(graph, options)]) {
    prepared.push(prepare(s));
    await yieldToEvents();
  }
  const local = new Map<number, FailureFigures>();
  // Take jobs back from the end while that finishes sooner: the other side
  // would first finish the jobs ahead of this one (the one it is on half done,
  // on average), and a job run here is this thread's first, slower by
  // FIRST_RUN_MS (V8 has not compiled it yet). On small graphs, where the
  // other side keeps up, taking one back would only add to the wait.
  for (let i = jobs.length - 1; i >= 0; i--) {
    await yieldToEvents();
    const ends = finishedAt.filter((t) => t !== undefined);
    const ahead = jobs.slice(0, i).filter((_, j) => finishedAt[j] === undefined).length;
    // None finished while this thread prepared them all: each takes longer than all of that.
    const sooner = ends.length === 0 ? ahead > 0 : (ahead - 0.5) * ((Math.max(...ends) - startedAt) / ends.length) > FIRST_RUN_MS;
    if (!sooner || !jobs[i]!.take()) break;
    local.set(i, here(i));
  }
  // A job the runner fails is computed here.
  const done = await Promise.all(jobs.map((job, i) => job.result.then((f) => f ?? local.get(i) ?? here(i), () => local.get(i) ?? here(i))));
  return assemble(graph, options, levels, prepared.map((p, i) => completeScenario(p, done[i]!)));
}

function assemble(graph: SupplyGraph, options: ReportOptions, levels: LevelPreset, scenarios: ReportScenario[]): Report {
  const attrs = graph.getAttributes();
  const shocks = reportShocks(graph, options);
  return {
    format: 'chokepoint-report',
    version: 1,
    generator: { name: 'chokepoint', version: CHOKEPOINT_VERSION },
    graph: {
      title: attrs.title,
      nodes: graph.order,
      edges: graph.size,
      ...(attrs.asOf ? { asOf: attrs.asOf } : {}),
      currency: attrs.currency ?? 'USD',
      ...(attrs.fx ? { fx: attrs.fx } : {}),
      ...(graphCaveats(graph).length ? { caveats: graphCaveats(graph) } : {}),
      bases: basisCounts(graph),
    },
    levels: { preset: levels.id, label: levels.label, moderate: levels.moderate, high: levels.high },
    focus: focusOf(graph, scenarios[0]!, options.focus),
    sources: attrs.sources ?? [],
    ...(options.madeAt ? { madeAt: options.madeAt } : {}),
    ...(shocks.length ? { shocks } : {}),
    scenarios,
  };
}
