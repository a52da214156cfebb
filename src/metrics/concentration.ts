/**
 * Concentration (metrics.md §5): for each input, over all its flows, the
 * shares of suppliers' firms and countries, with HHI, CR1, CR3, the top name
 * and a level. Inputs whose total is 0 are left out.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { flowTable, type FlowTable } from './flow-table.ts';
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
  return concentrationOfTable(flowTable(graph), preset);
}

/**
 * Sums per input and holder keyed by numbers (input × holders + holder), in
 * flow order: the same sums, in the same order, as adding up the flows one by one.
 */
export function concentrationOfTable(table: FlowTable, preset: LevelPreset = DEFAULT_LEVELS): ConcentrationRow[] {
  const { firmOf, firms, countryOf, countries, flowSource, flowInput, flowValue, inputs } = table;
  const total = new Float64Array(inputs.length);
  const byFirm = new Map<number, number>();
  const byCountry = new Map<number, number>();
  const F = firms.length;
  const C = countries.length;
  for (let f = 0; f < flowSource.length; f++) {
    const input = flowInput[f]!;
    const v = flowValue[f]!;
    const source = flowSource[f]!;
    total[input]! += v;
    const fk = input * F + firmOf[source]!;
    byFirm.set(fk, (byFirm.get(fk) ?? 0) + v);
    const ck = input * C + countryOf[source]!;
    byCountry.set(ck, (byCountry.get(ck) ?? 0) + v);
  }
  /** Each input's holders with their sums, named. */
  const split = (sums: Map<number, number>, count: number, names: readonly string[]) => {
    const out = inputs.map(() => new Map<string, number>());
    for (const [k, v] of sums) out[Math.floor(k / count)]!.set(names[k % count]!, v);
    return out;
  };
  const firmSums = split(byFirm, F, firms);
  const countrySums = split(byCountry, C, countries);
  return inputs
    .map((input, i) => ({ input, i }))
    .filter(({ i }) => total[i]! > 0)
    .sort((x, y) => (x.input < y.input ? -1 : x.input > y.input ? 1 : 0))
    .map(({ input, i }) => ({
      input,
      total: total[i]!,
      byCompany: concentrationOf(firmSums[i]!, total[i]!, preset),
      byCountry: concentrationOf(countrySums[i]!, total[i]!, preset),
    }));
}
