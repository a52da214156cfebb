/**
 * The report's `robustness` object (robustness.md §6): computed for the
 * report's own focus (its demand nodes and reliance sets) and scenarios,
 * present when any flow or operation has a range (with the default
 * half-width, if asked) or the file has variants.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { computeRobustness, hasRobustness, type RobustFigure, type RobustnessOptions } from '../robustness/engine.ts';
import { fig, pointer, type Segment } from './fig.ts';
import { pct, pp } from './format.ts';
import type { Report } from './model.ts';
import { chosenDemand } from './report-paths.ts';

export type ReportRobustnessOptions = Pick<RobustnessOptions, 'draws' | 'seed' | 'swings' | 'uncertainty'>;

export function withRobustness(report: Report, graph: SupplyGraph, options: ReportRobustnessOptions = {}): Report {
  if (!hasRobustness(graph, options.uncertainty)) return report;
  const scenarios = report.scenarios.slice(1).map((s) => s.id);
  const robustness = computeRobustness(graph, { ...options, demand: chosenDemand(report), sets: report.focus.reliance, scenarios });
  return { ...report, robustness };
}

/** The studied figure of a headline row, if the report has one. */
export function robustFigure(report: Report, demand: string, set: string, scenario: string): RobustFigure | undefined {
  return report.robustness?.figures.find((f) => f.demand === demand && f.set === set && f.scenario === scenario);
}

/** A share of draws in words: "99%", never "100%" unless every draw agrees (format.ts). */
export { drawShare } from './format.ts';
import { drawShare } from './format.ts';

/**
 * How robust a scenario's delta is, in words a reader cannot misread:
 * "5th–95th percentile +4.1 to +7.9 pp; the same direction in 99% of draws",
 * or "direction uncertain: 58% of draws agree".
 */
export function deltaWords(f: RobustFigure): string {
  const d = f.deltaDraws;
  if (!d) return '';
  const interval = `5th–95th percentile ${pp(d.p05)} to ${pp(d.p95)}`;
  if (Math.abs(f.delta ?? 0) <= 0.0005) return `${interval}; no change in ${drawShare(d.agree)} of draws`;
  return d.robust ? `${interval}; the same direction in ${drawShare(d.agree)} of draws` : `${interval}; direction uncertain: ${drawShare(d.agree)} of draws agree`;
}

/** A figure's interval in words: "5th–95th percentile 81.0% to 90.0%". */
export const figureWords = (f: RobustFigure) => `5th–95th percentile ${pct(f.draws.p05)} to ${pct(f.draws.p95)}`;

/** Where a studied figure sits in the report JSON. */
export function robustPath(report: Report, f: RobustFigure, ...rest: string[]): string {
  return pointer('robustness', 'figures', report.robustness!.figures.indexOf(f), ...rest);
}

/**
 * The clause a headline finding gains (robustness.md §7): the interval of the
 * figure (baseline) or of the change (a scenario), and in how many draws the
 * change keeps its direction. Empty where the report has no robustness.
 */
export function robustnessSegments(report: Report, demand: string, set: string, scenario: string): Segment[] {
  const f = robustFigure(report, demand, set, scenario);
  if (!f) return [];
  if (!f.deltaDraws) return ['; 5th–95th percentile of the draws ', fig(report, 'pct', robustPath(report, f, 'draws', 'p05')), ' to ', fig(report, 'pct', robustPath(report, f, 'draws', 'p95'))];
  const d = f.deltaDraws;
  const interval: Segment[] = ['; 5th–95th percentile of the change ', fig(report, 'pp', robustPath(report, f, 'deltaDraws', 'p05')), ' to ', fig(report, 'pp', robustPath(report, f, 'deltaDraws', 'p95'))];
  if (Math.abs(f.delta ?? 0) <= 0.0005) return [...interval, `; no change in ${drawShare(d.agree)} of draws`];
  return [...interval, d.robust ? `; the same direction in ${drawShare(d.agree)} of draws` : `; direction uncertain: ${drawShare(d.agree)} of draws agree`];
}

/** A CSV table of the studied figures, and one of their swings. */
export function robustnessCsv(report: Report): { name: string; fields: string[]; rows: (string | number | boolean | null)[][] }[] {
  const r = report.robustness;
  if (!r) return [];
  const s = (x: DrawSummaryLike | undefined) => (x ? [x.mean, x.p05, x.p50, x.p95, x.min, x.max] : [null, null, null, null, null, null]);
  return [
    {
      name: 'robustness',
      fields: ['demand', 'set', 'scenario', 'point', 'mean', 'p05', 'p50', 'p95', 'min', 'max', 'delta', 'delta_mean', 'delta_p05', 'delta_p50', 'delta_p95', 'delta_min', 'delta_max', 'agree', 'robust', 'draws', 'seed'],
      rows: r.figures.map((f) => [f.demand, f.set, f.scenario, f.point, ...s(f.draws), f.delta ?? null, ...s(f.deltaDraws), f.deltaDraws?.agree ?? null, f.deltaDraws?.robust ?? null, r.draws, r.seed]),
    },
    {
      name: 'robustness-swings',
      fields: ['demand', 'set', 'scenario', 'of', 'rank', 'flow', 'source', 'target', 'input', 'low', 'high', 'at_low', 'at_high', 'swing'],
      rows: r.figures.flatMap((f) => f.swings.map((w, i) => [f.demand, f.set, f.scenario, f.deltaDraws ? 'delta' : 'figure', i + 1, w.edge, w.source, w.target, w.input, w.low, w.high, w.atLow, w.atHigh, Math.abs(w.atHigh - w.atLow)])),
    },
    {
      name: 'robustness-variants',
      fields: ['demand', 'set', 'scenario', 'variant', 'value', 'delta'],
      rows: r.figures.flatMap((f) => r.variants.map((v) => {
        const x = f.variants[v.id];
        return [f.demand, f.set, f.scenario, v.id, typeof x === 'number' ? x : x?.value ?? null, typeof x === 'number' ? null : x?.delta ?? null];
      })),
    },
  ];
}
type DrawSummaryLike = { mean: number; p05: number; p50: number; p95: number; min: number; max: number };
