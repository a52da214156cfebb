import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGenerateOptions, generateGraph, MIN_NODES, minFlows } from '../../../src/generate/index.ts';
import { createRng } from '../../../src/generate/prng.ts';
import { loadNativeText } from '../../../src/io/load-native.ts';
import { isKnownCountry } from '../../../src/model/countries.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { runCli } from '../../helpers/run-cli.ts';

const load = (options: { nodes: number; flows: number; seed: number }) => {
  const result = loadNativeText(JSON.stringify(generateGraph(options)));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
};

describe('the seeded generator', () => {
  it('gives the same graph for the same options, another for another seed', () => {
    const a = JSON.stringify(generateGraph({ nodes: 300, flows: 1500, seed: 7 }));
    expect(JSON.stringify(generateGraph({ nodes: 300, flows: 1500, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateGraph({ nodes: 300, flows: 1500, seed: 8 }))).not.toBe(a);
  });

  it('makes a valid graph of exactly the nodes and flows asked for, with no warning', () => {
    for (const [nodes, flows] of [[MIN_NODES, minFlows(MIN_NODES)], [500, 2500], [2000, 10000], [1000, 20000]] as const) {
      const { graph, warnings } = load({ nodes, flows, seed: 1 });
      expect(graph.order).toBe(nodes);
      expect(graph.size).toBe(flows);
      expect(warnings).toEqual([]);
    }
  });

  it('has ten demand nodes, at most 40 real countries, firms, cycles and skewed shares', () => {
    const { graph } = load({ nodes: 3000, flows: 15000, seed: 2 });
    expect(graph.filterNodes((_k, a) => a.kind === 'demand')).toHaveLength(10);
    const countries = new Set(graph.mapNodes((_k, a) => a.country));
    expect(countries.size).toBeGreaterThan(30);
    expect(countries.size).toBeLessThanOrEqual(40);
    for (const c of countries) expect(isKnownCountry(c)).toBe(true);
    const firms = new Map<string, number>();
    graph.forEachNode((_k, a) => a.company && firms.set(a.company, (firms.get(a.company) ?? 0) + 1));
    expect([...firms.values()].some((n) => n >= 5)).toBe(true);
    const ix = buildSupplyIndex(graph);
    expect(ix.compCyclic.some((c) => c === 1)).toBe(true);
    // Skew: the largest supplier of wafers holds far more than an equal share.
    const byWafer = new Map<string, number>();
    graph.forEachEdge((_e, a, s) => a.input === 'wafers' && byWafer.set(s, (byWafer.get(s) ?? 0) + a.value));
    const total = [...byWafer.values()].reduce((x, y) => x + y, 0);
    expect(Math.max(...byWafer.values()) / total).toBeGreaterThan(5 / byWafer.size);
  });

  it('writes three scenarios that apply (validation applies them)', () => {
    const { graph } = load({ nodes: 1000, flows: 5000, seed: 3 });
    expect((graph.getAttribute('scenarios') ?? []).map((s) => s.ops[0]!.op)).toEqual(['scaleFlows', 'shiftFlows', 'removeNode']);
  });

  it('refuses options it cannot meet, saying which and why', () => {
    expect(checkGenerateOptions({ nodes: 10, flows: 100, seed: 1 })).toMatch(/--nodes: expected a whole number of at least/);
    expect(checkGenerateOptions({ nodes: 1000, flows: 10, seed: 1 })).toMatch(/--flows: expected a whole number of at least \d+ for 1000 nodes/);
    expect(checkGenerateOptions({ nodes: 1000, flows: 1e6, seed: 1 })).toMatch(/at most 50000/);
    expect(checkGenerateOptions({ nodes: 1000, flows: 5000, seed: 1.5 })).toMatch(/--seed/);
    expect(() => generateGraph({ nodes: 10, flows: 100, seed: 1 })).toThrow(RangeError);
  });
});

describe('the PRNG', () => {
  it('is uniform enough and its Zipf draws favour small indices', () => {
    const rng = createRng(42);
    let sum = 0;
    const low = { zipf: 0 };
    for (let i = 0; i < 10000; i++) {
      sum += rng.next();
      if (rng.zipf(100) < 10) low.zipf++;
    }
    expect(sum / 10000).toBeGreaterThan(0.48);
    expect(sum / 10000).toBeLessThan(0.52);
    expect(low.zipf).toBeGreaterThan(3000); // a uniform draw would give about 1000
  });
});

describe('chokepoint generate', () => {
  const written: string[] = [];
  afterAll(() => written.forEach((f) => rmSync(f, { force: true })));

  it('writes a file that chokepoint validate accepts', async () => {
    const out = `/tmp/chokepoint-generate-${process.pid}.json`;
    written.push(out);
    const gen = await runCli(['generate', '--nodes', '400', '--flows', '2000', '--seed', '5', '--out', out]);
    expect(gen.code).toBe(0);
    const v = await runCli(['validate', out]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/ok \(400 nodes, 2000 flows, 3 scenarios\)/);
  });

  it('refuses missing or bad numbers with exit 2 and the reason', async () => {
    const r = await runCli(['generate', '--nodes', 'many', '--flows', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--nodes: expected a whole number, found "many"/);
    const s = await runCli(['generate', '--nodes', '100']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--flows: expected a whole number, found nothing/);
  });

  it('feeds chokepoint report, whose --spof-top cuts the lists and says so', async () => {
    const out = `/tmp/chokepoint-generate-top-${process.pid}.json`;
    written.push(out);
    expect((await runCli(['generate', '--nodes', '400', '--flows', '2000', '--out', out])).code).toBe(0);
    const r = await runCli(['report', out, '--spof-top', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { scenarios: { spofLimit?: { top: number; reason: string; upstream: number; evaluated: number }; spof: { critical: unknown[] }[] }[] };
    expect(report.scenarios).toHaveLength(4);
    for (const s of report.scenarios) {
      expect(s.spofLimit).toMatchObject({ top: 2, reason: 'option' });
      expect(s.spofLimit!.evaluated).toBeLessThan(s.spofLimit!.upstream);
      for (const row of s.spof) expect(row.critical.length).toBeLessThanOrEqual(2);
    }
    const exact = JSON.parse((await runCli(['report', out, '--format', 'json'])).stdout) as typeof report;
    expect(exact.scenarios[0]!.spofLimit).toBeUndefined();
  });

  it('refuses bad spof limits with exit 2', async () => {
    const bad = [
      [['--spof-top', '0'], /--spof-top: expected a whole number of at least 1, found "0"/],
      [['--spof-threshold', '2'], /--spof-threshold: expected a number above 0 and at most 1, found "2"/],
      [['--spof-exact', '--spof-top', '3'], /--spof-exact: expected alone/],
    ] as const;
    for (const [args, message] of bad) {
      const r = await runCli(['report', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
