/**
 * Every file in tests/fixtures/bad/ is refused with exactly the problems its
 * `.expected` file lists, one per line as `chokepoint validate` prints them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNativeText } from '../../src/io/load-native.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { fixturePath } from '../helpers/load.ts';

const dir = fixturePath('bad');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the bad-file corpus', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(5));

  for (const file of files) {
    it(`refuses ${file} with every problem listed`, () => {
      const expected = readFileSync(`${dir}/${file.replace(/\.json$/, '.expected')}`, 'utf8').trim().split('\n');
      const started = performance.now();
      const result = loadNativeText(readFileSync(`${dir}/${file}`, 'utf8'), file);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map(formatProblem)).toEqual(expected);
    });
  }
});
