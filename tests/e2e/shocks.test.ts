/**
 * The shock builder in real headless Chromium (issue 17): the file's shocks
 * switched like scenarios, the capacity control, a kind in a country added,
 * a what-if saved as a shock and undone, and the shocks × scenarios table;
 * every figure on the page compared with the engine's, computed here.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loss, money } from '../../src/report/format.ts';
import { boughtBeforeAfter } from '../../src/metrics/bought.ts';
import { applyScenario } from '../../src/scenarios/apply.ts';
import type { SupplyGraph } from '../../src/model/graph.ts';
import { buildReport } from '../../src/report/model.ts';
import { buildShockReport } from '../../src/report/shock-report.ts';
import type { Shock } from '../../src/model/schema.ts';
import { loadGraph, fixturePath } from '../helpers/load.ts';
import { appPage, serveApp, shot, waitForApp, type Served } from './app-server.ts';
import { loaded, pick } from './files-helpers.ts';

const TEXT = readFileSync(fixturePath('shocks/two-fabs.json'), 'utf8');
const graph = loadGraph(TEXT);
const report = buildReport(graph);

let served: Served;
let page: Page;
const errors: string[] = [];

/** lost(d, X) of the engine for a shock of these hits, on a scenario's graph. */
function engineLost(hits: Shock['hits'], scenario = 'baseline'): Record<string, number> {
  const r = buildShockReport(graph, [{ id: 'x', label: 'x', hits }]);
  return r.scenarios.find((s) => s.id === scenario)!.shocks[0]!.lost;
}
/** The what-if table's figures, by buyer. */
const shown = () => page.$$eval('#what-if-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-key'), r.querySelector('td')!.textContent])));
const expectShown = async (lost: Record<string, number>) =>
  expect.poll(shown).toEqual(Object.fromEntries(Object.entries(lost).map(([d, x]) => [d, loss(x)])));

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await page.goto(served.url);
  await waitForApp(page);
  await pick(page, [{ name: 'two-fabs.json', data: TEXT }]);
  await loaded(page, 'two-fabs.json');
  await page.selectOption('#demand', 'buyer');
}, 180_000);

afterAll(async () => {
  await served?.close();
});

describe('the shock builder', () => {
  it('shows the file\'s shocks × scenarios for the buyer as the report computes them', async () => {
    await expect.poll(() => page.locator('#shock-table').count()).toBe(1);
    for (const shock of report.shocks!) {
      for (const s of report.scenarios) {
        const x = s.shocks!.find((c) => c.id === shock.id)!.lost.buyer!;
        expect(await page.locator(`#shock-table tr[data-shock="${shock.id}"] td[data-scenario="${s.id}"]`).textContent()).toMatch(new RegExp(`^${loss(x)}\\*?$`));
      }
    }
    // A loss is red, never the green of good news.
    const colour = await page.locator('#shock-table td.loss').first().evaluate((td) => getComputedStyle(td).color);
    expect(colour).toBe('rgb(192, 57, 43)');
    await page.locator('#shocks').scrollIntoViewIfNeeded();
    await shot(page, 'shock-table');
  });

  it('switches between the file\'s shocks, and the figures follow', async () => {
    const shocks = graph.getAttribute('shocks')!;
    for (const shock of shocks) {
      await page.selectOption('#shock-pick', shock.id);
      await expectShown(engineLost(shock.hits));
    }
    await shot(page, 'shock-builder-file-shock');
  });

  it('moves the capacity control and the figures and the headline follow', async () => {
    await page.selectOption('#shock-pick', 'tw-half');
    await expectShown(engineLost([{ where: { kind: 'foundry', country: 'TW' }, capacity: 0.5 }]));
    await page.locator('input.capacity[data-part="hit:0"]').fill('25');
    const want = engineLost([{ where: { kind: 'foundry', country: 'TW' }, capacity: 0.25 }]);
    await expectShown(want);
    expect(await page.locator('#what-if .capacity-value').first().textContent()).toBe('keeps 25.0%');
    await expect.poll(() => page.locator('#headline-whatif strong').textContent()).toBe(`${(100 * want.buyer!).toFixed(1)}%`);
    // The node at part is drawn as losing, not as failed.
    const partial = await page.evaluate(() => { const w = window.__chokepoint!.state().whatIf; return w.status === 'done' ? w.value.partial : null; });
    expect(partial).toEqual({ 'fab-tw': 0.25 });
  });

  it('adds a kind in a country at part to the what-if, on a scenario\'s graph too', async () => {
    await page.selectOption('#hit-type', 'kindCountry');
    await page.selectOption('#hit-value', 'foundry:US');
    await page.click('#hit-add');
    await page.locator('input.capacity[data-part="kind:foundry:US"]').fill('50');
    const hits: Shock['hits'] = [{ where: { kind: 'foundry', country: 'US' }, capacity: 0.5 }, { where: { kind: 'foundry', country: 'TW' }, capacity: 0.25 }];
    await expectShown(engineLost(hits));
    await page.selectOption('#scenario', 'more-us');
    await expectShown(engineLost(hits, 'more-us'));
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'shock-builder-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'shock-builder-1440');
    await page.selectOption('#scenario', 'baseline');
  });

  it('saves the what-if as a shock of the file, an edit that undo takes back', async () => {
    const before = await page.evaluate(() => window.__chokepoint!.state().loaded!.document.attributes.shocks!.length);
    await page.fill('#shock-label', 'Both fabs at part');
    await page.click('#shock-save');
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.state().loaded!.document.attributes.shocks!.map((s) => s.id))).toEqual(['tw-half', 'gas-stop', 'both-fabs-at-part']);
    const saved = await page.evaluate(() => window.__chokepoint!.state().loaded!.document.attributes.shocks![2]!.hits);
    expect(saved).toEqual([{ where: { kind: 'foundry', country: 'US' }, capacity: 0.5 }, { where: { kind: 'foundry', country: 'TW' }, capacity: 0.25 }]);
    // The report's table has the new shock as a row.
    await expect.poll(() => page.locator('#shock-table tr[data-shock="both-fabs-at-part"]').count()).toBe(1);
    await page.click('#undo');
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.state().loaded!.document.attributes.shocks!.length)).toBe(before);
    expect(errors).toEqual([]);
  });
});

describe('scenario comparison', () => {
  it('shows the supply a scenario takes away in red, and a reliance it lowers that way not as good news', async () => {
    page.setDefaultTimeout(15_000);
    if (await page.locator('#reset-what-if').count()) await page.click('#reset-what-if');
    await page.selectOption('#focus', 'foundry:US');
    await page.selectOption('#scenario', 'no-us');
    await page.check('#compare');
    await expect.poll(() => page.locator('#bought-table').count()).toBe(1);
    const applied = boughtBeforeAfter(graph, (applyScenario(graph, graph.getAttribute('scenarios')![1]!) as { ok: true; graph: SupplyGraph }).graph).find((r) => r.demand === 'buyer')!;
    for (const i of applied.inputs) {
      const row = page.locator(`#bought-table tr[data-input="${i.input}"] td`);
      expect(await row.nth(0).textContent()).toBe(money(i.baseline, 'USD'));
      expect(await row.nth(1).textContent()).toBe(money(i.scenario, 'USD'));
      expect(Number(await row.nth(2).getAttribute('data-change'))).toBeCloseTo(i.scenario - i.baseline, 9);
    }
    expect(await page.locator('#bought-table td.loss').textContent()).toBe(`−${money(1, 'USD')} lost`);
    // Reliance on US foundries falls to 0 because the US supply is gone: not green, and said so.
    const delta = page.locator('.big-figure .delta');
    expect(await delta.getAttribute('class')).toBe('delta lost-supply');
    expect(await delta.evaluate((el) => getComputedStyle(el).color)).not.toBe(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--good')));
    expect(await page.locator('#headline-lost').count()).toBe(1);
    await shot(page, 'scenario-supply-bought');
    // A scenario that buys more shows no loss and no warning.
    await page.selectOption('#scenario', 'more-us');
    await expect.poll(() => page.locator('#bought-table td.loss').count()).toBe(0);
    expect(await page.locator('#headline-lost').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
