/**
 * The supply graph compiled into typed arrays for the failure metrics:
 * each node's inputs with the shares of their suppliers (metrics.md §1),
 * each node's customers, and the strongly connected components in
 * topological order (sources first), so that availability is computed
 * component by component.
 *
 * Only flows with a share above 0 are kept: a flow of value 0, or an input
 * whose values are all 0, carries no supply and no failure.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { adjacency, flowTable, type FlowTable } from './flow-table.ts';

/** The nodes as the flow table numbers them (keys, kinds, countries), then the flows grouped for the metrics. */
export interface SupplyIndex extends Pick<FlowTable, 'size' | 'keys' | 'indexOf' | 'kindOf' | 'countryOf' | 'countries'> {
  /** Input groups of node i: groupStart[i] .. groupStart[i+1]. */
  readonly groupStart: Uint32Array;
  /** Suppliers of group g: memberStart[g] .. memberStart[g+1]. */
  readonly memberStart: Uint32Array;
  readonly memberSource: Uint32Array;
  readonly memberShare: Float64Array;
  /** Customers of node i (one entry per positive flow): outStart[i] .. outStart[i+1]. */
  readonly outStart: Uint32Array;
  readonly outTarget: Uint32Array;
  /** For each customer entry: the input group of the customer it feeds, and the share. */
  readonly outGroup: Uint32Array;
  readonly outShare: Float64Array;
  /** Topological rank of each node's component. */
  readonly compOf: Uint32Array;
  /** Nodes of component c: compStart[c] .. compStart[c+1] in compNodes. */
  readonly compStart: Uint32Array;
  readonly compNodes: Uint32Array;
  /** 1 where the component holds a cycle (more than one node). */
  readonly compCyclic: Uint8Array;
}

export function buildSupplyIndex(graph: SupplyGraph): SupplyIndex {
  return indexOfTable(flowTable(graph));
}

/** The index from the graph's flow table (one read of the graph serves the index and concentration). */
export function indexOfTable(table: FlowTable): SupplyIndex {
  const { size, keys, indexOf, kindOf, countryOf, countries, flowSource, flowTarget, flowInput, flowValue } = table;
  const flows = flowSource.length;
  // Each node's in-flows, in file order, then grouped by input (a stable sort: members keep file order).
  const { start: inStart, flows: inFlows } = adjacency(size, flowTarget);

  const groupStart = new Uint32Array(size + 1);
  const memberStartList: number[] = [0];
  const memberSource = new Uint32Array(flows);
  const memberShare = new Float64Array(flows);
  let members = 0;
  const outDegree = new Uint32Array(size);
  for (let t = 0; t < size; t++) {
    groupStart[t] = memberStartList.length - 1;
    const from = inStart[t]!;
    const to = inStart[t + 1]!;
    if (from === to) continue;
    const sorted = inFlows.subarray(from, to);
    let ordered = true;
    for (let k = 1; k < sorted.length && ordered; k++) ordered = flowInput[sorted[k - 1]!]! <= flowInput[sorted[k]!]!;
    if (!ordered) sorted.sort((a, b) => flowInput[a]! - flowInput[b]! || a - b);
    for (let lo = 0; lo < sorted.length; ) {
      const input = flowInput[sorted[lo]!]!;
      let hi = lo;
      let total = 0;
      while (hi < sorted.length && flowInput[sorted[hi]!] === input) total += flowValue[sorted[hi++]!]!;
      if (total > 0) {
        for (let k = lo; k < hi; k++) {
          const flow = sorted[k]!;
          const v = flowValue[flow]!;
          if (!(v > 0)) continue;
          memberSource[members] = flowSource[flow]!;
          memberShare[members] = v / total;
          outDegree[flowSource[flow]!]!++;
          members++;
        }
        memberStartList.push(members);
      }
      lo = hi;
    }
  }
  groupStart[size] = memberStartList.length - 1;
  const memberStart = Uint32Array.from(memberStartList);

  const outStart = new Uint32Array(size + 1);
  for (let v = 0; v < size; v++) outStart[v + 1] = outStart[v]! + outDegree[v]!;
  const outTarget = new Uint32Array(members);
  const outGroup = new Uint32Array(members);
  const outShare = new Float64Array(members);
  const fill = outStart.slice(0, size);
  for (let t = 0; t < size; t++) {
    for (let g = groupStart[t]!; g < groupStart[t + 1]!; g++) {
      for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) {
        const o = fill[memberSource[m]!]!++;
        outTarget[o] = t;
        outGroup[o] = g;
        outShare[o] = memberShare[m]!;
      }
    }
  }

  const { compOf, compStart, compNodes, compCyclic } = components(size, outStart, outTarget);
  return {
    size, keys, indexOf, kindOf, countryOf, countries,
    groupStart, memberStart, memberSource: memberSource.slice(0, members), memberShare: memberShare.slice(0, members),
    outStart, outTarget, outGroup, outShare, compOf, compStart, compNodes, compCyclic,
  };
}

/**
 * Strongly connected components by an iterative Tarjan, ranked in
 * topological order (a component's suppliers come before it).
 */
export function components(size: number, outStart: Uint32Array, outTarget: Uint32Array) {
  const index = new Int32Array(size).fill(-1);
  const low = new Uint32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const call: number[] = []; // node, then the next edge position, interleaved
  const tarjanComp = new Uint32Array(size);
  const compSizes: number[] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    call.push(root, outStart[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 2]!;
      const pos = call[call.length - 1]!;
      if (pos < outStart[v + 1]!) {
        call[call.length - 1] = pos + 1;
        const w = outTarget[pos]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          call.push(w, outStart[w]!);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      call.length -= 2;
      if (call.length > 0) {
        const parent = call[call.length - 2]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const c = compSizes.length;
        let n = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          tarjanComp[w] = c;
          n++;
        } while (w !== v);
        compSizes.push(n);
      }
    }
  }
  // Tarjan finishes sinks first: reverse for sources first.
  const count = compSizes.length;
  const compOf = new Uint32Array(size);
  const compStart = new Uint32Array(count + 1);
  const compCyclic = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    const rank = count - 1 - c;
    compStart[rank + 1] = compSizes[c]!;
    compCyclic[rank] = compSizes[c]! > 1 ? 1 : 0;
  }
  for (let r = 0; r < count; r++) compStart[r + 1]! += compStart[r]!;
  const compNodes = new Uint32Array(size);
  const fill = compStart.slice(0, count);
  for (let v = 0; v < size; v++) {
    const rank = count - 1 - tarjanComp[v]!;
    compOf[v] = rank;
    compNodes[fill[rank]!++] = v;
  }
  return { compOf, compStart, compNodes, compCyclic };
}

