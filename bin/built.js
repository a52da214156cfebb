// Which code the command line runs: the JavaScript `npm ci` compiles into dist/cli
// (scripts/build-cli.mjs), the one runtime path. In a development checkout whose
// src is newer than that build, the TypeScript itself through tsx (a dev
// dependency, slower to start: README, Command line); without tsx, a clear
// message saying how to rebuild, never a stale run.
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

/** Imports the compiled module, or (development) the TypeScript source `src/cli/<name>.ts` through tsx. */
export async function importCli(name) {
  const built = builtModule(name);
  if (built) return import(built);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('chokepoint: the compiled command line (dist/cli) is missing or older than src/; run `npm run build:cli` (with the dev dependencies installed) to compile it\n');
    process.exit(3);
  }
  register();
  return import(new URL(`src/cli/${name}.ts`, root).href);
}
