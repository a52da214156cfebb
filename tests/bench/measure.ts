/**
 * One benchmark run in its own process (so peak memory is this run's): reads
 * a graph file, times every stage of loading and reporting, prints one JSON line.
 * Usage: tsx tests/bench/measure.ts FILE [--stages]
 */
import { readFileSync } from 'node:fs';
import { loadNativeText } from '../../src/io/load-native.ts';
import { validateDocument } from '../../src/io/validate.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { GraphDocumentSchema } from '../../src/model/schema.ts';
import { concentrationOfTable } from '../../src/metrics/concentration.ts';
import { flowTable } from '../../src/metrics/flow-table.ts';
import { DEFAULT_LEVELS } from '../../src/metrics/levels.ts';
import { computeReliance } from '../../src/metrics/reliance.ts';
import { computeSpofLimited, SPOF_AUTO_LIMIT } from '../../src/metrics/spof.ts';
import { indexOfTable } from '../../src/metrics/supply-index.ts';
import { buildReportWith } from '../../src/report/model.ts';
import { FailurePool } from '../../src/cli/failure-pool.ts';
import { scenariosOf, withScenario } from '../../src/scenarios/apply.ts';
import type { SupplyGraph } from '../../src/model/graph.ts';
import type { NodeKind, Shock } from '../../src/model/schema.ts';

/** Twenty shocks spread over the graph's kind:country sets, at capacities 0, 0.5 and 0.25, some with a second hit on one node. */
function benchShocks(graph: SupplyGraph): Shock[] {
  const sets = new Map<string, { kind: string; country: string; first: string }>();
  graph.forEachNode((key, a) => {
    const id = `${a.kind}:${a.country}`;
    if (a.kind !== 'demand' && !sets.has(id)) sets.set(id, { kind: a.kind, country: a.country, first: key });
  });
  const list = [...sets.values()].sort((a, b) => (a.kind + a.country < b.kind + b.country ? -1 : 1));
  return Array.from({ length: 20 }, (_, i) => {
    const set = list[Math.floor((i * list.length) / 20)]!;
    const hits: Shock['hits'] = [{ where: { kind: set.kind as NodeKind, country: set.country }, capacity: [0, 0.5, 0.25][i % 3]! }];
    if (i % 2) hits.push({ where: { key: set.first }, capacity: 0 });
    return { id: `bench-${i}`, label: `Bench shock ${i}`, hits };
  });
}

const [file, ...flags] = process.argv.slice(2);
if (!file) throw new Error('usage: measure.ts FILE [--stages]');

/** Seconds of wall time, and of this process's CPU time in `cpu` (all its threads: steadier on a busy machine). */
const cpu: Record<string, number> = {};
let lastCpu = 0;
const time = <T>(f: () => T): [T, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = f();
  const used = process.cpuUsage(c);
  lastCpu = (used.user + used.system) / 1e6;
  return [r, (performance.now() - t) / 1000];
};
const timed = <T>(name: string, f: () => T): T => {
  const [r, t] = time(f);
  out[name] = t;
  cpu[name] = lastCpu;
  return r;
};
const timedAsync = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = await f();
  const used = process.cpuUsage(c);
  out[name] = (performance.now() - t) / 1000;
  cpu[name] = (used.user + used.system) / 1e6;
  return r;
};

const text = readFileSync(file, 'utf8');
const out: Record<string, number> = {};
// JSON.parse alone, the yardstick of the report's cost: its first run in this
// process (V8 cold, as the report's first run is) and the best of the next three.
out.parseFirst = time(() => JSON.parse(text))[1];
let best = Infinity;
for (let i = 0; i < 3; i++) {
  const [, t] = time(() => JSON.parse(text));
  if (t < best) [best, cpu.parse] = [t, lastCpu];
}
out.parse = best;
// As `chokepoint report` does with a big file, the figures thread starts before the graph is loaded
// (after the yardstick above, which must not share the machine with the thread's start).
const pool = flags.includes('--stages') ? undefined : FailurePool.start();

if (flags.includes('--stages')) {
  const raw = JSON.parse(text);
  timed('zod', () => GraphDocumentSchema.safeParse(raw));
  const doc = timed('validate', () => validateDocument(raw)).document!;
  const graph = timed('buildGraph', () => buildGraph(doc));
  const table = timed('flowTable', () => flowTable(graph));
  const ix = timed('index', () => indexOfTable(table));
  timed('concentration', () => concentrationOfTable(table, DEFAULT_LEVELS));
  timed('reliance', () => computeReliance(ix));
  timed(`spofTop${SPOF_AUTO_LIMIT.top}`, () => computeSpofLimited(ix, SPOF_AUTO_LIMIT));
  if (flags.includes('--exact-spof')) timed('spofExact', () => computeSpofLimited(ix, {}));
  for (const s of scenariosOf(graph)) timed(`apply:${s.id}`, () => withScenario(graph, s, () => 0));
} else {
  const loaded = timed('load', () => loadNativeText(text, file));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const report = await timedAsync('report', () => buildReportWith(loaded.graph, {}, pool!));
  out.threadJobs = pool!.finished;
  out.scenarios = report.scenarios.length;
  // The same report again, on code V8 has compiled (as the best JSON.parse is).
  await timedAsync('reportAgain', () => buildReportWith(loaded.graph, {}, pool!));
  // The same report with 20 shocks on baseline and every scenario (issue 17: less than 20% more).
  const shocks = benchShocks(loaded.graph);
  await timedAsync('reportShocks', () => buildReportWith(loaded.graph, { addShocks: shocks }, pool!));
  out.shocks = shocks.length;
  await pool!.close();
  const limit = report.scenarios[0]!.spofLimit;
  if (limit) Object.assign(out, { spofLimited: 1, spofTop: limit.top ?? 0, spofUpstream: limit.upstream, spofEvaluated: limit.evaluated });
  timed('reportStringify', () => JSON.stringify(report).length);
}
out.peakMB = process.resourceUsage().maxRSS / 1024;
for (const [k, v] of Object.entries(cpu)) out[`${k}Cpu`] = v;
process.stdout.write(JSON.stringify(out) + '\n');
