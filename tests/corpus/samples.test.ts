/** The sample graphs in other formats: they load, cite a source on every node and flow, and survive a round trip. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles, type FileInput } from '../../src/io/load.ts';
import { writeGraph } from '../../src/io/write.ts';
import { toDocument } from '../../src/model/graph.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { repoPath } from '../helpers/load.ts';

const SAMPLES: Record<string, () => FileInput[]> = {
  'neon-ukraine-2022.gexf': () => [{ name: 'neon-ukraine-2022.gexf', bytes: readFileSync(repoPath('graphs/neon-ukraine-2022.gexf')) }],
  'korea-hf-photoresist-2019': () => {
    const dir = repoPath('graphs/korea-hf-photoresist-2019');
    return readdirSync(dir).map((name) => ({ name: `korea-hf-photoresist-2019/${name}`, bytes: readFileSync(`${dir}/${name}`) }));
  },
};

describe.each(Object.entries(SAMPLES))('sample %s', (name, inputs) => {
  const result = loadFiles(inputs());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const { graph } = result;

  it('loads in its own format with no warning', () => {
    expect(result.format).toBe(name.endsWith('.gexf') ? 'gexf' : 'csv');
    expect(result.warnings).toEqual([]);
    expect(result.unavailable).toEqual([]);
    // Something to compare: a scenario (a change of structure) or a shock (a disruption, metrics.md §8).
    expect((graph.getAttribute('scenarios')?.length ?? 0) + (graph.getAttribute('shocks')?.length ?? 0)).toBeGreaterThan(0);
  });

  it('cites a known source on every node and flow, and explains every flow', () => {
    const ids = new Set((graph.getAttribute('sources') ?? []).map((s) => s.id));
    graph.forEachNode((key, a) => expect(a.sources?.length ?? 0, key).toBeGreaterThan(0));
    graph.forEachEdge((key, a) => {
      expect(a.sources?.length ?? 0, key).toBeGreaterThan(0);
      for (const id of a.sources ?? []) expect(ids.has(id), id).toBe(true);
      expect(a.note ?? '', key).toMatch(/assumption|derived|estimate|MOTIE/i);
    });
  });

  it('survives every export', () => {
    for (const format of ['native', 'gexf', 'graphml', 'csv'] as const) {
      const files = writeGraph(graph, format).files.map((f) => ({ name: f.name, text: f.data as string }));
      const back = loadFiles(files);
      expect(back.ok && toDocument(back.graph)).toEqual(toDocument(graph));
    }
  });
});
