/**
 * The robustness targets of issue 18, measured (run by `npm run bench`, or
 * alone: `tsx tests/bench/robustness.ts`):
 * - the default graph, `--uncertainty 0.3` (it has no ranges of its own yet),
 *   1,000 draws of every studied figure across all scenarios: < 1 s;
 * - a generated graph of 10,000 nodes and 50,000 flows with `--uncertainty 0.3`,
 *   200 draws of one figure across its 3 scenarios: < 10 s;
 * with the cost of one draw set against one report of the same graph.
 * Wall time, and this process's CPU time (the steadier figure on a machine others are using).
 * Not a test: it prints figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from '../../src/generate/index.ts';
import { loadNativeText } from '../../src/io/load-native.ts';
import type { SupplyGraph } from '../../src/model/graph.ts';
import { buildReport } from '../../src/report/model.ts';
import { prepareRobustness, type RobustnessOptions } from '../../src/robustness/engine.ts';

const load = (text: string): SupplyGraph => {
  const r = loadNativeText(text);
  if (!r.ok) throw new Error('bench graph does not load');
  return r.graph;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

function measure(name: string, graph: SupplyGraph, options: RobustnessOptions, target: number, reportOptions: Parameters<typeof buildReport>[1] = {}) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = prepareRobustness(graph, options);
  const t1 = performance.now();
  run.step(run.total);
  const t2 = performance.now();
  const r = run.result();
  const t3 = performance.now();
  const used = process.cpuUsage(c0);
  const cpuS = (used.user + used.system) / 1e6;
  const report0 = performance.now();
  buildReport(graph, reportOptions);
  const reportMs = performance.now() - report0;
  const perDraw = (t2 - t1) / run.total;
  const figures = r.figures.length;
  console.log(
    `${name}: ${run.total} draws of ${figures} figures (${r.uncertainFlows} uncertain flows): ${secs(t3 - t0)} (cpu ${cpuS.toFixed(2)} s) < ${target} s ${mark((t3 - t0) / 1000 < target)} ` +
      `(prepare, variants and swings ${secs(t1 - t0)}, draws ${secs(t2 - t1)}, summaries ${secs(t3 - t2)}); ` +
      `${perDraw.toFixed(2)} ms per draw, against ${reportMs.toFixed(0)} ms for one full report: one draw costs ${((100 * perDraw) / reportMs).toFixed(1)}% of a report`,
  );
}

const DEFAULT = new URL('../../graphs/japan-us-taiwan.json', import.meta.url).pathname;
const defaultGraph = load(readFileSync(DEFAULT, 'utf8'));
measure('default graph', defaultGraph, { uncertainty: 0.3, draws: 1000 }, 1);

// The same through the command line, start-up included (what a user waits for).
const cli = new URL('../../bin/chokepoint.js', import.meta.url).pathname;
const c0 = performance.now();
execFileSync(process.execPath, [cli, 'robustness', DEFAULT, '--uncertainty', '0.3', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`default graph: chokepoint robustness --uncertainty 0.3 (1,000 draws), start to end: ${secs(performance.now() - c0)}`);

const file = join(tmpdir(), 'chokepoint-bench-10000-50000-1.json');
if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateGraph({ nodes: 10_000, flows: 50_000, seed: 1 })));
const big = load(readFileSync(file, 'utf8'));
const demand = big.filterNodes((_k, a) => a.kind === 'demand')[0]!;
const set = `foundry:${big.getNodeAttribute(big.filterNodes((_k, a) => a.kind === 'foundry')[0]!, 'country')}`;
const scenarios = big.getAttribute('scenarios')?.length ?? 0;
console.log(`10,000 / 50,000: the figure is reliance of ${demand} on ${set}, across baseline and ${scenarios} scenarios`);
measure('10,000 / 50,000, no swings', big, { uncertainty: 0.3, draws: 200, demand: [demand], sets: [set], swings: 0 }, 10, { focus: { demand: [demand], reliance: [set] } });
measure('10,000 / 50,000, with the 10 largest swings', big, { uncertainty: 0.3, draws: 200, demand: [demand], sets: [set] }, 10, { focus: { demand: [demand], reliance: [set] } });
