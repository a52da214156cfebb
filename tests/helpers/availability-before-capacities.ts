// The loss propagator as it was before capacities (commit 6b8a1a5), kept to check that a run without floors is bit-for-bit what it was.
/**
 * Availability under a failure (metrics.md §2), computed as its complement,
 * the loss l(n) = 1 - a(n):
 *   l(n) = 1 if n failed; 0 for a raw source;
 *   l(n) = max over inputs c of  sum over suppliers e of share(e) * l(source(e)).
 * (Shares of one input sum to 1, so this is a(n) = min_c sum share * a.)
 * The greatest fixed point of a is the least fixed point of l: inside a
 * cycle, l starts at 0 and rises until nothing changes by more than 1e-12.
 *
 * Working in losses makes a failure sparse: only what lies downstream of a
 * failed node is visited, and nodes it does not reach keep a loss of exactly 0.
 */
import type { SupplyIndex } from '../../src/metrics/supply-index.ts';

export const FIXED_POINT_TOLERANCE = 1e-12;
const MAX_SWEEPS = 1_000_000;
/** Queued components beyond which a run stops using the heap and scans ranks upward (cheaper for a failure that reaches most of the graph). */
export const SCAN_FROM = 512;

export interface LossPropagator {
  /** Fails these nodes and propagates; read with `loss`, then `reset` before the next run. */
  run(failed: ArrayLike<number>): void;
  loss(node: number): number;
  reset(): void;
}

/** `scanFrom` overrides SCAN_FROM (tests set it low to check the scan on small graphs). */
export function createLossPropagator(ix: SupplyIndex, scanFrom = SCAN_FROM): LossPropagator {
  const { groupStart, outStart, outTarget, outGroup, outShare, compOf, compStart, compNodes, compCyclic } = ix;
  const loss = new Float64Array(ix.size);
  /** The loss a node has passed on to its customers' group sums so far. */
  const sent = new Float64Array(ix.size);
  /** Per input group: sum of share * loss over its suppliers, kept up to date by pushes. */
  const groupLoss = new Float64Array(groupStart[ix.size]!);
  const failedFlag = new Uint8Array(ix.size);
  const queued = new Uint8Array(compCyclic.length);
  // Typed stacks and heap, allocated once: a run that reaches the whole graph leaves no garbage.
  const touched = new Uint32Array(ix.size);
  let touchedCount = 0;
  const touchedGroups = new Uint32Array(groupLoss.length);
  let touchedGroupCount = 0;
  const heap = new MinHeap(compCyclic.length);
  let scanning = false;
  const queue = (c: number) => {
    if (queued[c]) return;
    queued[c] = 1;
    if (!scanning) heap.push(c);
  };
  const work = new Uint32Array(ix.size);
  const inWork = new Uint8Array(ix.size);

  const fromSuppliers = (v: number): number => {
    let worst = 0;
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) if (groupLoss[g]! > worst) worst = groupLoss[g]!;
    return worst > 1 ? 1 : worst;
  };
  const setLoss = (v: number, l: number) => {
    if (loss[v] === 0 && sent[v] === 0 && l !== 0) touched[touchedCount++] = v;
    loss[v] = l;
  };
  /**
   * Passes the rise of v's loss since last time to its customers' groups, and
   * queues their components; with `ownToo` false, customers in v's own component are
   * left out (their component is done). Ranks only rise, so the heap order holds.
   */
  const push = (v: number, ownToo: boolean) => {
    const d = loss[v]! - sent[v]!;
    if (d === 0) return;
    sent[v] = loss[v]!;
    const own = compOf[v]!;
    for (let o = outStart[v]!; o < outStart[v + 1]!; o++) {
      const w = outTarget[o]!;
      const c = compOf[w]!;
      if (c === own && !ownToo) continue;
      const g = outGroup[o]!;
      if (groupLoss[g] === 0) touchedGroups[touchedGroupCount++] = g;
      groupLoss[g]! += outShare[o]! * d;
      if (c !== own) queue(c);
    }
  };

  return {
    run(failed) {
      scanning = false;
      for (let k = 0; k < failed.length; k++) {
        const f = failed[k]!;
        failedFlag[f] = 1;
        setLoss(f, 1);
        queue(compOf[f]!);
      }
      let scan = 0;
      const count = compCyclic.length;
      for (;;) {
        let c: number;
        if (!scanning) {
          if (heap.size === 0) break;
          if (heap.size > scanFrom) {
            // The queued flags already mark every component in the heap.
            scanning = true;
            scan = heap.pop();
            heap.clear();
            c = scan++;
          } else c = heap.pop();
        } else {
          while (scan < count && !queued[scan]) scan++;
          if (scan >= count) break;
          c = scan++;
        }
        queued[c] = 0;
        if (!compCyclic[c]) {
          const v = compNodes[compStart[c]!]!;
          if (!failedFlag[v]) {
            const l = fromSuppliers(v);
            if (l === 0) continue;
            setLoss(v, l);
          }
          push(v, false);
          continue;
        }
        // A cycle: chaotic iteration from below to the least fixed point. A node
        // passes its loss on (and its customers in the cycle are evaluated again)
        // once it has risen by more than the tolerance.
        const start = compStart[c]!;
        const end = compStart[c + 1]!;
        const cap = end - start;
        let head = 0;
        let tail = 0;
        const enqueue = (v: number) => {
          inWork[v] = 1;
          work[tail % cap] = v;
          tail++;
        };
        for (let k = start; k < end; k++) {
          const v = compNodes[k]!;
          if (failedFlag[v]) push(v, true);
          else enqueue(v);
        }
        for (let steps = 0; head < tail && steps < MAX_SWEEPS * cap; steps++) {
          const v = work[head % cap]!;
          head++;
          inWork[v] = 0;
          const l = fromSuppliers(v);
          if (l <= loss[v]!) continue;
          setLoss(v, l);
          if (l - sent[v]! <= FIXED_POINT_TOLERANCE) continue;
          push(v, true);
          for (let o = outStart[v]!; o < outStart[v + 1]!; o++) {
            const w = outTarget[o]!;
            if (compOf[w] === c && !inWork[w] && !failedFlag[w]) enqueue(w);
          }
        }
        // What is still unsent goes to the components downstream.
        for (let k = start; k < end; k++) push(compNodes[k]!, false);
      }
    },
    loss: (v) => loss[v]!,
    reset() {
      for (let k = 0; k < touchedCount; k++) {
        const v = touched[k]!;
        loss[v] = 0;
        sent[v] = 0;
        failedFlag[v] = 0;
      }
      for (let k = 0; k < touchedGroupCount; k++) groupLoss[touchedGroups[k]!] = 0;
      touchedCount = 0;
      touchedGroupCount = 0;
    },
  };
}

/** a(n) for every node, with the given nodes failed. */
export function availability(ix: SupplyIndex, failed: ArrayLike<number>): Float64Array {
  const p = createLossPropagator(ix);
  p.run(failed);
  const a = new Float64Array(ix.size);
  for (let v = 0; v < ix.size; v++) a[v] = 1 - p.loss(v);
  return a;
}

/** A binary min-heap of component ranks, each at most once (the caller's queued flags see to it). */
class MinHeap {
  private readonly items: Uint32Array;
  private n = 0;
  constructor(capacity: number) {
    this.items = new Uint32Array(Math.max(1, capacity));
  }
  get size() {
    return this.n;
  }
  clear() {
    this.n = 0;
  }
  push(x: number) {
    const a = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= x) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a[--this.n]!;
    const n = this.n;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && a[r]! < a[l]! ? r : l;
        if (a[m]! >= last) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
