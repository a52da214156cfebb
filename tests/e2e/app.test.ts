/**
 * The app in real headless Chromium: built with vite, served with vite
 * preview, driven with playwright-core. Every figure checked here is compared
 * with the engine's own answer computed in this process, formatted with `pct`
 * as the app does. Screenshots go to tests/output/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availability } from '../../src/metrics/availability.ts';
import { buildSupplyIndex } from '../../src/metrics/supply-index.ts';
import { loss, pct } from '../../src/report/format.ts';
import { buildReport, type Report } from '../../src/report/model.ts';
import { applyScenario, scenariosOf } from '../../src/scenarios/apply.ts';
import { KIND_COLORS } from '../../src/ui/look.ts';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { placesSettled } from './settle.ts';
import { appPage, serveApp, shot as saveShot, waitForApp, type Served } from './app-server.ts';
import { countColour, decodePng, inkShare } from './png.ts';

const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const report: Report = buildReport(graph);
const JAPANESE = ['jp-ai-datacenter', 'jp-automotive-industrial', 'jp-consumer-electronics'];

let served: Served;
let page: Page;
const errors: string[] = [];

const reliance = (scenario: string, demand: string, set = 'foundry:TW') =>
  report.scenarios.find((s) => s.id === scenario)!.reliance.find((r) => r.demand === demand)!.byKindCountry[set] ?? 0;
const text = (selector: string) => page.locator(selector).first().textContent();
const shot = (name: string) => saveShot(page, name);

async function clickNode(key: string) {
  const pos = await page.evaluate((k) => window.__chokepoint!.screenPosition(k), key);
  expect(pos, `node ${key} is on the page`).not.toBeNull();
  await page.mouse.move(pos!.x, pos!.y);
  await page.mouse.click(pos!.x, pos!.y);
}

async function chooseScenario(id: string) {
  await page.selectOption('#scenario', id);
  await expect.poll(() => page.evaluate(() => window.__chokepoint!.state().view.status)).toBe('done');
}

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await page.goto(served.url);
  await waitForApp(page);
  await page.waitForTimeout(500);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe('the app on the default graph', () => {
  it('opens on a Japanese buyer with its reliance on Taiwanese foundries, and the canvas draws', async () => {
    const state = await page.evaluate(() => window.__chokepoint!.state());
    expect(state.loaded?.document.attributes.title).toBe(graph.getAttribute('title'));
    expect(JAPANESE).toContain(state.demand);
    expect(state.focus).toBe('foundry:TW');
    expect(await text('#headline-figure')).toBe(pct(reliance('baseline', state.demand!)));

    const png = decodePng(await page.locator('#graph').screenshot());
    expect(inkShare(png)).toBeGreaterThan(0.02);
    for (const kind of ['demand', 'foundry', 'supplier', 'wafer', 'chemical'] as const) {
      expect(countColour(png, KIND_COLORS[kind]), `${kind} nodes drawn in ${KIND_COLORS[kind]}`).toBeGreaterThan(20);
    }
    await shot('app-main');
  });

  it('has real tables and every control reachable by keyboard', async () => {
    expect(await page.locator('#spof-table thead th').count()).toBeGreaterThan(3);
    expect(await page.locator('#spof-table caption').count()).toBe(1);
    expect(await page.locator('#concentration-table tbody tr').count()).toBe(report.scenarios[0]!.concentration.length);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    // A ranking row opens the inspector by keyboard, which takes the focus; Tab walks into it; Escape closes it.
    await page.focus('[data-focus="spof-tsmc-tw"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inspector');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close the inspector');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#inspector').count()).toBe(0);
    await page.click('#fit');
  });

  it('hovering a node highlights its suppliers and customers', async () => {
    const pos = await page.evaluate(() => window.__chokepoint!.screenPosition('nvidia'));
    await page.mouse.move(pos!.x, pos!.y);
    await page.waitForTimeout(300);
    await shot('app-hover');
    const png = decodePng(await page.locator('#graph').screenshot());
    // Everything but the neighbourhood fades to the pale grey.
    expect(countColour(png, '#e3e6ea', 2)).toBeGreaterThan(200);
    await page.mouse.move(5, 300);
  });

  it('clicking a node opens its inspector with its figures', async () => {
    await clickNode('tsmc-tw');
    await expect.poll(() => text('#inspector-title')).toBe(graph.getNodeAttribute('tsmc-tw', 'label'));
    for (const demand of JAPANESE) {
      const impact = report.scenarios[0]!.spof.find((s) => s.demand === demand)!.critical.find((c) => c.key === 'tsmc-tw')?.impact ?? 0;
      expect(await text(`#inspector-impact tr[data-demand="${demand}"] td:last-child`)).toBe(pct(impact));
    }
    expect(await page.locator('#inspector .sources a[href^="https://"]').count()).toBeGreaterThan(0);
    await shot('app-inspector');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#inspector').count()).toBe(0);
  });

  it('search finds a node by part of its label', async () => {
    await page.click('#search');
    await page.keyboard.type('hiroshima');
    const option = page.locator('#search-list [role="option"]').first();
    await expect.poll(() => option.getAttribute('data-key')).toBe('micron-jp');
    await shot('app-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('#inspector-title')).toBe(graph.getNodeAttribute('micron-jp', 'label'));
    await page.keyboard.press('Escape');
  });

  it('each scenario shows the reliance on foundry:TW that `chokepoint report` gives', async () => {
    for (const demand of ['jp-ai-datacenter', 'jp-automotive-industrial']) {
      await page.selectOption('#demand', demand);
      for (const s of report.scenarios) {
        await chooseScenario(s.id);
        await expect.poll(() => text('#headline-figure'), { message: `${s.id}, ${demand}` }).toBe(pct(reliance(s.id, demand)));
      }
    }
    await page.selectOption('#demand', 'jp-ai-datacenter');
    // The table across scenarios gives every scenario's figure at once, and a row switches to that scenario.
    for (const s of report.scenarios) {
      expect(await text(`#across-scenarios tr[data-scenario="${s.id}"] td`)).toBe(pct(reliance(s.id, 'jp-ai-datacenter')));
    }
    await page.click('[data-focus="scenario-jp-leading-edge"]');
    await expect.poll(() => text('#headline-figure')).toBe(pct(reliance('jp-leading-edge', 'jp-ai-datacenter')));
    await chooseScenario('baseline');
  });

  it('compare mode shows before, after and delta, and marks the changes', async () => {
    await chooseScenario('combined');
    await page.check('#compare');
    expect(await text('#headline-before')).toBe(pct(reliance('baseline', 'jp-ai-datacenter')));
    expect(await text('#headline-figure')).toBe(pct(reliance('combined', 'jp-ai-datacenter')));
    expect(await page.locator('#changed-flows tbody tr').count()).toBeGreaterThan(0);
    // The flows marked on the graph are those whose value the scenario changes.
    const applied = applyScenario(graph, scenariosOf(graph).find((s) => s.id === 'combined')!);
    if (!applied.ok) throw new Error('combined does not apply');
    const moved = graph.edges().filter((e) => applied.graph.hasEdge(e) && applied.graph.getEdgeAttribute(e, 'value') !== graph.getEdgeAttribute(e, 'value'));
    expect(moved.length).toBeGreaterThan(0);
    const marked = await page.evaluate(() => {
      const v = window.__chokepoint!.state().view;
      return v.status === 'done' ? v.value.changes.changedEdges.map((c) => c.key) : null;
    });
    expect(marked?.sort()).toEqual(moved.sort());
    await page.click('#fit');
    await page.waitForTimeout(500);
    await shot('app-compare');
    await page.uncheck('#compare');
    await chooseScenario('baseline');
  });

  it('"Fail this node" on the largest Taiwanese foundry changes the figures as the engine says', async () => {
    const ix = buildSupplyIndex(graph);
    const a = availability(ix, [ix.indexOf.get('tsmc-tw')!]);
    await page.fill('#search', '');
    await page.click('#search');
    await page.keyboard.type('tsmc fabs in taiwan');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('#inspector-title')).toBe(graph.getNodeAttribute('tsmc-tw', 'label'));
    await page.click('#fail-node');
    await expect.poll(() => page.locator('#what-if-table').count()).toBe(1);
    for (const demand of JAPANESE) {
      expect(await text(`#what-if-table tr[data-key="${demand}"] td`)).toBe(loss(1 - a[ix.indexOf.get(demand)!]!));
    }
    expect(await text('#headline-whatif strong')).toBe(pct(1 - a[ix.indexOf.get('jp-ai-datacenter')!]!));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    await shot('app-what-if');
    const png = decodePng(await page.locator('#graph').screenshot());
    expect(countColour(png, '#212529', 20), 'the failed node is drawn dark').toBeGreaterThan(5);
    await page.click('#reset-what-if');
    // The shock builder stays, empty.
    await expect.poll(() => page.locator('#what-if-table').count()).toBe(0);
  });

  it('"Fail Taiwan" costs each buyer its reliance on Taiwan', async () => {
    await page.fill('#search', '');
    await page.click('#search');
    await page.keyboard.type('tsmc fabs in taiwan');
    await page.keyboard.press('Enter');
    await page.click('#fail-country');
    await expect.poll(() => page.locator('#what-if-table').count()).toBe(1);
    for (const demand of JAPANESE) {
      const expected = report.scenarios[0]!.reliance.find((r) => r.demand === demand)!.byCountry.TW!;
      expect(await text(`#what-if-table tr[data-key="${demand}"] td`)).toBe(loss(expected));
    }
    await page.click('#reset-what-if');
    await page.keyboard.press('Escape');
    // The same from the panel: the country bar chart's Fail button.
    await page.click('[data-focus="mode-country"]');
    await page.click('[data-focus="fail-country-TW"]');
    await expect.poll(() => page.locator('#what-if-table').count()).toBe(1);
    const expected = report.scenarios[0]!.reliance.find((r) => r.demand === 'jp-ai-datacenter')!.byCountry.TW!;
    expect(await text('#what-if-table tr[data-key="jp-ai-datacenter"] td')).toBe(loss(expected));
    await page.click('#reset-what-if');
    await page.click('[data-focus="mode-kind"]');
  });

  it('draws the map and the force layouts, and countries as nodes', async () => {
    // Where two nodes sit on the page: each layout puts them somewhere else.
    const places = () => page.evaluate(() => ['tsmc-tw', 'jp-ai-datacenter'].map((k) => window.__chokepoint!.screenPosition(k)!));
    const moved = (a: { x: number; y: number }[], b: { x: number; y: number }[]) => Math.max(...a.map((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y)));
    const tiered = await places();
    await page.selectOption('#layout', 'geographic');
    await placesSettled(page, ['tsmc-tw', 'jp-ai-datacenter']);
    const map = await places();
    expect(moved(tiered, map)).toBeGreaterThan(20);
    await shot('app-geographic');
    await page.check('#countries');
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.screenPosition('country:JP'))).not.toBeNull();
    await placesSettled(page, ['tsmc-tw', 'jp-ai-datacenter', 'country:JP']);
    await shot('app-geographic-countries');
    const pos = await page.evaluate(() => window.__chokepoint!.screenPosition('country:JP'));
    expect(pos).not.toBeNull();
    await page.uncheck('#countries');
    await page.selectOption('#layout', 'force');
    await expect.poll(async () => moved(map, await places()), { timeout: 20_000 }).toBeGreaterThan(20);
    await placesSettled(page, ['tsmc-tw', 'jp-ai-datacenter'], 30_000);
    await shot('app-force');
    const png = decodePng(await page.locator('#graph').screenshot());
    expect(inkShare(png)).toBeGreaterThan(0.01);
    await page.selectOption('#layout', 'tiered');
    await placesSettled(page, ['tsmc-tw', 'jp-ai-datacenter']);
  });

  it('sizes nodes by betweenness, computed in the worker on demand', async () => {
    await page.selectOption('#size-by', 'betweenness');
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.state().betweenness.status)).toBe('done');
    await page.selectOption('#size-by', 'impact');
  });

  it('wrote no error to the console', () => {
    expect(errors).toEqual([]);
  });
});
