/**
 * Random mutations of valid GEXF, GraphML and CSV files (and a zip of the
 * CSV): the pipeline never throws or hangs, and what it accepts keeps the
 * spec's rules (checked by hand-written rules, independent of zod).
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFiles, type FileInput } from '../../src/io/load.ts';
import { writeGraph } from '../../src/io/write.ts';
import { toDocument } from '../../src/model/graph.ts';
import { brokenRule } from '../helpers/spec-check.ts';
import { loadFixture } from '../helpers/load.ts';

const graph = loadFixture('known/and-or.json');
graph.setAttribute('scenarios', [{ id: 's', label: 'S', ops: [{ op: 'scaleFlows', where: { input: 'chips' }, factor: 2 }] }]);
const asText = (data: string | Uint8Array) => (typeof data === 'string' ? data : new TextDecoder().decode(data));
const SEEDS: Record<'gexf' | 'graphml' | 'csv', FileInput[]> = {
  gexf: writeGraph(graph, 'gexf').files.map((f) => ({ name: f.name, text: asText(f.data) })),
  graphml: writeGraph(graph, 'graphml').files.map((f) => ({ name: f.name, text: asText(f.data) })),
  csv: writeGraph(graph, 'csv').files.map((f) => ({ name: f.name, text: asText(f.data) })),
};
const INSERTS = ['', '<', '>', '"', ',', '\n', '&', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '__proto__', '=1+1', '-1', 'NaN', '1e999', '\u0000', '\ud800', '</graph>', '<node id="z"/>'];

/** One seed file mutated at a random place; the others as they are. */
const mutated = (format: keyof typeof SEEDS) =>
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom(...INSERTS)).map(([which, at, cut, insert]) => {
    const files = SEEDS[format];
    const k = which % files.length;
    return files.map((f, i) => {
      if (i !== k) return f;
      const text = f.text!;
      const p = at % (text.length + 1);
      return { name: f.name, text: text.slice(0, p) + insert + text.slice(p + (cut % 6)) };
    });
  });

function checkPipeline(files: FileInput[]) {
  const started = performance.now();
  const result = loadFiles(files);
  expect(performance.now() - started).toBeLessThan(1000);
  if (result.ok) expect(brokenRule(toDocument(result.graph))).toBeUndefined();
  else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(typeof p.expected === 'string' && typeof p.found === 'string').toBe(true);
  }
  // Nothing reached Object.prototype, whatever key a mutation wrote (__proto__, constructor…).
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('fuzzing the import pipeline', () => {
  it('loads the unmutated seeds', () => {
    for (const files of Object.values(SEEDS)) expect(loadFiles(files).ok).toBe(true);
  });
  for (const format of ['gexf', 'graphml', 'csv'] as const) {
    it(`survives mutated ${format} files`, () => fc.assert(fc.property(mutated(format), checkPipeline), { numRuns: 150 }));
  }
  it('survives a zip of mutated CSV files', () =>
    fc.assert(
      fc.property(mutated('csv'), (files) => {
        const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, new TextEncoder().encode(f.text!)])));
        checkPipeline([{ name: 'graph.zip', bytes: zip }]);
      }),
      { numRuns: 60 },
    ));
});
