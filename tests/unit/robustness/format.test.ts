/**
 * robustness.md §1 in the file: basis, range, uncertainty and variants are
 * checked with every problem listed, and survive every export format.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles, type FileInput } from '../../../src/io/load.ts';
import { loadNativeText } from '../../../src/io/load-native.ts';
import { EXPORT_FORMATS, writeGraph } from '../../../src/io/write.ts';
import { toDocument } from '../../../src/model/graph.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { graphOf } from '../../helpers/load.ts';

const base = () => ({
  attributes: { format: 'chokepoint-graph', version: 1, title: 't' } as Record<string, unknown>,
  nodes: [
    { key: 'tw', attributes: { label: 'TW fab', kind: 'foundry', country: 'TW' } },
    { key: 'us', attributes: { label: 'US fab', kind: 'foundry', country: 'US' } },
    { key: 'jp', attributes: { label: 'JP buyers', kind: 'demand', country: 'JP' } },
  ],
  edges: [
    { key: 'a', source: 'tw', target: 'jp', attributes: { input: 'chips', value: 3, basis: 'derived', range: [2, 4] } },
    { source: 'us', target: 'jp', attributes: { input: 'chips', value: 1 } },
  ] as { key?: string; source: string; target: string; attributes: Record<string, unknown> }[],
});

const problemsOf = (doc: unknown) => {
  const r = loadNativeText(JSON.stringify(doc));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.expected} | ${p.found}`);
};

describe('robustness fields in the file', () => {
  it('loads a file with basis, range, uncertainty and variants', () => {
    const doc = base();
    doc.attributes.uncertainty = { reported: 0.1, assumption: 0.5 };
    doc.attributes.variants = [{ id: 'no-us', label: 'No US fab', ops: [{ op: 'removeNode', key: 'us' }] }];
    doc.attributes.scenarios = [{ id: 'more', label: 'More', ops: [{ op: 'addFlow', source: 'tw', target: 'jp', input: 'chips', value: 1, range: [0.5, 2] }] }];
    expect(problemsOf(doc)).toEqual([]);
  });

  it('lists every bad range, basis and uncertainty with its path', () => {
    const doc = base();
    doc.edges[0]!.attributes.range = [4, 5]; // does not hold 3
    doc.edges[1]!.attributes.range = [-1, 2]; // negative bound
    doc.edges[1]!.attributes.basis = 'guess';
    doc.edges.push({ source: 'tw', target: 'us', attributes: { input: 'chips', value: 1, range: [2, 0.5] } });
    doc.attributes.uncertainty = { reported: -0.1, rumour: 0.2 };
    doc.attributes.scenarios = [
      { id: 's', label: 'S', ops: [{ op: 'setFlow', source: 'tw', target: 'jp', input: 'chips', amount: { value: 10, currency: 'USD' }, range: [1, 2] }] },
    ];
    const problems = problemsOf(doc);
    const paths = problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'edges[0].attributes.range',
        'edges[1].attributes.range[0]',
        'edges[1].attributes.basis',
        'edges[2].attributes.range',
        'attributes.uncertainty.reported',
        'attributes.scenarios[0].ops[0].range',
      ]),
    );
    expect(problems.find((p) => p.startsWith('edges[0].attributes.range'))).toContain('holds its value 3');
    expect(problems.find((p) => p.startsWith('attributes.scenarios[0].ops[0].range'))).toContain('holds its amount 10');
    expect(problems.some((p) => p.startsWith('attributes.uncertainty') && p.includes('rumour'))).toBe(true);
  });

  it('names the variant, the scenario and the operation that cannot apply', () => {
    const doc = base();
    doc.attributes.variants = [
      { id: 'no-us', label: 'No US fab', ops: [{ op: 'removeNode', key: 'us' }] },
      { id: 'broken', label: 'Broken', ops: [{ op: 'scaleFlows', where: {}, factor: 2 }, { op: 'removeNode', key: 'nowhere' }] },
    ];
    doc.attributes.scenarios = [
      { id: 'ok', label: 'OK', ops: [] },
      { id: 'from-us', label: 'From US', ops: [{ op: 'scaleFlows', where: {}, factor: 1 }, { op: 'setFlow', source: 'us', target: 'jp', input: 'chips', value: 2 }] },
    ];
    const problems = problemsOf(doc);
    expect(problems.find((p) => p.startsWith('attributes.variants[1].ops[1]'))).toContain('variant "broken", operation 1 (removeNode)');
    expect(problems.find((p) => p.startsWith('attributes.scenarios[1].ops[1]'))).toContain('scenario "from-us", operation 1 (setFlow) to apply on variant "no-us"');
    expect(problems).toHaveLength(2);
  });

  it('refuses a variant named "baseline" or used twice', () => {
    const doc = base();
    doc.attributes.variants = [
      { id: 'baseline', label: 'Clash', ops: [] },
      { id: 'v', label: 'V', ops: [] },
      { id: 'v', label: 'V again', ops: [] },
    ];
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['attributes.variants[0].id', 'attributes.variants[2].id']);
  });
});

describe('robustness fields through every export format', () => {
  for (const format of EXPORT_FORMATS) {
    it(`keeps them through ${format}`, () => {
      const doc = base();
      doc.edges[1]!.attributes.basis = 'assumption';
      doc.attributes.uncertainty = { derived: 0.3 };
      doc.attributes.variants = [{ id: 'no-us', label: 'No US fab', description: 'd', ops: [{ op: 'removeNode', key: 'us' }] }];
      doc.attributes.scenarios = [{ id: 'more', label: 'More', ops: [{ op: 'addFlow', source: 'tw', target: 'jp', input: 'chips', value: 1, range: [0.5, 2] }] }];
      const graph = graphOf(doc as never);
      const exported = writeGraph(graph, format);
      expect(exported.lost).toEqual([]);
      const back = loadFiles(exported.files.map((f): FileInput => (typeof f.data === 'string' ? { name: f.name, text: f.data } : { name: f.name, bytes: f.data })));
      if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
      expect(toDocument(back.graph)).toEqual(toDocument(graph));
      expect(back.graph.getEdgeAttribute('a', 'range')).toEqual([2, 4]);
      expect(back.graph.getAttribute('variants')?.[0]?.id).toBe('no-us');
    });
  }
});
