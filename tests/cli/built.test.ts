/** bin/built.js: the command line runs its compiled JavaScript only while that is newer than every source file. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { builtModule } from '../../bin/built.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(): URL {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-built-'));
  mkdirSync(join(dir, 'src', 'cli', 'commands'), { recursive: true });
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), '');
  writeFileSync(join(dir, 'src', 'cli', 'commands', 'report.ts'), '');
  return pathToFileURL(dir + '/');
}
const at = (seconds: number, ...parts: string[]) => utimesSync(join(dir, ...parts), seconds, seconds);
function compile(seconds: number) {
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'cli', 'main.js'), '');
  at(seconds, 'dist', 'cli', 'main.js');
}

describe('builtModule', () => {
  it('is the compiled module when it is newer than every source file', () => {
    const root = project();
    at(1000, 'src', 'cli', 'main.ts');
    at(1000, 'src', 'cli', 'commands', 'report.ts');
    compile(2000);
    expect(builtModule('main', root)).toBe(new URL('dist/cli/main.js', root).href);
  });

  it('is undefined once any source file, however deep, is newer, or when nothing was compiled', () => {
    const root = project();
    expect(builtModule('main', root)).toBeUndefined();
    at(1000, 'src', 'cli', 'main.ts');
    compile(2000);
    at(3000, 'src', 'cli', 'commands', 'report.ts');
    expect(builtModule('main', root)).toBeUndefined();
    expect(builtModule('failure-worker', root)).toBeUndefined();
  });
});
