/** The `chokepoint` binary on real files: exit codes, output, and errors without stack traces. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POOL_FROM_BYTES } from '../../src/cli/failure-pool.ts';
import { generateGraph } from '../../src/generate/index.ts';
import { buildReport } from '../../src/report/model.ts';
import { graphOf, loadFixture } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';

const fx = (name: string) => `tests/fixtures/${name}`;

describe('chokepoint validate', () => {
  it('prints ok with counts for valid files', async () => {
    const r = await runCli(['validate', fx('known/chain.json'), fx('known/cycle.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('tests/fixtures/known/chain.json: ok (5 nodes, 4 flows, 0 scenarios)\ntests/fixtures/known/cycle.json: ok (6 nodes, 6 flows, 0 scenarios)\n');
  });

  it('prints every problem of an invalid file on stderr and exits 1', async () => {
    const r = await runCli(['validate', fx('bad/many-problems.json')]);
    expect(r.code).toBe(1);
    const expected = readFileSync(fx('bad/many-problems.expected'), 'utf8').trim().split('\n');
    for (const line of expected) expect(r.stderr).toContain(`tests/fixtures/bad/${line}`);
    expect(r.stderr).toContain('invalid, 8 problems');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('goes on to the next file after a bad one', async () => {
    const r = await runCli(['validate', fx('bad/truncated.json'), fx('known/chain.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('chain.json: ok');
  });

  it('says a missing file is missing', async () => {
    const r = await runCli(['validate', 'no/such/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.json: expected a readable graph file, found no such file');
  });

  it('exits 2 without a file', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: chokepoint validate FILE...');
  });
});

describe('chokepoint report', () => {
  it('prints the report JSON of metrics.md §7', async () => {
    const r = await runCli(['report', fx('known/and-or.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ format: 'chokepoint-report', version: 1, graph: { title: 'AND across inputs, OR within one', nodes: 6, edges: 5 } });
    const [baseline] = report.scenarios;
    expect(baseline.id).toBe('baseline');
    expect(baseline.label).toBe('Baseline');
    expect(baseline.reliance[0].demand).toBe('d');
    expect(baseline.reliance[0].byCountry.TW).toBeCloseTo(0.75, 12);
    expect(baseline.spof[0].critical[0]).toMatchObject({ key: 'f1', impact: 0.75 });
    const chips = baseline.concentration.find((c: { input: string }) => c.input === 'chips');
    expect(chips.byCompany).toMatchObject({ hhi: 6250, cr1: 0.75, cr3: 1, top: { name: 's1', share: 0.75 }, level: 'high' });
  });

  it('opens the default graph when given no file, and limits scenarios with --scenario', async () => {
    const r = await runCli(['report', '--scenario', 'jp-fab-support']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.graph.title).toBe('Japan-US-Taiwan semiconductor supply, 2025');
    expect(report.scenarios.map((s: { id: string }) => s.id)).toEqual(['baseline', 'jp-fab-support']);
  });

  it('writes Markdown to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-'));
    const out = join(dir, 'report.md');
    const r = await runCli(['report', fx('known/chain.json'), '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Chokepoint risk report: A chain/);
    // With no focus in the file, the headline takes the strongest reliance; ties go to the smaller key.
    expect(md).toContain('| Buyers | `chemical:JP` | 100.0% |');
  });

  it('refuses an unknown scenario with exit 1, and wrong flags with exit 2', async () => {
    const unknown = await runCli(['report', fx('known/chain.json'), '--scenario', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no scenario "nope" in this graph; it has none');
    const flag = await runCli(['report', '--colour', 'red']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--colour'");
    const format = await runCli(['report', '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: expected json, md, html, csv or pdf, found "docx"');
  });

  it('refuses an invalid file with exit 1 and the problems', async () => {
    const r = await runCli(['report', fx('bad/self-loop.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('edges[1].target: expected a node other than the source');
  });

  it('on a file big enough for the figures thread, gives the in-process report and exits', async () => {
    const doc = generateGraph({ nodes: 4000, flows: 16000, seed: 5 });
    const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-big-')), 'big.json');
    writeFileSync(file, JSON.stringify(doc, null, 1));
    expect(statSync(file).size).toBeGreaterThanOrEqual(POOL_FROM_BYTES);
    const r = await runCli(['report', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(buildReport(graphOf(doc)))));
  }, 60_000);
});

describe('chokepoint compare', () => {
  it('lists the figures a scenario moves, biggest first', async () => {
    const r = await runCli(['compare', '--scenario', 'us-purchase-additional', '--top', '5', '--format', 'json']);
    expect(r.code).toBe(0);
    const { comparisons } = JSON.parse(r.stdout);
    expect(comparisons).toHaveLength(1);
    const rows = comparisons[0].rows;
    expect(rows).toHaveLength(5);
    const size = (d: { delta: number; unit: string }) => Math.abs(d.delta) / (d.unit === 'hhi' ? 10000 : 1);
    for (let i = 1; i < rows.length; i++) expect(size(rows[i - 1])).toBeGreaterThanOrEqual(size(rows[i]));
  });

  it('prints the headline across every scenario', async () => {
    const r = await runCli(['compare', '--headline', '--format', 'json']);
    expect(r.code).toBe(0);
    const { rows, focus } = JSON.parse(r.stdout);
    expect(focus.reliance).toEqual(['foundry:TW', 'TW']);
    expect(rows).toHaveLength(6);
    const file = JSON.parse(readFileSync(new URL('../../graphs/japan-us-taiwan.json', import.meta.url), 'utf8'));
    expect(rows[0].scenarios.map((s: { id: string }) => s.id)).toEqual(file.attributes.scenarios.map((s: { id: string }) => s.id));
    const text = await runCli(['compare', '--headline']);
    expect(text.stdout.split('\n')[0]).toMatch(/^Demand node\s+Reliance on\s+baseline\s+us-purchase-additional/);
  });

  it('prints the table the README shows', async () => {
    const r = await runCli(['compare', '--headline']);
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(r.stdout);
  });

  it('prints a text table', async () => {
    const r = await runCli(['compare', '--top', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Scenario us-purchase-additional: /);
    expect(r.stdout).toContain('Figure');
  });
});

describe('chokepoint itself', () => {
  it('stops quietly when its reader stops early', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/chokepoint.js', 'report'], { cwd: new URL('../..', import.meta.url).pathname });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('has help for every command, with the flags for reading a graph where it reads one, and exits 2 on an unknown one', async () => {
    for (const cmd of ['report', 'compare', 'validate', 'convert', 'generate']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: chokepoint ${cmd}`);
      expect(r.stdout.includes('--max-size SIZE'), cmd).toBe(cmd !== 'generate');
    }
    // generate reads no graph: a reading flag is a wrong flag there.
    const flag = await runCli(['generate', '--nodes', '100', '--flows', '300', '--max-size', '1MB']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--max-size'");
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('agrees with the engine called in-process', async () => {
    const r = await runCli(['report', fx('known/cycle.json')]);
    const graph = loadFixture('known/cycle.json');
    const { buildReport } = await import('../../src/report/model.ts');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(buildReport(graph))));
  });
});
