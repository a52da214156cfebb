/**
 * An upper bound on every single-point-of-failure impact, for all nodes at
 * once, with one backward pass per demand node (no failure is propagated).
 *
 * Losses are sublinear in what enters them (a max of sums), so for a node v
 * on no cycle whose customers are on no cycle either,
 *   impact(v, d) <= sum over v's flows e of share(e) * impact(target(e), d),
 * and impact is at most 1. A cycle can amplify a loss, so a flow into a node t
 * on a cycle counts as t's whole impact (failing t outright loses at least
 * as much as any loss fed into it): with `exact`, the exact impacts of the
 * nodes on cycles, that is the bound; without, nodes on a cycle or supplying
 * one get the trivial bound 1 when they reach d. The bound
 * proves a node's impact small without computing it: `--spof-threshold` and
 * `--spof-top` use it to skip exact runs that cannot change the list.
 */
import type { SupplyIndex } from './supply-index.ts';

/** bound[i][v]: an upper bound on impact(v, demands[i]); 0 where v does not reach it. */
export function impactBounds(ix: SupplyIndex, demands: readonly number[], exact?: (v: number) => Float64Array): Float64Array[] {
  const { size, groupStart, memberStart, memberSource, memberShare, outStart, outTarget, compOf, compStart, compNodes, compCyclic } = ix;
  const feedsCycle = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    for (let o = outStart[v]!; o < outStart[v + 1]!; o++) if (compCyclic[compOf[outTarget[o]!]!]) feedsCycle[v] = 1;
  }
  const acc = new Float64Array(size);
  const reaches = new Uint8Array(size);
  return demands.map((d, i) => {
    const w = new Float64Array(size);
    acc.fill(0);
    reaches.fill(0);
    // Customers before suppliers: components from the last rank down.
    for (let c = compCyclic.length - 1; c >= 0; c--) {
      const start = compStart[c]!;
      const end = compStart[c + 1]!;
      let reached = false;
      if (compCyclic[c]) {
        for (let k = start; k < end; k++) if (reaches[compNodes[k]!] || compNodes[k] === d) reached = true;
        for (let k = start; k < end; k++) {
          const v = compNodes[k]!;
          w[v] = !reached ? 0 : v === d ? 1 : exact ? exact(v)[i]! : 1;
        }
      } else {
        const v = compNodes[start]!;
        // A reaching node keeps a bound above 0 even where the product of shares underflows.
        w[v] = v === d ? 1 : !reaches[v] ? 0 : feedsCycle[v] && !exact ? 1 : Math.min(1, Math.max(acc[v]!, Number.MIN_VALUE));
        reached = w[v]! > 0;
      }
      if (!reached) continue;
      for (let k = start; k < end; k++) {
        const t = compNodes[k]!;
        const wt = w[t]!;
        for (let g = groupStart[t]!; g < groupStart[t + 1]!; g++) {
          for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) {
            const s = memberSource[m]!;
            // Into a cycle: not scaled by the share (see above).
            acc[s]! += compCyclic[c] ? wt : memberShare[m]! * wt;
            reaches[s] = 1;
          }
        }
      }
    }
    return w;
  });
}
