/**
 * Betweenness centrality for the app's "size by betweenness" (not a figure of
 * the report): Brandes' algorithm on the directed flows, run source by source
 * so that its worker can report progress between slices and be stopped. Exact
 * up to BETWEENNESS_EXACT_NODES nodes; above, estimated from
 * BETWEENNESS_SAMPLES sources spread over the graph (Brandes & Pich 2007), the
 * sums scaled by nodes / sources, and the app says so. Normalized as
 * graphology's `betweenness(graph, { normalized: true })`: 1 / ((n − 1)(n − 2)).
 * Parallel flows count as separate paths, as in graphology.
 */

/** The flows as compressed rows: the targets of node i are `targets[offsets[i] .. offsets[i + 1])`. */
export interface FlowArrays {
  order: number;
  offsets: Uint32Array;
  targets: Uint32Array;
}

/**
 * Exact up to this many nodes: one search per node, n × m steps (about 0.5 s in the worker at
 * 10,000 nodes and 50,000 flows, 2 s at 20,000 / 100,000; minutes at 100,000 / 500,000).
 */
export const BETWEENNESS_EXACT_NODES = 20_000;
/** Sources of the estimate above that size (a twentieth of the work of an exact run at 20,000 nodes). */
export const BETWEENNESS_SAMPLES = 1000;

/** Node keys and flows (source and target keys) to compressed rows; flows with an unknown end are skipped. */
export function flowArrays(keys: string[], flows: { source: string; target: string }[]): FlowArrays {
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = new Uint32Array(keys.length + 1);
  const ends: number[] = [];
  for (const f of flows) {
    const s = index.get(f.source);
    const t = index.get(f.target);
    if (s === undefined || t === undefined) continue;
    counts[s + 1]!++;
    ends.push(s, t);
  }
  for (let i = 0; i < keys.length; i++) counts[i + 1]! += counts[i]!;
  const offsets = counts.slice();
  const fill = counts.slice(0, keys.length);
  const targets = new Uint32Array(ends.length / 2);
  for (let j = 0; j < ends.length; j += 2) targets[fill[ends[j]!]!++] = ends[j + 1]!;
  return { order: keys.length, offsets, targets };
}

/** Every node up to the exact size; above, `samples` nodes at an even stride (deterministic). */
export function betweennessSources(order: number, exactNodes = BETWEENNESS_EXACT_NODES, samples = BETWEENNESS_SAMPLES): Uint32Array {
  if (order <= exactNodes) return Uint32Array.from({ length: order }, (_v, i) => i);
  const k = Math.min(samples, order);
  return Uint32Array.from({ length: k }, (_v, i) => Math.floor((i * order) / k));
}

/** Scratch space of one run, reused from source to source. */
export interface Brandes {
  readonly flows: FlowArrays;
  /** The sums so far, one per node. */
  readonly sums: Float64Array;
  readonly sigma: Float64Array;
  readonly dist: Int32Array;
  readonly delta: Float64Array;
  readonly stack: Uint32Array;
  readonly queue: Uint32Array;
}

export function startBrandes(flows: FlowArrays): Brandes {
  const n = flows.order;
  return { flows, sums: new Float64Array(n), sigma: new Float64Array(n), dist: new Int32Array(n), delta: new Float64Array(n), stack: new Uint32Array(n), queue: new Uint32Array(n) };
}

/** Adds the dependencies of one source (a breadth-first search, then the accumulation back). */
export function addSource(b: Brandes, source: number): void {
  const { offsets, targets } = b.flows;
  const { sigma, dist, delta, stack, queue, sums } = b;
  sigma.fill(0);
  dist.fill(-1);
  delta.fill(0);
  sigma[source] = 1;
  dist[source] = 0;
  let head = 0;
  let tail = 0;
  let top = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++]!;
    stack[top++] = v;
    const dv = dist[v]! + 1;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = targets[j]!;
      if (dist[w] === -1) {
        dist[w] = dv;
        queue[tail++] = w;
      }
      if (dist[w] === dv) sigma[w]! += sigma[v]!;
    }
  }
  // Back from the farthest: a node's dependency is pulled from its successors on shortest paths (already final).
  while (top > 0) {
    const v = stack[--top]!;
    const dv = dist[v]! + 1;
    let d = 0;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = targets[j]!;
      if (dist[w] === dv) d += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
    }
    delta[v] = d;
    if (v !== source) sums[v]! += d;
  }
}

/** The values by node, from the sums of `sources` sources. */
export function finishBrandes(b: Brandes, sources: number): Float64Array {
  const n = b.flows.order;
  const scale = (sources > 0 ? n / sources : 0) * (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1);
  return b.sums.map((x) => x * scale);
}
