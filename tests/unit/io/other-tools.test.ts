/** Files as other tools write them (Gephi, yEd): they load through the guessed mapping, keeping what Chokepoint does not use. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { fixturePath } from '../../helpers/load.ts';

const load = (name: string) => {
  const result = loadFiles([{ name, bytes: readFileSync(fixturePath(`formats/${name}`)) }]);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
};

describe('files from other tools', () => {
  it('reads a Gephi export: Type, Country, weight and Product mapped; viz and extra columns kept (by their GEXF id, as graphology-gexf names them)', () => {
    const { graph, warnings, unavailable } = load('gephi-export.gexf');
    expect(graph.getAttribute('title')).toBe('gephi-export');
    expect(graph.getAttribute('description')).toBe('Wafer suppliers, drawn by hand');
    expect(graph.getNodeAttributes('1')).toEqual({ label: 'Shin-Etsu Handotai', kind: 'wafer', country: 'JP', modularity_class: 1, size: 6, x: 3, y: -7.25, color: 'rgb(0,0,255)' });
    expect(graph.edges().map((e) => graph.getEdgeAttributes(e))).toEqual([{ input: 'wafers', value: 3 }, { input: 'wafers', value: 1 }]);
    expect(warnings).toHaveLength(4);
    expect(unavailable).toEqual([]);
  });

  it('reads a yEd-style GraphML with numbered keys', () => {
    const { graph, warnings } = load('yed-export.graphml');
    expect(graph.getNodeAttributes('n1')).toEqual({ label: 'Stella Chemifa', kind: 'chemical', country: 'JP', company: 'Stella Chemifa' });
    expect(graph.getEdgeAttributes('e0')).toEqual({ input: 'hf', value: 60.5 });
    expect(warnings.map((w) => w.found.split(',')[0])).toEqual(['"Name"', '"Category"', '"ISO"', '"Owner"', '"Commodity"', '"Amount"']);
  });
});
