/**
 * Single points of failure (metrics.md §4): for a demand node d and each node n
 * upstream of it, impact(n, d) = reliance(d, {n}). Every node with impact > 0,
 * by impact descending then key ascending; impact 1 (within 1e-9) is strict.
 */
import { createLossPropagator } from './availability.ts';
import { demandNodes } from './reliance.ts';
import type { SupplyIndex } from './supply-index.ts';

export const STRICT_TOLERANCE = 1e-9;

export interface Critical {
  key: string;
  impact: number;
  strict: boolean;
}
export interface SpofRow {
  demand: string;
  critical: Critical[];
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

export function computeSpof(ix: SupplyIndex, demands: number[] = demandNodes(ix)): SpofRow[] {
  const p = createLossPropagator(ix);
  const lists: Critical[][] = demands.map(() => []);
  for (const n of upstreamOf(ix, demands)) {
    p.run([n]);
    demands.forEach((d, i) => {
      if (d === n) return;
      const impact = p.loss(d);
      if (impact > 0) lists[i]!.push({ key: ix.keys[n]!, impact, strict: impact >= 1 - STRICT_TOLERANCE });
    });
    p.reset();
  }
  return demands.map((d, i) => ({
    demand: ix.keys[d]!,
    critical: lists[i]!.sort((a, b) => b.impact - a.impact || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  }));
}
