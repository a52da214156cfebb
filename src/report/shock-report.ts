/**
 * Shocks alone, on baseline and each scenario (metrics.md §8), for
 * `chokepoint shock`: the report's `shocks` without its other figures.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Scenario, Shock } from '../model/schema.ts';
import { flowTable } from '../metrics/flow-table.ts';
import { indexOfTable } from '../metrics/supply-index.ts';
import { scenariosOf, withScenario } from '../scenarios/apply.ts';
import { UnknownScenarioError } from './model.ts';
import { shocksOnScenario, type ReportShockCost } from './shocks.ts';

export interface ShockReport {
  format: 'chokepoint-shocks';
  version: 1;
  graph: { title: string };
  shocks: Shock[];
  /** Baseline first; `labels` names every demand node of that scenario's graph. */
  scenarios: { id: string; label: string; labels: Record<string, string>; shocks: ReportShockCost[] }[];
}

export function buildShockReport(graph: SupplyGraph, shocks: Shock[], scenarioIds?: string[]): ShockReport {
  const all = scenariosOf(graph);
  const wanted: Scenario[] = [];
  for (const id of scenarioIds ?? all.map((s) => s.id)) {
    const s = all.find((x) => x.id === id);
    if (!s) throw new UnknownScenarioError(id, all.map((x) => x.id));
    wanted.push(s);
  }
  const one = (g: SupplyGraph, id: string, label: string) => {
    const index = indexOfTable(flowTable(g));
    const costs = shocksOnScenario(g, index, shocks);
    const labels = Object.fromEntries(Object.keys(costs[0]?.lost ?? {}).map((d) => [d, g.getNodeAttribute(d, 'label') as string]));
    return { id, label, labels, shocks: costs };
  };
  const scenarios = [one(graph, 'baseline', 'Baseline')];
  for (const s of wanted) {
    const r = withScenario(graph, s, (g) => one(g, s.id, s.label));
    if (!r.ok) throw r.error;
    scenarios.push(r.value);
  }
  return { format: 'chokepoint-shocks', version: 1, graph: { title: graph.getAttribute('title') }, shocks, scenarios };
}
