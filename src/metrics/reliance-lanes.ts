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
 *
 * This file walks the graph; the rows and the kernel that fills a node's row
 * from its suppliers' (in WebAssembly where it can) are lane-rows.ts's.
 */
import { FIXED_POINT_TOLERANCE } from './availability.ts';
import { laneRows, type LaneEngine } from './lane-rows.ts';
import type { SupplyIndex } from './supply-index.ts';

/** Lanes per sweep: wide enough to amortise the walk, small enough that a row stays in cache. */
export const LANES = 64;
const MAX_SWEEPS = 1_000_000;

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
  engine?: LaneEngine,
): Float64Array {
  const { size, compStart, compNodes, compCyclic } = ix;
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
  /**
   * Lanes are in order of their set's earliest member, so a node only carries
   * (its width) the lanes of sets with a member at or before its rank.
   */
  const rows = laneRows(ix, B, engine);
  const { loss, width, stride, spare } = rows;
  const demandAt = new Int32Array(size).fill(-1);
  demands.forEach((d, i) => (demandAt[d] = i));
  const late: [number, number][] = [];

  for (let first = 0; first < setCount; first += B) {
    const lanes = Math.min(B, setCount - first);
    loss.fill(0);
    width.fill(0);
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
        const base = v * stride;
        const any = rows.fromSuppliers(v, open, base);
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
          loss[v * stride + k] = 1;
          width[v] = open;
        }
      }
      for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
        let change = 0;
        for (let p = start; p < end; p++) {
          const v = compNodes[p]!;
          loss.fill(0, spare, spare + stride);
          if (!rows.fromSuppliers(v, open, spare)) continue;
          const k = laneOf(v);
          if (k >= 0) loss[spare + k] = 1;
          const base = v * stride;
          for (let j = 0; j < open; j++) {
            const rise = loss[spare + j]! - loss[base + j]!;
            if (rise > change) change = rise;
          }
          loss.copyWithin(base, spare, spare + open);
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
          else out[order[first + k]! * D + i] = loss[v * stride + k]!;
        }
      }
    }
  }
  for (const [s, i] of late) out[s * D + i] = fallback(s, demands[i]!);
  return out;
}
