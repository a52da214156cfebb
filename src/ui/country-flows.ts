/**
 * The Map layout zoomed out: flows summed country to country, one curved arrow per pair of countries, its
 * width by value, drawn on a 2D canvas above the basemap, in place of the single flows (whose layers are
 * hidden meanwhile). Zooming in past AGGREGATE_RATIO, or hovering or selecting a node, brings the single
 * flows back. A flow within one country is not drawn here: its nodes sit together.
 */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { fitAndClear } from './canvas-layer.ts';

export const COUNTRY_FLOWS_LAYER = 'country-flows';
/** At or above this camera ratio (1: the whole graph fitted), flows are drawn country to country. */
export const AGGREGATE_RATIO = 0.6;
/** The layers of single flows, hidden while the country-to-country ones are drawn (sigma's and the 2D ones of big graphs). */
const FLOW_LAYERS = ['edges', 'flows', 'arrows'];
const COLOR = 'rgba(71, 85, 105, 0.45)';

export interface CountryFlow {
  from: string;
  to: string;
  value: number;
  /** How many single flows it sums. */
  count: number;
}

/** The flows between countries (a flow within one country left out), biggest first, then by codes. */
export function aggregateCountryFlows(
  nodes: readonly { key: string; attributes: { country: string } }[],
  edges: readonly { source: string; target: string; attributes: { value: number } }[],
): CountryFlow[] {
  const country = new Map(nodes.map((n) => [n.key, n.attributes.country]));
  const sums = new Map<string, CountryFlow>();
  for (const e of edges) {
    const from = country.get(e.source), to = country.get(e.target);
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from}\u0000${to}`;
    const s = sums.get(id);
    if (s) {
      s.value += e.attributes.value;
      s.count++;
    } else sums.set(id, { from, to, value: e.attributes.value, count: 1 });
  }
  return [...sums.values()].sort((a, b) => b.value - a.value || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** Line width in CSS pixels: 1.5 to 12 by the square root of the share of the largest. */
export const flowWidth = (value: number, max: number) => 1.5 + 10.5 * Math.sqrt(max > 0 ? Math.max(0, value) / max : 0);

export interface CountryFlowsLayer {
  /** The flows to draw and each country's nodes (their centroid is the country's end); null: none, single flows shown. */
  set(flows: CountryFlow[] | null, members: Map<string, string[]> | null): void;
  /** A node hovered or selected: its single flows are what matters, shown instead. */
  setFocus(focus: boolean): void;
  /** Whether the last render drew the country-to-country flows. */
  active(): boolean;
  kill(): void;
}

export function mountCountryFlows<N extends Attributes, E extends Attributes, G extends Attributes>(renderer: Sigma<N, E, G>): CountryFlowsLayer {
  const canvas = renderer.createCanvas(COUNTRY_FLOWS_LAYER, { afterLayer: 'edges' }) as HTMLCanvasElement;
  Object.assign(canvas.style, { width: '100%', height: '100%', pointerEvents: 'none' });
  const ctx = canvas.getContext('2d');
  let flows: CountryFlow[] | null = null;
  let members: Map<string, string[]> | null = null;
  let focus = false;
  let drawn = false;

  const hideSingles = (hide: boolean) => {
    const canvases = renderer.getCanvases();
    for (const id of FLOW_LAYERS) if (canvases[id]) canvases[id].style.visibility = hide ? 'hidden' : '';
  };
  const paint = () => {
    if (!ctx) return;
    const ratio = fitAndClear(canvas, ctx, renderer);
    const want = !!flows && !!members && !focus && renderer.getCamera().ratio >= AGGREGATE_RATIO;
    if (want !== drawn) hideSingles(want);
    drawn = want;
    if (!want) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const graph = renderer.getGraph();
    const at = new Map<string, { x: number; y: number }>();
    for (const [country, keys] of members!) {
      let x = 0, y = 0, n = 0;
      for (const k of keys) {
        if (!graph.hasNode(k)) continue;
        x += graph.getNodeAttribute(k, 'x') as number;
        y += graph.getNodeAttribute(k, 'y') as number;
        n++;
      }
      if (n > 0) at.set(country, renderer.graphToViewport({ x: x / n, y: y / n }));
    }
    const max = flows![0]?.value ?? 0;
    ctx.strokeStyle = ctx.fillStyle = COLOR;
    ctx.lineCap = 'round';
    // Smallest first, so that the big ones lie on top.
    for (let i = flows!.length - 1; i >= 0; i--) {
      const f = flows![i]!;
      const a = at.get(f.from), b = at.get(f.to);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy);
      if (d < 1) continue;
      // Bent to the right of its direction, so that A→B and B→A are two arcs.
      const cx = (a.x + b.x) / 2 - dy * 0.12, cy = (a.y + b.y) / 2 + dx * 0.12;
      const lw = flowWidth(f.value, max);
      ctx.lineWidth = lw;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.quadraticCurveTo(cx, cy, b.x, b.y);
      ctx.stroke();
      // An arrowhead at the customer's end, along the curve's last tangent.
      const tx = b.x - cx, ty = b.y - cy, t = Math.hypot(tx, ty) || 1;
      const ux = tx / t, uy = ty / t, head = 4 + lw * 1.2;
      ctx.beginPath();
      ctx.moveTo(b.x, b.y);
      ctx.lineTo(b.x - ux * head * 1.6 - uy * head, b.y - uy * head * 1.6 + ux * head);
      ctx.lineTo(b.x - ux * head * 1.6 + uy * head, b.y - uy * head * 1.6 - ux * head);
      ctx.closePath();
      ctx.fill();
    }
  };
  renderer.on('afterRender', paint);
  const redraw = () => paint();
  return {
    set(next, nextMembers) {
      flows = next && next.length ? next : null;
      members = nextMembers;
      redraw();
    },
    setFocus(next) {
      if (next === focus) return;
      focus = next;
      redraw();
    },
    active: () => drawn,
    kill() {
      renderer.off('afterRender', paint);
      hideSingles(false);
      if (renderer.getCanvases()[COUNTRY_FLOWS_LAYER]) renderer.killLayer(COUNTRY_FLOWS_LAYER);
    },
  };
}
