/**
 * A mid-size graph (2,500 nodes, 6,000 flows: every flow drawn, with its width and arrow head) in real headless
 * Chromium: its flows are drawn on a 2D canvas (canvas-arrow-program.ts), not with software WebGL, whose frames
 * waited 100 to 370 ms for them. No timing assertions: tests/bench/app.ts measures (--nodes 3000 --flows 8000).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/generate/index.ts';
import { KIND_COLORS } from '../../src/ui/look.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { loaded, openDefault, pick } from './files-helpers.ts';
import { discRadius, drawnFlows, layerColour, layers, recordDrawn } from './layers.ts';

const NODES = 2_500;
const FLOWS = 6_000;
const FILE = { name: 'mid.json', data: JSON.stringify(generateGraph({ nodes: NODES, flows: FLOWS, seed: 2 })) };

let served: Served;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await openDefault(page, served.url);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe('a graph of 2,500 nodes and 6,000 flows in the app', () => {
  it('draws every flow, with arrow heads, on a 2D layer; sigma\'s WebGL layer of flows hidden', async () => {
    await recordDrawn(page);
    await pick(page, [FILE]);
    await loaded(page, FILE.name);
    await expect.poll(() => page.locator('#headline-figure').textContent(), { timeout: 20_000 }).toMatch(/%$/);
    await page.waitForTimeout(500);
    expect(await drawnFlows(page, NODES)).toEqual([FLOWS]);
    const l = await layers(page, ['edges', 'arrows', 'flows', 'points']);
    expect(l.edges!.shown).toBe(false);
    expect(l.arrows!.shown).toBe(true);
    expect(l.arrows!.ink).toBeGreaterThan(50_000);
    expect(l.flows!.ink).toBe(0);
    await shot(page, 'scale-mid');
  }, 60_000);

  it('ends each flow at its customer\'s disc, with a head there, not at the centre', async () => {
    // A buyer and its largest supplier by value: nothing but flows into it comes near it.
    const { buyer, supplier } = await page.evaluate(() => {
      const s = window.__chokepoint!.state();
      const into = s.loaded!.document.edges.filter((e) => e.target === 'market-us');
      const top = into.reduce((a, b) => ((b.attributes.value ?? 0) > (a.attributes.value ?? 0) ? b : a));
      return { buyer: window.__chokepoint!.screenPosition('market-us')!, supplier: window.__chokepoint!.screenPosition(top.source)! };
    });
    const radius = await discRadius(page, 'points', buyer, KIND_COLORS.demand);
    expect(radius).toBeGreaterThan(3);
    const length = Math.hypot(supplier.x - buyer.x, supplier.y - buyer.y);
    const along = (d: number) => ({ x: buyer.x + ((supplier.x - buyer.x) * d) / length, y: buyer.y + ((supplier.y - buyer.y) * d) / length });
    expect(await layerColour(page, 'arrows', buyer)).toBeNull();
    expect(await layerColour(page, 'arrows', along(radius / 2))).toBeNull();
    expect(await layerColour(page, 'arrows', along(radius + 2))).not.toBeNull();
    expect(await layerColour(page, 'arrows', along(length / 2))).not.toBeNull();
  });

  it('wrote no error to the console', () => {
    expect(errors).toEqual([]);
  });
});
