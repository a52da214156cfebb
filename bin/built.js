// Which code the command line runs: the JavaScript `npm ci` compiles into dist/cli
// (scripts/build-cli.mjs) when it is newer than every file in src, else the
// TypeScript itself through tsx (slower to start by about 0.3 s, never stale).
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

/** The compiled module `name` (main or failure-worker) when it is up to date, else undefined. `at`: the project's folder (a URL ending in /). */
export function builtModule(name, at = root) {
  try {
    const built = new URL(`dist/cli/${name}.js`, at);
    if (statSync(built).mtimeMs >= newestIn(new URL('src/', at))) return built.href;
  } catch {
    // No build (a checkout without `npm ci`, or dependencies installed without vite): run the source.
  }
  return undefined;
}

/** Imports the compiled module, or the TypeScript source `src/cli/<name>.ts` through tsx. */
export async function importCli(name) {
  const built = builtModule(name);
  if (built) return import(built);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`src/cli/${name}.ts`, root).href);
}
