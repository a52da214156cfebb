/**
 * Swings (robustness.md §4): each figure with one variable at its low and at
 * its high, every other at its stated value; the K largest |f(high) - f(low)|
 * per figure, largest first, ties by name, then source, target, input.
 *
 * A variable moves the shares of one group of a run (the flows of one input
 * into one node: program.ts), so its exact figures need one propagation per
 * side. Most variables cannot be among the K largest, and a cheap bound
 * shows it: where the group's node lies on no cycle, the loss of every node
 * downstream changes by at most the change of the group's loss (a maximum and
 * averages with weights summing to at most 1 never amplify a change), so
 *   |f(v) - f(point)| <= sum over members m of |share'(m) - share(m)| * l(source(m))
 * with the losses l at the stated values, of which only what rises past t's
 * own loss counts where the group is not t's scarcest (and nothing where t
 * is failed); and a change at node t reaches the
 * demand node d scaled by at most R(t) = min(1, sum over t's customer flows
 * of share * R(customer)), R(d) = 1 (each step is a maximum of averages, a
 * sublinear map: responses add at most, and never exceed the change).
 * Variables are evaluated exactly in
 * decreasing order of this bound, until the K-th largest exact swing exceeds
 * the next bound: the list is the same as evaluating every variable.
 */
import type { Run, Swing } from './engine.ts';
import { reshareGroup } from './draw-index.ts';
import { groupId, runInstruction } from './program.ts';
import type { Uncertain } from './uncertain.ts';
import { computeFigures } from './figures.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const compareSwings = (a: Swing & { size: number }, b: Swing & { size: number }) =>
  b.size - a.size || cmp(a.edge, b.edge) || cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.input, b.input);

/** The losses at the stated values behind each figure of a run: one array per propagation, shared by the figures it serves. */
function pointLosses(r: Run, D: number): Float64Array[] {
  const out: Float64Array[] = [];
  const { plan, propagator: p, index } = r;
  const snap = () => Float64Array.from({ length: index.size }, (_, v) => p.loss(v));
  plan.sets.forEach((nodes, s) => {
    const inSet = new Set(nodes);
    let shared: Float64Array | undefined;
    for (let i = 0; i < D; i++) {
      const d = plan.demands[i]!;
      if (d < 0 || nodes.length === 0) {
        out[s * D + i] = new Float64Array(0);
        continue;
      }
      if (inSet.has(d)) {
        p.run(nodes.filter((v) => v !== d));
        out[s * D + i] = snap();
        p.reset();
        continue;
      }
      if (!shared) {
        p.run(nodes);
        shared = snap();
        p.reset();
      }
      out[s * D + i] = shared;
    }
  });
  return out;
}

/** R of the demand node d for every node (see above): 0 where d is not downstream, 1 in a cycle that reaches d. */
function reach(r: Run, d: number): Float64Array {
  const ix = r.index;
  const R = new Float64Array(ix.size);
  if (d < 0) return R;
  const count = ix.compCyclic.length;
  for (let c = count - 1; c >= 0; c--) {
    const from = ix.compStart[c]!;
    const to = ix.compStart[c + 1]!;
    if (ix.compCyclic[c]) {
      let any = false;
      for (let k = from; k < to && !any; k++) {
        const v = ix.compNodes[k]!;
        if (v === d) any = true;
        for (let o = ix.outStart[v]!; o < ix.outStart[v + 1]! && !any; o++) any = R[ix.outTarget[o]!]! > 0;
      }
      if (any) for (let k = from; k < to; k++) R[ix.compNodes[k]!] = 1;
      continue;
    }
    const v = ix.compNodes[from]!;
    if (v === d) {
      R[v] = 1;
      continue;
    }
    let sum = 0;
    for (let o = ix.outStart[v]!; o < ix.outStart[v + 1]!; o++) sum += ix.outShare[o]! * R[ix.outTarget[o]!]!;
    R[v] = sum > 1 ? 1 : sum;
  }
  return R;
}

/** Where a variable moves a run: its group in the run's index and the group's id; none where it cannot move the run's figures. */
interface Place {
  group: number;
  key: string;
}

export function computeSwings(runs: Run[], vars: Uncertain[], edgeValues: Float64Array, pointVars: Float64Array, point: Float64Array[], D: number, keep: number): Swing[][][] {
  const F = point[0]!.length;
  const x = Float64Array.from(pointVars);
  const initial = Float64Array.from(edgeValues);

  /** The run's slot values and shares of one group, with x and initial as they stand. */
  const refill = (r: Run, key: string, group: number) => {
    const values = r.pointValues;
    for (const s of r.groupSlots.get(key) ?? []) values[s] = s < r.program.edges ? initial[s]! : 0;
    for (const i of r.program.groupInstructions.get(key) ?? []) runInstruction(r.program.instructions[i]!, values, x);
    if (group >= 0) reshareGroup(r.index, group, values);
  };
  const setVar = (j: number, v: number) => {
    const u = vars[j]!;
    x[j] = v;
    if (u.kind === 'edge') initial[u.edge] = v;
  };
  const resetVar = (j: number) => setVar(j, pointVars[j]!);

  const places = runs.map((r) =>
    vars.map((u): Place | undefined => {
      if (!(u.high > u.low) || (u.kind === 'op' && u.scenario !== r.at)) return undefined;
      const key = groupId(u.target, u.input);
      const slot = r.groupSlots.get(key)?.[0];
      const group = slot === undefined ? -1 : r.index.groupOfSlot[slot]!;
      const t = r.index.indexOf.get(u.target);
      if (group < 0 || t === undefined || !r.upstream[t]) return undefined;
      let hot = false;
      for (let m = r.index.memberStart[group]!; m < r.index.memberStart[group + 1]! && !hot; m++) hot = r.hot[r.index.memberSource[m]!] === 1;
      return hot ? { group, key } : undefined;
    }),
  );

  /** bound[run][j * F + f]: the bound on |f(low) - f(point)| + |f(high) - f(point)|. */
  const bounds = runs.map((r, ri) => {
    const out = new Float64Array(vars.length * F);
    const losses = pointLosses(r, D);
    const { index } = r;
    const reaches = Array.from(r.plan.demands, (d) => reach(r, d));
    /** The nodes each set fails (a failed node's loss is 1 whatever its shares). */
    const failed = r.plan.sets.map((nodes) => {
      const flag = new Uint8Array(index.size);
      for (const v of nodes) flag[v] = 1;
      return flag;
    });
    const before = Float64Array.from(index.memberShare);
    vars.forEach((u, j) => {
      const place = places[ri]![j];
      if (!place) return;
      const t = index.indexOf.get(u.target)!;
      if (index.compCyclic[index.compOf[t]!]) {
        for (let f = 0; f < F; f++) out[j * F + f] = Infinity;
        return;
      }
      const from = index.memberStart[place.group]!;
      const to = index.memberStart[place.group + 1]!;
      for (const v of [u.low, u.high]) {
        setVar(j, v);
        refill(r, place.key, place.group);
        for (let f = 0; f < F; f++) {
          const l = losses[f]!;
          if (l.length === 0 || (failed[Math.floor(f / D)]![t] && r.plan.demands[f % D] !== t)) continue;
          // The group's loss at the stated values, and how far the new shares can move it.
          let group = 0;
          let change = 0;
          for (let m = from; m < to; m++) {
            const ls = l[index.memberSource[m]!]!;
            group += before[m]! * ls;
            change += Math.abs(index.memberShare[m]! - before[m]!) * ls;
          }
          // t's loss is the largest of its groups' (at most 1): a group below it moves it only by what rises past it.
          if (change > 0) out[j * F + f]! += Math.max(0, group + change - l[t]!) + 1e-12;
        }
        resetVar(j);
        refill(r, place.key, place.group);
      }
      for (let f = 0; f < F; f++) out[j * F + f]! *= reaches[f % D]![t]!;
    });
    return out;
  });

  /** Exact figures of a run with variable j at its low and high, computed once. */
  const exact = runs.map(() => new Map<number, [Float64Array, Float64Array]>());
  const evaluate = (ri: number, j: number): [Float64Array, Float64Array] => {
    const cached = exact[ri]!.get(j);
    if (cached) return cached;
    const r = runs[ri]!;
    const place = places[ri]![j];
    const u = vars[j]!;
    let result: [Float64Array, Float64Array];
    if (!place) result = [point[ri]!, point[ri]!];
    else {
      result = [new Float64Array(F), new Float64Array(F)];
      [u.low, u.high].forEach((v, side) => {
        setVar(j, v);
        refill(r, place.key, place.group);
        computeFigures(r.propagator, r.plan, result[side]!);
        resetVar(j);
        refill(r, place.key, place.group);
      });
    }
    exact[ri]!.set(j, result);
    return result;
  };

  return runs.map((r, ri) =>
    Array.from({ length: F }, (_, f) => {
      const candidates = vars
        .map((u, j) => ({ u, j, bound: bounds[ri]![j * F + f]! + (ri === 0 ? 0 : bounds[0]![j * F + f]!) }))
        .filter(({ u }) => u.high > u.low && (u.kind === 'edge' || u.scenario === r.at))
        .sort((a, b) => b.bound - a.bound || a.j - b.j);
      const found: (Swing & { size: number })[] = [];
      const swingOf = (u: Uncertain, j: number, exactly: boolean): Swing & { size: number } => {
        const [lo, hi] = exactly ? evaluate(ri, j) : [point[ri]!, point[ri]!];
        const [blo, bhi] = ri === 0 ? [undefined, undefined] : exactly ? evaluate(0, j) : [point[0]!, point[0]!];
        const atLow = lo[f]! - (blo ? blo[f]! : 0);
        const atHigh = hi[f]! - (bhi ? bhi[f]! : 0);
        return { edge: u.name, source: u.source, target: u.target, input: u.input, low: u.low, high: u.high, atLow, atHigh, size: Math.abs(atHigh - atLow) };
      };
      let k = 0;
      for (; k < candidates.length; k++) {
        const c = candidates[k]!;
        if (c.bound === 0) break;
        if (found.length >= keep) {
          found.sort(compareSwings);
          // The propagation's fixed-point tolerance (1e-12) is the bound's only slack.
          if (found[keep - 1]!.size > c.bound + 1e-9) break;
        }
        found.push(swingOf(c.u, c.j, true));
      }
      // Those left cannot reach the K largest; where fewer than K moved, the ties at 0 fill the list by name.
      if (found.filter((s) => s.size > 0).length < keep) {
        for (; k < candidates.length; k++) if (candidates[k]!.bound === 0) found.push(swingOf(candidates[k]!.u, candidates[k]!.j, false));
      }
      return found.sort(compareSwings).slice(0, keep).map(({ size: _size, ...s }) => s);
    }),
  );
}
