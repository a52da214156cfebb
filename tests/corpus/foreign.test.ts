/**
 * The corpus of files other tools wrote (tests/corpus/foreign/MANIFEST.json:
 * Gephi and Gephi Lite samples, graphology's and sigma's fixtures, the GEXF
 * primer, yEd diagrams, NetworkX exports): each one loads, or is refused for
 * the reason the manifest gives; what loads survives a save in GEXF,
 * GraphML and the native format, self-loops and looks included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { writeGraph } from '../../src/io/write.ts';
import { toDocument } from '../../src/model/graph.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { repoPath } from '../helpers/load.ts';

interface Entry {
  file: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  expect: { loads: true; nodes: number; edges: number } | { refused: string; why: string };
}

const DIR = repoPath('tests/corpus/foreign');
const MANIFEST = JSON.parse(readFileSync(`${DIR}/MANIFEST.json`, 'utf8')) as { files: Entry[] };
const load = (file: string) => loadFiles([{ name: file.replace(/^.*\//, ''), bytes: readFileSync(`${DIR}/${file}`) }]);

describe('the foreign corpus', () => {
  it('lists every file it holds, each with its origin and licence', () => {
    const held = [...readdirSync(DIR).filter((f) => /\.(gexf|graphml|json)$/.test(f) && f !== 'MANIFEST.json'), ...readdirSync(`${DIR}/networkx`).filter((f) => f.startsWith('networkx-')).map((f) => `networkx/${f}`)];
    expect(MANIFEST.files.map((f) => f.file).sort()).toEqual(held.sort());
    for (const f of MANIFEST.files) {
      expect(f.licence, f.file).toMatch(/\S/);
      expect(f.path, f.file).toMatch(/\S/);
      if (f.repo !== 'this repository') expect(f.commit, f.file).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});

describe.each(MANIFEST.files.map((f) => [f.file, f] as const))('%s', (file, entry) => {
  const expected = entry.expect;
  if ('refused' in expected) {
    it(`is refused: ${expected.why}`, () => {
      const result = load(file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map(formatProblem).join('\n')).toContain(expected.refused);
    });
    return;
  }
  it(`loads (${expected.nodes} nodes, ${expected.edges} flows) and survives a save in every XML format and natively`, () => {
    const result = load(file);
    if (!result.ok) throw new Error(result.problems.slice(0, 5).map(formatProblem).join('\n'));
    expect([result.graph.order, result.graph.size]).toEqual([expected.nodes, expected.edges]);
    const document = toDocument(result.graph);
    // Saved, the graph is Chokepoint's: reading it back says no more than the native checks say of it (zero flows, say).
    const native = loadFiles(writeGraph(result.graph, 'native').files.map((f) => ({ name: f.name, text: f.data as string })));
    const checks = new Set(native.ok ? native.warnings.map((w) => w.found) : []);
    for (const format of ['gexf', 'graphml', 'native'] as const) {
      const files = writeGraph(result.graph, format).files.map((f) => ({ name: f.name, text: f.data as string }));
      const back = loadFiles(files);
      if (!back.ok) throw new Error(`${format}: ${back.problems.slice(0, 5).map(formatProblem).join('\n')}`);
      expect(toDocument(back.graph), format).toEqual(document);
      expect(back.warnings.filter((w) => !/self-loop/.test(w.found) && !checks.has(w.found)), format).toEqual([]);
    }
  });
});
