/**
 * reliance(d, S) for many sets S at once (metrics.md §3). One sweep of the
 * graph in topological order carries a lane per set: a node's loss in lane k
 * is its loss when every node of set k fails. Per flow that is a few
 * multiply-adds in a row of contiguous lanes instead of a propagation per set
 * with its queues and bookkeeping, which made reliance the largest cost of a
 * report on big graphs (about 290 whole-graph propagations per scenario).
 *
 * The sets must not overlap (the countries, or the kind:country pairs, each
 * partition the nodes), so a node fails in at most one lane.
 */
import { FIXED_POINT_TOLERANCE, type LossPropagator } from './availability.ts';
import type { SupplyIndex } from './supply-index.ts';

/** Lanes per sweep: wide enough to amortise the walk, small enough that a row stays in cache. */
export const LANES = 64;

/**
 * The lanes' rows, kept from one call to the next: 51 MB at 100,000 nodes,
 * and a new buffer per call (a spof list makes several) made V8 run full
 * garbage collections of the whole heap to account for it.
 */
let kept: Float64Array | undefined;
function scratch(length: number): Float64Array {
  if (!kept || kept.length < length) kept = new Float64Array(length);
  return kept.subarray(0, length);
}
const MAX_SWEEPS = 1_000_000;

interface Kernel {
  groupStart: Uint32Array;
  memberStart: Uint32Array;
  memberSource: Uint32Array;
  memberShare: Float64Array;
  width: Uint16Array;
  loss: Float64Array;
  acc: Float64Array;
  B: number;
}

/**
 * A node's loss from its suppliers in lanes [0, w), written to `into` from
 * `at` (which holds zeros there); false when it is 0 in every lane. The first
 * input is summed straight into place; each further one apart (in `acc`),
 * keeping the larger lane by lane. `loss` holds B lanes per node, of which
 * the first `width` may be above 0.
 */
function fromSuppliers(K: Kernel, v: number, w: number, into: Float64Array, at: number): boolean {
  const { groupStart, memberStart, memberSource, memberShare, width, loss, acc, B } = K;
  let any = false;
  const g0 = groupStart[v]!;
  const g1 = groupStart[v + 1]!;
  for (let g = g0; g < g1; g++) {
    const direct = g === g0;
    let seen = false;
    const m1 = memberStart[g + 1]!;
    for (let m = memberStart[g]!; m < m1; m++) {
      const s = memberSource[m]!;
      const ws = width[s]!;
      if (ws === 0) continue;
      const share = memberShare[m]!;
      const from = s * B;
      if (direct) {
        for (let k = 0; k < ws; k++) into[at + k]! += share * loss[from + k]!;
      } else if (!seen) {
        // The first supplier of a further input sets its sums (no separate clearing pass).
        for (let k = 0; k < ws; k++) acc[k] = share * loss[from + k]!;
        for (let k = ws; k < w; k++) acc[k] = 0;
      } else {
        for (let k = 0; k < ws; k++) acc[k]! += share * loss[from + k]!;
      }
      seen = true;
    }
    if (!seen) continue;
    any = true;
    if (!direct) for (let k = 0; k < w; k++) if (acc[k]! > into[at + k]!) into[at + k] = acc[k]!;
  }
  if (any) for (let k = at; k < at + w; k++) if (into[k]! > 1) into[k] = 1;
  return any;
}

/**
 * out[s * demands.length + i] = reliance(demands[i], set s), where set s is
 * every node v with setOf[v] === s. A demand node on a cycle that is itself in
 * set s is answered by `fallback` (its own failure must be left out, and on a
 * cycle that changes what reaches it).
 */
export function relianceByLanes(
  ix: SupplyIndex,
  setOf: Int32Array,
  setCount: number,
  demands: readonly number[],
  fallback: (set: number, demand: number) => number,
): Float64Array {
  const { size, groupStart, memberStart, memberSource, memberShare, compStart, compNodes, compCyclic } = ix;
  const D = demands.length;
  const out = new Float64Array(setCount * D);
  if (setCount === 0 || D === 0) return out;
  // Sets in order of their earliest member: a sweep's sets then lie downstream together, and every node upstream of them is skipped.
  const earliest = new Uint32Array(setCount).fill(0xffffffff);
  for (let v = 0; v < size; v++) {
    const s = setOf[v]!;
    if (s >= 0 && ix.compOf[v]! < earliest[s]!) earliest[s] = ix.compOf[v]!;
  }
  const order = Array.from({ length: setCount }, (_, s) => s).sort((a, b) => earliest[a]! - earliest[b]! || a - b);
  const laneRank = new Int32Array(setCount);
  order.forEach((s, r) => (laneRank[s] = r));
  const sweeps = Math.ceil(setCount / LANES);
  const B = Math.ceil(setCount / sweeps);
  const loss = scratch(size * B);
  /**
   * How many leading lanes of a node's row may be above 0; 0 when none is.
   * Lanes are in order of their set's earliest member, so a node only carries
   * the lanes of sets with a member at or before its rank.
   */
  const width = new Uint16Array(size);
  const row = new Float64Array(B);
  const acc = new Float64Array(B);
  const demandAt = new Int32Array(size).fill(-1);
  demands.forEach((d, i) => (demandAt[d] = i));
  const late: [number, number][] = [];

  const K: Kernel = { groupStart, memberStart, memberSource, memberShare, width, loss, acc, B };

  for (let first = 0; first < setCount; first += B) {
    const lanes = Math.min(B, setCount - first);
    loss.fill(0);
    if (first > 0) width.fill(0);
    const laneOf = (v: number) => {
      const s = setOf[v]!;
      const k = s < 0 ? -1 : laneRank[s]! - first;
      return k >= 0 && k < lanes ? k : -1;
    };
    /** Lanes whose set has a member at or before the current rank. */
    let open = 0;
    for (let c = 0; c < compCyclic.length; c++) {
      while (open < lanes && earliest[order[first + open]!]! <= c) open++;
      if (open === 0) continue;
      const start = compStart[c]!;
      const end = compStart[c + 1]!;
      if (!compCyclic[c]) {
        const v = compNodes[start]!;
        const base = v * B;
        const any = fromSuppliers(K, v, open, loss, base);
        const i = demandAt[v]!;
        // Off a cycle, d's own failure cannot reach back to it: its loss from its suppliers is the answer either way.
        if (i >= 0 && any) for (let k = 0; k < open; k++) out[order[first + k]! * D + i] = loss[base + k]!;
        const k = laneOf(v);
        if (k >= 0) loss[base + k] = 1;
        if (any || k >= 0) width[v] = open;
        continue;
      }
      // A cycle: Gauss-Seidel sweeps from 0 up to the least fixed point of the losses.
      for (let p = start; p < end; p++) {
        const v = compNodes[p]!;
        const k = laneOf(v);
        if (k >= 0) {
          loss[v * B + k] = 1;
          width[v] = open;
        }
      }
      for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
        let change = 0;
        for (let p = start; p < end; p++) {
          const v = compNodes[p]!;
          row.fill(0, 0, open);
          if (!fromSuppliers(K, v, open, row, 0)) continue;
          const k = laneOf(v);
          if (k >= 0) row[k] = 1;
          const base = v * B;
          for (let j = 0; j < open; j++) {
            const rise = row[j]! - loss[base + j]!;
            if (rise > change) change = rise;
          }
          for (let j = 0; j < open; j++) loss[base + j] = row[j]!;
          width[v] = open;
        }
        if (change <= FIXED_POINT_TOLERANCE) break;
      }
      for (let p = start; p < end; p++) {
        const v = compNodes[p]!;
        const i = demandAt[v]!;
        if (i < 0) continue;
        const own = laneOf(v);
        for (let k = 0; k < open; k++) {
          if (k === own) late.push([order[first + k]!, i]);
          else out[order[first + k]! * D + i] = loss[v * B + k]!;
        }
      }
    }
  }
  for (const [s, i] of late) out[s * D + i] = fallback(s, demands[i]!);
  return out;
}
