/**
 * The report of metrics.md §7: figures for baseline and each scenario, in
 * the spec's names. Every renderer (JSON, Markdown, …) reads this and only this.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Operation, Scenario, Source } from '../model/schema.ts';
import { DEFAULT_LEVELS, type Level, type LevelPreset } from '../metrics/levels.ts';
import { computeFigures, type SpofLimitReport } from '../metrics/registry.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import { scenariosOf, withScenario } from '../scenarios/apply.ts';
import { CHOKEPOINT_VERSION } from '../version.ts';

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
}
export type RelianceField = 'byCountry' | 'byKindCountry';
/** `foundry:TW` is a kind:country figure, `TW` a country one. */
export const relianceField = (key: string): RelianceField => (key.includes(':') ? 'byKindCountry' : 'byCountry');
/** A row's reliance on a set; 0 where the set is absent (metrics.md §6: absent counts as 0). */
export const relianceValue = (row: Pick<ReportScenario['reliance'][number], RelianceField> | undefined, key: string): number =>
  row?.[relianceField(key)][key] ?? 0;

export interface Report {
  format: 'chokepoint-report';
  version: 1;
  generator: { name: 'chokepoint'; version: string };
  graph: { title: string; nodes: number; edges: number; asOf?: string; currency: string; fx?: Record<string, number> };
  levels: { preset: string; label: string; moderate: number; high: number };
  focus: { demand: string[]; reliance: string[] };
  /** Every reference the graph lists, for the reports' sources section. */
  sources: Source[];
  /** When the report was made (ISO 8601), present only when the caller passes it, so that output can be reproduced. */
  madeAt?: string;
  scenarios: ReportScenario[];
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
}

export class UnknownScenarioError extends Error {
  constructor(readonly id: string, readonly known: string[]) {
    super(`no scenario "${id}" in this graph; it has ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'none'}`);
  }
}

function side(f: { hhi: number; cr1: number; cr3: number; top: { name: string; share: number }; level: Level; shares: { name: string; share: number }[] }): ConcentrationSide {
  return { hhi: f.hhi, cr1: f.cr1, cr3: f.cr3, top: f.top, level: f.level, leaders: f.shares.slice(0, 10) };
}

export function scenarioReport(graph: SupplyGraph, scenario: Pick<Scenario, 'id' | 'label' | 'description' | 'fx'> & Partial<Pick<Scenario, 'ops' | 'sources'>>, levels: LevelPreset, spof?: SpofLimit): ReportScenario {
  const figures = computeFigures(graph, levels, spof);
  const label = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : key);
  return {
    id: scenario.id,
    label: scenario.label,
    ...(scenario.description ? { description: scenario.description } : {}),
    ...(scenario.fx ? { fx: scenario.fx } : {}),
    ...(scenario.ops ? { ops: scenario.ops } : {}),
    ...(scenario.sources ? { sources: scenario.sources } : {}),
    graph: { nodes: graph.order, edges: graph.size },
    concentration: figures.concentration.map((c) => ({ input: c.input, total: c.total, byCompany: side(c.byCompany), byCountry: side(c.byCountry) })),
    reliance: figures.reliance.map((r) => ({ ...r, label: label(r.demand), country: graph.getNodeAttribute(r.demand, 'country') })),
    spof: figures.spof.map((s) => ({ demand: s.demand, critical: s.critical.map((c) => ({ ...c, label: label(c.key) })) })),
    ...(figures.spofLimit ? { spofLimit: figures.spofLimit } : {}),
  };
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

export function buildReport(graph: SupplyGraph, options: ReportOptions = {}): Report {
  const levels = options.levels ?? DEFAULT_LEVELS;
  const all = scenariosOf(graph);
  const wanted = options.scenarios
    ? options.scenarios.map((id) => {
        const s = all.find((x) => x.id === id);
        if (!s) throw new UnknownScenarioError(id, all.map((x) => x.id));
        return s;
      })
    : all;
  const attrs = graph.getAttributes();
  const baseline = scenarioReport(graph, { id: 'baseline', label: 'Baseline' }, levels, options.spof);
  const scenarios = [baseline];
  for (const scenario of all.filter((s) => wanted.includes(s))) {
    const result = withScenario(graph, scenario, (applied) => scenarioReport(applied, scenario, levels, options.spof));
    if (!result.ok) throw result.error;
    scenarios.push(result.value);
  }
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
    },
    levels: { preset: levels.id, label: levels.label, moderate: levels.moderate, high: levels.high },
    focus: focusOf(graph, baseline, options.focus),
    sources: attrs.sources ?? [],
    ...(options.madeAt ? { madeAt: options.madeAt } : {}),
    scenarios,
  };
}
