/**
 * `npx tsx tests/bench/app-files.ts`: the app's open path in the worker
 * engine, measured (Node, same code as the Web Worker): native vs GEXF vs CSV
 * zip, each through `open` (loadFiles, then the native text through `load` and
 * the full report), and the exports. Prints figures; asserts nothing.
 */
import { strToU8 } from 'fflate';
import { generateGraph } from '../../src/generate/index.ts';
import { writeGraph } from '../../src/io/write.ts';
import { loadGraph } from '../helpers/load.ts';
import { Engine } from '../../src/worker/engine.ts';

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
for (const nodes of [3_000, 10_000]) {
  const doc = generateGraph({ nodes, flows: nodes * 5, seed: 1 });
  const text = JSON.stringify(doc);
  const graph = loadGraph(text);
  const inputs = {
    native: [{ name: 'g.json', bytes: strToU8(text) }],
    gexf: writeGraph(graph, 'gexf').files.map((f) => ({ name: f.name, bytes: typeof f.data === 'string' ? strToU8(f.data) : f.data })),
    zip: writeGraph(graph, 'zip').files.map((f) => ({ name: f.name, bytes: typeof f.data === 'string' ? strToU8(f.data) : f.data })),
  };
  console.log(`${nodes} nodes, ${graph.size} flows (native ${(text.length / 1e6).toFixed(1)} MB)`);
  for (const [format, files] of Object.entries(inputs)) {
    const engine = new Engine();
    const phases: string[] = [];
    let t = performance.now();
    let last = t;
    const r = engine.handle({ type: 'open', id: 1, files, file: format }, (p) => {
      phases.push(`${p} +${(performance.now() - last).toFixed(0)}`);
      last = performance.now();
    });
    const total = ms(t);
    const status = r.type === 'open' ? r.result.status : r.type;
    console.log(`  open ${format.padEnd(6)} ${total.padStart(8)}  ${status}  phases: ${phases.join(', ')}, figures +${(performance.now() - last).toFixed(0)}`);
    if (format === 'native') {
      for (const f of ['native', 'gexf', 'graphml', 'csv'] as const) {
        t = performance.now();
        engine.handle({ type: 'export', id: 2, format: f, baseName: 'g' });
        console.log(`  export ${f.padEnd(8)} ${ms(t)}`);
      }
      t = performance.now();
      engine.handle({ type: 'report', id: 3, format: 'html', scenarios: [], demand: [], baseName: 'g', madeAt: '' });
      console.log(`  report html    ${ms(t)}`);
    }
  }
}
