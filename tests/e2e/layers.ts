/** The graph view as the scale tests read it in the page: sigma's layers (its `sigma-<id>` canvases in #graph), and its drawn events. */
import type { Page } from 'playwright-core';

/** Whether each layer is displayed, and how many of its pixels are not transparent (-1: a WebGL layer, not read). */
export const layers = (page: Page, ids: string[]) => page.evaluate((names) => Object.fromEntries(names.map((id) => {
  const c = document.querySelector<HTMLCanvasElement>(`#graph canvas.sigma-${id}`)!;
  const ctx = c.getContext('2d');
  let ink = -1;
  if (ctx) {
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
  }
  return [id, { shown: getComputedStyle(c).display !== 'none', ink }];
})), ids);

/** The colour of a 2D layer at a point of the page (a 3 × 3 block's most opaque pixel), as #rrggbb, or null if transparent there. */
export const layerColour = (page: Page, id: string, at: { x: number; y: number }) => page.evaluate(({ id, at }) => {
  const c = document.querySelector<HTMLCanvasElement>(`#graph canvas.sigma-${id}`)!;
  const r = c.getBoundingClientRect();
  const k = c.width / r.width;
  const d = c.getContext('2d')!.getImageData(Math.round((at.x - r.left) * k) - 1, Math.round((at.y - r.top) * k) - 1, 3, 3).data;
  let best = -1;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (best < 0 || d[i + 3]! > d[best + 3]!)) best = i;
  return best < 0 ? null : '#' + [d[best]!, d[best + 1]!, d[best + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('');
}, { id, at });

/** A disc's radius on a 2D layer: the pixels of `colour` from its centre to the right. */
export async function discRadius(page: Page, id: string, centre: { x: number; y: number }, colour: string, max = 100): Promise<number> {
  let r = 0;
  while (r < max && (await layerColour(page, id, { x: centre.x + r + 1, y: centre.y })) === colour) r++;
  return r;
}

/** Records the graph view's `chokepoint:drawn` events from now on (app.md, Test hook). */
export const recordDrawn = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { drawn: { nodes: number; drawnEdges: number }[] };
  w.drawn = [];
  document.addEventListener('chokepoint:drawn', (e) => w.drawn.push((e as CustomEvent<{ nodes: number; drawnEdges: number }>).detail));
});

/** Waits for a graph of `nodes` nodes to be reported drawn; the flows drawn in each report of it, in order. */
export async function drawnFlows(page: Page, nodes: number, timeout = 30_000): Promise<number[]> {
  await page.waitForFunction((n) => (window as unknown as { drawn: { nodes: number }[] }).drawn.some((d) => d.nodes === n), nodes, { timeout, polling: 200 });
  return page.evaluate((n) => (window as unknown as { drawn: { nodes: number; drawnEdges: number }[] }).drawn.filter((d) => d.nodes === n).map((d) => d.drawnEdges), nodes);
}
