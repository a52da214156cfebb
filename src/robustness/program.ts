/**
 * A scenario's operations as a program over flow values (robustness.md §4, §5).
 *
 * A draw changes values, never structure: which flows an operation touches
 * depends on keys, kinds, countries and inputs, not on values. So each
 * scenario is applied once, to a copy of the graph, and every operation is
 * recorded as instructions on "slots" (the graph's edges in order, then the
 * flows the scenario adds). Running the program on drawn values gives each
 * flow's value after the scenario, exactly as applying the operations to a
 * graph with those values would (the same arithmetic in the same order):
 * `scaleFlows` and `shiftFlows` act on the drawn values, `addFlow` adds a
 * drawn amount, `setFlow` sets one.
 *
 * Every instruction touches the flows of one input into one node (a group),
 * and reads nothing outside it; swings use this to recompute one group.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Operation, Scenario } from '../model/schema.ts';
import { flowsBetween, requireFlows, valueOf, type OpContext } from '../scenarios/context.ts';
import { OPERATIONS } from '../scenarios/registry.ts';
import { matchesSelector, matchingEdges } from '../scenarios/select.ts';

/** A number an instruction uses: a constant, or a drawn variable converted (by an exchange rate) into the graph's currency. */
export type Term = { kind: 'const'; value: number } | { kind: 'var'; variable: number; rate: number | undefined };

export type Instruction =
  | { op: 'add'; slot: number; term: Term }
  | { op: 'set'; slot: number; term: Term }
  | { op: 'zero'; slot: number }
  | { op: 'mul'; slot: number; factor: number }
  | { op: 'shift'; all: number[]; from: number[]; to: number[]; fraction: number };

export interface Program {
  /** Slots 0 .. edges-1 are the graph's edges in order; the rest are flows the scenario adds. */
  readonly edges: number;
  readonly slotSource: string[];
  readonly slotTarget: string[];
  readonly slotInput: string[];
  readonly instructions: Instruction[];
  /** The graph as the scenario leaves it (at the stated values): its nodes and their kinds and countries. */
  readonly applied: SupplyGraph;
  /** Each slot's group (target and input) as a string, and each group's instructions in order. */
  readonly groupOfSlot: string[];
  readonly groupInstructions: Map<string, number[]>;
}

export const groupId = (target: string, input: string) => `${target}\u0000${input}`;

/**
 * Records a scenario's operations on a copy of `graph`. `variableOf(i)` is the
 * draws' variable of the scenario's operation i, if it has a range.
 * Throws what applying the scenario would throw.
 */
export function compileScenario(graph: SupplyGraph, scenario: Scenario | undefined, variableOf: (op: number) => number | undefined): Program {
  const g = graph.copy() as SupplyGraph;
  const slotOfKey = new Map<string, number>();
  const slotSource: string[] = [];
  const slotTarget: string[] = [];
  const slotInput: string[] = [];
  const addSlot = (key: string) => {
    slotOfKey.set(key, slotSource.length);
    slotSource.push(g.source(key));
    slotTarget.push(g.target(key));
    slotInput.push(g.getEdgeAttribute(key, 'input'));
  };
  g.forEachEdge((key) => addSlot(key));
  const edges = slotSource.length;
  const instructions: Instruction[] = [];
  if (scenario) {
    const attrs = graph.getAttributes();
    const ctx: OpContext = { graph: g, currency: attrs.currency ?? 'USD', fx: { ...attrs.fx, ...scenario.fx } };
    const slot = (key: string) => slotOfKey.get(key)!;
    scenario.ops.forEach((op, i) => {
      const variable = variableOf(i);
      const termOf = (o: { value?: number | undefined; amount?: { value: number; currency: string } | undefined }): Term => {
        const value = valueOf(ctx, o);
        if (variable === undefined) return { kind: 'const', value };
        const rate = o.value === undefined && o.amount!.currency !== ctx.currency ? ctx.fx[o.amount!.currency] : undefined;
        return { kind: 'var', variable, rate };
      };
      switch (op.op) {
        case 'addFlow': {
          const term = termOf(op);
          const [before] = flowsBetween(ctx, op.source, op.target, op.input);
          applyOp(ctx, op);
          const edge = before ?? flowsBetween(ctx, op.source, op.target, op.input)[0]!;
          if (before === undefined) addSlot(edge);
          instructions.push({ op: 'add', slot: slot(edge), term });
          return;
        }
        case 'setFlow': {
          const term = termOf(op);
          const [first, ...rest] = requireFlows(ctx, op.source, op.target, op.input);
          instructions.push({ op: 'set', slot: slot(first!), term });
          for (const e of rest) instructions.push({ op: 'zero', slot: slot(e) });
          break;
        }
        case 'removeFlow':
          for (const e of flowsBetween(ctx, op.source, op.target, op.input)) instructions.push({ op: 'zero', slot: slot(e) });
          break;
        case 'removeNode':
          if (g.hasNode(op.key)) for (const e of g.edges(op.key)) instructions.push({ op: 'zero', slot: slot(e) });
          break;
        case 'scaleFlows':
          for (const e of matchingEdges(g, op.where)) instructions.push({ op: 'mul', slot: slot(e), factor: op.factor });
          break;
        case 'shiftFlows': {
          if (!g.hasNode(op.target)) break;
          const all = g.filterInEdges(op.target, (_e, a) => a.input === op.input);
          const pick = (sel: typeof op.from) => all.filter((e) => matchesSelector(sel, g.source(e), g.getNodeAttributes(g.source(e))));
          instructions.push({ op: 'shift', all: all.map(slot), from: pick(op.from).map(slot), to: pick(op.to).map(slot), fraction: op.fraction });
          break;
        }
        case 'addNode':
        case 'setNode':
          break;
      }
      applyOp(ctx, op);
    });
  }
  const groupOfSlot = slotTarget.map((t, s) => groupId(t, slotInput[s]!));
  const groupInstructions = new Map<string, number[]>();
  instructions.forEach((ins, i) => {
    const g0 = groupOfSlot[ins.op === 'shift' ? ins.all[0]! : ins.slot]!;
    if (ins.op === 'shift' && ins.all.length === 0) return;
    const list = groupInstructions.get(g0);
    if (list) list.push(i);
    else groupInstructions.set(g0, [i]);
  });
  return { edges, slotSource, slotTarget, slotInput, instructions, applied: g, groupOfSlot, groupInstructions };
}

function applyOp(ctx: OpContext, op: Operation): void {
  (OPERATIONS[op.op] as { apply(ctx: OpContext, op: Operation): void }).apply(ctx, op);
}

/** A term's value given the variables' values. */
const termValue = (t: Term, vars: ArrayLike<number>): number => {
  if (t.kind === 'const') return t.value;
  const x = vars[t.variable]!;
  return t.rate === undefined ? x : x / t.rate;
};

/** Runs one instruction on slot values `v` (in place), as the operation it came from would. */
export function runInstruction(ins: Instruction, v: Float64Array, vars: ArrayLike<number>): void {
  switch (ins.op) {
    case 'add':
      v[ins.slot] = v[ins.slot]! + termValue(ins.term, vars);
      return;
    case 'set':
      v[ins.slot] = termValue(ins.term, vars);
      return;
    case 'zero':
      v[ins.slot] = 0;
      return;
    case 'mul':
      v[ins.slot] = v[ins.slot]! * ins.factor;
      return;
    case 'shift': {
      // shift-flows.ts: both sides weighed by the values before the operation.
      let fromTotal = 0;
      for (const s of ins.from) fromTotal += v[s]!;
      // A draw that leaves nothing to shift (all `from` flows at 0) shifts nothing.
      if (fromTotal === 0) return;
      const before = new Map<number, number>();
      for (const s of ins.all) before.set(s, v[s]!);
      const moved = ins.fraction * fromTotal;
      let toTotal = 0;
      for (const s of ins.to) toTotal += before.get(s)!;
      for (const s of ins.from) v[s] = v[s]! - ins.fraction * before.get(s)!;
      for (const s of ins.to) {
        const gain = toTotal > 0 ? (moved * before.get(s)!) / toTotal : moved / ins.to.length;
        v[s] = Math.max(0, v[s]! + gain);
      }
      return;
    }
  }
}

/**
 * Every slot's value after the scenario: `initial` gives the graph's edges'
 * values (drawn or stated), added flows start at 0.
 */
export function runProgram(p: Program, initial: ArrayLike<number>, vars: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let s = 0; s < p.edges; s++) out[s] = initial[s]!;
  out.fill(0, p.edges);
  for (const ins of p.instructions) runInstruction(ins, out, vars);
  return out;
}
