/**
 * How far each studied figure rests on its assumptions (robustness.md):
 * the figures at the stated values, under each variant (§3), with one flow
 * at a time at its low and high (§4), and over seeded draws (§5).
 *
 * Each scenario is compiled once into a program over flow values
 * (program.ts) and an index whose shares are rewritten in place
 * (draw-index.ts); a draw runs the programs on the drawn values, rewrites the
 * shares and runs the sparse loss propagation for the studied sets only.
 * Runs in steps (`step`) so that the app's worker can report progress and stop.
 */
import { createLossPropagator, type LossPropagator } from '../metrics/availability.ts';
import { computeReliance } from '../metrics/reliance.ts';
import { buildSupplyIndex, type SupplyIndex } from '../metrics/supply-index.ts';
import type { SupplyGraph } from '../model/graph.ts';
import type { Scenario } from '../model/schema.ts';
import { applyScenario } from '../scenarios/apply.ts';
import { buildDrawIndex, reshare, type DrawIndex } from './draw-index.ts';
import { computeFigures, planFigures, type FigurePlan } from './figures.ts';
import { createPrng, triangular, type Prng } from './prng.ts';
import { compileScenario, runProgram, type Program } from './program.ts';
import { computeSwings } from './swings.ts';
import { agreement, ROBUST_AGREE, summarize, type DrawSummary } from './stats.ts';
import { uncertainOf, type Uncertain } from './uncertain.ts';

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_SWINGS = 10;
/** Draws are capped: the figures of every draw are kept in memory for the percentiles. */
export const MAX_DRAWS = 1_000_000;

export interface RobustnessOptions {
  draws?: number;
  seed?: number;
  /** How many of the largest swings each figure lists (0: none, and none computed). */
  swings?: number;
  /** Relative half-width of flows that have no range and whose basis the graph's `uncertainty` leaves out. */
  uncertainty?: number;
  /** Demand node keys; default the graph's focus, else every demand node. */
  demand?: string[];
  /** Sets `K:C` or `C`; default the graph's focus, else the strongest as the report's headline picks them. */
  sets?: string[];
  /** Scenario ids to study after baseline; all when absent. */
  scenarios?: string[];
}

export interface Swing {
  /** The edge's key, `source->target:input`, or `SCENARIO_ID.ops[i]`. */
  edge: string;
  source: string;
  target: string;
  input: string;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
}
export type DeltaSummary = DrawSummary & { agree: number; robust: boolean };
export interface RobustFigure {
  demand: string;
  set: string;
  scenario: string;
  point: number;
  delta?: number;
  draws: DrawSummary;
  deltaDraws?: DeltaSummary;
  /** Of the figure in baseline, of the delta in a scenario. */
  swings: Swing[];
  /** Baseline: the figure under each variant; a scenario: the figure and its delta. */
  variants: Record<string, number | { value: number; delta: number }>;
}
export interface Robustness {
  draws: number;
  seed: number;
  /** Flows with a range wider than a point. */
  uncertainFlows: number;
  /** Scenario operations with a range wider than a point. */
  uncertainOps: number;
  /** The default half-width asked for, if any. */
  uncertainty?: number;
  variants: { id: string; label: string; description?: string }[];
  figures: RobustFigure[];
}

export class RobustnessOptionError extends Error {}

/** True when the file (with the default half-width, if any) gives robustness something to say. */
export function hasRobustness(graph: SupplyGraph, uncertainty?: number): boolean {
  return (graph.getAttribute('variants') ?? []).length > 0 || uncertainOf(graph, uncertainty).some((u) => u.high > u.low);
}

/** The demand nodes and sets studied (§2). */
export function studiedOf(graph: SupplyGraph, options: Pick<RobustnessOptions, 'demand' | 'sets'>): { demand: string[]; sets: string[] } {
  const focus = graph.getAttribute('focus');
  const demandNodes = graph.filterNodes((_k, a) => a.kind === 'demand');
  const demand = options.demand ?? focus?.demand ?? demandNodes;
  for (const d of demand) {
    if (!graph.hasNode(d)) throw new RobustnessOptionError(`no node "${d}" in this graph`);
  }
  for (const s of options.sets ?? []) {
    if (!/^(?:[a-z]+:)?[A-Z]{2}$/.test(s)) throw new RobustnessOptionError(`"${s}" is no set: give a country "TW" or a kind:country "foundry:TW"`);
  }
  let sets = options.sets ?? focus?.reliance;
  if (!sets) {
    // As the report's headline picks them (report/model.ts focusOf): the largest kind:country and country reliance in baseline.
    const rows = computeReliance(buildSupplyIndex(graph));
    const strongest = (field: 'byKindCountry' | 'byCountry') => {
      let best: [string, number] | undefined;
      for (const row of rows) for (const [k, v] of Object.entries(row[field])) if (!best || v > best[1] || (v === best[1] && k < best[0])) best = [k, v];
      return best?.[0];
    };
    sets = [strongest('byKindCountry'), strongest('byCountry')].filter((x): x is string => x !== undefined);
  }
  return { demand, sets };
}

/** One scenario (or baseline) compiled for draws and swings. */
export interface Run {
  id: string;
  /** The scenario's position in the file's list; -1 for baseline. */
  at: number;
  program: Program;
  index: DrawIndex;
  propagator: LossPropagator;
  plan: FigurePlan;
  /** Slot values at the stated values, after the program. */
  pointValues: Float64Array;
  /** Nodes some studied loss reaches at the stated values, and nodes upstream of a studied demand node. */
  hot: Uint8Array;
  upstream: Uint8Array;
  /** The slots of each group, by group id. */
  groupSlots: Map<string, number[]>;
}

export interface RobustnessRun {
  readonly total: number;
  readonly done: number;
  /** Runs up to `count` more draws. */
  step(count: number): void;
  /** The figures; every draw must be done. */
  result(): Robustness;
}

const intOption = (value: number | undefined, fallback: number, name: string, min: number, max: number) => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new RobustnessOptionError(`${name} must be a whole number from ${min} to ${max}, not ${v}`);
  return v;
};

/** Prepares the figures at the stated values, the variants and the swings; the draws then run in steps. */
export function prepareRobustness(graph: SupplyGraph, options: RobustnessOptions = {}): RobustnessRun {
  const draws = intOption(options.draws, DEFAULT_DRAWS, 'draws', 1, MAX_DRAWS);
  const seed = intOption(options.seed, DEFAULT_SEED, 'seed', 0, 0xffffffff);
  const swingCount = intOption(options.swings, DEFAULT_SWINGS, 'swings', 0, 1_000_000);
  if (options.uncertainty !== undefined && !(options.uncertainty >= 0 && Number.isFinite(options.uncertainty))) {
    throw new RobustnessOptionError(`uncertainty must be a number 0 or above, not ${options.uncertainty}`);
  }
  const all: Scenario[] = graph.getAttribute('scenarios') ?? [];
  const chosen = options.scenarios
    ? options.scenarios.map((id) => {
        const s = all.find((x) => x.id === id);
        if (!s) throw new RobustnessOptionError(`no scenario "${id}" in this graph`);
        return s;
      })
    : all;
  const scenarios = all.filter((s) => chosen.includes(s));
  const { demand, sets } = studiedOf(graph, options);
  const D = demand.length;
  const F = sets.length * D;

  const vars = uncertainOf(graph, options.uncertainty);
  const pointVars = Float64Array.from(vars, (u) => u.mode);
  const edgeValues = Float64Array.from(graph.mapEdges((_k, a) => a.value));
  const varOfOp = new Map<string, number>();
  vars.forEach((u, j) => u.kind === 'op' && varOfOp.set(`${u.scenario}/${u.op}`, j));

  const runs: Run[] = [undefined, ...scenarios].map((s) => {
    const at = s ? all.indexOf(s) : -1;
    const program = compileScenario(graph, s, (op) => varOfOp.get(`${at}/${op}`));
    const index = buildDrawIndex(program);
    const pointValues = runProgram(program, edgeValues, pointVars, new Float64Array(program.slotSource.length));
    reshare(index, pointValues);
    const groupSlots = new Map<string, number[]>();
    program.groupOfSlot.forEach((g, slot) => {
      const list = groupSlots.get(g);
      if (list) list.push(slot);
      else groupSlots.set(g, [slot]);
    });
    const plan = planFigures(index, demand, sets);
    return { id: s?.id ?? 'baseline', at, program, index, propagator: createLossPropagator(index), plan, pointValues, hot: new Uint8Array(index.size), upstream: upstreamOf(index, plan.demands), groupSlots };
  });

  // The figures at the stated values; the nodes their losses reach.
  const point = runs.map((r) =>
    computeFigures(r.propagator, r.plan, new Float64Array(F), (p) => {
      for (let v = 0; v < r.index.size; v++) if (p.loss(v) > 0) r.hot[v] = 1;
    }),
  );

  const variants = computeVariants(graph, scenarios, demand, sets);
  const swings = swingCount > 0 ? computeSwings(runs, vars, edgeValues, pointVars, point, D, swingCount) : runs.map(() => Array.from({ length: F }, () => [] as Swing[]));

  // The draws: every figure of every run, draw by draw.
  const values = runs.map(() => Array.from({ length: F }, () => new Float64Array(draws)));
  const prng: Prng = createPrng(seed);
  const x = new Float64Array(vars.length);
  const initial = new Float64Array(edgeValues.length);
  const slotValues = runs.map((r) => new Float64Array(r.program.slotSource.length));
  const figs = new Float64Array(F);
  let done = 0;

  const step = (count: number) => {
    const end = Math.min(draws, done + count);
    for (; done < end; done++) {
      initial.set(edgeValues);
      for (let j = 0; j < vars.length; j++) {
        const u = vars[j]!;
        x[j] = triangular(prng.next(), u.low, u.mode, u.high);
        if (u.kind === 'edge') initial[u.edge] = x[j]!;
      }
      runs.forEach((r, i) => {
        const v = runProgram(r.program, initial, x, slotValues[i]!);
        reshare(r.index, v);
        computeFigures(r.propagator, r.plan, figs);
        for (let f = 0; f < F; f++) values[i]![f]![done] = figs[f]!;
      });
    }
    if (done === draws) runs.forEach((r) => reshare(r.index, r.pointValues));
  };

  const result = (): Robustness => {
    if (done < draws) throw new Error(`robustness: ${draws - done} draws still to run`);
    const figures: RobustFigure[] = [];
    sets.forEach((set, si) =>
      demand.forEach((d, di) => {
        const f = si * D + di;
        runs.forEach((r, i) => {
          const base = point[0]![f]!;
          const pt = point[i]![f]!;
          const summary = summarize(values[i]![f]!);
          const variantsOf: RobustFigure['variants'] = {};
          for (const v of variants) {
            const vb = v.figures[0]![f]!;
            variantsOf[v.id] = i === 0 ? vb : { value: v.figures[i]![f]!, delta: v.figures[i]![f]! - vb };
          }
          if (i === 0) {
            figures.push({ demand: d, set, scenario: r.id, point: pt, draws: summary, swings: swings[i]![f]!, variants: variantsOf });
            return;
          }
          const deltas = new Float64Array(draws);
          for (let n = 0; n < draws; n++) deltas[n] = values[i]![f]![n]! - values[0]![f]![n]!;
          const delta = pt - base;
          const agree = agreement(deltas, delta);
          figures.push({
            demand: d, set, scenario: r.id, point: pt, delta, draws: summary,
            deltaDraws: { ...summarize(deltas), agree, robust: agree >= ROBUST_AGREE },
            swings: swings[i]![f]!, variants: variantsOf,
          });
        });
      }),
    );
    return {
      draws, seed,
      uncertainFlows: vars.filter((u) => u.kind === 'edge' && u.high > u.low).length,
      uncertainOps: vars.filter((u) => u.kind === 'op' && u.high > u.low).length,
      ...(options.uncertainty !== undefined ? { uncertainty: options.uncertainty } : {}),
      variants: (graph.getAttribute('variants') ?? []).map((v) => ({ id: v.id, label: v.label, ...(v.description ? { description: v.description } : {}) })),
      figures,
    };
  };

  return {
    get total() {
      return draws;
    },
    get done() {
      return done;
    },
    step,
    result,
  };
}

/** Every draw at once. */
export function computeRobustness(graph: SupplyGraph, options: RobustnessOptions = {}): Robustness {
  const run = prepareRobustness(graph, options);
  run.step(run.total);
  return run.result();
}

/** Nodes with a path to one of the demand nodes (the demand nodes included). */
function upstreamOf(ix: SupplyIndex, demands: Int32Array): Uint8Array {
  const seen = new Uint8Array(ix.size);
  const stack: number[] = [];
  for (const d of demands) if (d >= 0 && !seen[d]) (seen[d] = 1), stack.push(d);
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let g = ix.groupStart[v]!; g < ix.groupStart[v + 1]!; g++) {
      for (let m = ix.memberStart[g]!; m < ix.memberStart[g + 1]!; m++) {
        const s = ix.memberSource[m]!;
        if (!seen[s]) (seen[s] = 1), stack.push(s);
      }
    }
  }
  return seen;
}

/** §3: each variant's figures, exactly: the variant's operations, then each scenario's. */
function computeVariants(graph: SupplyGraph, scenarios: Scenario[], demand: string[], sets: string[]): { id: string; figures: Float64Array[] }[] {
  const figuresOn = (g: SupplyGraph) => {
    const ix = buildSupplyIndex(g);
    return computeFigures(createLossPropagator(ix), planFigures(ix, demand, sets), new Float64Array(demand.length * sets.length));
  };
  const unwrap = (r: ReturnType<typeof applyScenario>) => {
    if (!r.ok) throw r.error;
    return r.graph;
  };
  return (graph.getAttribute('variants') ?? []).map((variant) => {
    const g = unwrap(applyScenario(graph, variant));
    return { id: variant.id, figures: [figuresOn(g), ...scenarios.map((s) => figuresOn(unwrap(applyScenario(g, s))))] };
  });
}
