/**
 * The tiered layout: one column per stage of the chain, left to right
 * (chemicals, equipment and other raw inputs; wafers; foundries; suppliers;
 * demand), each column ordered to limit edge crossings by value-weighted
 * barycentre sweeps and neighbour swaps, keeping the order with the fewest
 * weighted crossings (on graphs with more than MAX_COUNTED_LINKS links, the
 * sweeps alone).
 *
 * Pure and deterministic: the same graph gives the same positions. Used by
 * the app and by the HTML report.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { NodeKind } from '../model/schema.ts';

export interface Point {
  x: number;
  y: number;
}

/** The column of each kind, left to right. */
export const TIER_OF: Record<NodeKind, number> = {
  chemical: 0,
  equipment: 0,
  other: 0,
  wafer: 1,
  foundry: 2,
  supplier: 3,
  demand: 4,
};
export const TIER_COUNT = 5;
/** Above this many links between columns, crossings are not counted (it costs links²). */
export const MAX_COUNTED_LINKS = 3000;

export interface TieredOptions {
  /** Distance between columns. */
  columnGap?: number;
  /** Distance between neighbours in the fullest column. */
  rowGap?: number;
  /** Barycentre sweeps (each one down and back). */
  sweeps?: number;
  /**
   * Columns move apart until the drawing is at least this many times as wide as it is tall (0: never).
   * Big graphs have columns thousands of rows tall, and a fixed gap draws them as one vertical line.
   */
  minAspect?: number;
}
const DEFAULTS: Required<TieredOptions> = { columnGap: 10, rowGap: 1, sweeps: 24, minAspect: 0 };

export function tieredLayout(graph: SupplyGraph, options: TieredOptions = {}): Map<string, Point> {
  const { rowGap, sweeps, minAspect, ...rest } = { ...DEFAULTS, ...options };
  let { columnGap } = rest;
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const { tierOf, count: tierCount } = tiersOf(graph, keys);

  const n = keys.length;
  const links = mergedLinks(graph, index, tierOf);
  const pairCount = links.lo.length;
  // Links as compressed rows: each node's links to lower columns (from `start[v]` to `mid[v]`), then to higher ones
  // (to `start[v + 1]`), each part in the order the pairs were merged. A sweep looks one way only, so it walks one
  // part, in the order the whole row had (the same sums, to the bit): half the links of every row, 2 × `sweeps` times.
  const lower = new Int32Array(n);
  const degree = new Int32Array(n);
  for (let p = 0; p < pairCount; p++) {
    const a = links.lo[p]!;
    const b = links.hi[p]!;
    degree[a]!++;
    degree[b]!++;
    if (tierOf[b]! < tierOf[a]!) lower[a]!++;
    else lower[b]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + degree[v]!;
  const mid = new Int32Array(n);
  for (let v = 0; v < n; v++) mid[v] = start[v]! + lower[v]!;
  const fillLower = start.slice(0, n);
  const fillHigher = mid.slice();
  const other = new Int32Array(start[n]!);
  const otherTier = new Int32Array(start[n]!);
  const weightOf = new Float64Array(start[n]!);
  // Only a graph whose crossings are counted needs its pairs as a list.
  const exact = pairCount <= MAX_COUNTED_LINKS;
  const pairs: [number, number, number][] = [];
  const link = (from: number, to: number, weight: number) => {
    const at = tierOf[to]! < tierOf[from]! ? fillLower[from]!++ : fillHigher[from]!++;
    other[at] = to;
    otherTier[at] = tierOf[to]!;
    weightOf[at] = weight;
  };
  for (let p = 0; p < pairCount; p++) {
    const a = links.lo[p]!;
    const b = links.hi[p]!;
    // Weighted by log value, so that one giant flow does not rule the order.
    const weight = 1 + Math.log10(1 + links.value[p]!);
    link(a, b, weight);
    link(b, a, weight);
    if (exact) pairs.push([a, b, weight]);
  }

  // Start: by country, then label, then key, so that the first guess already groups places.
  const columns: number[][] = Array.from({ length: tierCount }, () => []);
  const startOrder = keys
    .map((k, i) => ({ i, country: graph.getNodeAttribute(k, 'country'), label: graph.getNodeAttribute(k, 'label'), k }))
    .sort((p, q) => cmp(p.country, q.country) || cmp(p.label, q.label) || cmp(p.k, q.k));
  for (const n of startOrder) columns[tierOf[n.i]!]!.push(n.i);

  const pos = new Float64Array(keys.length);
  const place = () => {
    for (const col of columns) col.forEach((v, r) => (pos[v] = col.length > 1 ? r / (col.length - 1) : 0.5));
  };
  place();

  // Counting crossings is quadratic in the links: on big graphs the sweeps run alone and the last order is kept.
  let best = columns.map((c) => [...c]);
  let bestCrossings = exact ? crossings(pairs, tierOf, pos) : 0;
  // Scratch arrays indexed by node (typed, not Maps: the sweeps sort every column 2 × `sweeps` times).
  const bary = new Float64Array(keys.length);
  /** Orders column t by the barycentres of its links to columns lo to hi (all below t, or all above). */
  const order = (t: number, lo: number, hi: number) => {
    const col = columns[t]!;
    const below = hi < t;
    for (const v of col) {
      let sum = 0;
      let w = 0;
      for (let at = below ? start[v]! : mid[v]!, end = below ? mid[v]! : start[v + 1]!; at < end; at++) {
        const ot = otherTier[at]!;
        if (ot < lo || ot > hi) continue;
        sum += weightOf[at]! * pos[other[at]!]!;
        w += weightOf[at]!;
      }
      bary[v] = w > 0 ? sum / w : pos[v]!;
    }
    stableSortBy(col, bary);
    col.forEach((v, r) => (pos[v] = col.length > 1 ? r / (col.length - 1) : 0.5));
  };
  /** Weighted crossings between the links of u and of v if u sits above v. */
  const pairCost = (u: number, v: number) => {
    let c = 0;
    for (let e = start[u]!, eEnd = start[u + 1]!; e < eEnd; e++) {
      for (let f = start[v]!, fEnd = start[v + 1]!; f < fEnd; f++) {
        if (otherTier[e] === otherTier[f] && pos[other[e]!]! > pos[other[f]!]!) c += weightOf[e]! * weightOf[f]!;
      }
    }
    return c;
  };
  /** Swaps neighbours in a column while that removes crossings (the "transpose" step of layered drawing). */
  const transpose = () => {
    for (let pass = 0; pass < 4; pass++) {
      let improved = false;
      for (const col of columns) {
        for (let r = 0; r + 1 < col.length; r++) {
          const u = col[r]!;
          const v = col[r + 1]!;
          if (pairCost(v, u) < pairCost(u, v) - 1e-9) {
            col[r] = v;
            col[r + 1] = u;
            const pu = pos[u]!;
            pos[u] = pos[v]!;
            pos[v] = pu;
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
  };

  for (let s = 0; s < sweeps; s++) {
    // Odd sweeps look at the next column only (what the crossing count measures most), even ones at all columns on that side.
    const near = s % 2 === 1;
    for (let t = 1; t < tierCount; t++) order(t, near ? t - 1 : 0, t - 1);
    for (let t = tierCount - 2; t >= 0; t--) order(t, t + 1, near ? t + 1 : tierCount);
    if (!exact) {
      best = columns;
      continue;
    }
    transpose();
    const c = crossings(pairs, tierOf, pos);
    if (c < bestCrossings - 1e-9) {
      bestCrossings = c;
      best = columns.map((col) => [...col]);
    }
  }

  const fullest = Math.max(1, ...best.map((c) => c.length));
  const height = (fullest - 1) * rowGap;
  columnGap = Math.max(columnGap, (minAspect * height) / Math.max(1, tierCount - 1));
  const out = new Map<string, Point>();
  best.forEach((col, t) => {
    // Short columns spread over at least half the height, so that few nodes are not crammed in the middle.
    const span = col.length > 1 ? Math.max((col.length - 1) * rowGap, height / 2) : 0;
    col.forEach((v, r) => {
      const y = col.length > 1 ? -span / 2 + (r * span) / (col.length - 1) : 0;
      // y grows downwards in the order, so the first of a column is drawn on top.
      out.set(keys[v]!, { x: t * columnGap, y: -y });
    });
  });
  return out;
}

/**
 * The undirected links between nodes of different columns, one per pair of nodes (`lo` < `hi`, node numbers), its
 * flows' values summed in the graph's order of flows, and the pairs in the order of their first flow: what a
 * Map keyed by pair gives, filled flow by flow. Built with typed arrays (a counting sort of the flows by their lower
 * end, then a pass per node): the Map, keyed by numbers above 2^31, took 0.5 s of a 500,000-flow layout, and its
 * garbage more (docs/scale.md).
 */
export function mergedLinks(graph: SupplyGraph, index: ReadonlyMap<string, number>, tierOf: readonly number[]): { lo: Int32Array; hi: Int32Array; value: Float64Array } {
  const n = index.size;
  const size = graph.size;
  const lo = new Int32Array(size);
  const hi = new Int32Array(size);
  const value = new Float64Array(size);
  let m = 0;
  graph.forEachEdge((_e, attrs, source, target) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    if (a === b || tierOf[a] === tierOf[b]) return;
    lo[m] = a < b ? a : b;
    hi[m] = a < b ? b : a;
    value[m++] = attrs.value;
  });
  // The flows by lower end, each node's in the graph's order.
  const from = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) from[lo[i]! + 1]!++;
  for (let v = 0; v < n; v++) from[v + 1]! += from[v]!;
  const next = from.slice(0, n);
  const byLo = new Int32Array(m);
  for (let i = 0; i < m; i++) byLo[next[lo[i]!]!++] = i;
  // Each pair's first flow holds the pair's sum; `metBy[b] === a + 1` while node a's flows are walked and b was met.
  const metBy = new Int32Array(n);
  const firstAt = new Int32Array(n);
  const sum = new Float64Array(m);
  const isFirst = new Uint8Array(m);
  for (let a = 0; a < n; a++) {
    for (let k = from[a]!, end = from[a + 1]!; k < end; k++) {
      const i = byLo[k]!;
      const b = hi[i]!;
      if (metBy[b] !== a + 1) {
        metBy[b] = a + 1;
        firstAt[b] = i;
        isFirst[i] = 1;
      }
      const first = firstAt[b]!;
      // As the Map did: 0, then each flow's value added in the graph's order.
      sum[first] = sum[first]! + value[i]!;
    }
  }
  let pairs = 0;
  for (let i = 0; i < m; i++) pairs += isFirst[i]!;
  const out = { lo: new Int32Array(pairs), hi: new Int32Array(pairs), value: new Float64Array(pairs) };
  for (let i = 0, p = 0; i < m; i++) {
    if (!isFirst[i]) continue;
    out.lo[p] = lo[i]!;
    out.hi[p] = hi[i]!;
    out.value[p++] = sum[i]!;
  }
  return out;
}

/**
 * Each node's column: by kind (TIER_OF); for a graph whose kinds were taken
 * from its shape (a file without kinds: attributes.kindsFromShape), by depth
 * instead, the longest chain of suppliers behind a node (nodes on a cycle
 * take the depth reached when the cycle is broken), so the chain reads left
 * to right as it runs.
 */
export function tiersOf(graph: SupplyGraph, keys: readonly string[]): { tierOf: number[]; count: number } {
  if ((graph.getAttributes() as { kindsFromShape?: unknown }).kindsFromShape !== true) {
    return { tierOf: keys.map((k) => TIER_OF[graph.getNodeAttribute(k, 'kind')] ?? 0), count: TIER_COUNT };
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  const depth = new Array<number>(keys.length).fill(0);
  const waiting = new Array<number>(keys.length).fill(0);
  graph.forEachEdge((_e, _a, source, target) => {
    if (source !== target) waiting[index.get(target)!]!++;
  });
  const queue: number[] = [];
  waiting.forEach((w, i) => w === 0 && queue.push(i));
  const done = new Array<boolean>(keys.length).fill(false);
  const visit = (i: number) => {
    done[i] = true;
    graph.forEachOutEdge(keys[i]!, (_e, _a, _s, target) => {
      const j = index.get(target)!;
      if (j === i || done[j]) return;
      depth[j] = Math.max(depth[j]!, depth[i]! + 1);
      if (--waiting[j]! === 0) queue.push(j);
    });
  };
  let head = 0;
  for (;;) {
    while (head < queue.length) {
      const i = queue[head++]!;
      if (!done[i]) visit(i);
    }
    // A cycle: start again from its first node not yet placed.
    const next = done.indexOf(false);
    if (next === -1) break;
    queue.push(next);
  }
  return { tierOf: depth, count: Math.max(...depth, 0) + 1 };
}

/** Weighted crossings between links spanning the same pair of columns (links that skip columns are counted per pair of end columns). */
export function crossings(pairs: [number, number, number][], tierOf: number[], pos: ArrayLike<number>): number {
  const bySpan = new Map<string, { a: number; b: number; w: number }[]>();
  for (const [u, v, w] of pairs) {
    const [a, b] = tierOf[u]! < tierOf[v]! ? [u, v] : [v, u];
    const span = `${tierOf[a]} ${tierOf[b]}`;
    let list = bySpan.get(span);
    if (!list) bySpan.set(span, (list = []));
    list.push({ a: pos[a]!, b: pos[b]!, w });
  }
  let total = 0;
  for (const list of bySpan.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const p = list[i]!;
        const q = list[j]!;
        if ((p.a - q.a) * (p.b - q.b) < 0) total += p.w * q.w;
      }
    }
  }
  return total;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Sorts `col` (node numbers) by `key[v]`, ties kept in their order: what `col.sort((a, b) => key[a] - key[b])` gives,
 * for keys of 0 or more, by a radix sort of the keys' bits (a comparator sort of a 50,000-node column, 48 times, was most
 * of a 100,000-node layout's time).
 */
export function stableSortBy(col: number[], key: Float64Array): void {
  const m = col.length;
  // The sweeps settle: a column already in order (often, after the first few) is left as it is.
  let sorted = true;
  for (let i = 1; i < m && sorted; i++) sorted = key[col[i - 1]!]! <= key[col[i]!]!;
  if (sorted) return;
  if (m < 64) {
    col.sort((a, b) => key[a]! - key[b]!);
    return;
  }
  // Non-negative doubles order as their bit patterns do: eight stable passes of a byte each, lowest first (a pass
  // where every key has the same byte, as the exponent's often are, is skipped).
  const bits = new Float64Array(m);
  const bytes = new Uint8Array(bits.buffer);
  const from = Int32Array.from(col);
  const count = new Int32Array(257);
  for (let i = 0; i < m; i++) bits[i] = key[from[i]!]!;
  let perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let next = new Int32Array(m);
  for (let pass = 0; pass < 8; pass++) {
    const byte = LITTLE_ENDIAN ? pass : 7 - pass;
    count.fill(0);
    for (let i = 0; i < m; i++) count[bytes[i * 8 + byte]! + 1]!++;
    if (count[bytes[byte]! + 1] === m) continue;
    for (let d = 1; d <= 256; d++) count[d]! += count[d - 1]!;
    for (let i = 0; i < m; i++) next[count[bytes[perm[i]! * 8 + byte]!]!++] = perm[i]!;
    [perm, next] = [next, perm];
  }
  for (let i = 0; i < m; i++) col[i] = from[perm[i]!]!;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
