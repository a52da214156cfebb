/**
 * Opening files in the app (real headless Chromium): the Open button with
 * several files, drag and drop, `?graph=`, the mapping step, scenarios files,
 * recent files, and problems (capped at 200 with a count). Every figure shown
 * is compared with the engine's own answer computed here.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/generate/index.ts';
import { loadFiles } from '../../src/io/load.ts';
import { pct } from '../../src/report/format.ts';
import { buildReport } from '../../src/report/model.ts';
import { repoPath } from '../helpers/load.ts';
import { appPage, serveApp, shot as saveShot, type Served } from './app-server.ts';
import { drop, forgetWorkingGraph, loaded, openDefault, pick, type PageFile } from './files-helpers.ts';

const read = (path: string) => new Uint8Array(readFileSync(repoPath(path)));
const KOREA = ['nodes.csv', 'flows.csv', 'graph.json'].map((n) => ({ name: n, data: read(`graphs/korea-hf-photoresist-2019/${n}`) }));
const NEON = { name: 'neon-ukraine-2022.gexf', data: read('graphs/neon-ukraine-2022.gexf') };

let served: Served;
let page: Page;
const errors: string[] = [];

const state = () => page.evaluate(() => window.__chokepoint!.state());
const shot = (name: string) => saveShot(page, name);

/** The engine's report on the same files, loaded in Node. */
function engineReport(files: PageFile[]) {
  const result = loadFiles(files.map((f) => ({ name: f.name, bytes: typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data })));
  if (!result.ok) throw new Error('fixture does not load');
  return buildReport(result.graph);
}

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await openDefault(page, served.url);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe('opening files in the app', () => {
  it('opens a GEXF from the Open button, parsed in the worker, with the engine\'s figures', async () => {
    await pick(page, [NEON]);
    await loaded(page, NEON.name);
    const s = await state();
    const report = engineReport([NEON]);
    expect(s.loaded?.document.attributes.title).toBe(report.graph.title);
    expect(s.loaded?.report.scenarios.map((x) => x.id)).toEqual(report.scenarios.map((x) => x.id));
    const row = report.scenarios[0]!.reliance.find((r) => r.demand === s.demand)!;
    expect(s.focus).toBe(report.focus.reliance[0]);
    await expect.poll(() => page.locator('#headline-figure').textContent()).toBe(pct((s.focus.includes(':') ? row.byKindCountry[s.focus] : row.byCountry[s.focus]) ?? 0));
    expect(await page.locator('.graph-title').textContent()).toBe(report.graph.title);
    await shot('files-neon');
  });

  it('opens a CSV pair (with graph.json) picked together, and the same files as a zip', async () => {
    await pick(page, KOREA);
    const label = KOREA.map((f) => f.name).join(' + ');
    await loaded(page, label);
    const report = engineReport(KOREA);
    expect((await state()).loaded?.report.scenarios[0]).toEqual(report.scenarios[0]);

    await openDefault(page, served.url);
    const zip = { name: 'korea.zip', data: zipSync(Object.fromEntries(KOREA.map((f) => [f.name, f.data as Uint8Array]))) };
    await drop(page, [zip]);
    await loaded(page, 'korea.zip');
    expect((await state()).loaded?.report.scenarios[0]).toEqual(report.scenarios[0]);
  });

  it('shows a drop target while files are dragged over the page', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'x.json'));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    });
    await expect.poll(() => page.locator('#drop-target').isVisible()).toBe(true);
    await shot('files-drop-target');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'x.json'));
      document.body.dispatchEvent(new DragEvent('dragleave', { dataTransfer: dt, bubbles: true }));
    });
    await expect.poll(() => page.locator('#drop-target').isVisible()).toBe(false);
  });

  it('asks for a mapping with the guesses filled in, and loads with the columns chosen', async () => {
    const nodes = 'Id,Name,Type,Nation,Owner\nf1,Fab One,foundry,TW,Fabco\nf2,Fab Two,foundry,KR,Other\nb1,Buyer,demand,JP,\n';
    const flows = 'From,To,Product,Weight,Kind\nf1,b1,chips,30,x\nf2,b1,chips,10,y\n';
    const files = [{ name: 'nodes.csv', data: nodes }, { name: 'flows.csv', data: flows }];
    await pick(page, files);
    await expect.poll(() => page.locator('#mapping-dialog').isVisible()).toBe(true);
    expect(await page.inputValue('#map-nodes-key')).toBe('Id');
    expect(await page.inputValue('#map-nodes-label')).toBe('Name');
    expect(await page.inputValue('#map-nodes-kind')).toBe('Type');
    expect(await page.inputValue('#map-nodes-country')).toBe('Nation');
    expect(await page.inputValue('#map-edges-source')).toBe('From');
    expect(await page.inputValue('#map-edges-value')).toBe('Weight');
    await shot('files-mapping');
    // The user changes one guess: the input is "Kind", not "Product".
    await page.selectOption('#map-edges-input', 'Kind');
    await page.click('#mapping-confirm');
    await loaded(page, 'nodes.csv + flows.csv');
    const s = await state();
    expect(s.loaded?.document.edges.map((e) => e.attributes.input).sort()).toEqual(['x', 'y']);
    const expected = loadFiles(files.map((f) => ({ name: f.name, text: f.data })), { mapping: { edges: { input: 'Kind' } } });
    expect(expected.ok && buildReport(expected.graph).scenarios[0]!.reliance).toEqual(s.loaded?.report.scenarios[0]!.reliance);
  });

  it('loads a graph with no kinds or countries for exploration, saying which figures are unavailable and why', async () => {
    const files = [{ name: 'nodes.csv', data: 'id,name\na,A\nb,B\nc,C\n' }, { name: 'edges.csv', data: 'source,target,weight\na,b,2\nb,c,1\n' }];
    await pick(page, files);
    await expect.poll(() => page.locator('#mapping-dialog').isVisible()).toBe(true);
    await page.click('#mapping-confirm');
    await loaded(page, 'nodes.csv + edges.csv');
    const expected = loadFiles(files.map((f) => ({ name: f.name, text: f.data })));
    expect(expected.ok && expected.unavailable.length).toBeGreaterThan(0);
    const notice = await page.locator('#files-notice').textContent();
    for (const u of expected.ok ? expected.unavailable : []) expect(notice).toContain(u.why);
    expect((await state()).loaded?.unavailable).toEqual(expected.ok ? expected.unavailable : null);
    await shot('files-unavailable');
  });

  it('adds a scenarios file to the graph in hand', async () => {
    await openDefault(page, served.url);
    const before = (await state()).loaded!.report.scenarios.length;
    const scenarios = [{ id: 'tw-half', label: 'Taiwan foundries at half', ops: [{ op: 'scaleFlows', where: { source: { kind: 'foundry', country: 'TW' } }, factor: 0.5 }] }];
    await pick(page, [{ name: 'more-scenarios.json', data: JSON.stringify(scenarios) }]);
    // Adding a scenario validates it on every variant and recomputes every figure: more than poll's default 5 s on a busy machine.
    await expect.poll(async () => (await state()).loaded?.report.scenarios.length, { timeout: 30_000 }).toBe(before + 1);
    const s = await state();
    expect(s.loaded?.file).toBe('japan-us-taiwan.json');
    expect(s.loaded?.report.scenarios.at(-1)?.label).toBe('Taiwan foundries at half');
    expect(await page.locator('#files-notice').textContent()).toContain('Scenarios from more-scenarios.json added');
    expect(await page.locator('#scenario option[value="tw-half"]').count()).toBe(1);
  });

  it('opens ?graph= from beside the app, and refuses another origin', async () => {
    await page.goto(`${served.url}?graph=graphs/neon-ukraine-2022.gexf`);
    await page.waitForFunction(() => window.__chokepoint !== undefined);
    await loaded(page, NEON.name);
    await forgetWorkingGraph(page, served.url);
    await page.goto(`${served.url}?graph=${encodeURIComponent('https://example.com/x.json')}`);
    await page.waitForFunction(() => window.__chokepoint !== undefined);
    await loaded(page, 'japan-us-taiwan.json');
    expect(await page.locator('#problems').textContent()).toContain('another origin');
  });

  it('remembers recent files and opens them again after a reload', async () => {
    await openDefault(page, served.url);
    await page.click('#recent-menu summary');
    const items = page.locator('#recent-menu .recent-item');
    expect(await items.count()).toBeGreaterThan(2);
    expect(await items.first().textContent()).toContain('more-scenarios.json');
    await shot('files-recent');
    await page.locator('#recent-menu .recent-item', { hasText: 'neon-ukraine-2022.gexf' }).click();
    await loaded(page, NEON.name);
    const list = await page.evaluate(() => JSON.parse(localStorage.getItem('chokepoint.recent') ?? '[]') as unknown[]);
    expect(list.length).toBeLessThanOrEqual(8);
  });

  it('lists 200 problems of a broken file, then how many more, and keeps the graph on screen', async () => {
    await openDefault(page, served.url);
    const doc = JSON.parse(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8')) as { nodes: { attributes: { kind: string } }[] };
    for (const n of doc.nodes) n.attributes.kind = 'fab';
    const many = { ...doc, nodes: [...doc.nodes, ...Array.from({ length: 150 }, (_, i) => ({ key: `x${i}`, attributes: { label: `x${i}`, kind: 'fab', country: 'TW' } }))] };
    const manyText = JSON.stringify(many, null, 2);
    const manyProblems = loadFiles([{ name: 'broken.json', text: manyText }]);
    const total = manyProblems.ok ? 0 : manyProblems.problems.length;
    expect(total).toBeGreaterThan(200);
    await drop(page, [{ name: 'broken.json', data: manyText }]);
    await expect.poll(() => page.locator('#problems tbody tr').count()).toBe(200);
    expect(await page.locator('#problems .more').textContent()).toBe(`…and ${total - 200} more`);
    const first = manyProblems.ok ? null : manyProblems.problems[0]!;
    const row = page.locator('#problems tbody tr').first();
    expect(await row.textContent()).toContain(`broken.json, line ${first!.line}`);
    expect(await row.textContent()).toContain(first!.path);
    const s = await state();
    expect(s.loaded?.file).toBe('japan-us-taiwan.json');
    expect(s.load.status).toBe('error');
    await shot('files-problems');
    await page.click('#problems-dismiss');
    await expect.poll(() => page.locator('#problems').count()).toBe(0);
  });

  it('shows progress while a larger file is read, parsed and computed in the worker', async () => {
    const doc = generateGraph({ nodes: 1_000, flows: 5_000, seed: 7 });
    const big = { name: 'big.json', data: JSON.stringify(doc) };
    const phases = new Set<string>();
    await pick(page, [big]);
    // Sample the busy line until the graph is in.
    for (let i = 0; i < 400; i++) {
      const busy = await page.evaluate(() => document.querySelector('.files-busy')?.textContent ?? null);
      if (busy) phases.add(busy.replace(/^.*: /, ''));
      const done = await page.evaluate(() => window.__chokepoint!.state().loaded?.file === 'big.json');
      if (done) break;
      await page.waitForTimeout(25);
    }
    await loaded(page, 'big.json');
    // The worker reports its phases while it runs: the longest, the report's figures, is always seen.
    expect([...phases], [...phases].join(' | ')).toContain('computing the figures…');
    expect((await state()).loaded?.document.nodes).toHaveLength(1_000);
  }, 60_000);

  it('logged no console error', () => {
    // The refused origin and the broken file are reported in the page, not as errors.
    expect(errors).toEqual([]);
  });
});
