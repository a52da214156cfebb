/**
 * The engine stays free of the DOM so it runs in the page, a Web Worker and
 * Node alike: core folders import nothing from state, ui or worker, nor
 * sigma, nor Node's built-ins (the CLI is the only Node edge), and touch no
 * DOM global.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/load.ts';

const CORE = ['model', 'io', 'metrics', 'scenarios', 'report', 'layout', 'generate', 'edit', 'robustness'];
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the core', () => {
  for (const folder of CORE) {
    it(`src/${folder} imports no UI, state, worker, sigma or Node built-in, and uses no DOM global`, () => {
      for (const file of files(repoPath(`src/${folder}`))) {
        const text = readFileSync(file, 'utf8');
        const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
        for (const spec of imports) {
          expect(spec, `${file} imports ${spec}`).not.toMatch(/\/(ui|state|worker)\/|^sigma|^node:|^(fs|path|os|child_process)$/);
        }
        const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        // A local variable named `document` (a parsed file) is no DOM global.
        const ownDocument = /\b(?:const|let|var)\s+document\b/.test(code);
        const globals = ownDocument ? 'window|localStorage|indexedDB|navigator' : 'document|window|localStorage|indexedDB|navigator';
        expect(code, `${file} uses a DOM global`).not.toMatch(new RegExp(`(?<![\\w.$])(?:${globals})\\s*\\.`));
      }
    });
  }
});
