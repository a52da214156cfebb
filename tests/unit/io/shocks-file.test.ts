/**
 * Shocks in the file (metrics.md §8, docs/format.md): every problem listed
 * with its JSON path, the shock's id and the hit's index; and kept through
 * every export format.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../src/io/validate.ts';
import { loadFiles, type FileInput } from '../../../src/io/load.ts';
import { EXPORT_FORMATS, writeGraph } from '../../../src/io/write.ts';
import { toDocument } from '../../../src/model/graph.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const NODES: Parameters<typeof makeDoc>[0] = [
  ['buyer', 'demand', 'JP'],
  ['fab-tw', 'foundry', 'TW', 'Fabco'],
  ['fab-us', 'foundry', 'US', 'Fabco'],
  ['neon', 'chemical', 'UA'],
];
const EDGES: Parameters<typeof makeDoc>[1] = [
  ['fab-tw', 'buyer', 'chips', 3],
  ['fab-us', 'buyer', 'chips', 1],
  ['neon', 'fab-tw', 'neon', 1],
];
const docWith = (shocks: unknown) => makeDoc(NODES, EDGES, { sources: [{ id: 's1', title: 'A source' }], shocks });
const problemsOf = (shocks: unknown) => validateDocument(docWith(shocks)).problems.map(formatProblem);

describe('shocks in the file', () => {
  it('accepts partial capacities, overlapping hits and cited sources', () => {
    const v = validateDocument(
      docWith([
        { id: 'tw-half', label: 'Taiwan at half', sources: ['s1'], hits: [{ where: { country: 'TW' }, capacity: 0.5 }, { where: { company: 'Fabco' }, capacity: 0.8 }] },
      ]),
    );
    expect(v.problems).toEqual([]);
    expect(v.graph?.getAttribute('shocks')?.[0]?.hits).toHaveLength(2);
  });

  it('lists every problem with its path, naming the shock and the hit', () => {
    const problems = problemsOf([
      { id: 'a', label: 'A', hits: [{ where: { country: 'TW' }, capacity: 1.5 }, { where: { colour: 'red' }, capacity: 0 }] },
      { id: 'a', label: 'Again', sources: ['nope'], hits: [{ where: { kind: 'fab' }, capacity: -0.1 }] },
      { id: 'empty', label: 'No hits', hits: [] },
    ]);
    const expectOne = (re: RegExp) => expect(problems.filter((p) => re.test(p)), `${re} in\n${problems.join('\n')}`).toHaveLength(1);
    expectOne(/^attributes\.shocks\[0\]\.hits\[0\]\.capacity: expected shock "a", hit 0: .*1/);
    expectOne(/^attributes\.shocks\[0\]\.hits\[1\]\.where: expected shock "a", hit 1: .*colour/);
    expectOne(/^attributes\.shocks\[1\]\.id: expected shock "a": a shock id used once, found "a" again \(also attributes\.shocks\[0\]\)/);
    expectOne(/^attributes\.shocks\[1\]\.sources\[0\]: .*"nope"/);
    expectOne(/^attributes\.shocks\[1\]\.hits\[0\]\.where\.kind: expected shock "a", hit 0: /);
    expectOne(/^attributes\.shocks\[1\]\.hits\[0\]\.capacity: expected shock "a", hit 0: .*0/);
    expectOne(/^attributes\.shocks\[2\]\.hits: expected shock "empty": at least 1 item/);
  });

  it('refuses a hit that matches no node of the graph, naming the shock and the hit', () => {
    const problems = problemsOf([{ id: 'kr', label: 'Korea stops', hits: [{ where: { country: 'TW' }, capacity: 0 }, { where: { country: 'KR' }, capacity: 0 }] }]);
    expect(problems).toEqual(['attributes.shocks[0].hits[1].where: expected shock "kr", hit 1: a selector that matches some node of the graph, found {"country":"KR"}, which matches no node']);
  });
});

const asInputs = (files: { name: string; data: string | Uint8Array }[]): FileInput[] =>
  files.map((f) => (typeof f.data === 'string' ? { name: f.name, text: f.data } : { name: f.name, bytes: f.data }));

describe('shocks through every export format', () => {
  const graph = graphOf(
    docWith([
      { id: 'tw-half', label: 'Taiwan "at half" <b>', description: 'a; b\nc', sources: ['s1'], hits: [{ where: { country: ['TW', 'US'], kind: 'foundry' }, capacity: 0.5 }] },
      { id: 'neon-stop', label: '=cmd|calc', hits: [{ where: { key: 'neon' }, capacity: 0 }, { where: { company: 'Fabco' }, capacity: 0.25 }] },
    ]),
  );
  for (const format of EXPORT_FORMATS) {
    it(`keeps them through ${format}`, () => {
      const exported = writeGraph(graph, format);
      const back = loadFiles(asInputs(exported.files));
      if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
      expect(back.graph.getAttribute('shocks')).toEqual(graph.getAttribute('shocks'));
      expect(toDocument(back.graph)).toEqual(toDocument(graph));
    });
  }

  it('says a CSV export without graph.json leaves them out', () => {
    expect(writeGraph(graph, 'csv', { withoutGraphFile: true }).lost.join('\n')).toContain('2 shocks');
  });
});
