/**
 * Single points of failure (metrics.md §4): for a demand node d and each node n
 * upstream of it, impact(n, d) = reliance(d, {n}). Every node with impact > 0,
 * by impact descending then key ascending; impact 1 (within 1e-9) is strict.
 *
 * Exact by default: one sparse propagation per upstream node, in which a node
 * only visits what lies downstream of it. Two shortcuts keep it exact:
 * a node on no cycle whose flows all go into one input of one customer on no
 * cycle loses each demand node exactly its share times what that customer's
 * failure loses it (losses are positively homogeneous), so customers are done
 * first and such nodes cost no propagation. With a limit (`top`, `threshold`),
 * the upper bounds of spof-bound.ts skip the nodes that provably cannot make
 * the list; the nodes that can are still computed exactly.
 */
import { createLossPropagator } from './availability.ts';
import { demandNodes } from './reliance.ts';
import { LANES, relianceByLanes } from './reliance-lanes.ts';
import { impactBounds } from './spof-bound.ts';
import type { SupplyIndex } from './supply-index.ts';

export const STRICT_TOLERANCE = 1e-9;
/** Room for rounding, and for the fixed point's tolerance in cycles, when a bound is compared with an exact impact. */
const slack = (bound: number) => bound * (1 + 1e-9) + 1e-11;

export interface Critical {
  key: string;
  impact: number;
  strict: boolean;
}
export interface SpofRow {
  demand: string;
  critical: Critical[];
}

/** A cut list: only impacts of at least `threshold`, and/or only the `top` largest per demand node. */
export interface SpofLimit {
  top?: number;
  threshold?: number;
}
/** Exact lists up to this many upstream nodes; beyond, the report's default is SPOF_AUTO_LIMIT. */
export const SPOF_EXACT_NODES = 2_000;
export const SPOF_AUTO_LIMIT: Readonly<SpofLimit> = { top: 20 };

export interface SpofResult {
  rows: SpofRow[];
  /** True when the lists were cut (by a limit, or by `auto`). */
  limited: boolean;
  /** Upstream nodes of the demand nodes, and how many of them were computed exactly (the rest were proved below the cut). */
  upstream: number;
  evaluated: number;
}

/** Nodes with a positive-share path to any of the targets. */
export function upstreamOf(ix: SupplyIndex, targets: number[]): number[] {
  const seen = new Uint8Array(ix.size);
  const stack = [...targets];
  const out: number[] = [];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let g = ix.groupStart[v]!; g < ix.groupStart[v + 1]!; g++) {
      for (let m = ix.memberStart[g]!; m < ix.memberStart[g + 1]!; m++) {
        const s = ix.memberSource[m]!;
        if (!seen[s]) {
          seen[s] = 1;
          out.push(s);
          stack.push(s);
        }
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * The one customer and share through which a node's whole failure passes,
 * when the shortcut applies: n and its customer on no cycle, every flow of n
 * into one input of that customer. Otherwise undefined.
 */
function soleCustomer(ix: SupplyIndex, n: number): { target: number; share: number } | undefined {
  const { outStart, outTarget, outGroup, outShare, compOf, compCyclic } = ix;
  const o0 = outStart[n]!;
  const o1 = outStart[n + 1]!;
  if (compCyclic[compOf[n]!] || o0 === o1) return undefined;
  const t = outTarget[o0]!;
  const g = outGroup[o0]!;
  if (compCyclic[compOf[t]!]) return undefined;
  // n's own customer entries (in the order of t's members): no walk of t's suppliers, which a big buyer has thousands of.
  let share = 0;
  for (let o = o0; o < o1; o++) {
    if (outTarget[o] !== t || outGroup[o] !== g) return undefined;
    share += outShare[o]!;
  }
  return { target: t, share };
}

/**
 * How many nodes each demand node asks for at least, per round of a cut list.
 * A round's sweep of lanes costs mostly its walk of the graph, not its lanes,
 * so asking for more than may be needed is cheaper than another round: 16
 * instead of 4 took the 100,000-node list from 0.79 to 0.53 s (10 demand nodes, timed alone after a load).
 */
const ROUND_AHEAD = 16;

const byImpactThenKey = (a: Critical, b: Critical) => b.impact - a.impact || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function computeSpof(ix: SupplyIndex, demands: number[] = demandNodes(ix)): SpofRow[] {
  return computeSpofLimited(ix, {}, demands).rows;
}

/** With `auto: N`, the limit applies only when there are more than N upstream nodes. */
export function computeSpofLimited(ix: SupplyIndex, options: SpofLimit & { auto?: number }, demands: number[] = demandNodes(ix)): SpofResult {
  const upstream = upstreamOf(ix, demands);
  const limit: SpofLimit = options.auto !== undefined && upstream.length <= options.auto ? {} : options;
  const limited = limit.top !== undefined || limit.threshold !== undefined;
  const threshold = limit.threshold ?? 0;

  // Exact impacts, customers first so that the sole-customer shortcut finds what it needs.
  const p = createLossPropagator(ix);
  const demandPos = new Map(demands.map((d, i) => [d, i]));
  const impacts = new Map<number, Float64Array>();
  const evaluate = (n: number): Float64Array => {
    let out = impacts.get(n);
    if (out) return out;
    out = new Float64Array(demands.length);
    const sole = soleCustomer(ix, n);
    const known = sole && impacts.get(sole.target);
    if (sole && known) {
      // impact(t, t) is 1 when t is itself a demand node.
      const self = demandPos.get(sole.target);
      for (let i = 0; i < demands.length; i++) out[i] = sole.share * (i === self ? 1 : known[i]!);
    } else {
      p.run([n]);
      for (let i = 0; i < demands.length; i++) out[i] = p.loss(demands[i]!);
      p.reset();
    }
    impacts.set(n, out);
    return out;
  };
  const byRankDown = (a: number, b: number) => ix.compOf[b]! - ix.compOf[a]! || a - b;

  /**
   * Exact impacts of many nodes in sweeps of lanes (reliance-lanes.ts, a set of
   * one node per lane): for nodes that reach much of the graph, far cheaper than
   * a propagation each. impact(n, n) is 1, as in `evaluate`.
   */
  const evaluateMany = (nodes: number[]) => {
    // Nodes the sole-customer shortcut settles need their customer first (which may need its own); the rest go to lanes.
    const viaCustomer: number[] = [];
    const inLanes: number[] = [];
    const seen = new Set<number>();
    const visit = (n: number) => {
      for (let v: number | undefined = n; v !== undefined && !impacts.has(v) && !seen.has(v); ) {
        seen.add(v);
        const sole = soleCustomer(ix, v);
        if (sole) viaCustomer.push(v);
        else inLanes.push(v);
        v = sole?.target;
      }
    };
    nodes.forEach(visit);
    // Nodes of close ranks share a sweep, which starts at the earliest of them.
    inLanes.sort((a, b) => ix.compOf[a]! - ix.compOf[b]! || a - b);
    for (let from = 0; from < inLanes.length; from += LANES) {
      const batch = inLanes.slice(from, from + LANES);
      if (batch.length <= 2) {
        batch.forEach(evaluate);
        continue;
      }
      const setOf = new Int32Array(ix.size).fill(-1);
      batch.forEach((n, j) => (setOf[n] = j));
      const values = relianceByLanes(ix, setOf, batch.length, demands, () => 1);
      batch.forEach((n, j) => {
        const out = values.slice(j * demands.length, (j + 1) * demands.length);
        const self = demandPos.get(n);
        if (self !== undefined) out[self] = 1;
        impacts.set(n, out);
      });
    }
    viaCustomer.sort(byRankDown).forEach(evaluate);
  };

  // With a limit: bounds (exact for nodes on cycles), and only the nodes whose bound reaches the threshold.
  if (limited) evaluateMany(upstream.filter((n) => ix.compCyclic[ix.compOf[n]!]));
  const bounds = limited ? impactBounds(ix, demands, evaluate) : [];
  const maxBound = (n: number) => slack(bounds.reduce((m, b) => Math.max(m, b[n]!), 0));
  const candidates = limited && threshold > 0 ? upstream.filter((n) => maxBound(n) >= threshold) : upstream;

  const lists: Critical[][] = demands.map(() => []);
  const push = (i: number, n: number, impact: number) => {
    if (impact > 0 && impact >= threshold) lists[i]!.push({ key: ix.keys[n]!, impact, strict: impact >= 1 - STRICT_TOLERANCE });
  };
  if (limit.top === undefined) {
    const order = [...candidates].sort(byRankDown);
    if (limited) evaluateMany(order.filter((n) => !soleCustomer(ix, n)));
    for (const n of order) {
      const out = evaluate(n);
      demands.forEach((d, i) => d !== n && push(i, n, out[i]!));
    }
    lists.forEach((l) => l.sort(byImpactThenKey));
  } else {
    // Per demand node: in order of bound, until the top-th exact impact beats every remaining bound.
    // Rounds: each demand node names the next nodes it cannot do without, and they are computed together.
    const top = limit.top;
    const orders = demands.map((d, i) => new ByBound(candidates.filter((n) => n !== d && bounds[i]![n]! > 0), bounds[i]!));
    const at = demands.map(() => 0);
    const found: Critical[][] = demands.map(() => []);
    const done = demands.map(() => false);
    for (;;) {
      const wanted: number[] = [];
      demands.forEach((_d, i) => {
        const order = orders[i]!;
        while (!done[i]) {
          if (!order.has(at[i]!)) {
            done[i] = true;
            break;
          }
          const n = order.at(at[i]!);
          const list = found[i]!;
          if (list.length >= top && list[top - 1]!.impact > slack(bounds[i]![n]!)) {
            done[i] = true;
            break;
          }
          const known = impacts.get(n);
          if (!known) {
            // The next few this demand node may need, in order of bound.
            for (let k = at[i]!; order.has(k) && k < at[i]! + Math.max(ROUND_AHEAD, top - list.length); k++) wanted.push(order.at(k));
            break;
          }
          at[i]!++;
          const impact = known[i]!;
          if (impact > 0 && impact >= threshold) {
            list.push({ key: ix.keys[n]!, impact, strict: impact >= 1 - STRICT_TOLERANCE });
            list.sort(byImpactThenKey);
          }
        }
      });
      if (wanted.length === 0) break;
      evaluateMany(wanted);
    }
    found.forEach((list, i) => (lists[i] = list.slice(0, top)));
  }
  return {
    rows: demands.map((d, i) => ({ demand: ix.keys[d]!, critical: lists[i]! })),
    limited,
    upstream: upstream.length,
    evaluated: impacts.size,
  };
}

/**
 * Nodes in order of bound, largest first (ties: smaller index), sorted only as
 * far as asked: a cut list reads the first few dozen of thousands, and a full
 * sort per demand node cost more than the list itself on big graphs.
 */
class ByBound {
  private readonly heap: number[];
  private readonly sorted: number[] = [];
  constructor(
    nodes: number[],
    private readonly bound: Float64Array,
  ) {
    this.heap = nodes;
    for (let i = (nodes.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  /** Whether there is a k-th node (0-based). */
  has(k: number): boolean {
    this.fill(k);
    return k < this.sorted.length;
  }
  at(k: number): number {
    this.fill(k);
    return this.sorted[k]!;
  }
  private fill(k: number) {
    const h = this.heap;
    while (this.sorted.length <= k && h.length > 0) {
      this.sorted.push(h[0]!);
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        this.down(0);
      }
    }
  }
  private before(a: number, b: number): boolean {
    const x = this.bound[a]!;
    const y = this.bound[b]!;
    return x > y || (x === y && a < b);
  }
  private down(i: number) {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) return;
      const r = l + 1;
      const m = r < h.length && this.before(h[r]!, h[l]!) ? r : l;
      if (!this.before(h[m]!, h[i]!)) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
