/**
 * A graph of 100,000 nodes and 500,000 flows in real headless Chromium (issue 24): above LOD_NODES the view draws
 * levels (src/ui/level-of-detail.ts): groups by country and kind at low zoom, the nodes themselves once the view
 * holds few enough, groups again on zooming out; hover and labels work on both; the figures arrive. No timing
 * assertions: tests/bench/app.ts measures (--nodes 100000 --flows 500000).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/generate/index.ts';
import { MAX_DRAWN_FLOWS } from '../../src/ui/display-graph.ts';
import { DETAIL_NODES, groupKey, LOD_NODES, MAX_LEVEL_FLOWS } from '../../src/ui/level-of-detail.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { openDefault } from './files-helpers.ts';
import { drawnFlows, recordDrawn } from './layers.ts';

const NODES = 100_000;
const FLOWS = 500_000;
const NAME = 'huge.json';
/** The file is written to disk: the browser's file input takes a path (a buffer this size is refused). */
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-lod-'));
const FILE = join(dir, NAME);

let served: Served;
let page: Page;
const errors: string[] = [];

const level = () => page.locator('#graph').evaluate((e) => ({ level: e.dataset.level ?? '', nodes: Number(e.dataset.levelNodes ?? -1) }));
const cursorAt = async (at: { x: number; y: number }) => {
  await page.mouse.move(at.x, at.y);
  return page.locator('#graph').evaluate((e) => e.style.cursor);
};
const position = (key: string) => page.evaluate((k) => window.__chokepoint!.screenPosition(k), key);
const labelled = () => page.evaluate(() => window.__chokepoint!.labelBoxes!().map((b) => b.key));

beforeAll(async () => {
  expect(NODES).toBeGreaterThan(LOD_NODES);
  writeFileSync(FILE, JSON.stringify(generateGraph({ nodes: NODES, flows: FLOWS, seed: 1 })));
  served = await serveApp();
  page = await appPage(served, errors);
  await openDefault(page, served.url);
}, 180_000);

afterAll(async () => {
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a graph of 100,000 nodes and 500,000 flows in the app', () => {
  it('is drawn as groups by country and kind, and shows its figures', async () => {
    await recordDrawn(page);
    await page.setInputFiles('#open-input', FILE);
    // Reported drawn once, as the whole graph; its level draws at most MAX_LEVEL_FLOWS summed flows, and the drawn
    // flows of a node shown itself (the selection, kept from the graph before when this one has its key).
    const drawn = await drawnFlows(page, NODES, 300_000);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toBeGreaterThan(0);
    expect(drawn[0]).toBeLessThanOrEqual(MAX_LEVEL_FLOWS + MAX_DRAWN_FLOWS);
    const groups = await level();
    expect(groups.level).toBe('groups');
    expect(groups.nodes).toBeLessThanOrEqual(1);
    await page.waitForFunction((name) => {
      const s = window.__chokepoint?.state();
      return s?.load.status === 'done' && s.loaded?.file === name && s.view.status === 'done' && s.preview === null;
    }, NAME, { timeout: 600_000, polling: 500 });
    await expect.poll(() => page.locator('#headline-figure').textContent(), { timeout: 60_000 }).toMatch(/%$/);
    // Groups are labelled (the larger ones, as sigma's label grid allows).
    await expect.poll(async () => (await labelled()).filter((k) => k.startsWith('group:')).length, { timeout: 30_000 }).toBeGreaterThan(3);
    await shot(page, 'scale-lod-groups');
  }, 900_000);

  it('hovers a group; a click on it zooms in until its nodes are drawn themselves, labels and hover working on them', async () => {
    // The largest group, from the document: its key as the level names it.
    const { group, member, other } = await page.evaluate(() => {
      const counts = new Map<string, { n: number; key: string; country: string; kind: string }>();
      for (const n of window.__chokepoint!.state().loaded!.document.nodes) {
        const id = `${n.attributes.country}:${n.attributes.kind}`;
        const c = counts.get(id);
        if (c) c.n++;
        else counts.set(id, { n: 1, key: n.key, country: n.attributes.country, kind: n.attributes.kind });
      }
      const top = [...counts.values()].sort((a, b) => b.n - a.n)[0]!;
      const other = window.__chokepoint!.state().loaded!.document.nodes.find((n) => n.key !== top.key)!.key;
      return { group: { country: top.country, kind: top.kind }, member: top.key, other };
    });
    const key = groupKey(group.country, group.kind);
    const at = (await position(key))!;
    expect(at).not.toBeNull();
    await expect.poll(() => cursorAt(at)).toBe('pointer');
    // A click on the group zooms in (a quarter of the camera's ratio): two nodes end up farther apart on the page.
    const apart = async () => {
      const [a, b] = await Promise.all([position(member), position(other)]);
      return Math.hypot(a!.x - b!.x, a!.y - b!.y);
    };
    const before = await apart();
    await page.mouse.click(at.x, at.y);
    await expect.poll(apart, { timeout: 10_000 }).toBeGreaterThan(2 * before);
    // Then the wheel over one of its nodes (it stays under the pointer) until the nodes around it are drawn themselves.
    await page.locator('#fit').click();
    await expect.poll(async () => {
      const l = await level();
      if (l.level !== 'nodes' || l.nodes === 0) {
        const p = (await position(member))!;
        await page.mouse.move(p.x, p.y);
        await page.mouse.wheel(0, -300);
      }
      return l.level === 'nodes' && l.nodes > 0;
    }, { timeout: 90_000, interval: 700 }).toBe(true);
    const shown = await level();
    expect(shown.nodes).toBeGreaterThan(0);
    expect(shown.nodes).toBeLessThanOrEqual(DETAIL_NODES + 2);
    // Some of the nodes drawn themselves are labelled, and one under the pointer is hovered.
    await expect.poll(async () => (await labelled()).filter((k) => !k.startsWith('group:')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const label = (await labelled()).find((k) => !k.startsWith('group:'))!;
    const p = (await position(label))!;
    await expect.poll(() => cursorAt(p)).toBe('pointer');
    await shot(page, 'scale-lod-nodes');
    await page.mouse.move(p.x + 400, p.y + 300);
  }, 120_000);

  it('selects a node from the search box: it is drawn itself, and the inspector opens', async () => {
    await page.locator('#fit').click();
    await expect.poll(level, { timeout: 30_000 }).toEqual({ level: 'groups', nodes: 0 });
    // A foundry whose label no other node has.
    const target = await page.evaluate(() => {
      const nodes = window.__chokepoint!.state().loaded!.document.nodes;
      const count = new Map<string, number>();
      for (const n of nodes) count.set(n.attributes.label, (count.get(n.attributes.label) ?? 0) + 1);
      const n = nodes.find((x) => x.attributes.kind === 'foundry' && count.get(x.attributes.label) === 1)!;
      return { key: n.key, label: n.attributes.label };
    });
    await page.click('#search');
    await page.keyboard.type(target.label);
    await expect.poll(() => page.locator('#search-list [role="option"]').first().getAttribute('data-key'), { timeout: 30_000 }).toBe(target.key);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#inspector-title').textContent(), { timeout: 30_000 }).toBe(target.label);
    await expect.poll(() => page.evaluate(() => {
      const s = window.__chokepoint!.state().selection;
      return s?.type === 'node' ? s.key : null;
    }), { timeout: 30_000 }).toBe(target.key);
    // The level shows it (the groups stay for the rest, or the nodes in view).
    await expect.poll(async () => (await level()).nodes, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('wrote no error to the console', () => {
    expect(errors).toEqual([]);
  });
});
