/** Properties of the figures on random graphs, and agreement with the definitions in tests/helpers/reference.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability } from '../../../src/metrics/availability.ts';
import { computeConcentration } from '../../../src/metrics/concentration.ts';
import { computeReliance } from '../../../src/metrics/reliance.ts';
import { computeSpof } from '../../../src/metrics/spof.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import { toDocument } from '../../../src/model/graph.ts';
import { applyScenario } from '../../../src/scenarios/apply.ts';
import { arbitraryDocument, COUNTRIES, INPUTS } from '../../helpers/arbitrary.ts';
import { graphOf } from '../../helpers/load.ts';
import { referenceAvailability, referenceReliance } from '../../helpers/reference.ts';

const RUNS = { numRuns: 150 };
const graphs = arbitraryDocument().map(graphOf);
const withFailures = graphs.chain((g) => fc.tuple(fc.constant(g), fc.subarray(g.nodes()), fc.subarray(g.nodes())));
const wideGraphs = arbitraryDocument({ values: 'wide' }).map(graphOf);
const wideWithFailures = wideGraphs.chain((g) => fc.tuple(fc.constant(g), fc.subarray(g.nodes()), fc.subarray(g.nodes())));

describe('availability', () => {
  // Wide values put shares from 1e-9 to 1 on cycles: the slow fixed points of the chaotic iteration.
  it('matches the definition, slow cycles included', () => {
    fc.assert(
      fc.property(fc.oneof(withFailures, wideWithFailures), ([g, failed]) => {
        const ix = buildSupplyIndex(g);
        const a = availability(ix, failed.map((k) => ix.indexOf.get(k)!));
        const ref = referenceAvailability(g, new Set(failed));
        ix.keys.forEach((k, i) => expect(Math.abs(a[i]! - ref.get(k)!)).toBeLessThan(1e-6));
      }),
      { numRuns: 2 * RUNS.numRuns },
    );
  });

  it('stays in [0, 1], whatever the values', () => {
    fc.assert(
      fc.property(wideWithFailures, ([g, failed]) => {
        const ix = buildSupplyIndex(g);
        for (const x of availability(ix, failed.map((k) => ix.indexOf.get(k)!))) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('never rises when more nodes fail', () => {
    fc.assert(
      fc.property(wideWithFailures, ([g, some, more]) => {
        const ix = buildSupplyIndex(g);
        const ids = (ks: string[]) => ks.map((k) => ix.indexOf.get(k)!);
        const a = availability(ix, ids(some));
        const b = availability(ix, ids([...new Set([...some, ...more])]));
        for (let i = 0; i < ix.size; i++) expect(b[i]!).toBeLessThanOrEqual(a[i]! + 1e-9);
      }),
      RUNS,
    );
  });
});

describe('reliance', () => {
  it('is 1 on all nodes but the demand itself, where the demand has supply', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const hasSupply = g.inEdges('n0').some((e) => g.getEdgeAttribute(e, 'value') > 0);
        expect(referenceReliance(g, 'n0', g.nodes())).toBeCloseTo(hasSupply ? 1 : 0, 9);
        const ix = buildSupplyIndex(g);
        const [row] = computeReliance(ix, [0]);
        // The sets the engine reports agree with the definition.
        for (const c of COUNTRIES) {
          const set = g.filterNodes((_k, a) => a.country === c);
          if (set.length === 0) continue;
          expect(Math.abs(row!.byCountry[c]! - referenceReliance(g, 'n0', set))).toBeLessThan(1e-6);
        }
      }),
      RUNS,
    );
  });
});

describe('single points of failure', () => {
  it('match reliance on the single node, for every upstream node, sorted', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const spof = computeSpof(buildSupplyIndex(g));
        for (const row of spof) {
          const listed = new Map(row.critical.map((c) => [c.key, c.impact]));
          g.forEachNode((n) => {
            if (n === row.demand) return;
            const impact = referenceReliance(g, row.demand, [n]);
            if (impact > 1e-9) expect(Math.abs((listed.get(n) ?? 0) - impact)).toBeLessThan(1e-6);
            else expect(listed.get(n) ?? 0).toBeLessThan(1e-6);
          });
          for (let i = 1; i < row.critical.length; i++) {
            const [p, q] = [row.critical[i - 1]!, row.critical[i]!];
            expect(p.impact > q.impact || (p.impact === q.impact && p.key < q.key)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('concentration', () => {
  it('keeps 10000/n <= HHI <= 10000 and CR1 <= CR3 <= 1', () => {
    fc.assert(
      fc.property(wideGraphs, (g) => {
        for (const row of computeConcentration(g)) {
          for (const side of [row.byCompany, row.byCountry]) {
            const n = side.shares.length;
            expect(side.hhi).toBeGreaterThanOrEqual(10000 / n - 1e-6);
            expect(side.hhi).toBeLessThanOrEqual(10000 + 1e-6);
            expect(side.cr1).toBeLessThanOrEqual(side.cr3 + 1e-12);
            expect(side.cr3).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('scenarios', () => {
  const totals = (g: ReturnType<typeof graphOf>) => {
    const t = new Map<string, number>();
    g.forEachEdge((_e, a, _s, target) => t.set(`${target} ${a.input}`, (t.get(`${target} ${a.input}`) ?? 0) + a.value));
    return t;
  };

  it('shiftFlows keeps each target\'s total', () => {
    fc.assert(
      fc.property(graphs, fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), fc.constantFrom(...INPUTS), fc.double({ min: 0, max: 1, noNaN: true }), (g, from, to, input, fraction) => {
        const r = applyScenario(g, { id: 's', label: 'S', ops: [{ op: 'shiftFlows', target: 'n0', input, from: { country: from }, to: { country: to }, fraction }] });
        if (!r.ok) return; // no supplier on one side, or nothing to shift: refused, checked below
        const before = totals(g);
        const after = totals(r.graph);
        for (const [k, v] of before) expect(after.get(k) ?? 0).toBeCloseTo(v, 6);
      }),
      RUNS,
    );
  });

  it('a scenario that fails leaves the graph unchanged', () => {
    fc.assert(
      fc.property(graphs, fc.double({ min: 0, max: 5, noNaN: true }), (g, factor) => {
        const before = JSON.stringify(toDocument(g));
        const r = applyScenario(g, {
          id: 's',
          label: 'S',
          ops: [
            { op: 'scaleFlows', where: {}, factor },
            { op: 'removeNode', key: 'n0' },
            { op: 'removeFlow', source: 'n0', target: 'n1', input: 'chips' },
          ],
        });
        expect(r.ok).toBe(false);
        expect(JSON.stringify(toDocument(g))).toBe(before);
      }),
      RUNS,
    );
  });
});
