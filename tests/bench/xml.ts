/**
 * GEXF and GraphML reading, measured: for two generated graphs, the valid
 * export and two broken copies of it (an edge target no node has, and the
 * file cut inside its last edge), `chokepoint validate FILE` wall time (CLI
 * start-up included, best of three), and `loadFiles` alone in a fresh process
 * with that process's peak memory. Files go to the OS temp folder.
 *
 *   npx tsx tests/bench/xml.ts            5,000 / 24,000 and 20,000 / 96,000
 *   npx tsx tests/bench/xml.ts --small    5,000 / 24,000 only
 *
 * Not a test: it asserts nothing and prints figures (timed tests are flaky).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGraph } from '../../src/generate/index.ts';
import { loadFiles } from '../../src/io/load.ts';
import { writeGraph } from '../../src/io/write.ts';

const self = fileURLToPath(import.meta.url);
const cli = fileURLToPath(new URL('../../bin/chokepoint.js', import.meta.url));

if (process.argv[2] === '--child') {
  // One load in a fresh process: its time and this process's peak memory.
  const file = process.argv[3]!;
  const bytes = readFileSync(file);
  const started = performance.now();
  const result = loadFiles([{ name: file, bytes }]);
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, ok: result.ok, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const SIZES = process.argv.includes('--small') ? [[5000, 24000]] : [[5000, 24000], [20000, 96000]];
const dir = join(tmpdir(), 'chokepoint-bench-xml');
mkdirSync(dir, { recursive: true });

function files(nodes: number, flows: number): string[] {
  const doc = generateGraph({ nodes, flows, seed: 1 });
  const native = loadFiles([{ name: 'g.json', text: JSON.stringify(doc) }]);
  if (!native.ok) throw new Error('the generated graph does not load');
  const out: string[] = [];
  for (const format of ['gexf', 'graphml'] as const) {
    const text = writeGraph(native.graph, format).files[0]!.data as string;
    const base = join(dir, `g-${nodes}-${flows}`);
    const target = text.lastIndexOf('target="');
    const variants = {
      valid: text,
      dangling: text.slice(0, target) + 'target="ghost' + text.slice(text.indexOf('"', target + 8)),
      truncated: text.slice(0, text.lastIndexOf('<edge ') + 40),
    };
    for (const [name, body] of Object.entries(variants)) {
      const file = `${base}-${name}.${format}`;
      writeFileSync(file, body);
      out.push(file);
    }
  }
  return out;
}

function cliSeconds(file: string): { seconds: number; output: string } {
  let best = Infinity;
  let output = '';
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });
    best = Math.min(best, (performance.now() - started) / 1000);
    output = (run.stderr || run.stdout).split('\n')[0]!.replace(dir + '/', '');
  }
  return { seconds: best, output };
}

console.log(`GEXF and GraphML reading: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0]!.toFixed(1)} at start`);
console.log(['file', 'MB', 'validate (CLI)', 'loadFiles', 'peak RSS', 'first line of output'].join(' | '));
for (const [nodes, flows] of SIZES) {
  for (const file of files(nodes!, flows!)) {
    const mb = statSync(file).size / 2 ** 20;
    const { seconds, output } = cliSeconds(file);
    const child = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', file], { encoding: 'utf8' }).trim().split('\n').pop()!) as { seconds: number; maxRssMb: number };
    console.log([file.replace(dir + '/', ''), mb.toFixed(1), `${seconds.toFixed(2)} s`, `${child.seconds.toFixed(2)} s`, `${child.maxRssMb.toFixed(0)} MB`, output.slice(0, 110)].join(' | '));
  }
}
