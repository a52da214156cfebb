/** fast-check arbitraries: random valid supply graphs, cycles allowed. */
import fc from 'fast-check';
import type { GraphDocumentInput } from '../../src/model/schema.ts';
import { NODE_KINDS } from '../../src/model/schema.ts';

export const COUNTRIES = ['JP', 'TW', 'US', 'KR'] as const;
export const INPUTS = ['chips', 'wafers', 'gas'] as const;

export interface RandomGraphOptions {
  maxNodes?: number;
  maxEdges?: number;
  /**
   * Whole values 0..100 keep every share above about 1/300, so that a cycle's
   * fixed point is reached well within 1e-6; 'wide' also draws values from
   * 0.001 to 1e6, whose tiny shares make cycles converge slowly.
   */
  values?: 'whole' | 'wide';
}

/** 2 to maxNodes nodes, the first always a demand node; edges between distinct nodes, values often 0. */
export function arbitraryDocument(options: RandomGraphOptions = {}): fc.Arbitrary<GraphDocumentInput> {
  const maxNodes = options.maxNodes ?? 9;
  return fc.integer({ min: 2, max: maxNodes }).chain((n) =>
    fc
      .record({
        kinds: fc.array(fc.constantFrom(...NODE_KINDS), { minLength: n, maxLength: n }),
        countries: fc.array(fc.constantFrom(...COUNTRIES), { minLength: n, maxLength: n }),
        companies: fc.array(fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.record({
            source: fc.nat(n - 1),
            target: fc.nat(n - 1),
            input: fc.constantFrom(...INPUTS),
            value:
              options.values === 'wide'
                ? fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }))
                : fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
          }),
          { maxLength: options.maxEdges ?? 3 * n },
        ),
      })
      .map(({ kinds, countries, companies, edges }) => ({
        attributes: { format: 'chokepoint-graph' as const, version: 1 as const, title: 'random' },
        nodes: kinds.map((kind, i) => ({
          key: `n${i}`,
          attributes: {
            label: `Node ${i}`,
            kind: i === 0 ? ('demand' as const) : kind,
            country: countries[i]!,
            ...(companies[i] ? { company: companies[i] } : {}),
          },
        })),
        edges: edges
          .filter((e) => e.source !== e.target)
          .map((e) => ({ source: `n${e.source}`, target: `n${e.target}`, attributes: { input: e.input, value: e.value } })),
      })),
  );
}
