/**
 * Scenarios applied in place and taken back (src/scenarios/journal.ts): the
 * figures equal those of the scenario applied to a copy, and the graph comes
 * back exactly, orders included, whatever the operations and wherever they fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentrationOfTable } from '../../../src/metrics/concentration.ts';
import { flowTable } from '../../../src/metrics/flow-table.ts';
import { failureFigures } from '../../../src/metrics/registry.ts';
import { indexOfTable } from '../../../src/metrics/supply-index.ts';
import { DEFAULT_LEVELS } from '../../../src/metrics/levels.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import type { Operation, Scenario } from '../../../src/model/schema.ts';
import { applyScenario, withScenario } from '../../../src/scenarios/apply.ts';
import { journal, MAX_REMOVALS_IN_PLACE, NeedsCopy } from '../../../src/scenarios/journal.ts';
import { arbitraryDocument, COUNTRIES, INPUTS } from '../../helpers/arbitrary.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

/** Everything whose order or value a figure or a writer could see. */
function snapshot(g: SupplyGraph): string {
  return JSON.stringify({
    attributes: g.getAttributes(),
    nodes: g.mapNodes((k, a) => [k, a, g.inEdges(k), g.outEdges(k), g.inNeighbors(k), g.outNeighbors(k)]),
    edges: g.mapEdges((k, a, s, t) => [k, a, s, t]),
  });
}

const node = fc.nat(9).map((i) => `n${i}`);
const input = fc.constantFrom(...INPUTS);
const country = fc.constantFrom(...COUNTRIES);
const value = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('addNode' as const), key: fc.constantFrom('n1', 'new-a', 'new-b'), attributes: fc.record({ label: fc.constant('New'), kind: fc.constant('supplier' as const), country }) }),
  fc.record({ op: fc.constant('setNode' as const), key: node, attributes: fc.record({ country }) }),
  fc.record({ op: fc.constant('removeNode' as const), key: node }),
  fc.record({ op: fc.constant('addFlow' as const), source: fc.oneof(node, fc.constant('new-a')), target: node, input, value }),
  fc.record({ op: fc.constant('setFlow' as const), source: node, target: node, input, value }),
  fc.record({ op: fc.constant('removeFlow' as const), source: node, target: node, input }),
  fc.record({ op: fc.constant('scaleFlows' as const), where: fc.record({ input, source: fc.record({ country }) }), factor: fc.constantFrom(0, 0.5, 2) }),
  fc.record({ op: fc.constant('shiftFlows' as const), target: node, input, from: fc.record({ country }), to: fc.record({ country }), fraction: fc.constantFrom(0, 0.3, 1) }),
) as fc.Arbitrary<Operation>;
const cases = fc.tuple(arbitraryDocument().map(graphOf), fc.array(operation, { minLength: 1, maxLength: 4 }));
const scenarioOf = (ops: Operation[]): Scenario => ({ id: 's', label: 'S', ops });
/** Every figure of the graph, spof lists exact. */
const figures = (g: SupplyGraph) => {
  const table = flowTable(g);
  return JSON.stringify({ concentration: concentrationOfTable(table, DEFAULT_LEVELS), ...failureFigures(indexOfTable(table), {}) });
};

describe('a scenario applied in place', () => {
  it('gives the figures of the scenario applied to a copy, and the graph back exactly', () => {
    fc.assert(
      fc.property(cases, ([g, ops]) => {
        const before = snapshot(g);
        const scenario = scenarioOf(ops);
        const copied = applyScenario(g, scenario);
        // Twice: the second run works on what the first put back (links between flows included).
        for (let run = 0; run < 2; run++) {
          const inPlace = withScenario(g, scenario, figures);
          expect(snapshot(g)).toBe(before);
          expect(inPlace.ok).toBe(copied.ok);
          if (copied.ok && inPlace.ok) expect(inPlace.value).toBe(figures(copied.graph));
          if (!copied.ok && !inPlace.ok) expect(inPlace.error).toEqual(copied.error);
        }
        // And graphology still drops every flow cleanly afterwards.
        const flows = g.edges();
        flows.forEach((e) => g.dropEdge(e));
        expect(g.size).toBe(0);
        g.forEachNode((n) => expect(g.degree(n)).toBe(0));
      }),
      { numRuns: 400 },
    );
  });

  it('works on the graph itself, removals included', () => {
    const g = graphOf(arbitraryDocumentSample());
    const same = (ops: Operation[]) => {
      const r = withScenario(g, scenarioOf(ops), (applied) => applied === g);
      return r.ok && r.value;
    };
    expect(same([{ op: 'scaleFlows', where: {}, factor: 2 }, { op: 'setNode', key: 'n1', attributes: { country: 'US' } }])).toBe(true);
    expect(same([{ op: 'addNode', key: 'x', attributes: { label: 'X', kind: 'supplier', country: 'JP' } }, { op: 'addFlow', source: 'x', target: 'n0', input: 'chips', value: 3 }])).toBe(true);
    expect(same([{ op: 'scaleFlows', where: {}, factor: 2 }, { op: 'removeNode', key: 'n1' }])).toBe(true);
  });

  it('goes to a copy past MAX_REMOVALS_IN_PLACE removals, with the same figures and the graph untouched', () => {
    const suppliers = Array.from({ length: MAX_REMOVALS_IN_PLACE + 2 }, (_, i) => `s${i}`);
    const g = graphOf(makeDoc([['buyer', 'demand', 'JP'], ...suppliers.map((k): [string, string, string] => [k, 'foundry', 'TW'])], suppliers.map((k, i): [string, string, string, number] => [k, 'buyer', 'chips', i + 1])));
    const before = snapshot(g);
    const keys = suppliers.slice(0, MAX_REMOVALS_IN_PLACE + 1);
    const scenario = scenarioOf(keys.map((key) => ({ op: 'removeNode', key })));
    const r = withScenario(g, scenario, (applied) => ({ inPlace: applied === g, figures: figures(applied) }));
    const copied = applyScenario(g, scenario);
    expect(r.ok && copied.ok).toBe(true);
    if (r.ok && copied.ok) expect(r.value).toEqual({ inPlace: false, figures: figures(copied.graph) });
    expect(snapshot(g)).toBe(before);
    // One removal fewer stays in place.
    const fewer = withScenario(g, scenarioOf(keys.slice(1).map((key) => ({ op: 'removeNode', key }))), (applied) => applied === g);
    expect(fewer.ok && fewer.value).toBe(true);
    expect(snapshot(g)).toBe(before);
  });

  it('is taken back when what runs on it throws', () => {
    const g = graphOf(arbitraryDocumentSample());
    const before = snapshot(g);
    const ops: Operation[] = [{ op: 'scaleFlows', where: {}, factor: 2 }, { op: 'addNode', key: 'extra', attributes: { label: 'X', kind: 'supplier', country: 'JP' } }];
    expect(() =>
      withScenario(g, scenarioOf(ops), (applied) => {
        expect(applied.hasNode('extra')).toBe(true);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(snapshot(g)).toBe(before);
  });

  it('refuses, before any change, what it cannot take back', () => {
    const g = graphOf(arbitraryDocumentSample());
    const before = snapshot(g);
    const j = journal(g);
    expect(() => j.view.clear()).toThrow(NeedsCopy);
    expect(() => (j.view as unknown as { updateEachEdgeAttributes(f: unknown): void }).updateEachEdgeAttributes(() => ({}))).toThrow(NeedsCopy);
    j.revert();
    expect(snapshot(g)).toBe(before);
  });
});

/** A fixed small graph with flows, from the same generator as the properties. */
function arbitraryDocumentSample() {
  return fc.sample(arbitraryDocument({ maxNodes: 6 }).filter((d) => d.edges.length > 2), { numRuns: 1, seed: 42 })[0]!;
}
