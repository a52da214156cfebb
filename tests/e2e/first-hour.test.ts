/**
 * The app's first hour (issue 23), in real headless Chromium at 1280×800 and 1440×900: the world under the Map
 * layout, labels that do not overlap (sigma's rendered label boxes, as the label layer placed them), the selected
 * node and its neighbours beside the inspector, a header of one height for every sample graph and after a failed
 * open, a `?graph=` 404 that says not found, and a copied URL that reopens the same view. Screenshots of each check
 * go to tests/output/first-hour-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage, serveApp, shot, waitForApp, type Served } from './app-server.ts';
import { countColour, decodePng } from './png.ts';
import { placesSettled } from './settle.ts';

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 1440, height: 900 }] as const;
/** The basemap's land colour (src/ui/basemap.ts). */
const LAND = '#e8ecf0';

let served: Served;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveApp();
}, 180_000);
afterAll(async () => {
  await served?.close();
});

async function open(size: { width: number; height: number }, query = ''): Promise<Page> {
  const page = await served.browser.newPage({ viewport: size });
  watchPage(page, errors);
  await page.goto(served.url + query);
  await waitForApp(page);
  await page.waitForTimeout(600);
  return page;
}
const headerHeight = (page: Page) => page.locator('header.top').evaluate((e) => e.getBoundingClientRect().height);
const toolbarHeight = (page: Page) => page.locator('.graph-toolbar').evaluate((e) => e.getBoundingClientRect().height);
const state = (page: Page) => page.evaluate(() => window.__chokepoint!.state());
const settled = (page: Page) => expect.poll(() => page.evaluate(() => window.__chokepoint!.state().view.status), { timeout: 20_000 }).toBe('done');

async function labelOverlaps(page: Page): Promise<{ count: number; pairs: string[] }> {
  const boxes = await page.evaluate(() => window.__chokepoint!.labelBoxes!());
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.box, b = boxes[j]!.box;
      // Half a pixel of tolerance for rounding.
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) pairs.push(`${boxes[i]!.key} / ${boxes[j]!.key}`);
    }
  }
  return { count: boxes.length, pairs };
}

describe.each(VIEWPORTS)('the app at $width×$height', (size) => {
  const tag = `${size.width}`;

  it('draws labels without overlap, on the default graph and on the map', async () => {
    const page = await open(size);
    const tiers = await labelOverlaps(page);
    expect(tiers.count).toBeGreaterThan(5);
    expect(tiers.pairs).toEqual([]);
    await shot(page, `first-hour-labels-${tag}`);
    await page.selectOption('#layout', 'geographic');
    await page.waitForTimeout(1500);
    const map = await labelOverlaps(page);
    expect(map.count).toBeGreaterThan(3);
    expect(map.pairs).toEqual([]);
    await page.close();
  }, 120_000);

  it('draws the world under the Map layout, and flows country to country when zoomed out', async () => {
    const page = await open(size);
    const before = decodePng(await page.locator('#graph').screenshot());
    const landBefore = countColour(before, LAND, 2);
    await page.selectOption('#layout', 'geographic');
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.mapStatus!()?.world), { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => window.__chokepoint!.mapStatus!()?.countryFlows)).toBe(true);
    const png = decodePng(await page.locator('#graph').screenshot());
    // Land covers a good part of the canvas: the world is drawn, not a few stray pixels.
    expect(landBefore / (before.width * before.height)).toBeLessThan(0.01);
    expect(countColour(png, LAND, 2) / (png.width * png.height)).toBeGreaterThan(0.05);
    await shot(page, `first-hour-map-${tag}`);
    // Zoomed in, the single flows come back.
    for (let i = 0; i < 3; i++) await page.click('#zoom-in');
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => window.__chokepoint!.mapStatus!()?.countryFlows)).toBe(false);
    expect(await page.evaluate(() => window.__chokepoint!.mapStatus!()?.world)).toBe(true);
    await shot(page, `first-hour-map-zoomed-${tag}`);
    await page.close();
  }, 120_000);

  it('colours nodes by country with the legend following, and fits the sidebar\'s tables', async () => {
    const page = await open(size);
    await page.selectOption('#colour-by', 'country');
    await expect.poll(() => page.locator('#colour-key li').count()).toBeGreaterThan(1);
    const s = await state(page);
    const doc = s.view.status === 'done' ? s.view.value.document : null;
    const countries = new Set(doc!.nodes.map((n) => n.attributes.country));
    const shown = await page.locator('#colour-key li').allTextContents();
    // One entry per country up to nine, then "other (N)".
    expect(shown.length).toBe(Math.min(countries.size, 9) + (countries.size > 9 ? 1 : 0));
    const first = await page.locator('#colour-key li .swatch').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(first)!;
    const hex = `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
    const png = decodePng(await page.locator('#graph').screenshot());
    expect(countColour(png, hex, 10), `nodes drawn in ${hex}`).toBeGreaterThan(20);
    await shot(page, `first-hour-colour-country-${tag}`);
    // No table of the sidebar scrolls sideways, but the shocks × scenarios matrix (issue 17): one column per scenario, it scrolls with its shocks' names kept in view.
    const overflow = await page.evaluate(() => [...document.querySelectorAll('#panels table:not(#shock-table)')].filter((t) => {
      const box = t.closest('.table-scroll') ?? t.parentElement!;
      return box.scrollWidth > box.clientWidth + 1;
    }).map((t) => t.id || t.className));
    expect(overflow).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps the selected node and its neighbours in view beside the inspector', async () => {
    const page = await open(size);
    const s = await state(page);
    const buyer = s.demand!;
    const pos = await page.evaluate((k) => window.__chokepoint!.screenPosition(k), buyer);
    await page.mouse.click(pos!.x, pos!.y);
    await expect.poll(() => page.locator('#inspector').count()).toBe(1);
    await page.waitForTimeout(300);
    await placesSettled(page, [buyer]);
    const inspector = await page.locator('#inspector').boundingBox();
    const canvas = await page.locator('#graph').boundingBox();
    const doc = (await state(page)).view;
    const neighbours = doc.status === 'done' ? doc.value.document.edges.filter((e) => e.target === buyer || e.source === buyer).map((e) => (e.target === buyer ? e.source : e.target)) : [];
    expect(neighbours.length).toBeGreaterThan(0);
    for (const key of [buyer, ...neighbours]) {
      const p = await page.evaluate((k) => window.__chokepoint!.screenPosition(k), key);
      expect(p, key).not.toBeNull();
      expect(p!.x, `${key} left of the inspector`).toBeLessThan(inspector!.x);
      expect(p!.x, `${key} on the canvas`).toBeGreaterThan(canvas!.x);
      expect(p!.y).toBeGreaterThan(canvas!.y);
      expect(p!.y).toBeLessThan(canvas!.y + canvas!.height);
    }
    await shot(page, `first-hour-inspector-${tag}`);
    await page.close();
  }, 120_000);

  it('keeps one header height for every sample graph and after a failed open; a 404 says not found', async () => {
    const page = await open(size);
    const height = await headerHeight(page);
    const toolbar = await toolbarHeight(page);
    expect(height).toBeGreaterThan(40);
    await page.goto(`${served.url}?graph=graphs/neon-ukraine-2022.gexf`);
    await waitForApp(page);
    await expect.poll(() => page.evaluate(() => window.__chokepoint!.state().loaded?.file ?? '')).toContain('neon');
    expect(await headerHeight(page)).toBe(height);
    expect(await toolbarHeight(page)).toBe(toolbar);
    expect(await labelOverlaps(page).then((o) => o.pairs)).toEqual([]);
    await shot(page, `first-hour-neon-${tag}`);
    await page.goto(`${served.url}?graph=graphs/nope.json`);
    await page.waitForFunction(() => window.__chokepoint !== undefined);
    await expect.poll(() => page.locator('#problems').textContent(), { timeout: 20_000 }).toContain('not found (404)');
    expect(await page.locator('#problems').textContent()).not.toContain('doctype');
    await shot(page, `first-hour-404-${tag}`);
    expect(await headerHeight(page)).toBe(height);
    await page.click('#problems-dismiss');
    await page.waitForTimeout(300);
    expect(await headerHeight(page)).toBe(height);
    expect(await toolbarHeight(page)).toBe(toolbar);
    await shot(page, `first-hour-404-dismissed-${tag}`);
    await page.close();
  }, 120_000);

  it('puts the view in the URL: a copied link reopens it, Back and Forward move through views', async () => {
    const page = await open(size);
    const first = await state(page);
    const scenario = first.loaded!.report.scenarios[1]?.id;
    expect(scenario).toBeDefined();
    await page.selectOption('#scenario', scenario!);
    await settled(page);
    await page.selectOption('#layout', 'geographic');
    // The nodes move (400 ms), then the camera fits them (app.ts: 450 ms, then 300 ms).
    const someNode = first.loaded!.document.nodes.find((n) => n.attributes.kind !== 'demand')!.key;
    await page.waitForTimeout(500);
    await placesSettled(page, [someNode]);
    const pos = await page.evaluate((k) => window.__chokepoint!.screenPosition(k), someNode);
    await page.mouse.click(pos!.x, pos!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('node')).toBe(someNode);
    // The camera at rest is written too. The click frames the node beside the inspector (an animation that starts
    // a frame or two after the inspector is drawn, then 400 ms at rest before the URL takes it): the same camera in
    // the URL for a whole second.
    const seen: string[] = [];
    await expect.poll(async () => {
      seen.push(new URL(page.url()).searchParams.get('cam') ?? '');
      const last = seen.slice(-3);
      return last.length === 3 && /^-?\d/.test(last[0]!) && last.every((c) => c === last[0]);
    }, { timeout: 15_000, interval: 500 }).toBe(true);
    const url = page.url();
    expect(new URL(url).searchParams.get('scenario')).toBe(scenario);
    expect(new URL(url).searchParams.get('layout')).toBe('geographic');
    expect(new URL(url).searchParams.get('node')).toBe(someNode);
    expect(new URL(url).searchParams.get('cam')).toMatch(/^-?\d/);
    const sent = await state(page);
    const camera = await page.evaluate(() => new URL(location.href).searchParams.get('cam'));
    await shot(page, `first-hour-link-sent-${tag}`);

    const other = await served.browser.newPage({ viewport: size });
    watchPage(other, errors);
    await other.goto(url);
    await waitForApp(other);
    await settled(other);
    await expect.poll(async () => (await state(other)).selection, { timeout: 10_000 }).toEqual({ type: 'node', key: someNode });
    await placesSettled(other, [someNode]);
    const [x, y, ratio] = camera!.split(',').map(Number);
    const cameraOff = async () => {
      const [x2, y2, ratio2] = (await other.evaluate(() => new URL(location.href).searchParams.get('cam')) ?? '').split(',').map(Number);
      return Math.max(Math.abs(x2! - x!), Math.abs(y2! - y!), Math.abs(ratio2! - ratio!));
    };
    await expect.poll(cameraOff, { timeout: 15_000 }).toBeLessThan(0.02);
    const got = await state(other);
    expect(got.scenario).toBe(sent.scenario);
    expect(got.layout).toBe('geographic');
    expect(got.selection).toEqual({ type: 'node', key: someNode });
    expect(got.demand).toBe(sent.demand);
    expect(got.focus).toBe(sent.focus);
    await shot(other, `first-hour-link-opened-${tag}`);
    await other.close();

    // Back: the selection goes, then the layout.
    await page.goBack();
    const now = () => page.evaluate(() => {
      const s = window.__chokepoint!.state();
      return { selection: s.selection, layout: s.layout };
    });
    await expect.poll(() => now().then((s) => s.selection)).toBeNull();
    await page.goBack();
    await expect.poll(() => now().then((s) => s.layout)).toBe('tiered');
    await page.goForward();
    await expect.poll(() => now().then((s) => s.layout)).toBe('geographic');
    await page.close();
  }, 120_000);
});
