/**
 * Concentration (metrics.md §5): for each input, over all its flows, the
 * shares of suppliers' firms and countries, with HHI, CR1, CR3, the top name
 * and a level. Inputs whose total is 0 are left out.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { adjacency, flowTable, type FlowTable } from './flow-table.ts';
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
 * Sums per input and holder, each input's flows taken in flow order into an array indexed by holder: the same
 * sums, in the same order, as adding up the flows one by one. (With a Map keyed by input × holders + holder, whose
 * names were then split out of its keys, a call at 1.5 million flows and 212,594 firms took 0.74 to 0.91 s; now 0.35
 * to 0.39 s.)
 */
export function concentrationOfTable(table: FlowTable, preset: LevelPreset = DEFAULT_LEVELS): ConcentrationRow[] {
  const { firmOf, firms, countryOf, countries, flowSource, flowInput, flowValue, inputs } = table;
  // Each input's flows, in flow order.
  const { start, flows: order } = adjacency(inputs.length, flowInput);
  const total = new Float64Array(inputs.length);
  const firmSums: Map<string, number>[] = [];
  const countrySums: Map<string, number>[] = [];
  const byFirm = holderSums(firms.length);
  const byCountry = holderSums(countries.length);
  for (let i = 0; i < inputs.length; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const f = order[k]!;
      const v = flowValue[f]!;
      total[i]! += v;
      byFirm.add(firmOf[flowSource[f]!]!, v);
      byCountry.add(countryOf[flowSource[f]!]!, v);
    }
    firmSums.push(byFirm.take(firms));
    countrySums.push(byCountry.take(countries));
  }
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

/** Sums by holder for one input at a time: `add` in flow order, then `take` names them and starts the next input. */
function holderSums(holders: number) {
  const sums = new Float64Array(holders);
  const held = new Uint8Array(holders);
  const touched: number[] = [];
  return {
    add(holder: number, v: number) {
      if (!held[holder]) {
        held[holder] = 1;
        touched.push(holder);
      }
      sums[holder]! += v;
    },
    take(names: readonly string[]): Map<string, number> {
      const out = new Map<string, number>();
      for (const h of touched) {
        out.set(names[h]!, sums[h]!);
        sums[h] = 0;
        held[h] = 0;
      }
      touched.length = 0;
      return out;
    },
  };
}
