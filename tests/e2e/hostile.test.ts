/**
 * Hostile input in the app (real headless Chromium). A graph whose labels,
 * notes, source titles and URLs carry script and HTML loads and shows them as
 * text everywhere (graph labels, inspector, tables, search, report) and runs
 * nothing: every payload sets `window.__pwned` if it ever runs, and dialogs
 * are listened for. A broken file and a crash of the worker leave the graph
 * on screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { makeDoc } from '../helpers/load.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { drop, idle, loaded, openDefault, pick } from './files-helpers.ts';
import { decodePng, inkShare } from './png.ts';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';

function hostileDoc() {
  const doc = makeDoc(
    [['evil-fab', 'foundry', 'TW', 'Evil Co'], ['buyer', 'demand', 'JP'], ['wafer', 'wafer', 'JP']],
    [['wafer', 'evil-fab', 'wafers', 5], ['evil-fab', 'buyer', 'chips', 10]],
    {
      title: `Hostile ${SCRIPT}`,
      description: IMG,
      sources: [
        { id: 'src-js', title: `Source ${IMG}`, url: JS_URL },
        { id: 'src-ok', title: `Fine source ${SCRIPT}`, url: 'https://example.com/report' },
      ],
      scenarios: [{ id: 'evil', label: `Scenario ${IMG}`, description: SCRIPT, ops: [{ op: 'scaleFlows', where: { source: { kind: 'foundry' } }, factor: 0.5 }] }],
    },
  ) as unknown as { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] };
  const fab = doc.nodes[0]!.attributes;
  fab.label = `Fab ${IMG}`;
  fab.note = SCRIPT;
  fab.sources = ['src-js', 'src-ok'];
  doc.nodes[1]!.attributes.label = `Buyer ${SCRIPT}`;
  doc.edges[1]!.attributes.note = IMG;
  return doc;
}
const HOSTILE = { name: 'hostile.json', data: JSON.stringify(hostileDoc(), null, 2) };

let served: Served;
let page: Page;
const dialogs: string[] = [];
const errors: string[] = [];

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
const state = () => page.evaluate(() => window.__chokepoint!.state());

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors, { dialogs, acceptDownloads: true });
  await openDefault(page, served.url);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe('a graph whose text carries script and HTML', () => {
  it('loads (the engine accepts it) and shows its labels as text', async () => {
    expect(loadFiles([{ name: HOSTILE.name, text: HOSTILE.data }]).ok).toBe(true);
    await pick(page, [HOSTILE]);
    await loaded(page, HOSTILE.name);
    expect(await page.locator('.graph-title').textContent()).toBe(`Hostile ${SCRIPT}`);
    // The spof table, the headline's buyer menu and the scenario menu carry the labels as text.
    await expect.poll(() => page.locator('#panels').textContent()).toContain(`Fab ${IMG}`);
    expect(await page.locator('#scenario').textContent()).toContain(`Scenario ${IMG}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#app script, body > script:not([src])').count()).toBe(0);
    // The canvas draws the labels (as canvas text).
    expect(inkShare(decodePng(await page.locator('#graph').screenshot()))).toBeGreaterThan(0.005);
    await shot(page, 'hostile-loaded');
  });

  it('search matches the text and lists it as text', async () => {
    await page.click('#search');
    await page.keyboard.type('<img');
    const option = page.locator('#search-list [role="option"]').first();
    await expect.poll(() => option.getAttribute('data-key')).toBe('evil-fab');
    expect(await option.textContent()).toContain(`Fab ${IMG}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#inspector-title').textContent()).toBe(`Fab ${IMG}`);
  });

  it('the inspector shows notes and source titles as text, and links only http(s)', async () => {
    const inspector = page.locator('#inspector');
    expect(await inspector.textContent()).toContain(SCRIPT);
    expect(await inspector.textContent()).toContain(`Source ${IMG}`);
    const hrefs = await inspector.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('https://example.com/report');
    expect(hrefs.some((h) => h?.toLowerCase().startsWith('javascript:'))).toBe(false);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await shot(page, 'hostile-inspector');
    await page.keyboard.press('Escape');
  });

  it('the HTML report of it escapes everything and runs nothing', async () => {
    await page.click('#report-menu summary');
    await page.click('#report-open');
    expect(await page.locator('#report-dialog').textContent()).toContain(`Scenario ${IMG}`);
    await page.selectOption('#report-format', 'html');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
    await idle(page);
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).not.toContain(IMG);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toMatch(/href="javascript:/i);
    const view = await served.browser.newPage();
    view.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await view.setContent(html);
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await view.locator('body').textContent()).toContain(`Fab ${IMG}`);
    await view.close();
  });

  it('nothing ran: no __pwned, no dialog', async () => {
    expect(await pwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe('failures keep the graph in hand', () => {
  it('a broken file dropped on the default graph lists its problems and leaves the old graph and figures', async () => {
    await openDefault(page, served.url);
    const before = await state();
    const headline = await page.locator('#headline-figure').textContent();
    await drop(page, [{ name: 'broken.gexf', data: '<gexf><graph><nodes><node id="a"></nodes></graph>' }]);
    await expect.poll(() => page.locator('#problems tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#problems').textContent()).toContain('broken.gexf');
    const after = await state();
    expect(after.loaded?.file).toBe('japan-us-taiwan.json');
    expect(after.loaded?.report).toEqual(before.loaded?.report);
    expect(after.scenario).toBe(before.scenario);
    expect(await page.locator('#headline-figure').textContent()).toBe(headline);
    expect(inkShare(decodePng(await page.locator('#graph').screenshot()))).toBeGreaterThan(0.02);
    await shot(page, 'hostile-broken-drop');
  });

  it('keeps the scenario and what-if when a load fails', async () => {
    const scenario = (await state()).loaded!.report.scenarios[1]!.id;
    await page.selectOption('#scenario', scenario);
    await page.waitForFunction(() => window.__chokepoint!.state().view.status === 'done');
    await page.click('[data-focus="spof-fail-tsmc-tw"]');
    await page.waitForFunction(() => window.__chokepoint!.state().whatIf.status === 'done');
    const before = await state();
    await pick(page, [{ name: 'not-a-graph.txt', data: 'hello' }]);
    await expect.poll(() => page.locator('#problems').textContent()).toContain('not-a-graph.txt');
    const s = await state();
    expect(s.scenario).toBe(scenario);
    expect(s.loaded?.file).toBe('japan-us-taiwan.json');
    expect(s.failure).toEqual({ nodes: ['tsmc-tw'], countries: [] });
    expect(s.whatIf).toEqual(before.whatIf);
    await page.click('#problems-dismiss');
  });

  it('a crash in the worker leaves the graph in hand and tells the user', async () => {
    const worker = page.workers().find((w) => w.url().includes('engine-worker'));
    expect(worker, 'the engine worker runs').toBeDefined();
    const before = await state();
    await worker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0);
    });
    await expect.poll(() => page.locator('#files-notice').textContent()).toContain('The engine hit an error');
    expect(await page.locator('#files-notice').textContent()).toContain('simulated crash');
    const after = await state();
    expect(after.loaded?.report).toEqual(before.loaded?.report);
    // The engine still answers: switching scenario computes the view.
    await page.selectOption('#scenario', 'baseline');
    await page.waitForFunction(() => window.__chokepoint!.state().view.status === 'done' && window.__chokepoint!.state().scenario === 'baseline');
    await shot(page, 'hostile-crash');
  });

  it('no console error except the simulated crash', () => {
    expect(errors.filter((e) => !e.includes('simulated crash'))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
