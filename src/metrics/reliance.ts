/**
 * Reliance (metrics.md §3): for a demand node d and a node set S,
 * reliance(d, S) = 1 - a(d) with F = S minus {d}; reported for every demand
 * node by country and by kind:country, for every set present in the graph.
 */
import { NODE_KINDS } from '../model/schema.ts';
import { createLossPropagator, type LossPropagator } from './availability.ts';
import { relianceByLanes } from './reliance-lanes.ts';
import { kindIndex } from './flow-table.ts';
import type { SupplyIndex } from './supply-index.ts';

export interface RelianceRow {
  demand: string;
  byCountry: Record<string, number>;
  byKindCountry: Record<string, number>;
}

export const demandNodes = (ix: SupplyIndex): number[] => {
  const demand = kindIndex('demand');
  const out: number[] = [];
  for (let v = 0; v < ix.size; v++) if (ix.kindOf[v] === demand) out.push(v);
  return out;
};

/** Node sets by country and by kind:country, keys sorted. */
export function relianceSets(ix: SupplyIndex): { byCountry: Map<string, number[]>; byKindCountry: Map<string, number[]> } {
  const byCountry = new Map<string, number[]>();
  const byKindCountry = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (let v = 0; v < ix.size; v++) {
    const country = ix.countries[ix.countryOf[v]!]!;
    push(byCountry, country, v);
    push(byKindCountry, `${NODE_KINDS[ix.kindOf[v]!]}:${country}`, v);
  }
  const sorted = (m: Map<string, number[]>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { byCountry: sorted(byCountry), byKindCountry: sorted(byKindCountry) };
}

export function computeReliance(ix: SupplyIndex, demands: number[] = demandNodes(ix)): RelianceRow[] {
  let p: LossPropagator | undefined;
  const sets = relianceSets(ix);
  const rows: RelianceRow[] = demands.map((d) => ({ demand: ix.keys[d]!, byCountry: {}, byKindCountry: {} }));
  for (const [field, map] of [['byCountry', sets.byCountry], ['byKindCountry', sets.byKindCountry]] as const) {
    const names = [...map.keys()];
    const lists = [...map.values()];
    const setOf = new Int32Array(ix.size).fill(-1);
    lists.forEach((list, s) => list.forEach((v) => (setOf[v] = s)));
    const values = relianceByLanes(ix, setOf, names.length, demands, (s, d) => {
      p ??= createLossPropagator(ix);
      p.run(lists[s]!.filter((v) => v !== d));
      const l = p.loss(d);
      p.reset();
      return l;
    });
    const D = demands.length;
    rows.forEach((row, i) => names.forEach((name, s) => (row[field][name] = values[s * D + i]!)));
  }
  return rows;
}
