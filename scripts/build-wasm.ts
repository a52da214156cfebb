/**
 * `npm run build:wasm`: compiles src/metrics/lanes.wat into
 * src/metrics/lanes-wasm.ts (the bytes in base64), so the engine loads it the
 * same way in Node, the page and a Web Worker, with no build step and no
 * fetch. The file is committed; tests/unit/metrics/lane-rows.test.ts fails
 * when it is not lanes.wat compiled.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileWat, lanesModuleText } from './wasm.ts';

const wat = fileURLToPath(new URL('../src/metrics/lanes.wat', import.meta.url));
const out = fileURLToPath(new URL('../src/metrics/lanes-wasm.ts', import.meta.url));
const bytes = await compileWat(readFileSync(wat, 'utf8'));
writeFileSync(out, lanesModuleText(bytes));
console.log(`chokepoint: ${bytes.length} bytes of WebAssembly written to src/metrics/lanes-wasm.ts`);
