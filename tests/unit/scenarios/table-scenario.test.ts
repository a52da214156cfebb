/**
 * Scenarios as deltas over the flow table (src/scenarios/table-scenario.ts):
 * on random graphs with cycles and random scenarios of every operation, the
 * table equals, array for array, the flow table of the graph as the scenario
 * leaves it (apply.ts, the definition the figures are computed from); a
 * scenario that fails on the graph gives no table; the baseline's table is
 * never changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowTable, type FlowTable } from '../../../src/metrics/flow-table.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import type { Operation, Scenario } from '../../../src/model/schema.ts';
import { failingScenarios, withScenario } from '../../../src/scenarios/apply.ts';
import { scenarioTable, tableBase, tableBaseOf } from '../../../src/scenarios/table-scenario.ts';
import { arbitraryDocument, COUNTRIES, INPUTS } from '../../helpers/arbitrary.ts';
import { graphOf } from '../../helpers/load.ts';

const node = fc.nat(9).map((i) => `n${i}`);
const someNode = fc.oneof(node, fc.constantFrom('new-a', 'new-b'));
const input = fc.constantFrom(...INPUTS);
const country = fc.constantFrom(...COUNTRIES);
const company = fc.constantFrom('A', 'B', 'n3');
const kind = fc.constantFrom('supplier' as const, 'foundry' as const, 'demand' as const);
const value = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }));
const amount = fc.record({ value: fc.integer({ min: 1, max: 100 }), currency: fc.constantFrom('USD', 'JPY', 'EUR') });
const selector = fc.record({ country, kind, company, key: fc.array(node, { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('addNode' as const), key: fc.constantFrom('n1', 'new-a', 'new-b'), attributes: fc.record({ label: fc.constant('New'), kind, country }) }),
  fc.record({ op: fc.constant('setNode' as const), key: someNode, attributes: fc.record({ country, kind, company, label: fc.constant('Renamed') }, { requiredKeys: [] }) }),
  fc.record({ op: fc.constant('removeNode' as const), key: someNode }),
  fc.record({ op: fc.constant('addFlow' as const), source: someNode, target: someNode, input, value }),
  fc.record({ op: fc.constant('addFlow' as const), source: someNode, target: node, input, amount }),
  fc.record({ op: fc.constant('setFlow' as const), source: someNode, target: someNode, input, value }),
  fc.record({ op: fc.constant('removeFlow' as const), source: someNode, target: someNode, input }),
  fc.record({ op: fc.constant('scaleFlows' as const), where: fc.record({ input: fc.oneof(input, fc.array(input, { minLength: 1 })), source: selector, target: selector }, { requiredKeys: [] }), factor: fc.constantFrom(0, 0.5, 2, 1e200) }),
  fc.record({ op: fc.constant('shiftFlows' as const), target: someNode, input, from: selector, to: selector, fraction: fc.constantFrom(0, 0.3, 1) }),
) as fc.Arbitrary<Operation>;
const scenario = fc.record({ ops: fc.array(operation, { minLength: 1, maxLength: 6 }), fx: fc.option(fc.constant({ JPY: 150 }), { nil: undefined }) }).map(
  ({ ops, fx }): Scenario => ({ id: 's', label: 'S', ops, ...(fx ? { fx } : {}) }),
);
// Graphs with parallel flows (several flows of one input between two nodes) and cycles.
const graph = arbitraryDocument({ maxNodes: 10, maxEdges: 30, values: 'wide' }).map((doc) => graphOf({ ...doc, attributes: { ...doc.attributes, fx: { EUR: 0.9 } } }));

const plain = (t: FlowTable) => ({ ...t, indexOf: [...t.indexOf] });

describe('a scenario over the flow table', () => {
  it('equals the flow table of the graph as the scenario leaves it, and gives none when the scenario fails', () => {
    let made = 0;
    let applied = 0;
    fc.assert(
      fc.property(graph, fc.array(scenario, { minLength: 1, maxLength: 3 }), (g: SupplyGraph, scenarios) => {
        const base = tableBase(g);
        const before = plain(flowTable(g));
        // Several scenarios over one base: the adjacency it builds for the first serves the next. All of them
        // before the graph path, which changes the graph and takes it back (a base holds the graph's own objects).
        const tables = scenarios.map((s) => scenarioTable(base, s));
        expect(plain(base.table)).toEqual(before);
        scenarios.forEach((s, i) => {
          const table = tables[i];
          const onGraph = withScenario(g, s, flowTable);
          if (!onGraph.ok) expect(table).toBeUndefined();
          else {
            applied++;
            if (table) {
              made++;
              expect(plain(table)).toEqual(plain(onGraph.value));
            }
          }
        });
        // failingScenarios, which checks a file's scenarios over the table first, finds what the graph path finds.
        const failing = scenarios.flatMap((s, at) => {
          const r = withScenario(g, s, () => undefined);
          return r.ok ? [] : [{ at, scenario: s, error: r.error }];
        });
        expect(failingScenarios(g, scenarios)).toEqual(failing);
      }),
      { numRuns: 1500 },
    );
    // The graph path is the exception: most scenarios that apply are done over the table.
    expect(made).toBeGreaterThan(0.8 * applied);
  });

  it('equals the graph path bit for bit on values that do not sum exactly', () => {
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't' },
      nodes: ['d', 'a', 'b', 'c'].map((key) => ({ key, attributes: { label: key, kind: key === 'd' ? 'demand' : 'supplier', country: key === 'a' ? 'JP' : 'TW' } })),
      edges: [
        { source: 'a', target: 'd', attributes: { input: 'chips', value: 0.1 } },
        { source: 'b', target: 'd', attributes: { input: 'chips', value: 0.2 } },
        { source: 'c', target: 'd', attributes: { input: 'chips', value: 0.7 } },
        { source: 'b', target: 'd', attributes: { input: 'chips', value: 1 / 3 } },
      ],
    });
    const s: Scenario = { id: 's', label: 'S', ops: [{ op: 'shiftFlows', target: 'd', input: 'chips', from: { country: 'TW' }, to: { country: 'JP' }, fraction: 0.37 }, { op: 'scaleFlows', where: { source: { key: 'b' } }, factor: 1.1 }] };
    const table = scenarioTable(tableBase(g), s)!;
    const onGraph = withScenario(g, s, flowTable);
    expect(onGraph.ok).toBe(true);
    if (onGraph.ok) expect([...table.flowValue]).toEqual([...onGraph.value.flowValue]);
  });

  it('takes the newest of parallel flows first, as graphology does', () => {
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't' },
      nodes: ['d', 'a', 'b'].map((key) => ({ key, attributes: { label: key, kind: key === 'd' ? 'demand' : 'supplier', country: 'TW' } })),
      edges: [
        { source: 'a', target: 'd', attributes: { input: 'chips', value: 1 } },
        { source: 'b', target: 'd', attributes: { input: 'chips', value: 2 } },
        { source: 'a', target: 'd', attributes: { input: 'chips', value: 3 } },
        { source: 'b', target: 'd', attributes: { input: 'chips', value: 4 } },
      ],
    });
    const base = tableBase(g);
    for (const op of [
      { op: 'setFlow', source: 'a', target: 'd', input: 'chips', value: 5 },
      { op: 'addFlow', source: 'b', target: 'd', input: 'chips', value: 5 },
    ] as Operation[]) {
      const s: Scenario = { id: 's', label: 'S', ops: [op] };
      const onGraph = withScenario(g, s, flowTable);
      expect(onGraph.ok).toBe(true);
      if (onGraph.ok) expect(plain(scenarioTable(base, s)!)).toEqual(plain(onGraph.value));
    }
  });

  it('keeps a graph\'s base until the graph changes', () => {
    const g = graphOf(fc.sample(arbitraryDocument({ maxNodes: 6 }).filter((d) => d.edges.length > 2), { numRuns: 1, seed: 7 })[0]!);
    const first = tableBaseOf(g);
    expect(tableBaseOf(g)).toBe(first);
    // A scenario applied in place and taken back changes the graph meanwhile: forgotten.
    withScenario(g, { id: 's', label: 'S', ops: [{ op: 'scaleFlows', where: {}, factor: 2 }] }, () => undefined);
    const second = tableBaseOf(g);
    expect(second).not.toBe(first);
    expect(plain(second.table)).toEqual(plain(flowTable(g)));
    g.setNodeAttribute('n1', 'country', 'KR');
    const third = tableBaseOf(g);
    expect(third).not.toBe(second);
    expect(plain(third.table)).toEqual(plain(flowTable(g)));
    g.dropEdge(g.edges()[0]!);
    expect(plain(tableBaseOf(g).table)).toEqual(plain(flowTable(g)));
  });
});
