/**
 * Figures of a graph under its variants (robustness.md §1: a variant's
 * operations apply to the baseline, then each scenario's on top), computed with
 * the existing scenario engine and metrics. For the default graph's tests and
 * the figures quoted in its notes, until the robustness engine reads variants.
 */
import type { SupplyGraph } from '../../src/model/graph.ts';
import { ScenarioSchema, type Scenario } from '../../src/model/schema.ts';
import { applyScenario, scenariosOf } from '../../src/scenarios/apply.ts';
import { buildSupplyIndex } from '../../src/metrics/supply-index.ts';
import { computeReliance } from '../../src/metrics/reliance.ts';
import { availability } from '../../src/metrics/availability.ts';
import { matchesSelector } from '../../src/scenarios/select.ts';

/** The graph's variants, read with the scenario schema (they have its shape). */
export function variantsOf(graph: SupplyGraph): Scenario[] {
  const raw = (graph.getAttributes() as Record<string, unknown>)['variants'];
  return Array.isArray(raw) ? raw.map((v) => ScenarioSchema.parse(v)) : [];
}

function applied(graph: SupplyGraph, ops: Scenario | undefined): SupplyGraph {
  if (!ops) return graph;
  const r = applyScenario(graph, ops);
  if (!r.ok) throw new Error(`${ops.id} does not apply: ${JSON.stringify(r.error)}`);
  return r.graph;
}

/** The graph of scenario `scenarioId` (or the baseline) under variant `variantId` (or the file's own reading). */
export function caseGraph(graph: SupplyGraph, variantId?: string, scenarioId?: string): SupplyGraph {
  const variant = variantId ? variantsOf(graph).find((v) => v.id === variantId) : undefined;
  if (variantId && !variant) throw new Error(`no variant ${variantId}`);
  const scenario = scenarioId ? scenariosOf(graph).find((s) => s.id === scenarioId) : undefined;
  if (scenarioId && !scenario) throw new Error(`no scenario ${scenarioId}`);
  return applied(applied(graph, variant), scenario);
}

/** reliance(demand, key) for a country ("TW") or a kind:country ("foundry:TW") key, on one graph. */
export function reliance(graph: SupplyGraph, demand: string, key: string): number {
  const ix = buildSupplyIndex(graph);
  const row = computeReliance(ix, [ix.indexOf.get(demand)!])[0]!;
  return (key.includes(':') ? row.byKindCountry : row.byCountry)[key] ?? 0;
}

export interface ShockHit {
  where: { key?: string | string[]; kind?: string | string[]; country?: string | string[]; company?: string | string[] };
  capacity: number;
}
export interface Shock {
  id: string;
  hits: ShockHit[];
}

export const shocksOf = (graph: SupplyGraph): Shock[] => ((graph.getAttributes() as Record<string, unknown>)['shocks'] as Shock[] | undefined) ?? [];

/**
 * lost(d, X) for a shock whose hits all have capacity 0 (metrics.md §8): the
 * supply that does not reach `demand` when the matched nodes stop. Partial
 * capacities need the shocks engine; this helper refuses them.
 */
export function lostToStop(graph: SupplyGraph, demand: string, shock: Shock): number {
  if (shock.hits.some((h) => h.capacity !== 0)) throw new Error(`${shock.id} is partial: needs the shocks engine`);
  const ix = buildSupplyIndex(graph);
  const failed: number[] = [];
  graph.forEachNode((key, attrs) => {
    if (key !== demand && shock.hits.some((h) => matchesSelector(h.where as never, key, attrs))) failed.push(ix.indexOf.get(key)!);
  });
  return 1 - availability(ix, failed)[ix.indexOf.get(demand)!]!;
}
