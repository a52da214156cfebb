/**
 * Every file in tests/fixtures/bad/ is refused with exactly the problems its
 * `.expected` file lists, one per line as `chokepoint validate` prints them:
 * native .json files, .gexf and .graphml files, and folders holding a CSV pair.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNativeText } from '../../src/io/load-native.ts';
import { loadFiles, type FileInput } from '../../src/io/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { fixturePath } from '../helpers/load.ts';

const dir = fixturePath('bad');
const entries = readdirSync(dir).filter((f) => !f.endsWith('.expected') && f !== 'README.md');
const expectedOf = (entry: string) => readFileSync(`${dir}/${entry.replace(/\.[a-z]+$/, '')}.expected`, 'utf8').trim().split('\n');

function inputsOf(entry: string): FileInput[] {
  const path = `${dir}/${entry}`;
  if (!statSync(path).isDirectory()) return [{ name: entry, bytes: readFileSync(path) }];
  return readdirSync(path).map((name) => ({ name: `${entry}/${name}`, bytes: readFileSync(`${path}/${name}`) }));
}

describe('the bad-file corpus', () => {
  it('has files of every format to check', () => {
    expect(entries.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(5);
    expect(entries.filter((f) => f.endsWith('.gexf')).length).toBeGreaterThan(1);
    expect(entries.filter((f) => f.endsWith('.graphml')).length).toBeGreaterThan(1);
    expect(entries.filter((f) => statSync(`${dir}/${f}`).isDirectory()).length).toBeGreaterThan(1);
  });

  for (const entry of entries) {
    it(`refuses ${entry} with every problem listed`, () => {
      const started = performance.now();
      const result = loadFiles(inputsOf(entry));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map(formatProblem)).toEqual(expectedOf(entry));
      if (entry.endsWith('.json')) {
        const native = loadNativeText(readFileSync(`${dir}/${entry}`, 'utf8'), entry);
        expect(native.ok).toBe(false);
        if (!native.ok) expect(native.problems.map(formatProblem)).toEqual(expectedOf(entry));
      }
    });
  }

  it('leaves Object.prototype alone after the hostile files', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });
});
