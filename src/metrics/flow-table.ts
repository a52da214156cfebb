/**
 * The graph as numbers, from one pass over its nodes and one over its flows:
 * what the supply index (supply-index.ts) and concentration (concentration.ts)
 * are both computed from, so a report reads the graph once per scenario.
 */
import { firmOf, type SupplyGraph } from '../model/graph.ts';
import { NODE_KINDS, type EdgeAttributes, type NodeAttributes, type NodeKind } from '../model/schema.ts';

export interface FlowTable {
  readonly size: number;
  readonly keys: readonly string[];
  /** Each node's label (the reports name nodes by it). */
  readonly labels: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly kindOf: Uint8Array;
  readonly countryOf: Uint32Array;
  readonly countries: readonly string[];
  /** Each node's firm (its company, else its key: metrics.md §5), as an index into `firms`. */
  readonly firmOf: Uint32Array;
  readonly firms: readonly string[];
  /** Every flow in graph order: its supplier and customer (node indices), input (into `inputs`) and value. */
  readonly flowSource: Uint32Array;
  readonly flowTarget: Uint32Array;
  readonly flowInput: Uint32Array;
  readonly flowValue: Float64Array;
  readonly inputs: readonly string[];
}

export const kindIndex = (kind: NodeKind) => NODE_KINDS.indexOf(kind);

/** The index of `name` in `names`, added when new. */
function idOf(ids: Map<string, number>, names: string[], name: string): number {
  let id = ids.get(name);
  if (id === undefined) {
    id = names.length;
    names.push(name);
    ids.set(name, id);
  }
  return id;
}

/**
 * Filled by flowTable when passed: each node's and each flow's attribute
 * objects, the graph's own, in table order (read only: scenarios over the
 * table, src/scenarios/table-scenario.ts, read them and never change them).
 */
export interface FlowAttributes {
  nodes: NodeAttributes[];
  flows: EdgeAttributes[];
}

export function flowTable(graph: SupplyGraph, keep?: FlowAttributes): FlowTable {
  const size = graph.order;
  const keys: string[] = new Array(size);
  const labels: string[] = new Array(size);
  const indexOf = new Map<string, number>();
  const kindOf = new Uint8Array(size);
  const countryOf = new Uint32Array(size);
  const countries: string[] = [];
  const countryIds = new Map<string, number>();
  const firmOfNode = new Uint32Array(size);
  const firms: string[] = [];
  const firmIds = new Map<string, number>();
  let i = 0;
  graph.forEachNode((key, attrs) => {
    keys[i] = key;
    labels[i] = attrs.label;
    indexOf.set(key, i);
    kindOf[i] = Math.max(0, kindIndex(attrs.kind));
    countryOf[i] = idOf(countryIds, countries, attrs.country);
    firmOfNode[i] = idOf(firmIds, firms, firmOf(key, attrs));
    if (keep) keep.nodes[i] = attrs;
    i++;
  });

  const flows = graph.size;
  const flowSource = new Uint32Array(flows);
  const flowTarget = new Uint32Array(flows);
  const flowInput = new Uint32Array(flows);
  const flowValue = new Float64Array(flows);
  const inputs: string[] = [];
  const inputIds = new Map<string, number>();
  let f = 0;
  graph.forEachEdge((_e, attrs, source, target) => {
    flowSource[f] = indexOf.get(source)!;
    flowTarget[f] = indexOf.get(target)!;
    flowInput[f] = idOf(inputIds, inputs, attrs.input);
    flowValue[f] = attrs.value;
    if (keep) keep.flows[f] = attrs;
    f++;
  });
  return { size, keys, labels, indexOf, kindOf, countryOf, countries, firmOf: firmOfNode, firms, flowSource, flowTarget, flowInput, flowValue, inputs };
}

/** Flows grouped by a number of theirs (an end, an input): those of i are flows[start[i] .. start[i + 1]), in table order. */
export interface Adjacency {
  start: Uint32Array;
  flows: Uint32Array;
}

/** Flows grouped by `ends[f]`, each of `size` values (a counting sort: each group keeps the flows' order). */
export function adjacency(size: number, ends: Uint32Array): Adjacency {
  const start = new Uint32Array(size + 1);
  for (let f = 0; f < ends.length; f++) start[ends[f]! + 1] = start[ends[f]! + 1]! + 1;
  for (let i = 0; i < size; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const at = start.slice(0, size);
  const flows = new Uint32Array(ends.length);
  for (let f = 0; f < ends.length; f++) {
    const e = ends[f]!;
    flows[at[e]!] = f;
    at[e] = at[e]! + 1;
  }
  return { start, flows };
}
