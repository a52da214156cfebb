/**
 * "As in the file" in the app (real headless Chromium): a GEXF with viz places, colours and sizes opens at its
 * own places (the screen order of the nodes is the file's x and y, y pointing up as in Gephi), draws each node
 * in its file colour when asked, and saves the same viz back.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { fileColour } from '../../src/ui/colour-by.ts';
import { repoPath } from '../helpers/load.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { idle, loaded, openDefault, pick } from './files-helpers.ts';
import { countColour, decodePng } from './png.ts';

const NAME = 'viz-looks.gexf';
const bytes = new Uint8Array(readFileSync(repoPath(`tests/fixtures/formats/${NAME}`)));
const expected = loadFiles([{ name: NAME, bytes }]);
if (!expected.ok) throw new Error('fixture does not load');
const own = expected.document.nodes.map((n) => ({ key: n.key, ...(n.attributes as unknown as { x: number; y: number; size: number; color: string }) }));

let served: Served;
let page: Page;
const errors: string[] = [];
const state = () => page.evaluate(() => window.__chokepoint!.state());
const screen = () => page.evaluate((keys) => Object.fromEntries(keys.map((k) => [k, window.__chokepoint!.screenPosition(k)])), own.map((n) => n.key));

/** Node keys sorted by a coordinate. */
const orderBy = (at: Record<string, { x: number; y: number } | null>, axis: 'x' | 'y', sign = 1) => Object.keys(at).sort((a, b) => sign * (at[a]![axis] - at[b]![axis]));

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors, { acceptDownloads: true });
  await openDefault(page, served.url);
}, 180_000);

afterAll(async () => {
  await served?.close();
});

describe('layout and looks as in the file', () => {
  it('opens a file with viz places as in the file; the tiers stay tiers; "As in the file" puts the nodes at x and y, y up', async () => {
    await pick(page, [{ name: NAME, data: bytes }]);
    // Its columns are named as Chokepoint's; the mapping step may still ask to confirm them.
    await page.waitForFunction((want) => document.querySelector<HTMLElement>('#mapping-dialog')?.checkVisibility() || window.__chokepoint?.state().loaded?.file === want, NAME, { timeout: 20_000 });
    if (await page.locator('#mapping-dialog').isVisible()) await page.click('#mapping-confirm');
    await loaded(page, NAME);
    expect((await state()).layout).toBe('file');
    expect(await page.locator('#layout option[value="file"]').textContent()).toBe('As in the file');

    // The tiers: left to right by stage (wafer, foundry, supplier, demand), whatever the file's x.
    await page.selectOption('#layout', 'tiered');
    await expect.poll(async () => orderBy(await screen(), 'x').join(), { timeout: 10_000 }).toBe('wafer,fab,oem,buyer');

    await page.selectOption('#layout', 'file');
    const byX = [...own].sort((a, b) => a.x - b.x).map((n) => n.key).join();
    const byYUp = [...own].sort((a, b) => b.y - a.y).map((n) => n.key).join();
    await expect.poll(async () => orderBy(await screen(), 'x').join(), { timeout: 10_000 }).toBe(byX);
    // Gephi's y points up: the highest y is the topmost node on screen (smallest screen y).
    expect(orderBy(await screen(), 'y').join()).toBe(byYUp);
    // Proportions kept: the screen distances are the file's, scaled alike on both axes. The switch of layout
    // animates the nodes: the order above holds long before they arrive, so wait for the places to settle.
    const [a, b, c] = [own[0]!, own[1]!, own[3]!];
    const fileRatio = Math.hypot(a.x - b.x, a.y - b.y) / Math.hypot(a.x - c.x, a.y - c.y);
    const screenRatio = async () => {
      const at = await screen();
      return Math.hypot(at[a.key]!.x - at[b.key]!.x, at[a.key]!.y - at[b.key]!.y) / Math.hypot(at[a.key]!.x - at[c.key]!.x, at[a.key]!.y - at[c.key]!.y);
    };
    await expect.poll(async () => Math.abs((await screenRatio()) - fileRatio), { timeout: 10_000 }).toBeLessThan(0.05);
    // The layout round-trips in the view URL (omitted: it is this graph's default).
    expect(new URL(page.url()).searchParams.get('layout')).toBeNull();
  }, 60_000);

  it('draws each node in its file colour and at its file size when asked', async () => {
    expect(await page.locator('#colour-by option[value="file"]').textContent()).toBe('As in the file');
    await page.selectOption('#colour-by', 'file');
    await page.selectOption('#size-by', 'attr:size');
    expect(await page.locator('#size-by option[value="attr:size"]').textContent()).toBe('As in the file');
    await page.waitForTimeout(500);
    const png = decodePng(await page.locator('#graph').screenshot());
    for (const n of own) expect(countColour(png, fileColour(n.color)!), `${n.key} drawn in ${n.color}`).toBeGreaterThan(20);
    // The biggest in the file is drawn biggest: more of its colour than the smallest's.
    const biggest = own.reduce((m, n) => (n.size > m.size ? n : m));
    const smallest = own.reduce((m, n) => (n.size < m.size ? n : m));
    expect(countColour(png, fileColour(biggest.color)!)).toBeGreaterThan(countColour(png, fileColour(smallest.color)!));
    for (const size of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      await shot(page, `file-looks-${size.width}`);
    }
  }, 60_000);

  it('saves the same viz back as GEXF', async () => {
    await page.click('#save-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-gexf')]);
    await idle(page);
    const saved = new Uint8Array(readFileSync(await (download as Download).path()));
    const text = new TextDecoder().decode(saved);
    for (const n of own) {
      const node = new RegExp(`<node id="${n.key}"[\\s\\S]*?</node>`).exec(text)?.[0] ?? '';
      const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(n.color)!;
      expect(node).toMatch(new RegExp(`<viz:color r="${rgb[1]}" g="${rgb[2]}" b="${rgb[3]}"`));
      expect(node).toMatch(new RegExp(`<viz:size value="${n.size}(\\.0+)?"`));
      expect(node).toMatch(new RegExp(`<viz:position x="${n.x}(\\.0+)?" y="${n.y}(\\.0+)?"`));
    }
    const back = loadFiles([{ name: 'back.gexf', bytes: saved }]);
    expect(back.ok && back.document.nodes.map((n) => n.attributes)).toEqual(expected.document.nodes.map((n) => n.attributes));
    expect(errors).toEqual([]);
  }, 60_000);
});
