/**
 * The report with scenarios made as deltas over the baseline's flow table
 * (scenarios/table-scenario.ts) is the report of each scenario applied to the
 * graph (apply.ts, withScenario) and read from it, figure for figure, in the
 * same JSON: on the graphs in graphs/, a generated graph and random graphs
 * with cycles and scenarios of every operation.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/index.ts';
import { DEFAULT_LEVELS } from '../../../src/metrics/levels.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import type { Operation, Scenario } from '../../../src/model/schema.ts';
import { buildReport, scenarioReport } from '../../../src/report/model.ts';
import { failingScenarios, scenariosOf, withScenario } from '../../../src/scenarios/apply.ts';
import { shocksOf } from '../../../src/scenarios/shock-hits.ts';
import { arbitraryDocument, COUNTRIES, INPUTS } from '../../helpers/arbitrary.ts';
import { graphOf, loadGraph, repoPath } from '../../helpers/load.ts';

/** Each scenario's report as before the table path: applied to the graph, the figures read from it. */
function onTheGraph(graph: SupplyGraph): unknown[] {
  const spof = undefined;
  const shocks = shocksOf(graph);
  return [
    scenarioReport(graph, { id: 'baseline', label: 'Baseline' }, DEFAULT_LEVELS, spof, shocks),
    ...scenariosOf(graph).map((s) => {
      const r = withScenario(graph, s, (applied) => scenarioReport(applied, s, DEFAULT_LEVELS, spof, shocks));
      if (!r.ok) throw r.error;
      return r.value;
    }),
  ];
}

const same = (graph: SupplyGraph) => expect(JSON.stringify(buildReport(graph).scenarios)).toBe(JSON.stringify(onTheGraph(graph)));

describe('the report over scenario tables', () => {
  it('is the report of the scenarios applied to the graph, on the graphs in graphs/ and a generated one', () => {
    const japan = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
    // With its shocks (they select nodes as each scenario leaves them), then without.
    expect(scenariosOf(japan).length).toBeGreaterThan(0);
    expect(shocksOf(japan).length).toBeGreaterThan(0);
    same(japan);
    japan.removeAttribute('shocks');
    same(japan);
    same(graphOf(generateGraph({ nodes: 800, flows: 3200, seed: 5 })));
  });

  it('is the report of the scenarios applied to the graph, on random graphs and scenarios', () => {
    const node = fc.nat(9).map((i) => `n${i}`);
    const input = fc.constantFrom(...INPUTS);
    const country = fc.constantFrom(...COUNTRIES);
    const value = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }));
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      fc.record({ op: fc.constant('addNode' as const), key: fc.constantFrom('new-a', 'new-b'), attributes: fc.record({ label: fc.constant('New'), kind: fc.constant('supplier' as const), country }) }),
      fc.record({ op: fc.constant('setNode' as const), key: node, attributes: fc.record({ country, company: fc.constantFrom('A', 'B') }, { requiredKeys: [] }) }),
      fc.record({ op: fc.constant('removeNode' as const), key: node }),
      fc.record({ op: fc.constant('addFlow' as const), source: fc.oneof(node, fc.constant('new-a')), target: node, input, value }),
      fc.record({ op: fc.constant('setFlow' as const), source: node, target: node, input, value }),
      fc.record({ op: fc.constant('removeFlow' as const), source: node, target: node, input }),
      fc.record({ op: fc.constant('scaleFlows' as const), where: fc.record({ input, source: fc.record({ country }) }, { requiredKeys: [] }), factor: fc.constantFrom(0, 0.5, 2) }),
      fc.record({ op: fc.constant('shiftFlows' as const), target: node, input, from: fc.record({ country }), to: fc.record({ country }), fraction: fc.constantFrom(0, 0.3, 1) }),
    ) as fc.Arbitrary<Operation>;
    const scenarios = fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
    // Shocks select nodes on each scenario's graph (a node set, added or removed by it included).
    const where = fc.oneof(fc.record({ country }), fc.record({ key: fc.oneof(node, fc.constant('new-a')) }), fc.record({ company: fc.constantFrom('A', 'B') }));
    const shocks = fc.array(fc.array(fc.record({ where, capacity: fc.constantFrom(0, 0.5) }), { minLength: 1, maxLength: 2 }), { maxLength: 2 });
    fc.assert(
      fc.property(arbitraryDocument({ maxNodes: 10, maxEdges: 30 }), scenarios, shocks, (doc, opsList, hitsList) => {
        const g = graphOf(doc);
        // Only the scenarios that apply: a file with the others does not load.
        const all = opsList.map((ops, i): Scenario => ({ id: `s${i}`, label: `S${i}`, ops }));
        const failing = new Set(failingScenarios(g, all).map((f) => f.scenario.id));
        g.setAttribute('scenarios', all.filter((s) => !failing.has(s.id)));
        if (hitsList.length) g.setAttribute('shocks', hitsList.map((hits, i) => ({ id: `k${i}`, label: `K${i}`, hits })));
        same(g);
      }),
      { numRuns: 300 },
    );
  });
});
