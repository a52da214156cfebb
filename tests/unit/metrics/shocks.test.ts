/**
 * Capacities in the loss propagator and what a shock costs (metrics.md §2,
 * §8), against the definitions written out literally (tests/helpers/reference.ts)
 * on random graphs with cycles; and, without capacities, against the
 * propagator as it was before them, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability, createLossPropagator } from '../../../src/metrics/availability.ts';
import { demandNodes } from '../../../src/metrics/reliance.ts';
import { shockLost } from '../../../src/metrics/shock-loss.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import { shockOnGraph } from '../../../src/scenarios/shock-hits.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import { createLossPropagator as createBefore } from '../../helpers/availability-before-capacities.ts';
import { arbitraryDocument } from '../../helpers/arbitrary.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';
import { referenceCapacityAvailability, referenceReliance, referenceShockLost } from '../../helpers/reference.ts';

const RUNS = { numRuns: 150 };
const sparse = arbitraryDocument({ maxNodes: 12, maxEdges: 14 }).map(graphOf);
const dense = arbitraryDocument({ maxNodes: 9, maxEdges: 30 }).map(graphOf);
const any = fc.oneof(sparse, dense);
/** Capacities 0, 1, or in between, often repeated (the smallest of overlapping hits wins). */
const capacityArb = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.5));

/** A graph and capacities for some of its nodes (each at most once). */
const withCapacities = any.chain((g) =>
  fc
    .array(fc.tuple(fc.nat(g.order - 1), capacityArb), { maxLength: g.order })
    .map((pairs) => ({ g, capacity: new Map(pairs.map(([i, k]) => [`n${i}`, k])) })),
);

const indexed = (g: SupplyGraph, capacity: Map<string, number>) => {
  const ix = buildSupplyIndex(g);
  const keys = [...capacity.keys()];
  return { ix, shock: { nodes: keys.map((k) => ix.indexOf.get(k)!), capacity: keys.map((k) => capacity.get(k)!) } };
};

describe('the loss propagator without capacities', () => {
  it('gives every loss bit for bit as before capacities existed, in heap and scan order, cycles included', () => {
    fc.assert(
      fc.property(any, fc.array(fc.nat(20), { maxLength: 4 }), fc.constantFrom(0, 512), (g, picks, scanFrom) => {
        const ix = buildSupplyIndex(g);
        const failed = [...new Set(picks.map((i) => i % ix.size))];
        const now = createLossPropagator(ix, scanFrom);
        const before = createBefore(ix, scanFrom);
        for (let round = 0; round < 2; round++) {
          now.run(failed, round ? { nodes: [], loss: [] } : undefined);
          before.run(failed);
          for (let v = 0; v < ix.size; v++) expect(Object.is(now.loss(v), before.loss(v))).toBe(true);
          now.reset();
          before.reset();
        }
      }),
      RUNS,
    );
  });
});

describe('availability with capacities', () => {
  it('is a(n) = min(k(n), …) of the definition, cycles going to the greatest fixed point', () => {
    fc.assert(
      fc.property(withCapacities, fc.constantFrom(0, 512), ({ g, capacity }, scanFrom) => {
        const { ix, shock } = indexed(g, capacity);
        const failed: number[] = [];
        const floors = { nodes: [] as number[], loss: [] as number[] };
        Array.from(shock.nodes).forEach((v, i) => {
          const k = shock.capacity[i]!;
          if (k === 0) failed.push(v);
          else if (k < 1) (floors.nodes.push(v), floors.loss.push(1 - k));
        });
        const want = referenceCapacityAvailability(g, capacity);
        const p = createLossPropagator(ix, scanFrom);
        // Twice on one propagator: reset leaves nothing of the first run behind.
        for (let round = 0; round < 2; round++) {
          p.run(failed, floors);
          for (let v = 0; v < ix.size; v++) expect(1 - p.loss(v)).toBeCloseTo(want.get(ix.keys[v]!)!, 9);
          p.reset();
        }
        const a = availability(ix, failed, floors);
        for (let v = 0; v < ix.size; v++) expect(a[v]).toBeCloseTo(want.get(ix.keys[v]!)!, 9);
      }),
      RUNS,
    );
  });

  it('a fab at half output: its customer keeps half of that input, a raw source at 0.3 passes on 0.3', () => {
    const g = graphOf(
      makeDoc(
        [['buyer', 'demand', 'JP'], ['fab-a', 'foundry', 'TW'], ['fab-b', 'foundry', 'US'], ['gas', 'chemical', 'UA']],
        [['fab-a', 'buyer', 'chips', 60], ['fab-b', 'buyer', 'chips', 40], ['gas', 'fab-b', 'neon', 1]],
      ),
    );
    const ix = buildSupplyIndex(g);
    const at = (k: string) => ix.indexOf.get(k)!;
    const a = availability(ix, [], { nodes: [at('fab-a'), at('gas')], loss: [0.5, 0.7] });
    expect(a[at('fab-a')]).toBeCloseTo(0.5, 12);
    expect(a[at('gas')]).toBeCloseTo(0.3, 12);
    expect(a[at('fab-b')]).toBeCloseTo(0.3, 12);
    expect(a[at('buyer')]).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.3, 12);
  });
});

describe('lost(d, X)', () => {
  it('is 1 - a(d) with the capacities on every node but d, for every demand node at once, demand nodes hit and in cycles included', () => {
    // Half the nodes demand nodes, so that hits on demand nodes and demand nodes in cycles are common.
    const demandHeavy = fc
      .oneof(arbitraryDocument({ maxNodes: 8, maxEdges: 24 }), arbitraryDocument({ maxNodes: 12, maxEdges: 14 }))
      .map((doc) => ({ ...doc, nodes: doc.nodes.map((n, i) => (i % 2 ? n : { ...n, attributes: { ...n.attributes, kind: 'demand' as const } })) }))
      .map(graphOf)
      .chain((g) =>
        fc
          .array(fc.tuple(fc.nat(g.order - 1), capacityArb), { maxLength: g.order })
          .map((pairs) => ({ g, capacity: new Map(pairs.map(([i, k]) => [`n${i}`, k])) })),
      );
    fc.assert(
      fc.property(demandHeavy, fc.constantFrom(0, 512), ({ g, capacity }, scanFrom) => {
        const { ix, shock } = indexed(g, capacity);
        const demands = demandNodes(ix);
        const p = createLossPropagator(ix, scanFrom);
        const lost = shockLost(ix, shock, demands, p);
        demands.forEach((d, i) => expect(lost[i]).toBeCloseTo(referenceShockLost(g, ix.keys[d]!, capacity), 9));
        // The propagator is left reset: a run with nothing failed loses nothing.
        p.run([]);
        for (let v = 0; v < ix.size; v++) expect(p.loss(v)).toBe(0);
      }),
      RUNS,
    );
  });

  it('is reliance(d, S) for the shock that sets k = 0 on S', () => {
    fc.assert(
      fc.property(any, fc.constantFrom(...(['JP', 'TW', 'US', 'KR'] as const)), (g, country) => {
        const set = g.filterNodes((_k, a) => a.country === country);
        const { ix, shock } = indexed(g, new Map(set.map((k) => [k, 0])));
        const demands = demandNodes(ix);
        const lost = shockLost(ix, shock, demands);
        demands.forEach((d, i) => expect(lost[i]).toBeCloseTo(referenceReliance(g, ix.keys[d]!, set), 9));
      }),
      RUNS,
    );
  });
});

describe('which nodes a shock hits', () => {
  const g = graphOf(
    makeDoc(
      [['buyer', 'demand', 'JP'], ['tsmc-tw', 'foundry', 'TW', 'TSMC'], ['tsmc-jp', 'foundry', 'JP', 'TSMC'], ['umc', 'foundry', 'TW', 'UMC']],
      [['tsmc-tw', 'buyer', 'chips', 1], ['tsmc-jp', 'buyer', 'chips', 1], ['umc', 'buyer', 'chips', 1]],
    ),
  );
  it('ANDs fields and ORs values; a node matched twice takes the smallest capacity; a hit matching nothing is skipped', () => {
    const on = shockOnGraph(g, {
      hits: [
        { where: { kind: 'foundry', country: 'TW' }, capacity: 0.5 },
        { where: { company: 'TSMC' }, capacity: 0.8 },
        { where: { key: ['umc', 'nowhere'] }, capacity: 0.2 },
        { where: { country: 'KR' }, capacity: 0 },
      ],
    });
    expect(Object.fromEntries(on.capacity)).toEqual({ 'tsmc-tw': 0.5, umc: 0.2, 'tsmc-jp': 0.8 });
    expect(on.skipped).toEqual([3]);
  });
});
