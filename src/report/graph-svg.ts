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

/** Okabe-Ito colours: told apart by colour-blind readers and in grey print. */
export const KIND_COLOURS: Record<NodeKind, string> = {
  demand: '#D55E00',
  supplier: '#0072B2',
  foundry: '#CC79A7',
  wafer: '#009E73',
  chemical: '#E69F00',
  equipment: '#56B4E9',
  other: '#777777',
};

export interface GraphSvgOptions {
  width?: number;
  /** Longest label drawn, in characters; the rest is in the node's tooltip. */
  labelChars?: number;
  title?: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function graphSvg(graph: SupplyGraph, positions: Map<string, { x: number; y: number }>, options: GraphSvgOptions = {}): string {
  const width = options.width ?? 1100;
  const labelChars = options.labelChars ?? 34;
  const keys = graph.nodes().filter((k) => positions.has(k));
  const legendHeight = 28;
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
  const labelRoom = labelChars * 5.2;
  const left = 12;
  const innerW = Math.max(1, width - left - labelRoom - 12);
  // Neighbours in a column at least 15 px apart, so that 9 px labels do not overlap.
  const columns = new Map<number, number[]>();
  xs.forEach((x, i) => {
    const col = columns.get(x);
    if (col) col.push(ys[i]!);
    else columns.set(x, [ys[i]!]);
  });
  let minGap = Infinity;
  for (const col of columns.values()) {
    col.sort((a, b) => a - b);
    for (let i = 1; i < col.length; i++) if (col[i]! - col[i - 1]! > 1e-9) minGap = Math.min(minGap, col[i]! - col[i - 1]!);
  }
  const spanY = maxY - minY;
  const scaleY = spanY > 0 ? Math.max(Number.isFinite(minGap) ? 15 / minGap : 0, 300 / spanY) : 1;
  const innerH = spanY * scaleY;
  const top = legendHeight + 16;
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

  const nodes = keys.map((k) => {
    const p = at.get(k)!;
    const a = graph.getNodeAttributes(k);
    const tip = `${a.label} (${k}; ${a.kind}, ${a.country}${a.company ? `, ${a.company}` : ''})`;
    return `<g><title>${esc(tip)}</title><circle cx="${f1(p.x)}" cy="${f1(p.y)}" r="4.5" fill="${KIND_COLOURS[a.kind]}" stroke-width="1"/><text x="${f1(p.x + 7)}" y="${f1(p.y + 3)}">${esc(clip(a.label, labelChars))}</text></g>`;
  });

  const present = NODE_KINDS.filter((k) => keys.some((n) => graph.getNodeAttribute(n, 'kind') === k));
  let lx = left;
  const legend = present.map((k) => {
    const item = `<circle cx="${lx + 5}" cy="14" r="5" fill="${KIND_COLOURS[k]}"/><text x="${lx + 14}" y="18" font-size="12">${k}</text>`;
    lx += 30 + k.length * 7.5;
    return item;
  });
  legend.push(`<text x="${lx + 10}" y="18" font-size="12" fill="#555">line width: flow value (summed over inputs), coloured by the supplier's kind</text>`);

  const label = esc(options.title ?? 'The supply graph');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${label}" font-family="system-ui, sans-serif">`,
    `<g class="legend">${legend.join('')}</g>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes" font-size="9" fill="#222" stroke="#fff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
