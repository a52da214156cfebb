/**
 * Level of detail for very big graphs (docs/scale.md, In the app; docs/app.md, Big graphs). Above LOD_NODES nodes,
 * sigma never holds the whole graph: it would index every node in one task (3 s at 100,000 nodes) and its picking
 * and 2D layers would redraw every node at each frame of a pan. It holds a *level* instead, made here:
 *
 * - **groups**, while the view holds more than DETAIL_NODES nodes: one node per country and kind ("Taiwan ·
 *   foundry"), at the mean place of its nodes, sized by how many it stands for, and the flows between groups
 *   summed (every flow counted, the largest MAX_LEVEL_FLOWS drawn);
 * - **nodes**, once zoomed in so that the view (with a margin) holds at most DETAIL_NODES nodes: those nodes
 *   themselves, with the flows drawn among them (the same as the whole graph's drawn flows) and their flows to the
 *   groups of the nodes outside, summed; the nodes outside stay as their groups.
 *
 * Nodes asked for (the one selected or hovered) are always shown themselves. Pure: from the index the display
 * graph's build made (`LodIndex`) and a rectangle in graph coordinates.
 */
import { MultiDirectedGraph } from 'graphology';
import type { NodeKind } from '../model/schema.ts';
import type { DetachedFlows, DisplayEdge, DisplayGraph } from './display-graph.ts';
import { EDGE_COLOR, KIND_COLORS, KIND_NAMES } from './look.ts';
import { placeName } from './words.ts';

/** Above this many nodes (not counting country nodes), the view draws levels (docs/app.md, Big graphs). */
export const LOD_NODES = 20_000;
/** A view (with its margin) of at most this many nodes shows them themselves. */
export const DETAIL_NODES = 4_000;
/** The largest summed flows drawn in a level. */
export const MAX_LEVEL_FLOWS = 4_000;
/** Each side of the view grows by this share of its size for the rectangle whose nodes a level shows. */
export const LEVEL_MARGIN = 0.5;
/** Group nodes' keys start with this (never a document key: documents' keys are checked, and `:` marks derived ones). */
export const GROUP_PREFIX = 'group:';
export const isGroupKey = (key: string) => key.startsWith(GROUP_PREFIX);

/** A big graph's nodes and every flow, as arrays, for its levels; made by the display graph's build. */
export interface LodIndex {
  keys: string[];
  xs: Float64Array;
  ys: Float64Array;
  /** Each node's group (country and kind), an index into `groups`. */
  group: Int32Array;
  groups: { country: string; kind: NodeKind }[];
  /** Every flow: its ends as node indices, and its value. */
  sources: Int32Array;
  targets: Int32Array;
  values: Float64Array;
  /** Each flow's place in the graph's drawn flows (`DetachedFlows`); -1: not drawn (a minor flow). */
  drawnAt: Int32Array;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LevelAttributes {
  /** What the level shows: groups only, or some nodes themselves. */
  level: 'groups' | 'nodes';
  /** The nodes shown themselves. */
  shownNodes: number;
  /** The rectangle (graph coordinates) whose nodes are shown themselves; null at the groups level. */
  rect: Rect | null;
  /** The whole graph's size, for the view's settings: a level is drawn as the big graph it stands for. */
  stands: { order: number; size: number };
}

export const groupKey = (country: string, kind: string) => `${GROUP_PREFIX}${country}:${kind}`;

/** How many of the index's nodes lie in `rect`. */
export function nodesIn(index: LodIndex, rect: Rect): number {
  let n = 0;
  const { xs, ys } = index;
  for (let i = 0; i < xs.length; i++) if (xs[i]! >= rect.x0 && xs[i]! <= rect.x1 && ys[i]! >= rect.y0 && ys[i]! <= rect.y1) n++;
  return n;
}

/** `rect` grown by LEVEL_MARGIN of its size on each side. */
export function withMargin(rect: Rect, margin = LEVEL_MARGIN): Rect {
  const w = rect.x1 - rect.x0, h = rect.y1 - rect.y0;
  return { x0: rect.x0 - margin * w, y0: rect.y0 - margin * h, x1: rect.x1 + margin * w, y1: rect.y1 + margin * h };
}

/** Whether `inner` lies within `outer`. */
export const within = (inner: Rect, outer: Rect) => inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

/** Moves place k (x, y pairs) inside `r` to the nearest of r's sides. */
function outside(places: Float64Array, k: number, r: Rect): void {
  const x = places[2 * k]!, y = places[2 * k + 1]!;
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return;
  const sides = [x - r.x0, r.x1 - x, y - r.y0, r.y1 - y];
  const nearest = sides.indexOf(Math.min(...sides));
  if (nearest === 0) places[2 * k] = r.x0;
  else if (nearest === 1) places[2 * k] = r.x1;
  else if (nearest === 2) places[2 * k + 1] = r.y0;
  else places[2 * k + 1] = r.y1;
}

const groupSize = (count: number) => Math.min(16, 3 + 0.4 * Math.sqrt(count));

/**
 * Each group's place (x, y pairs): the mean of its nodes, then, given the graph's units per CSS pixel at the zoom
 * drawn, groups whose discs overlap pushed apart (a few rounds; the tiered layout puts a column's groups all at its
 * middle). Discs are sized as sigma draws them at ratio 1 (size in pixels).
 */
export function spreadGroups(count: Float64Array, sx: Float64Array, sy: Float64Array, unitsPerPixel: number): Float64Array {
  const G = count.length;
  const at = new Float64Array(2 * G);
  const live: number[] = [];
  for (let k = 0; k < G; k++) {
    if (count[k] === 0) continue;
    at[2 * k] = sx[k]! / count[k]!;
    at[2 * k + 1] = sy[k]! / count[k]!;
    live.push(k);
  }
  if (!(unitsPerPixel > 0)) return at;
  const r = live.map((k) => (groupSize(count[k]!) + 2) * unitsPerPixel);
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const a = live[i]!, b = live[j]!;
        let dx = at[2 * b]! - at[2 * a]!, dy = at[2 * b + 1]! - at[2 * a + 1]!;
        const need = r[i]! + r[j]!;
        const d2 = dx * dx + dy * dy;
        if (d2 >= need * need) continue;
        let d = Math.sqrt(d2);
        // Exactly on top of each other: apart along y, the first one up (deterministic).
        if (d < 1e-12) {
          dx = 0;
          dy = 1;
          d = 1;
        }
        const push = (need - Math.sqrt(d2)) / 2;
        at[2 * a] = at[2 * a]! - (dx / d) * push;
        at[2 * a + 1] = at[2 * a + 1]! - (dy / d) * push;
        at[2 * b] = at[2 * b]! + (dx / d) * push;
        at[2 * b + 1] = at[2 * b + 1]! + (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return at;
}

/**
 * The level for `rect` (the view with its margin; null: groups only): its nodes, and its flows kept out of the
 * graph as `detached` flows (drawn beside sigma's graph as thin lines, graph-view.ts). `full` is the display graph
 * (its nodes' attributes and drawn flows); `always` are shown themselves wherever they are.
 */
export function buildLevel(index: LodIndex, full: DisplayGraph, rect: Rect | null, always: Iterable<string> = [], { unitsPerPixel = 0 } = {}): DisplayGraph {
  const n = index.keys.length;
  const G = index.groups.length;
  const detail = rect !== null && nodesIn(index, rect) <= DETAIL_NODES;
  // rep[i]: the level node standing for node i: its group (0 … G−1), or itself (G + its place among those shown).
  const rep = new Int32Array(n);
  const shown: number[] = [];
  const alwaysSet = new Set(always);
  const count = new Float64Array(G), sx = new Float64Array(G), sy = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    const x = index.xs[i]!, y = index.ys[i]!;
    const own = (detail && x >= rect.x0 && x <= rect.x1 && y >= rect.y0 && y <= rect.y1) || (alwaysSet.size > 0 && alwaysSet.has(index.keys[i]!));
    if (own) {
      rep[i] = G + shown.length;
      shown.push(i);
    } else {
      const g = index.group[i]!;
      rep[i] = g;
      count[g]!++;
      sx[g]! += x;
      sy[g]! += y;
    }
  }
  const g: DisplayGraph = new MultiDirectedGraph();
  const repKey: string[] = new Array<string>(G + shown.length);
  const places = spreadGroups(count, sx, sy, unitsPerPixel);
  // At the nodes level, a group of the nodes outside whose mean falls in the rectangle (a column's nodes above and
  // below it) goes to the rectangle's nearest side: out of the view, its flows pointing where its nodes are.
  if (detail) for (let k = 0; k < G; k++) if (count[k]! > 0) outside(places, k, rect);
  for (let k = 0; k < G; k++) {
    if (count[k] === 0) continue;
    const { country, kind } = index.groups[k]!;
    const key = groupKey(country, kind);
    repKey[k] = key;
    const c = count[k]!;
    const label = `${placeName(country)} · ${KIND_NAMES[kind].toLowerCase()} (${c.toLocaleString('en-US')})`;
    g.addNode(key, { x: places[2 * k]!, y: places[2 * k + 1]!, size: groupSize(c), color: KIND_COLORS[kind], label, fullLabel: label, kind, country });
  }
  shown.forEach((i, j) => {
    const key = index.keys[i]!;
    repKey[G + j] = key;
    g.addNode(key, { ...full.getNodeAttributes(key) });
  });
  // Flows: between two nodes shown, the graph's own drawn ones; any other, summed between the level's nodes.
  const drawn = full.getAttribute('detached') as DetachedFlows | null | undefined;
  const flows: DetachedFlows = { keys: [], sources: [], targets: [], attributes: [] };
  // Sums between groups in a G × G table (a Map's lookups for each of 500,000 flows took 0.2 s); with a node shown, in a Map.
  const between = new Float64Array(G * G);
  const sums = new Map<number, number>();
  const R = G + shown.length;
  const { sources, targets, values, drawnAt } = index;
  for (let e = 0; e < sources.length; e++) {
    const a = rep[sources[e]!]!, b = rep[targets[e]!]!;
    if (a < G && b < G) {
      if (a !== b) between[a * G + b]! += values[e]!;
      continue;
    }
    if (a >= G && b >= G) {
      const at = drawnAt[e]!;
      if (at >= 0 && drawn) {
        flows.keys.push(drawn.keys[at]!);
        flows.sources.push(drawn.sources[at]!);
        flows.targets.push(drawn.targets[at]!);
        flows.attributes.push(drawn.attributes[at]!);
      }
      continue;
    }
    const pair = a * R + b;
    sums.set(pair, (sums.get(pair) ?? 0) + values[e]!);
  }
  for (let a = 0; a < G; a++) for (let b = 0; b < G; b++) if (between[a * G + b]! > 0) sums.set(a * R + b, between[a * G + b]!);
  const summed = [...sums].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_LEVEL_FLOWS);
  const max = summed.length ? summed[0]![1] : 0;
  for (const [pair, value] of summed) {
    const a = repKey[Math.floor(pair / R)]!, b = repKey[pair % R]!;
    const attributes: DisplayEdge = { size: max > 0 ? 0.4 + 5 * Math.sqrt(value / max) : 0.5, color: EDGE_COLOR, input: '', value, sitsIn: false, minor: false };
    flows.keys.push(`${a}>${b}`);
    flows.sources.push(a);
    flows.targets.push(b);
    flows.attributes.push(attributes);
  }
  g.setAttribute('minor', null);
  g.setAttribute('detached', flows);
  g.setAttribute('level', {
    level: detail ? 'nodes' : 'groups',
    shownNodes: shown.length,
    rect: detail ? rect : null,
    stands: { order: n, size: index.sources.length },
  });
  return g;
}

/** A level's attributes; null for a graph that is not a level. */
export const levelOf = (g: DisplayGraph): LevelAttributes | null => g.getAttribute('level') ?? null;

/** The display graph's level-of-detail index; null below LOD_NODES nodes. */
export const lodIndexOf = (g: DisplayGraph): LodIndex | null => g.getAttribute('lod') ?? null;
