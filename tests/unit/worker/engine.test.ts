import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availability } from '../../../src/metrics/availability.ts';
import { buildSupplyIndex } from '../../../src/metrics/supply-index.ts';
import { buildReport } from '../../../src/report/model.ts';
import { Engine } from '../../../src/worker/engine.ts';
import { loadGraph, makeDoc, repoPath } from '../../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');

describe('the worker engine', () => {
  it('refuses a broken file with its problems and keeps the graph it had', () => {
    const engine = new Engine();
    expect(engine.handle({ type: 'view', id: 1, scenario: 'baseline' })).toEqual({ type: 'error', message: 'no graph is loaded yet' });
    const ok = engine.load(JSON.stringify(makeDoc([['a', 'foundry', 'TW'], ['d', 'demand', 'JP']], [['a', 'd', 'chips', 5]])));
    expect(ok.ok).toBe(true);
    const bad = engine.load('{"attributes": {}, "nodes": [', 'broken.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.file).toBe('broken.json');
    expect(engine.view('baseline').document.nodes.map((n) => n.key)).toEqual(['a', 'd']);
  });

  it('reports exactly what buildReport gives', () => {
    const engine = new Engine();
    const r = engine.load(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.parse(JSON.stringify(r.loaded.report))).toEqual(JSON.parse(JSON.stringify(buildReport(loadGraph(text)))));
  });

  it('fails nodes and countries as availability() says, sparing demand nodes of a failed country', () => {
    const engine = new Engine();
    engine.load(text);
    const res = engine.whatIf('baseline', { nodes: ['tsmc-tw'], countries: [] });
    const g = loadGraph(text);
    const ix = buildSupplyIndex(g);
    const a = availability(ix, [ix.indexOf.get('tsmc-tw')!]);
    expect(res.availability['jp-ai-datacenter']).toBeCloseTo(a[ix.indexOf.get('jp-ai-datacenter')!]!, 12);
    expect(res.availability['tsmc-tw']).toBe(0);
    const report = buildReport(g);
    const impact = report.scenarios[0]!.spof.find((s) => s.demand === 'jp-ai-datacenter')!.critical.find((c) => c.key === 'tsmc-tw')!.impact;
    expect(res.demandLoss.find((d) => d.demand === 'jp-ai-datacenter')!.loss).toBeCloseTo(impact, 12);

    const jp = engine.whatIf('baseline', { nodes: [], countries: ['JP'] });
    expect(jp.failed).not.toContain('jp-ai-datacenter');
    const rel = report.scenarios[0]!.reliance.find((x) => x.demand === 'jp-ai-datacenter')!.byCountry.JP!;
    expect(jp.demandLoss.find((d) => d.demand === 'jp-ai-datacenter')!.loss).toBeCloseTo(rel, 9);
  });

  it('gives each scenario its graph, its changes and stable positions', () => {
    const engine = new Engine();
    engine.load(text);
    const base = engine.view('baseline');
    expect(base.changes.changedEdges).toEqual([]);
    const s = engine.view('us-purchase-additional');
    const moved = s.changes.addedEdges.length + s.changes.changedEdges.length + s.changes.addedNodes.length;
    expect(moved).toBeGreaterThan(0);
    expect(s.layouts.tiered['tsmc-tw']).toEqual(base.layouts.tiered['tsmc-tw']);
    for (const n of s.document.nodes) expect(s.layouts.tiered[n.key]).toBeDefined();
    expect(engine.handle({ type: 'view', id: 2, scenario: 'nope' })).toEqual({ type: 'error', message: 'no scenario "nope" in this graph' });
  });

  it('computes throughput', () => {
    const engine = new Engine();
    engine.load(JSON.stringify(makeDoc([['a', 'foundry', 'TW'], ['b', 'supplier', 'US'], ['d', 'demand', 'JP']], [['a', 'b', 'fab', 3], ['b', 'd', 'chips', 5]])));
    expect(engine.view('baseline').throughput).toEqual({ a: 3, b: 5, d: 5 });
  });
});
