/**
 * Concentration (metrics.md §5): for each input, over all its flows, the
 * shares of suppliers' firms and countries, with HHI, CR1, CR3, the top name
 * and a level. Inputs whose total is 0 are left out.
 */
import { firmOf, type SupplyGraph } from '../model/graph.ts';
import { DEFAULT_LEVELS, levelOf, type Level, type LevelPreset } from './levels.ts';

export interface ConcentrationFigures {
  hhi: number;
  cr1: number;
  cr3: number;
  top: { name: string; share: number };
  level: Level;
  /** Every holder's share, largest first (ties: smaller name first). */
  shares: { name: string; share: number }[];
}
export interface ConcentrationRow {
  input: string;
  total: number;
  byCompany: ConcentrationFigures;
  byCountry: ConcentrationFigures;
}

const byShareThenName = (a: { name: string; share: number }, b: { name: string; share: number }) =>
  b.share - a.share || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** HHI and friends from totals per holder; `total` must be > 0. */
export function concentrationOf(totals: Map<string, number>, total: number, preset: LevelPreset = DEFAULT_LEVELS): ConcentrationFigures {
  const shares = [...totals].map(([name, v]) => ({ name, share: v / total })).sort(byShareThenName);
  let hhi = 0;
  for (const { share } of shares) hhi += (100 * share) ** 2;
  const cr1 = shares[0]?.share ?? 0;
  const cr3 = shares.slice(0, 3).reduce((s, x) => s + x.share, 0);
  return { hhi, cr1, cr3, top: { ...shares[0]! }, level: levelOf(hhi, preset), shares };
}

export function computeConcentration(graph: SupplyGraph, preset: LevelPreset = DEFAULT_LEVELS): ConcentrationRow[] {
  const acc = new Map<string, { total: number; firms: Map<string, number>; countries: Map<string, number> }>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  graph.forEachEdge((_e, attrs, source, _target, sourceAttrs) => {
    let a = acc.get(attrs.input);
    if (!a) acc.set(attrs.input, (a = { total: 0, firms: new Map(), countries: new Map() }));
    a.total += attrs.value;
    add(a.firms, firmOf(source, sourceAttrs), attrs.value);
    add(a.countries, sourceAttrs.country, attrs.value);
  });
  return [...acc]
    .filter(([, a]) => a.total > 0)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([input, a]) => ({
      input,
      total: a.total,
      byCompany: concentrationOf(a.firms, a.total, preset),
      byCountry: concentrationOf(a.countries, a.total, preset),
    }));
}
