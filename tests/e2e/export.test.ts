/**
 * Saving and report exports in the app (real headless Chromium): the graph in
 * every format reads back to the same graph; the report's figures are the
 * engine's (JSON equals buildReport with the same choice); the HTML is the
 * CLI's, byte for byte apart from the date; the PNG has the kinds' colours and a legend; Print
 * opens the HTML report and calls print. No CSP violation on the way.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { writeNativeText } from '../../src/io/write-native.ts';
import { pct } from '../../src/report/format.ts';
import { buildReport } from '../../src/report/model.ts';
import { withRobustness } from '../../src/report/robustness.ts';
import { KIND_COLORS } from '../../src/ui/look.ts';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { serveApp, SHOTS as OUT, type Served } from './app-server.ts';
import { runCli } from '../helpers/run-cli.ts';
import { idle, openDefault } from './files-helpers.ts';
import { countColour, decodePng } from './png.ts';

const TEXT = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
const graph = loadGraph(TEXT);

let served: Served;
let page: Page;
const errors: string[] = [];
const csp: string[] = [];

async function bytesOf(download: Download): Promise<Uint8Array> {
  const path = await download.path();
  return new Uint8Array(readFileSync(path));
}

async function save(id: string): Promise<{ name: string; bytes: Uint8Array }> {
  await page.click('#save-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
  await idle(page);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

async function report(format: string, choose?: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  await page.click('#report-menu summary');
  await page.click('#report-open');
  await page.selectOption('#report-format', format);
  await choose?.();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
  await idle(page);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  served = await serveApp();
  const context = await served.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  // Every page and pop-up records CSP violations, and print() is recorded instead of opening a dialog.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __printed: number };
    w.__csp = [];
    w.__printed = 0;
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
    window.print = () => void (w.__printed += 1);
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) csp.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await openDefault(page, served.url);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe('saving the graph', () => {
  it('saves native JSON byte for byte as the engine writes it', async () => {
    const file = await save('save-native');
    expect(file.name).toBe('japan-us-taiwan.json');
    expect(new TextDecoder().decode(file.bytes)).toBe(writeNativeText(graph));
  });

  for (const [id, name] of [['save-gexf', 'japan-us-taiwan.gexf'], ['save-graphml', 'japan-us-taiwan.graphml'], ['save-csv', 'japan-us-taiwan.zip']] as const) {
    it(`saves ${name}, which reads back to the same graph`, async () => {
      const file = await save(id);
      expect(file.name).toBe(name);
      const back = loadFiles([{ name: file.name, bytes: file.bytes }]);
      expect(back.ok).toBe(true);
      if (back.ok) expect(writeNativeText(back.graph)).toBe(writeNativeText(graph));
      expect(await page.locator('#files-notice').textContent()).toBe(`Saved ${name}.×`);
    });
  }

  it('says what a plain CSV pair leaves out', async () => {
    const file = await save('save-csv-plain');
    expect(Object.keys(unzipSync(file.bytes)).sort()).toEqual(['flows.csv', 'nodes.csv']);
    const notice = await page.locator('#files-notice').textContent();
    expect(notice).toContain('does not carry');
    expect(notice).toContain('scenarios');
    await page.screenshot({ path: `${OUT}/export-lost.png` });
  });
});

describe('the report from the app', () => {
  it('JSON: the engine\'s report for the scenarios and demand nodes chosen', async () => {
    const scenarios = graph.getAttribute('scenarios')!.map((s) => s.id);
    const keep = scenarios.slice(0, 2);
    const file = await report('json', async () => {
      for (const id of scenarios.slice(2)) await page.uncheck(`#report-dialog input[name="scenario"][value="${id}"]`);
      await page.screenshot({ path: `${OUT}/export-report-dialog.png` });
    });
    const json = JSON.parse(new TextDecoder().decode(file.bytes)) as unknown;
    // With the file's ranges and variants, the robustness section as `chokepoint report --format json` carries it.
    expect(json).toEqual(JSON.parse(JSON.stringify(withRobustness(buildReport(graph, { scenarios: keep, focus: { demand: graph.getAttribute('focus')!.demand! } }), graph))));
  });

  it('HTML: the file `chokepoint report --format html` writes, byte for byte apart from the date; self-contained', async () => {
    const file = await report('html');
    const html = new TextDecoder().decode(file.bytes);
    expect(file.name).toBe('japan-us-taiwan-report.html');
    const cli = await runCli(['report', '--format', 'html'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(cli.code, cli.stderr).toBe(0);
    // The date the report was made, written as "2023-11-14 22:13 UTC" (the CLI's, fixed by SOURCE_DATE_EPOCH).
    const DATE = /\d{4}-\d\d-\d\d \d\d:\d\d UTC/g;
    expect(cli.stdout).toContain('2023-11-14 22:13 UTC');
    expect(html.match(DATE)?.length).toBe(cli.stdout.match(DATE)?.length);
    expect(html.replace(DATE, 'DATE')).toBe(cli.stdout.replace(DATE, 'DATE'));
    // The graph's picture is drawn in the kinds' colours, as in the app.
    expect(html).toContain('<section id="graph" class="graph">');
    expect(html).toContain(`fill="${KIND_COLORS.foundry}"`);
    expect(html).not.toMatch(/<script/i);
    const r = buildReport(graph);
    const row = r.scenarios[0]!.reliance.find((x) => x.demand === 'jp-ai-datacenter')!;
    expect(html).toContain(pct(row.byKindCountry['foundry:TW']!));
    // Opened as a page, it shows the figures and fetches nothing.
    const view = await page.context().newPage();
    const requests: string[] = [];
    view.on('request', (q) => requests.push(q.url()));
    await view.setContent(html);
    expect(await view.locator('section#summary li.answer').count()).toBeGreaterThan(0);
    await view.screenshot({ path: `${OUT}/export-report-html.png`, fullPage: false });
    expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    await view.close();
  });

  it('Markdown and CSV tables', async () => {
    const md = await report('md');
    expect(md.name).toBe('japan-us-taiwan-report.md');
    expect(new TextDecoder().decode(md.bytes)).toContain('# ');
    const csv = await report('csv');
    const entries = Object.keys(unzipSync(csv.bytes));
    expect(entries).toContain('reliance.csv');
  });

  it('PNG of the current view with its legend', async () => {
    await page.click('#report-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(download.suggestedFilename()).toBe('japan-us-taiwan-view.png');
    const bytes = await bytesOf(download);
    const pixels = decodePng(Buffer.from(bytes));
    for (const kind of ['demand', 'foundry', 'supplier', 'wafer', 'chemical'] as const) expect(countColour(pixels, KIND_COLORS[kind]), kind).toBeGreaterThan(20);
    // The legend strip under the graph: its swatches sit in the bottom rows.
    const bottom = { ...pixels, data: pixels.data.subarray(pixels.width * 4 * (pixels.height - 60)), height: 60 };
    expect(countColour(bottom, KIND_COLORS.wafer)).toBeGreaterThan(10);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${OUT}/export-view.png`, bytes);
  });

  it('Print / PDF opens the HTML report and calls print', async () => {
    await page.click('#report-menu summary');
    await page.click('#report-open');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#report-print')]);
    await popup.waitForLoadState('load');
    await popup.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0, null, { timeout: 10_000 });
    expect(await popup.title()).toContain('Chokepoint risk report');
    // The report as `chokepoint report --format html` writes it: the graph's picture inline as SVG.
    expect(await popup.locator('section#graph svg').count()).toBeGreaterThan(0);
    const pdf = await popup.pdf({ format: 'A4' }).catch(() => null);
    if (pdf) expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(await popup.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await popup.close();
  });
});

describe('Content-Security-Policy', () => {
  it('the served page carries the CSP meta: no inline script, no remote origin, no eval', async () => {
    const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(content).toContain("script-src 'self'");
    expect(content).not.toMatch(/unsafe-eval|https?:/);
    expect(content).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('no CSP violation and no console error while loading, exporting and printing', async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
  });
});
