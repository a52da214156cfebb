/**
 * Robustness in the app (real headless Chromium): whiskers on the headline
 * figure, the agreement of each change, the tornado of the figure in view and
 * the variant switch, each checked against the engine's figures computed in
 * this process (the same seed: the same numbers, to the bit).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pct } from '../../src/report/format.ts';
import { computeRobustness, type RobustFigure } from '../../src/robustness/engine.ts';
import { fixturePath, loadGraph } from '../helpers/load.ts';
import { appPage, serveApp, shot, waitForApp, type Served } from './app-server.ts';
import { loaded, pick } from './files-helpers.ts';

const FILE = 'five-nodes.json';
const text = readFileSync(fixturePath('robustness/five-nodes.json'), 'utf8');
const engine = computeRobustness(loadGraph(text), { demand: ['buyers'], sets: ['foundry:TW'], draws: 1000 });
const fig = (scenario: string) => engine.figures.find((f) => f.scenario === scenario)! as RobustFigure;

let served: Served;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await page.goto(served.url);
  await waitForApp(page);
  await pick(page, [{ name: FILE, data: text }]);
  await loaded(page, FILE);
}, 180_000);

afterAll(async () => {
  await served?.close();
});

describe('robustness in the app', () => {
  it('draws in the worker and puts the interval under the headline figure', async () => {
    await page.waitForSelector('#robust-summary', { timeout: 60_000 });
    const whisker = page.locator('#headline-interval');
    const base = fig('baseline');
    expect(Number(await whisker.getAttribute('data-p05'))).toBe(base.draws.p05);
    expect(Number(await whisker.getAttribute('data-p95'))).toBe(base.draws.p95);
    expect(await whisker.textContent()).toContain(`${pct(base.draws.p05)} to ${pct(base.draws.p95)}`);
    expect(await page.locator('#robust-summary').textContent()).toContain('1,000 draws (seed 1) over 2 flows with a range');
  });

  it('says beside each change in how many draws it keeps its direction', async () => {
    const cell = page.locator('#across-scenarios tr[data-scenario="shift-to-us"] .agree');
    expect(Number(await cell.getAttribute('data-agree'))).toBe(fig('shift-to-us').deltaDraws!.agree);
    expect((await cell.textContent())?.trim()).toBe('100%');
  });

  it('draws the tornado of the figure in view, and a bar selects its flow', async () => {
    const bars = page.locator('#tornado .tornado-bar');
    const expected = fig('baseline').swings.filter((s) => s.atHigh !== s.atLow);
    expect(await bars.count()).toBe(expected.length);
    for (const [i, s] of expected.entries()) {
      expect(await bars.nth(i).getAttribute('data-edge')).toBe(s.edge);
      expect(Number(await bars.nth(i).getAttribute('data-at-low'))).toBe(s.atLow);
      expect(Number(await bars.nth(i).getAttribute('data-at-high'))).toBe(s.atHigh);
    }
    await bars.first().click();
    await page.selectOption('#scenario', 'shift-to-us');
    await expect.poll(() => page.locator('#tornado .tornado-bar').first().getAttribute('data-at-low')).toBe(String(fig('shift-to-us').swings[0]!.atLow));
    await page.check('#compare');
    await expect.poll(() => page.locator('#headline-agreement').textContent()).toContain('100% same direction of draws');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'robustness-1440');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'robustness-1280');
    await page.locator('#robustness-panel').scrollIntoViewIfNeeded();
    await shot(page, 'robustness-1280-panel');
    await page.uncheck('#compare');
  });

  it('switches to a variant and shows its figures', async () => {
    await page.selectOption('#robust-variant', 'jpco-small');
    const v = fig('shift-to-us').variants['jpco-small'] as { value: number; delta: number };
    await expect.poll(() => page.locator('#robust-variant-figure').textContent()).toContain(pct(v.value));
    expect(errors).toEqual([]);
  });
});
