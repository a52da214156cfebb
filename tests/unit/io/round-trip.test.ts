/**
 * Export then import gives the same graph, for every format: nodes, edges,
 * keys, attributes (odd ones included) and the graph's attributes with its
 * sources and scenarios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFiles, type FileInput } from '../../../src/io/load.ts';
import { EXPORT_FORMATS, writeGraph } from '../../../src/io/write.ts';
import { toDocument } from '../../../src/model/graph.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import type { GraphDocumentInput } from '../../../src/model/schema.ts';
import { arbitraryDocument } from '../../helpers/arbitrary.ts';
import { graphOf } from '../../helpers/load.ts';

/** Values that text formats like to bend: formula starts, quotes, newlines, spaces, empty, numbers, lists, objects. */
const oddValue = fc.oneof(
  fc.string(),
  fc.constantFrom('=SUM(A1)', '+1', '-3', '@x', "'=x", "''", "'", ' padded ', 'a;b', 'line\nbreak', 'tab\there', '', '<b>&amp;</b>', '"quoted"', '[1, 2]', '{"a":1}', 'true', '12', '__proto__'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), fc.oneof(fc.string(), fc.integer()), { maxKeys: 2 }),
);
const oddName = fc.constantFrom('extra', 'owner', 'type', 'x', 'Weight', 'emoji 🚢', 'a:b', 'sources2');

const richDocument = arbitraryDocument({ values: 'wide' }).chain((doc) =>
  fc
    .record({
      nodeExtras: fc.array(fc.dictionary(oddName, oddValue, { maxKeys: 2 }), { minLength: doc.nodes.length, maxLength: doc.nodes.length }),
      edgeExtras: fc.array(fc.dictionary(oddName, oddValue, { maxKeys: 2 }), { minLength: doc.edges.length, maxLength: doc.edges.length }),
      edgeKeys: fc.array(fc.option(fc.constantFrom('e1', 'flow "2"', 'e<3>'), { nil: undefined }), { minLength: doc.edges.length, maxLength: doc.edges.length }),
      cite: fc.boolean(),
      title: fc.constantFrom('random', 'A & B <graph>', '=cmd|calc'),
    })
    .map(({ nodeExtras, edgeExtras, edgeKeys, cite, title }): GraphDocumentInput => {
      const used = new Set<string>();
      return {
        attributes: {
          ...doc.attributes,
          title,
          asOf: '2024-05',
          sources: [{ id: 's1', title: 'A source; with "quotes"', url: 'https://example.org/?a=1&b=2' }],
          scenarios: [{ id: 'half', label: 'Half of everything', ops: [{ op: 'scaleFlows', where: {}, factor: 0.5 }] }],
          countries: { EU: { name: 'European Union' } },
        },
        nodes: doc.nodes.map((n, i) => ({ key: n.key, attributes: { ...nodeExtras[i], ...n.attributes, ...(cite ? { sources: ['s1'] } : {}) } })),
        edges: doc.edges.map((e, i) => {
          const key = edgeKeys[i];
          const unique = key !== undefined && !used.has(key) && (used.add(key), true);
          return { ...(unique ? { key } : {}), source: e.source, target: e.target, attributes: { ...edgeExtras[i], ...e.attributes } };
        }),
      } as GraphDocumentInput;
    }),
);

const asInputs = (files: { name: string; data: string | Uint8Array }[]): FileInput[] =>
  files.map((f) => (typeof f.data === 'string' ? { name: f.name, text: f.data } : { name: f.name, bytes: f.data }));

describe('export then import', () => {
  for (const format of EXPORT_FORMATS) {
    it(`is lossless through ${format}`, () => {
      fc.assert(
        fc.property(richDocument, (doc) => {
          const graph = graphOf(doc);
          const exported = writeGraph(graph, format);
          expect(exported.lost).toEqual([]);
          const back = loadFiles(asInputs(exported.files));
          if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
          expect(back.format).toBe(format === 'zip' ? 'csv' : format);
          expect(back.unavailable).toEqual([]);
          // Only the native format's own warnings (inputs whose flows are all 0), never a guessed mapping.
          for (const w of back.warnings) expect(w.expected).toMatch(/^some flow of/);
          expect(toDocument(back.graph)).toEqual(toDocument(graph));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('says what a CSV export without graph.json leaves out', () => {
    const graph = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't', scenarios: [{ id: 's', label: 'S', ops: [] }] },
      nodes: [{ key: 'a', attributes: { label: 'A', kind: 'demand', country: 'JP' } }],
      edges: [],
    });
    const exported = writeGraph(graph, 'csv', { withoutGraphFile: true });
    expect(exported.files.map((f) => f.name)).toEqual(['nodes.csv', 'flows.csv']);
    expect(exported.lost.join('\n')).toContain('1 scenarios');
  });
});
