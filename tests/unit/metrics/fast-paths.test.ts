/**
 * The fast paths of docs/scale.md give the figures of the definitions
 * (tests/helpers/reference.ts) on random graphs: the sole-customer shortcut of
 * the exact spof lists, the impact bounds, the cut lists, reliance computed
 * for many sets at once in lanes, and concentration summed from the flow
 * table (availability in slow cycles: properties.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/index.ts';
import { availability, createLossPropagator, type LossPropagator } from '../../../src/metrics/availability.ts';
import { computeConcentration, concentrationOf } from '../../../src/metrics/concentration.ts';
import { firmOf } from '../../../src/model/graph.ts';
import { computeReliance, demandNodes, relianceSets } from '../../../src/metrics/reliance.ts';
import { LANES } from '../../../src/metrics/reliance-lanes.ts';
import { computeSpof, computeSpofLimited, type SpofRow } from '../../../src/metrics/spof.ts';
import { impactBounds } from '../../../src/metrics/spof-bound.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import { DICTIONARY_ADJACENCY, type SupplyGraph } from '../../../src/model/graph.ts';
import { arbitraryDocument } from '../../helpers/arbitrary.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';
import { referenceAvailability, referenceReliance } from '../../helpers/reference.ts';

const RUNS = { numRuns: 150 };
// Sparse graphs have many single-customer chains (the shortcut); dense ones many cycles.
const sparse = arbitraryDocument({ maxNodes: 12, maxEdges: 14 }).map(graphOf);
const dense = arbitraryDocument({ maxNodes: 9, maxEdges: 30 }).map(graphOf);
const wide = arbitraryDocument({ maxNodes: 9, values: 'wide' }).map(graphOf);
const any = fc.oneof(sparse, dense);

/** impact(n, d) of the definition for every demand node d and node n ≠ d. */
function referenceImpacts(g: SupplyGraph): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  g.forEachNode((d, a) => {
    if (a.kind !== 'demand') return;
    const m = new Map<string, number>();
    g.forEachNode((n) => n !== d && m.set(n, referenceReliance(g, d, [n])));
    out.set(d, m);
  });
  return out;
}

const listed = (row: SpofRow) => new Map(row.critical.map((c) => [c.key, c.impact]));

/** reliance(d, S) for every demand node by one sparse propagation each, with F = S minus {d}: the plain path the lanes replaced. */
function propagatedReliance(p: LossPropagator, set: number[], demands: number[]): number[] {
  return demands.map((d) => {
    p.run(set.filter((v) => v !== d));
    const loss = p.loss(d);
    p.reset();
    return loss;
  });
}

describe('concentration from the flow table', () => {
  /** metrics.md §5 flow by flow: each input's total and its holders' sums, in maps keyed by name. */
  function byDefinition(g: SupplyGraph) {
    const acc = new Map<string, { total: number; firms: Map<string, number>; countries: Map<string, number> }>();
    const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
    g.forEachEdge((_e, a, source, _t, sa) => {
      if (!acc.has(a.input)) acc.set(a.input, { total: 0, firms: new Map(), countries: new Map() });
      const x = acc.get(a.input)!;
      x.total += a.value;
      add(x.firms, firmOf(source, sa), a.value);
      add(x.countries, sa.country, a.value);
    });
    return [...acc]
      .filter(([, x]) => x.total > 0)
      .sort(([p], [q]) => (p < q ? -1 : 1))
      .map(([input, x]) => ({ input, total: x.total, byCompany: concentrationOf(x.firms, x.total), byCountry: concentrationOf(x.countries, x.total) }));
  }

  it('gives the figures of the definition exactly: firms shared by nodes, flows of 0, inputs of 0', () => {
    fc.assert(
      fc.property(fc.oneof(any, wide), (g) => {
        expect(computeConcentration(g)).toEqual(byDefinition(g));
      }),
      RUNS,
    );
  });
});

describe('reliance in lanes', () => {
  it('gives every figure of the definition, for every demand node, by country and by kind:country', () => {
    fc.assert(
      fc.property(any, (g) => {
        const ix = buildSupplyIndex(g);
        const demands = demandNodes(ix);
        const rows = computeReliance(ix, demands);
        const sets = relianceSets(ix);
        const p = createLossPropagator(ix);
        for (const [field, map] of [['byCountry', sets.byCountry], ['byKindCountry', sets.byKindCountry]] as const) {
          for (const [name, set] of map) {
            const plain = propagatedReliance(p, set, demands);
            rows.forEach((row, i) => {
              const ref = referenceReliance(g, row.demand, set.map((v) => ix.keys[v]!));
              expect(Math.abs(row[field][name]! - ref)).toBeLessThan(1e-6);
              expect(Math.abs(row[field][name]! - plain[i]!)).toBeLessThan(1e-9);
            });
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same figures when the sets need more than one sweep of lanes', () => {
    // More kind:country pairs than lanes: the second sweep must start from a clean slate.
    const doc = generateGraph({ nodes: 400, flows: 1600, seed: 7 });
    const ix = buildSupplyIndex(graphOf(doc));
    const sets = relianceSets(ix);
    expect(sets.byKindCountry.size).toBeGreaterThan(LANES);
    const demands = demandNodes(ix);
    const rows = computeReliance(ix, demands);
    const p = createLossPropagator(ix);
    for (const [name, set] of sets.byKindCountry) {
      const plain = propagatedReliance(p, set, demands);
      rows.forEach((row, i) => expect(Math.abs(row.byKindCountry[name]! - plain[i]!)).toBeLessThan(1e-9));
    }
  });
});

describe('exact spof lists with the sole-customer shortcut', () => {
  it('give every impact of the definition', () => {
    fc.assert(
      fc.property(any, (g) => {
        const ref = referenceImpacts(g);
        for (const row of computeSpof(buildSupplyIndex(g))) {
          const got = listed(row);
          for (const [n, impact] of ref.get(row.demand)!) {
            if (impact > 1e-9) expect(Math.abs((got.get(n) ?? 0) - impact)).toBeLessThan(1e-6);
            else expect(got.get(n) ?? 0).toBeLessThan(1e-6);
          }
        }
      }),
      RUNS,
    );
  });

  it('takes the shortcut on a chain and still gives the products of the shares', () => {
    // a -> b -> c -> d (demand); c also buys from x. Shortcut: a (via b), b (via c).
    const g = graphOf(makeDoc(
      [['d', 'demand', 'US'], ['c', 'supplier', 'TW'], ['x', 'supplier', 'JP'], ['b', 'foundry', 'TW'], ['a', 'wafer', 'JP'], ['y', 'wafer', 'KR']],
      [['c', 'd', 'chips', 10], ['x', 'c', 'fab', 1], ['b', 'c', 'fab', 3], ['a', 'b', 'wafers', 1], ['y', 'b', 'wafers', 1]],
    ));
    const [row] = computeSpof(buildSupplyIndex(g));
    expect(row!.critical.map((c) => c.key)).toEqual(['c', 'b', 'a', 'y', 'x']);
    const got = listed(row!);
    expect(got.get('b')).toBeCloseTo(0.75, 12);
    expect(got.get('a')).toBeCloseTo(0.375, 12);
    expect(got.get('x')).toBeCloseTo(0.25, 12);
  });
});

describe('impact bounds', () => {
  it('are never below the impact of the definition, and 0 only where the node does not reach the demand', () => {
    fc.assert(
      fc.property(fc.oneof(sparse, dense, wide), (g) => {
        const ix = buildSupplyIndex(g);
        const demands = demandNodes(ix);
        // Without exact impacts on cycles, and with them (as computeSpofLimited passes them).
        const p = createLossPropagator(ix);
        const exact = (v: number) => {
          p.run([v]);
          const out = Float64Array.from(demands, (d) => p.loss(d));
          p.reset();
          return out;
        };
        const ref = referenceImpacts(g);
        for (const bounds of [impactBounds(ix, demands), impactBounds(ix, demands, exact)]) {
          demands.forEach((d, i) => {
            for (const [n, impact] of ref.get(ix.keys[d]!)!) {
              const b = bounds[i]![ix.indexOf.get(n)!]!;
              expect(b).toBeLessThanOrEqual(1);
              expect(b).toBeGreaterThanOrEqual(impact - 1e-9);
              // The reference computes 1 - sum(share * a) and leaves rounding noise (2^-53)
              // where a node has no effect at all; a real impact is far above it.
              if (impact > 1e-12) expect(b).toBeGreaterThan(0);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('stay above a loss a cycle amplifies', () => {
    // v supplies half of t's fab; u, which only t supplies, the other half: v's failure stops t.
    const g = graphOf(makeDoc(
      [['d', 'demand', 'US'], ['t', 'foundry', 'TW'], ['u', 'supplier', 'TW'], ['v', 'wafer', 'JP']],
      [['t', 'd', 'chips', 1], ['v', 't', 'fab', 1], ['u', 't', 'fab', 1], ['t', 'u', 'chips', 1]],
    ));
    const ix = buildSupplyIndex(g);
    expect(referenceReliance(g, 'd', ['v'])).toBeCloseTo(1, 9);
    expect(impactBounds(ix, demandNodes(ix))[0]![ix.indexOf.get('v')!]).toBe(1);
    expect(computeSpofLimited(ix, { threshold: 0.9 }).rows[0]!.critical.map((c) => c.key)).toEqual(['t', 'v']);
  });
});

describe('cut spof lists', () => {
  it('with a threshold, are the exact lists without the impacts below it', () => {
    fc.assert(
      fc.property(any, fc.constantFrom(0.5, 0.1, 0.01, 1e-4), (g, threshold) => {
        const ix = buildSupplyIndex(g);
        const exact = computeSpof(ix);
        const cut = computeSpofLimited(ix, { threshold });
        expect(cut.limited).toBe(true);
        expect(cut.evaluated).toBeLessThanOrEqual(cut.upstream);
        exact.forEach((row, i) => {
          const want = row.critical.filter((c) => c.impact >= threshold + 1e-9);
          const got = listed(cut.rows[i]!);
          for (const c of want) expect(got.get(c.key)).toBeCloseTo(c.impact, 9);
          for (const c of cut.rows[i]!.critical) expect(c.impact).toBeGreaterThanOrEqual(threshold);
        });
      }),
      RUNS,
    );
  });

  it('with top K, hold the K largest impacts of the exact lists', () => {
    fc.assert(
      fc.property(any, fc.integer({ min: 1, max: 4 }), (g, top) => {
        const ix = buildSupplyIndex(g);
        const exact = computeSpof(ix);
        const cut = computeSpofLimited(ix, { top });
        exact.forEach((row, i) => {
          const got = cut.rows[i]!.critical;
          expect(got.length).toBe(Math.min(top, row.critical.length));
          // Same impacts in the same order (keys may differ only between equal impacts).
          got.forEach((c, k) => expect(c.impact).toBeCloseTo(row.critical[k]!.impact, 9));
        });
      }),
      RUNS,
    );
  });

  it('apply only above the auto size', () => {
    const g = graphOf(makeDoc([['d', 'demand', 'US'], ['s', 'supplier', 'TW']], [['s', 'd', 'chips', 1]]));
    const ix = buildSupplyIndex(g);
    expect(computeSpofLimited(ix, { auto: 1, top: 1 }).limited).toBe(false);
    expect(computeSpofLimited(ix, { auto: 0, top: 1 }).limited).toBe(true);
  });
});

describe('loss propagation', () => {
  it('matches the definition with the rank scan, run after run on random graphs', () => {
    const withRuns = fc.oneof(sparse, dense, wide).chain((g) => fc.tuple(fc.constant(g), fc.array(fc.subarray(g.nodes()), { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(withRuns, ([g, runs]) => {
        const ix = buildSupplyIndex(g);
        const p = createLossPropagator(ix, 0);
        for (const failed of runs) {
          p.run(failed.map((k) => ix.indexOf.get(k)!));
          const ref = referenceAvailability(g, new Set(failed));
          ix.keys.forEach((k, i) => expect(Math.abs(1 - p.loss(i) - ref.get(k)!)).toBeLessThan(1e-6));
          p.reset();
        }
      }),
      RUNS,
    );
  });
});

describe('loss propagation on a large graph', () => {
  // Big enough that failures reach more than SCAN_FROM components (the rank scan), with cycles.
  const g = graphOf(generateGraph({ nodes: 2000, flows: 10000, seed: 11 }));
  const ix = buildSupplyIndex(g);

  it('matches the definition, run after run on one propagator (heap, then rank scan)', () => {
    const p = createLossPropagator(ix, 4);
    // Nodes with customers, so that a run that skipped propagating would show.
    const supplying = (tier: string, k: number) => ix.keys.filter((key, i) => key.startsWith(`${tier}-`) && ix.outStart[i + 1]! > ix.outStart[i]!)[k]!;
    const runs = [['raw-0'], [supplying('system', 0)], [supplying('raw', 5), supplying('chemical', 3)], [supplying('fab', 2)], ['raw-0']];
    for (const failed of runs) {
      p.run(failed.map((k) => ix.indexOf.get(k)!));
      const ref = referenceAvailability(g, new Set(failed));
      let reached = 0;
      ix.keys.forEach((k, i) => {
        expect(Math.abs(1 - p.loss(i) - ref.get(k)!)).toBeLessThan(1e-6);
        if (p.loss(i) > 0) reached++;
      });
      expect(reached).toBeGreaterThan(failed.length);
      if (failed[0] === 'raw-0') expect(reached).toBeGreaterThan(600);
      p.reset();
    }
  });

  it('gives cut spof lists equal to the exact lists cut', () => {
    const exact = computeSpof(ix);
    const top = computeSpofLimited(ix, { top: 5 });
    const cut = computeSpofLimited(ix, { threshold: 0.01 });
    exact.forEach((row, i) => {
      top.rows[i]!.critical.forEach((c, k) => expect(c.impact).toBeCloseTo(row.critical[k]!.impact, 9));
      const want = row.critical.filter((c) => c.impact >= 0.01 + 1e-9).map((c) => c.key);
      const got = new Set(cut.rows[i]!.critical.map((c) => c.key));
      for (const k of want) expect(got.has(k)).toBe(true);
    });
    expect(top.evaluated).toBeLessThan(top.upstream);
  });
});

describe('graph building with dictionary-mode adjacency (model/graph.ts)', () => {
  it('keeps graphology behaviour: lookups, neighbour order, copies', () => {
    // The patch is on (this graphology has the node-data class it relies on), so what follows tests it.
    expect(DICTIONARY_ADJACENCY).toBe(true);
    const doc = generateGraph({ nodes: 300, flows: 1500, seed: 4 });
    const g = graphOf(doc);
    // Neighbour order is the order flows were added, as with plain objects.
    const firstTarget = doc.edges![0]!.target;
    const inOrder = [...new Set(doc.edges!.filter((e) => e.target === firstTarget).map((e) => e.source))];
    expect(g.inNeighbors(firstTarget)).toEqual(inOrder);
    for (const e of doc.edges!.slice(0, 50)) expect(g.hasDirectedEdge(e.source, e.target)).toBe(true);
    expect(g.hasDirectedEdge(doc.edges![0]!.target, 'no-such-node')).toBe(false);
    const copy = g.copy();
    expect(copy.export()).toEqual(g.export());
    copy.dropNode(firstTarget);
    expect(g.hasNode(firstTarget)).toBe(true);
    expect(copy.size).toBeLessThan(g.size);
  });
});
