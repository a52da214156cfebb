/**
 * The figures robustness studies (robustness.md §2): reliance(d, S) of
 * metrics.md §3 for chosen demand nodes d and sets S (`foundry:TW` or `TW`),
 * on any supply index, with one propagation per set for the demand nodes
 * outside it and one more for each demand node inside it.
 */
import { NODE_KINDS } from '../model/schema.ts';
import type { LossPropagator } from '../metrics/availability.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';

/** The nodes of a set `K:C` (kind and country) or `C` (country) in an index. */
export function setNodes(ix: SupplyIndex, set: string): number[] {
  const [kind, country] = set.includes(':') ? (set.split(':') as [string, string]) : [undefined, set];
  const k = kind === undefined ? -1 : (NODE_KINDS as readonly string[]).indexOf(kind);
  const out: number[] = [];
  for (let v = 0; v < ix.size; v++) {
    if (ix.countries[ix.countryOf[v]!] !== country) continue;
    if (kind !== undefined && ix.kindOf[v] !== k) continue;
    out.push(v);
  }
  return out;
}

/** What a figure run needs of one index: each set's nodes and each demand's node (-1 where the index lacks it). */
export interface FigurePlan {
  readonly sets: number[][];
  readonly demands: Int32Array;
}

export function planFigures(ix: SupplyIndex, demands: readonly string[], sets: readonly string[]): FigurePlan {
  return { sets: sets.map((s) => setNodes(ix, s)), demands: Int32Array.from(demands, (d) => ix.indexOf.get(d) ?? -1) };
}

/**
 * reliance(d, S) for every set (outer) and demand (inner) into `out` at
 * `set * demands + demand`; 0 where d is absent or S is empty. `onRun` sees the
 * propagator after each run, before it is reset (swings use it to find the nodes a loss reaches).
 */
export function computeFigures(p: LossPropagator, plan: FigurePlan, out: Float64Array, onRun?: (p: LossPropagator) => void): Float64Array {
  const D = plan.demands.length;
  plan.sets.forEach((nodes, s) => {
    const inSet = new Set(nodes);
    let shared = false;
    for (let i = 0; i < D; i++) {
      const d = plan.demands[i]!;
      if (d < 0 || nodes.length === 0) out[s * D + i] = 0;
      else if (!inSet.has(d)) {
        if (!shared) {
          p.run(nodes);
          shared = true;
          onRun?.(p);
        }
        out[s * D + i] = p.loss(d);
      }
    }
    if (shared) p.reset();
    for (let i = 0; i < D; i++) {
      const d = plan.demands[i]!;
      if (d < 0 || !inSet.has(d)) continue;
      p.run(nodes.filter((v) => v !== d));
      onRun?.(p);
      out[s * D + i] = p.loss(d);
      p.reset();
    }
  });
  return out;
}
