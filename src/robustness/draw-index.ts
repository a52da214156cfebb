/**
 * A scenario's supply index (metrics/supply-index.ts) whose shares can be
 * rewritten in place for each draw. Unlike the report's index it keeps every
 * flow the scenario's program may give a value, even one at 0 now (a share
 * of 0 carries no loss, and an input whose flows are all 0 has a group loss
 * of 0, which never bounds the maximum: the same figures as leaving them out).
 * Structure (groups, customers, components) is built once; `reshare` sets
 * the shares from slot values.
 */
import { flowTable } from '../metrics/flow-table.ts';
import { components, type SupplyIndex } from '../metrics/supply-index.ts';
import type { Program } from './program.ts';

export interface DrawIndex extends SupplyIndex {
  readonly memberShare: Float64Array;
  readonly outShare: Float64Array;
  /** The slot of each member, and the member of each customer entry. */
  readonly memberSlot: Uint32Array;
  readonly outMember: Uint32Array;
  readonly memberOut: Uint32Array;
  /** The group (index into groupStart's groups) of each slot present, -1 for a slot whose node the scenario removed. */
  readonly groupOfSlot: Int32Array;
}

export function buildDrawIndex(p: Program): DrawIndex {
  const table = flowTable(p.applied);
  const { size, keys, indexOf, kindOf, countryOf, countries } = table;
  const slots = p.slotSource.length;
  // The slots whose ends the scenario keeps, by target, in slot order, grouped by input.
  const inputIds = new Map<string, number>();
  const present: number[] = [];
  const inCount = new Uint32Array(size + 1);
  for (let s = 0; s < slots; s++) {
    const src = indexOf.get(p.slotSource[s]!);
    const tgt = indexOf.get(p.slotTarget[s]!);
    if (src === undefined || tgt === undefined) continue;
    if (!inputIds.has(p.slotInput[s]!)) inputIds.set(p.slotInput[s]!, inputIds.size);
    present.push(s);
    inCount[tgt + 1]!++;
  }
  for (let t = 0; t < size; t++) inCount[t + 1]! += inCount[t]!;
  const bySlotTarget = new Uint32Array(present.length);
  const fill = inCount.slice(0, size);
  for (const s of present) bySlotTarget[fill[indexOf.get(p.slotTarget[s]!)!]!++] = s;

  const groupStart = new Uint32Array(size + 1);
  const memberStartList: number[] = [0];
  const memberSlot = new Uint32Array(present.length);
  const memberSource = new Uint32Array(present.length);
  const groupOfSlot = new Int32Array(slots).fill(-1);
  const outDegree = new Uint32Array(size);
  let m = 0;
  for (let t = 0; t < size; t++) {
    groupStart[t] = memberStartList.length - 1;
    const list = Array.from(bySlotTarget.subarray(inCount[t]!, inCount[t + 1]!));
    list.sort((a, b) => inputIds.get(p.slotInput[a]!)! - inputIds.get(p.slotInput[b]!)! || a - b);
    for (let lo = 0; lo < list.length; ) {
      const input = p.slotInput[list[lo]!]!;
      let hi = lo;
      while (hi < list.length && p.slotInput[list[hi]!] === input) {
        const s = list[hi++]!;
        const src = indexOf.get(p.slotSource[s]!)!;
        groupOfSlot[s] = memberStartList.length - 1;
        memberSlot[m] = s;
        memberSource[m] = src;
        outDegree[src]!++;
        m++;
      }
      memberStartList.push(m);
      lo = hi;
    }
  }
  groupStart[size] = memberStartList.length - 1;
  const memberStart = Uint32Array.from(memberStartList);
  const outStart = new Uint32Array(size + 1);
  for (let v = 0; v < size; v++) outStart[v + 1] = outStart[v]! + outDegree[v]!;
  const outTarget = new Uint32Array(m);
  const outGroup = new Uint32Array(m);
  const outMember = new Uint32Array(m);
  const next = outStart.slice(0, size);
  for (let t = 0; t < size; t++) {
    for (let g = groupStart[t]!; g < groupStart[t + 1]!; g++) {
      for (let k = memberStart[g]!; k < memberStart[g + 1]!; k++) {
        const o = next[memberSource[k]!]!++;
        outTarget[o] = t;
        outGroup[o] = g;
        outMember[o] = k;
      }
    }
  }
  const memberOut = new Uint32Array(m);
  for (let o = 0; o < m; o++) memberOut[outMember[o]!] = o;
  const comps = components(size, outStart, outTarget);
  return {
    size, keys, indexOf, kindOf, countryOf, countries,
    groupStart, memberStart, memberSource, memberShare: new Float64Array(m),
    outStart, outTarget, outGroup, outShare: new Float64Array(m), ...comps,
    memberSlot, outMember, memberOut, groupOfSlot,
  };
}

/** Sets the shares of group g from slot values (metrics.md §1: v / the input's total; 0 where the total is 0). */
export function reshareGroup(ix: DrawIndex, g: number, values: Float64Array): void {
  const from = ix.memberStart[g]!;
  const to = ix.memberStart[g + 1]!;
  let total = 0;
  for (let k = from; k < to; k++) total += values[ix.memberSlot[k]!]!;
  const memberOut = ix.memberOut;
  for (let k = from; k < to; k++) {
    const v = values[ix.memberSlot[k]!]!;
    const share = total > 0 && v > 0 ? v / total : 0;
    ix.memberShare[k] = share;
    ix.outShare[memberOut[k]!] = share;
  }
}

export function reshare(ix: DrawIndex, values: Float64Array): void {
  const groups = ix.groupStart[ix.size]!;
  for (let g = 0; g < groups; g++) reshareGroup(ix, g, values);
}
