/**
 * The default graph's case figures, read from the engines the CLI and the app
 * use: the robustness engine (robustness.md: each figure and delta, exactly
 * under every variant, with its draws) and the shocks engine (metrics.md §8,
 * `chokepoint shock`). For the corpus tests of the case and of the tables the
 * READMEs quote.
 */
import type { SupplyGraph } from '../../src/model/graph.ts';
import { computeRobustness, type RobustFigure, type RobustnessOptions } from '../../src/robustness/engine.ts';
import { buildShockReport } from '../../src/report/shock-report.ts';
import { shocksOf } from '../../src/scenarios/shock-hits.ts';

export interface CaseFigures {
  /** The robustness figure of `demand` on `set` in `scenario` ('baseline' or a scenario id). */
  figure(demand: string, set: string, scenario: string): RobustFigure;
  /** reliance(demand, set) in `scenario` (undefined: baseline) under `variant` (undefined: the file's own reading). */
  value(variant: string | undefined, scenario: string | undefined, demand: string, set?: string): number;
  /** The scenario's change of reliance(demand, set) under `variant`. */
  delta(variant: string | undefined, scenario: string, demand: string, set?: string): number;
  /** lost(demand, shock) in `scenario` (undefined: baseline), the file's own reading. */
  lost(scenario: string | undefined, demand: string, shock: string): number;
}

/** Runs both engines once; `sets` are the reliance sets the tests read (default foundry:TW and TW). */
export function caseFigures(graph: SupplyGraph, options: Pick<RobustnessOptions, 'sets' | 'draws' | 'swings'> = {}): CaseFigures {
  const robustness = computeRobustness(graph, { swings: 0, ...options });
  const shocks = buildShockReport(graph, shocksOf(graph));
  const figure = (demand: string, set: string, scenario: string) => {
    const f = robustness.figures.find((x) => x.demand === demand && x.set === set && x.scenario === scenario);
    if (!f) throw new Error(`no figure for ${demand} on ${set} in ${scenario}`);
    return f;
  };
  const value = (variant: string | undefined, scenario: string | undefined, demand: string, set = 'foundry:TW') => {
    const f = figure(demand, set, scenario ?? 'baseline');
    if (variant === undefined) return f.point;
    const v = f.variants[variant];
    if (v === undefined) throw new Error(`no variant ${variant}`);
    return typeof v === 'number' ? v : v.value;
  };
  const delta = (variant: string | undefined, scenario: string, demand: string, set = 'foundry:TW') =>
    value(variant, scenario, demand, set) - value(variant, undefined, demand, set);
  const lost = (scenario: string | undefined, demand: string, shock: string) => {
    const s = shocks.scenarios.find((x) => x.id === (scenario ?? 'baseline'));
    const cost = s?.shocks.find((x) => x.id === shock);
    const v = cost?.lost[demand];
    if (v === undefined) throw new Error(`no loss of ${demand} to ${shock} in ${scenario ?? 'baseline'}`);
    return v;
  };
  return { figure, value, delta, lost };
}
