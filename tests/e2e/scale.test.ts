/**
 * The app on a generated graph of 10,000 nodes and 50,000 flows (issue 8),
 * in real headless Chromium: opened through the file input and drawn, panned
 * and zoomed, sized by betweenness (in its own worker), hovered and searched.
 * No timing assertions: tests/bench/app.ts measures.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/generate/index.ts';
import { MAX_DRAWN_FLOWS } from '../../src/ui/display-graph.ts';
import { LANES_WASM_BASE64 } from '../../src/metrics/lanes-wasm.ts';
import { BETWEENNESS_EXACT_NODES } from '../../src/worker/betweenness.ts';
import { KIND_COLORS } from '../../src/ui/look.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { countColour, decodePng } from './png.ts';
import { discRadius, drawnFlows, layerColour as colourOf, layers as layersOf, recordDrawn } from './layers.ts';
import { loaded, openDefault, pick } from './files-helpers.ts';
import { placesSettled } from './settle.ts';

const NODES = 10_000;
const FLOWS = 50_000;
const FILE = { name: 'big.json', data: JSON.stringify(generateGraph({ nodes: NODES, flows: FLOWS, seed: 1 })) };

let served: Served;
let page: Page;
const errors: string[] = [];

/** Only what a test reads: the whole state holds the 10,000-node document and report, slow to send over the protocol. */
const betweenness = () => page.evaluate(() => {
  const b = window.__chokepoint!.state().betweenness;
  return { status: b.status, sampled: b.status === 'done' ? b.value.sampled : undefined };
});
/** Two nodes' places on the page: a pan moves both, a zoom changes their distance. */
const places = () => page.evaluate(() => [window.__chokepoint!.screenPosition('raw-0'), window.__chokepoint!.screenPosition('raw-1')]);

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors, { acceptDownloads: true });
  await openDefault(page, served.url);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

const layers = (ids: string[]) => layersOf(page, ids);
const layerColour = (id: string, at: { x: number; y: number }) => colourOf(page, id, at);

/**
 * The flows' ink once the camera is still and they are drawn again: the same figure twice in a row, and
 * more than a few flows' worth. #fit animates the camera and the flows are wiped while it moves; a slow
 * machine takes longer than any fixed wait (CI measured 0 after 600 ms).
 */
const settledFlowsInk = async (atLeast = 50_000): Promise<number> => {
  let last = -1;
  let ink = -2;
  await expect.poll(async () => {
    last = ink;
    ink = (await layers(['flows'])).flows!.ink;
    return ink > atLeast && ink === last;
  }, { timeout: 20_000, interval: 250 }).toBe(true);
  return ink;
};

describe('a graph of 10,000 nodes and 50,000 flows in the app', () => {
  it('draws the small default graph with sigma\'s WebGL programs, its 2D layers for big graphs empty', async () => {
    expect(await layers(['nodes', 'edges', 'points', 'flows'])).toEqual({
      nodes: { shown: true, ink: -1 },
      edges: { shown: true, ink: -1 },
      points: { shown: true, ink: 0 },
      flows: { shown: true, ink: 0 },
    });
  });

  it('is drawn from the file input, and shows its figures', async () => {
    await recordDrawn(page);
    await pick(page, [FILE]);
    // Drawn once, with all its drawn flows (kept beside sigma's graph, graph-view.ts: flowsBeside).
    expect(await drawnFlows(page, NODES)).toEqual([MAX_DRAWN_FLOWS]);
    await loaded(page, FILE.name);
    const s = await page.evaluate(() => {
      const t = window.__chokepoint!.state();
      return { preview: t.preview, nodes: t.loaded?.document.nodes.length, edges: t.loaded?.document.edges.length };
    });
    expect(s).toEqual({ preview: null, nodes: NODES, edges: FLOWS });
    await expect.poll(() => page.locator('#headline-figure').textContent(), { timeout: 20_000 }).toMatch(/%$/);
  }, 60_000);

  it('draws its nodes and flows on 2D layers, where sigma places them, with its WebGL layers hidden', async () => {
    // canvas-point-program.ts, canvas-line-program.ts: software WebGL made each frame wait for their rasterizing.
    const l = await layers(['nodes', 'edges', 'points', 'flows']);
    expect(l.nodes!.shown || l.edges!.shown).toBe(false);
    expect(l.points!.shown && l.flows!.shown).toBe(true);
    expect(l.points!.ink).toBeGreaterThan(5_000);
    expect(l.flows!.ink).toBeGreaterThan(50_000);
    // A buyer's disc at its place, and its largest supplier's flow (always drawn) through the middle of the two.
    const { buyer, supplier } = await page.evaluate(() => {
      const s = window.__chokepoint!.state();
      const shares = s.view.status === 'done' ? s.view.value.shares : new Float64Array(0);
      const into = s.loaded!.document.edges.map((e, i) => ({ e, share: shares[i] || 0 })).filter(({ e }) => e.target === 'market-jp');
      const top = into.reduce((a, b) => (b.share > a.share ? b : a)).e;
      return { buyer: window.__chokepoint!.screenPosition('market-jp')!, supplier: window.__chokepoint!.screenPosition(top.source)! };
    });
    expect(await layerColour('points', buyer)).toBe(KIND_COLORS.demand);
    // Between the chip vendors and the buyers, few flows: the largest of this buyer's among them.
    const middle = { x: (buyer.x + supplier.x) / 2, y: (buyer.y + supplier.y) / 2 };
    expect(await layerColour('flows', middle)).not.toBeNull();
    // The disc's edge where sigma's picking (still WebGL, offscreen, at half resolution) puts it: the mouse just
    // inside takes the node, just outside does not. Zoomed in on the largest buyer, for a disc of some size.
    const usAt = async () => (await page.evaluate(() => window.__chokepoint!.screenPosition('market-us')))!;
    const before = await usAt();
    await page.mouse.move(before.x, before.y);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await placesSettled(page, ['market-us']);
    const us = await usAt();
    const radius = await discRadius(page, 'points', us, KIND_COLORS.demand);
    expect(radius).toBeGreaterThan(15);
    const cursor = async (dx: number) => {
      await page.mouse.move(us.x + dx, us.y);
      return page.locator('#graph').evaluate((e) => e.style.cursor);
    };
    expect(await cursor(radius - 3)).toBe('pointer');
    expect(await cursor(radius + 3)).toBe('');
    await page.mouse.move(us.x + 200, us.y + 200);
    await page.locator('#fit').click();
  });

  it('hides with the country filter the flows drawn beside sigma\'s graph, and shows them again', async () => {
    // The whole graph in view, the camera still (the test before zoomed in).
    await page.locator('#fit').click();
    const all = await settledFlowsInk();
    await page.selectOption('#filter-country', 'JP');
    try {
      // Only flows with both ends in Japan stay: far fewer than a tenth of the lines' pixels.
      await expect.poll(async () => (await layers(['flows'])).flows!.ink, { timeout: 10_000 }).toBeLessThan(all / 10);
      expect((await layers(['points'])).points!.ink).toBeGreaterThan(0);
    } finally {
      // The tests after this one need every country shown, whatever happened here.
      await page.selectOption('#filter-country', '');
    }
    await expect.poll(async () => (await layers(['flows'])).flows!.ink, { timeout: 10_000 }).toBe(all);
  });

  it('exports the view as a PNG with its layers in the page\'s order: the nodes over the flows', async () => {
    await settledFlowsInk();
    await page.click('#report-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pixels = decodePng(readFileSync(await download.path()));
    const box = (await page.locator('#graph').boundingBox())!;
    const us = (await page.evaluate(() => window.__chokepoint!.screenPosition('market-us')))!;
    const at = (Math.round(us.y - box.y) * pixels.width + Math.round(us.x - box.x)) * 4;
    const hex = '#' + [0, 1, 2].map((k) => pixels.data[at + k]!.toString(16).padStart(2, '0')).join('');
    // Flows end at the buyer's centre: drawn last, their grey would be there.
    expect(hex).toBe(KIND_COLORS.demand);
  });

  it('wipes the flows while the camera is dragged, and draws them again after', async () => {
    await settledFlowsInk();
    const box = (await page.locator('#graph').boundingBox())!;
    const at = { x: box.x + box.width * 0.3, y: box.y + 60 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(at.x + 4 * i, at.y + 2 * i);
    expect((await layers(['flows'])).flows!.ink).toBe(0);
    expect((await layers(['points'])).points!.ink).toBeGreaterThan(5_000);
    await page.mouse.up();
    await expect.poll(async () => (await layers(['flows'])).flows!.ink).toBeGreaterThan(50_000);
    await page.locator('#fit').click();
  });

  it('pans with a mouse drag and zooms with the wheel', async () => {
    const box = (await page.locator('#graph').boundingBox())!;
    // Start in the empty band above the chain, so the drag moves the camera, not a node.
    const at = { x: box.x + box.width * 0.3, y: box.y + 60 };
    // The test before fitted the view: a drag during the camera's animation would be undone by it.
    await placesSettled(page, ['raw-0', 'raw-1']);
    const [a0] = await places();
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(at.x + 12 * i, at.y + 6 * i);
    await page.mouse.up();
    await expect.poll(async () => (await places())[0]!.x - a0!.x).toBeGreaterThan(60);
    const [b0, b1] = await places();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await expect.poll(async () => {
      const [c0, c1] = await places();
      return Math.hypot(c0!.x - c1!.x, c0!.y - c1!.y) / Math.max(1e-9, Math.hypot(b0!.x - b1!.x, b0!.y - b1!.y));
    }).toBeGreaterThan(1.2);
    await page.locator('#fit').click();
  });

  it('reads no pixel back from WebGL while the camera is dragged or wheeled, and finds the node under the pointer again at rest', async () => {
    // picking-sigma.ts: sigma reads its picking buffer at every pointer move and wheel step; here those reads wait
    // for software WebGL. Counted on the contexts' prototypes (a string: the page has no bundler helpers).
    await page.evaluate(`(() => {
      window.__reads = 0;
      for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
        const read = proto.readPixels;
        proto.readPixels = function (...args) { window.__reads++; return read.apply(this, args); };
      }
    })()`);
    const reads = () => page.evaluate(() => (window as unknown as { __reads: number }).__reads);
    // A plain move reads once the view rests (the test before fitted it; while the camera moves, none does).
    await placesSettled(page, ['market-us', 'raw-0']);
    const box = (await page.locator('#graph').boundingBox())!;
    const at = { x: box.x + box.width * 0.3, y: box.y + 60 };
    await page.mouse.move(at.x, at.y);
    const hovering = await reads();
    expect(hovering).toBeGreaterThan(0);
    await page.mouse.down();
    const pressed = await reads();
    for (let i = 1; i <= 10; i++) await page.mouse.move(at.x + 12 * i, at.y + 6 * i);
    expect(await reads()).toBe(pressed);
    await page.mouse.up();
    // The wheel turns over the largest buyer, which stays under the pointer as the view zooms in.
    await placesSettled(page, ['market-us', 'raw-0']);
    const us = (await page.evaluate(() => window.__chokepoint!.screenPosition('market-us')))!;
    await page.mouse.move(us.x, us.y);
    const over = await reads();
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    expect(await reads()).toBe(over);
    // At rest the view draws the picking buffer again: the pointer on the buyer takes it.
    await placesSettled(page, ['market-us', 'raw-0']);
    const zoomed = (await page.evaluate(() => window.__chokepoint!.screenPosition('market-us')))!;
    await expect.poll(async () => {
      await page.mouse.move(zoomed.x + 1, zoomed.y);
      await page.mouse.move(zoomed.x, zoomed.y);
      return page.locator('#graph').evaluate((e) => e.style.cursor);
    }, { timeout: 10_000 }).toBe('pointer');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.locator('#fit').click();
  });

  it('selects the node clicked while the view still zooms (the picking left out of those frames is drawn first)', async () => {
    // The click must fall inside the wheel's animation (250 ms); on a loaded machine two frames can outlast it, and
    // the case is then tried again from the fitted view (the selection is asserted only for a click that came in time).
    let tried: { moved: boolean; selected: unknown } = { moved: false, selected: null };
    for (let attempt = 0; attempt < 4 && !tried.moved; attempt++) {
      await placesSettled(page, ['market-us', 'raw-0']);
      // Events dispatched in the page, so that the click surely falls inside the wheel's animation (250 ms).
      tried = await page.evaluate(async () => {
        const app = window.__chokepoint!;
        const us = app.screenPosition('market-us')!;
        const at = document.elementFromPoint(us.x, us.y)!;
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const mouse = { clientX: us.x, clientY: us.y, bubbles: true, cancelable: true, button: 0 };
        const before = app.screenPosition('raw-0')!;
        at.dispatchEvent(new WheelEvent('wheel', { ...mouse, deltaY: -120 }));
        await frame();
        await frame();
        const during = app.screenPosition('raw-0')!;
        at.dispatchEvent(new MouseEvent('mousedown', { ...mouse, buttons: 1 }));
        at.dispatchEvent(new MouseEvent('mouseup', mouse));
        at.dispatchEvent(new MouseEvent('click', mouse));
        await frame();
        const after = app.screenPosition('raw-0')!;
        return { moved: Math.hypot(during.x - before.x, during.y - before.y) > 0.5 && Math.hypot(after.x - during.x, after.y - during.y) > 0.5, selected: app.state().selection };
      });
      // The view was still zooming when the click came: then it selects the node.
      if (tried.moved) expect(tried.selected).toEqual({ type: 'node', key: 'market-us' });
      await page.keyboard.press('Escape');
      await page.locator('#fit').click();
    }
    expect(tried.moved).toBe(true);
  });

  it('sizes by betweenness in its own worker, exact at this size (sampled only above BETWEENNESS_EXACT_NODES)', async () => {
    await page.selectOption('#size-by', 'betweenness');
    await expect.poll(async () => (await betweenness()).status, { timeout: 30_000 }).toBe('done');
    expect(NODES).toBeLessThanOrEqual(BETWEENNESS_EXACT_NODES);
    expect((await betweenness()).sampled).toBeNull();
    expect(await page.locator('#size-caption').textContent()).toBe('Size: betweenness centrality');
    await page.selectOption('#size-by', 'impact');
  }, 60_000);

  it('hovers a buyer whose flows are mostly not drawn, leaves and hovers it again, without an error', async () => {
    // Its flows not drawn come into sigma's graph at the first hover (sigma must index them before it draws
    // them, or it throws), stay there hidden when the mouse leaves, and show again at the next hover.
    const pos = await page.evaluate(() => window.__chokepoint!.screenPosition('market-jp'));
    // Its flows in are drawn in the buyers' red while it is hovered (the redraw runs in a task after the mouse
    // event's): far more of that red than the buyers' own dots show.
    const red = async () => countColour(decodePng(await page.locator('#graph').screenshot()), KIND_COLORS.demand, 16);
    const dots = await red();
    for (let i = 0; i < 2; i++) {
      await page.mouse.move(pos!.x, pos!.y);
      // The pointer is on the node: the view took the hover (it sets this cursor).
      await expect.poll(() => page.locator('#graph').evaluate((e) => e.style.cursor)).toBe('pointer');
      await expect.poll(red, { timeout: 10_000 }).toBeGreaterThan(3 * dots + 1000);
      if (i === 0) await shot(page, 'scale-hover');
      await page.mouse.move(pos!.x + 300, pos!.y + 200);
      await expect.poll(red, { timeout: 10_000 }).toBeLessThan(2 * dots + 500);
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('selects a buyer never hovered, from the search box: its flows not drawn come with the selection, without an error', async () => {
    await page.click('#search');
    await page.keyboard.type('Buyers in US');
    await expect.poll(() => page.locator('#search-list [role="option"]').first().getAttribute('data-key')).toBe('market-us');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#inspector-title').textContent()).toBe('Buyers in US');
    // The graph's deferred redraw (after the panels' paint, in a task that runs the reducers and draws).
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('shows a node its cut spof lists leave out with an unknown impact, not 0 %', async () => {
    const left = await page.evaluate(() => {
      const t = window.__chokepoint!.state();
      const r = t.loaded!.report.scenarios.find((x) => x.id === t.scenario)!;
      const listed = new Set(r.spof.flatMap((row) => row.critical.map((c) => c.key)));
      const n = t.loaded!.document.nodes.find((x) => x.attributes.kind === 'chemical' && !listed.has(x.key))!;
      return { key: n.key, label: n.attributes.label, cut: r.spofLimit !== undefined, demands: r.spof.length };
    });
    expect(left.cut).toBe(true);
    await page.fill('#search', '');
    await page.click('#search');
    await page.keyboard.type(left.label);
    await expect.poll(() => page.locator('#search-list [role="option"]').first().getAttribute('data-key')).toBe(left.key);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#inspector-title').textContent()).toBe(left.label);
    expect(await page.locator('#inspector-impact tbody td').allTextContents()).toEqual(Array(left.demands).fill('—'));
    await page.keyboard.press('Escape');
  }, 60_000);

  it('can run the reliance lanes in WebAssembly in its engine worker (SIMD, and no policy against it)', async () => {
    const worker = page.workers().find((w) => w.url().includes('engine-worker'));
    expect(worker).toBeDefined();
    const compiled = await worker!.evaluate((base64) => {
      try {
        new WebAssembly.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        return 'compiled';
      } catch (e) {
        return String(e);
      }
    }, LANES_WASM_BASE64);
    expect(compiled).toBe('compiled');
  });

  it('wrote no error to the console', () => {
    expect(errors).toEqual([]);
  });
});
