/**
 * A picture of the graph for the HTML report, as inline SVG: nodes coloured by
 * kind with a legend, flows as curves whose width grows with their value,
 * placed by the caller's positions (the tiered layout). No script, no link:
 * every label is escaped and also kept whole in a <title> for hovering.
 */
import { f1 } from './format.ts';
import type { SupplyGraph } from '../model/graph.ts';
import { NODE_KINDS, type NodeKind } from '../model/schema.ts';
import { esc } from './html-escape.ts';
import { KIND_COLORS, KIND_NAMES } from '../model/kind-look.ts';

/** The kinds' colours, the app's (kind-look.ts); kept under this name for callers of the report. */
export const KIND_COLOURS: Record<NodeKind, string> = KIND_COLORS;

export interface GraphSvgOptions {
  width?: number;
  /** Longest label drawn, in characters; the rest is in the node's tooltip. */
  labelChars?: number;
  title?: string;
  /**
   * Node sizes by the app's rule (node-size.ts, 3 to 17): a node's radius is
   * half its size plus one, and the largest are labelled first. Absent: every
   * node at one radius, labelled where its label fits.
   */
  sizes?: ReadonlyMap<string, number>;
}

/** Labels at 12 units on a picture 1,100 wide: 8.6 pt when it fills the 277 mm of an A4 landscape page. */
const LABEL_PX = 12;
/** Roughly the advance of a character at LABEL_PX in a sans-serif face. */
const CHAR_PX = 6.6;
/** The picture's height at most: an A4 landscape page's proportions, so that it prints at full width. */
const MAX_HEIGHT_RATIO = 0.66;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function graphSvg(graph: SupplyGraph, positions: Map<string, { x: number; y: number }>, options: GraphSvgOptions = {}): string {
  const width = options.width ?? 1100;
  const labelChars = options.labelChars ?? 34;
  const keys = graph.nodes().filter((k) => positions.has(k));
  const legendHeight = 44;
  if (keys.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 60" role="img" aria-label="empty graph"><text x="10" y="35" font-size="14">The graph has no nodes.</text></svg>`;
  }
  const pts = keys.map((k) => positions.get(k)!);
  const xs = pts.map((p) => p.x);
  // Layout y grows upwards (as in sigma); SVG y grows downwards.
  const ys = pts.map((p) => -p.y);
  // Reduced, not spread: Math.min(...xs) overflows the call stack at some hundred thousand nodes.
  const least = (v: number[]) => v.reduce((m, x) => (x < m ? x : m), Infinity);
  const most = (v: number[]) => v.reduce((m, x) => (x > m ? x : m), -Infinity);
  const [minX, maxX, minY, maxY] = [least(xs), most(xs), least(ys), most(ys)];
  // Room on the right for the last column's labels beside the largest dots (radius up to 9.5).
  const labelRoom = labelChars * CHAR_PX + 14;
  const left = 12;
  const innerW = Math.max(1, width - left - labelRoom - 12);
  const spanY = maxY - minY;
  const top = legendHeight + 16;
  // As tall as the columns need for a label each (LABEL_PX + 2 apart), within an A4 landscape page's proportions.
  const columns = new Map<number, number>();
  for (const x of xs) columns.set(x, (columns.get(x) ?? 0) + 1);
  const tallest = [...columns.values()].reduce((m, n) => (n > m ? n : m), 1);
  const innerH = spanY > 0 ? Math.max(300, Math.min(tallest * (LABEL_PX + 2), width * MAX_HEIGHT_RATIO - top - 16)) : 0;
  const scaleY = spanY > 0 ? innerH / spanY : 1;
  const height = Math.ceil(top + innerH + 16);
  const sx = (x: number) => left + (maxX > minX ? ((x - minX) / (maxX - minX)) * innerW : innerW / 2);
  const sy = (y: number) => top + (spanY > 0 ? (y - minY) * scaleY : 0);
  const at = new Map(keys.map((k, i) => [k, { x: sx(xs[i]!), y: sy(ys[i]!) }]));

  // One curve per supplier-customer pair, summed over inputs.
  const flows = new Map<string, { s: string; t: string; v: number }>();
  graph.forEachEdge((_e, a, s, t) => {
    if (!at.has(s) || !at.has(t) || a.value <= 0) return;
    const id = JSON.stringify([s, t]);
    const f = flows.get(id) ?? { s, t, v: 0 };
    f.v += a.value;
    flows.set(id, f);
  });
  const maxV = [...flows.values()].reduce((m, f) => (f.v > m ? f.v : m), 0);
  const edges = [...flows.values()]
    .sort((p, q) => p.v - q.v)
    .map((f) => {
      const a = at.get(f.s)!;
      const b = at.get(f.t)!;
      const w = 0.4 + 7 * Math.sqrt(f.v / (maxV || 1));
      const dx = (b.x - a.x) / 2;
      const colour = KIND_COLOURS[graph.getNodeAttribute(f.s, 'kind')];
      return `<path d="M${f1(a.x)} ${f1(a.y)}C${f1(a.x + dx)} ${f1(a.y)} ${f1(b.x - dx)} ${f1(b.y)} ${f1(b.x)} ${f1(b.y)}" stroke="${colour}" stroke-opacity="0.35" stroke-width="${f1(w)}" fill="none"/>`;
    });

  const radius = (k: string) => (options.sizes ? (options.sizes.get(k) ?? 3) / 2 + 1 : 4.5);
  // Labels for the nodes that matter: largest first, each where it overlaps no label already placed.
  const order = options.sizes ? [...keys].sort((a, b) => radius(b) - radius(a) || (a < b ? -1 : a > b ? 1 : 0)) : keys;
  const placed: { x0: number; x1: number; y0?: number; y1?: number }[] = [];
  const labelled = new Map<string, boolean>();
  // A label is tried for the first few thousand candidates only: beyond, a picture has no room for more.
  for (const k of order.length > 4000 ? order.slice(0, 4000) : order) {
    if (options.sizes && !options.sizes.has(k)) continue;
    const p = at.get(k)!;
    const text = clip(graph.getNodeAttribute(k, 'label'), labelChars);
    const w = text.length * CHAR_PX;
    // To the right of the dot, or to its left where the picture ends (the buyers' column).
    const right = p.x + radius(k) + 3 + w <= width;
    const box = right ? { x0: p.x + radius(k) + 2, x1: p.x + radius(k) + 3 + w } : { x0: p.x - radius(k) - 3 - w, x1: p.x - radius(k) - 2 };
    Object.assign(box, { y0: p.y - LABEL_PX / 2 - 2, y1: p.y + LABEL_PX / 2 + 2 });
    if (box.x0 < 0) continue;
    const b = box as { x0: number; x1: number; y0: number; y1: number };
    if (placed.some((q) => b.x0 < q.x1 && q.x0 < b.x1 && b.y0 < q.y1! && q.y0! < b.y1)) continue;
    placed.push(b);
    labelled.set(k, right);
    if (placed.length > 400) break;
  }
  const nodes = keys.map((k) => {
    const p = at.get(k)!;
    const a = graph.getNodeAttributes(k);
    const tip = `${a.label} (${k}; ${KIND_NAMES[a.kind]}, ${a.country}${a.company ? `, ${a.company}` : ''})`;
    const r = radius(k);
    const side = labelled.get(k);
    const text = side === undefined ? '' : `<text x="${f1(side ? p.x + r + 2.5 : p.x - r - 2.5)}" y="${f1(p.y + 4)}"${side ? '' : ' text-anchor="end"'}>${esc(clip(a.label, labelChars))}</text>`;
    return `<g><title>${esc(tip)}</title><circle cx="${f1(p.x)}" cy="${f1(p.y)}" r="${f1(r)}" fill="${KIND_COLOURS[a.kind]}" stroke-width="1"/>${text}</g>`;
  });

  const present = NODE_KINDS.filter((k) => keys.some((n) => graph.getNodeAttribute(n, 'kind') === k));
  let lx = left;
  const legend = present.map((k) => {
    const item = `<circle cx="${lx + 6}" cy="14" r="6" fill="${KIND_COLOURS[k]}"/><text x="${lx + 16}" y="19" font-size="14">${esc(KIND_NAMES[k])}</text>`;
    lx += 34 + KIND_NAMES[k].length * 7.4;
    return item;
  });
  legend.push(`<text x="${left}" y="40" font-size="13" fill="#444">${options.sizes ? 'dot size: what its loss would cost the buyers; ' : ''}line width: flow value, coloured by the supplier's kind</text>`);

  const label = esc(options.title ?? 'The supply graph');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${label}" font-family="system-ui, sans-serif">`,
    `<g class="legend">${legend.join('')}</g>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes" font-size="${LABEL_PX}" fill="#222" stroke="#fff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
