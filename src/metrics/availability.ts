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
import type { SupplyIndex } from './supply-index.ts';

export const FIXED_POINT_TOLERANCE = 1e-12;
const MAX_SWEEPS = 1_000_000;

export interface LossPropagator {
  /** Fails these nodes and propagates; read with `loss`, then `reset` before the next run. */
  run(failed: ArrayLike<number>): void;
  loss(node: number): number;
  /** The loss a node would have from its suppliers if it had not failed itself. */
  lossFromSuppliers(node: number): number;
  reset(): void;
}

export function createLossPropagator(ix: SupplyIndex): LossPropagator {
  const { groupStart, memberStart, memberSource, memberShare, outStart, outTarget, compOf, compStart, compNodes, compCyclic } = ix;
  const loss = new Float64Array(ix.size);
  const failedFlag = new Uint8Array(ix.size);
  const queued = new Uint8Array(compCyclic.length);
  const touched: number[] = [];
  const heap = new MinHeap();

  const fromSuppliers = (v: number): number => {
    let worst = 0;
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
      let sum = 0;
      for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) sum += memberShare[m]! * loss[memberSource[m]!]!;
      if (sum > worst) worst = sum;
    }
    return worst > 1 ? 1 : worst;
  };
  /** Queues the components v supplies, other than its own (ranks only rise, so the heap order holds). */
  const queueCustomers = (v: number) => {
    const own = compOf[v]!;
    for (let o = outStart[v]!; o < outStart[v + 1]!; o++) {
      const c = compOf[outTarget[o]!]!;
      if (c !== own && !queued[c]) {
        queued[c] = 1;
        heap.push(c);
      }
    }
  };
  const setLoss = (v: number, l: number) => {
    if (loss[v] === 0 && l !== 0) touched.push(v);
    loss[v] = l;
  };

  return {
    run(failed) {
      for (let k = 0; k < failed.length; k++) {
        const f = failed[k]!;
        failedFlag[f] = 1;
        setLoss(f, 1);
        const c = compOf[f]!;
        if (!queued[c]) {
          queued[c] = 1;
          heap.push(c);
        }
      }
      while (heap.size > 0) {
        const c = heap.pop();
        queued[c] = 0;
        if (!compCyclic[c]) {
          const v = compNodes[compStart[c]!]!;
          if (!failedFlag[v]) {
            const l = fromSuppliers(v);
            if (l === 0) continue;
            setLoss(v, l);
          }
          queueCustomers(v);
          continue;
        }
        // A cycle: Gauss-Seidel sweeps from below to the least fixed point.
        const start = compStart[c]!;
        const end = compStart[c + 1]!;
        for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
          let change = 0;
          for (let k = start; k < end; k++) {
            const v = compNodes[k]!;
            if (failedFlag[v]) continue;
            const l = fromSuppliers(v);
            const d = l - loss[v]!;
            if (d > change) change = d;
            if (d !== 0) setLoss(v, l);
          }
          if (change <= FIXED_POINT_TOLERANCE) break;
        }
        for (let k = start; k < end; k++) {
          const v = compNodes[k]!;
          if (loss[v]! > 0) queueCustomers(v);
        }
      }
    },
    loss: (v) => loss[v]!,
    lossFromSuppliers: fromSuppliers,
    reset() {
      for (const v of touched) {
        loss[v] = 0;
        failedFlag[v] = 0;
      }
      touched.length = 0;
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

/** A binary min-heap of component ranks. */
class MinHeap {
  private items: number[] = [];
  get size() {
    return this.items.length;
  }
  push(x: number) {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
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
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const m = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[m]! >= last) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
