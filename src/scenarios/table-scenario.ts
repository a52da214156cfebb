/**
 * Scenarios as deltas over the flow table (issue 24): a scenario's flow table
 * made from the baseline's, without touching the graph. Values are copied
 * once and changed in the copy; removals are marks; additions go at the end;
 * the table is then compacted in the graph's order, so that it equals, array
 * for array, `flowTable` of the graph as the scenario leaves it (graphology
 * keeps nodes and flows in insertion order, the flows between two nodes
 * newest first, and a node's in-flows by neighbour: read from the graph
 * itself where an operation sums over them).
 *
 * Only success is decided here: a scenario whose operations would fail, or
 * whose sums might overflow, gives undefined, and the caller applies it to
 * the graph (apply.ts), which says why. So does a shiftFlows into a node whose
 * in-flows the scenario has already added to or removed from (their order is
 * graphology's to say), and into a node the scenario added.
 */
import { firmOf, type SupplyGraph } from '../model/graph.ts';
import type { EdgeAttributes, NodeAttributes, Operation, Scenario, Selector } from '../model/schema.ts';
import { SAFE_TOTAL } from '../model/totals.ts';
import { adjacency, type Adjacency, type FlowAttributes, type FlowTable, flowTable, kindIndex } from '../metrics/flow-table.ts';
import { valueOf } from './context.ts';
import { matchesSelector } from './select.ts';
import type { ShockNodes } from './shock-hits.ts';

/** The baseline's table and what scenarios over it read; built from one walk of the graph. */
export interface TableBase {
  readonly graph: SupplyGraph;
  readonly table: FlowTable;
  readonly attrs: FlowAttributes;
  /** By supplier and by customer, built when a scenario first needs them and shared by the next ones. */
  out?: Adjacency;
  in?: Adjacency;
}

export function tableBase(graph: SupplyGraph): TableBase {
  const attrs: FlowAttributes = { nodes: [], flows: [] };
  return { graph, table: flowTable(graph, attrs), attrs };
}

/** Every graphology event that changes a graph (a base holds its orders and its attribute objects). */
const CHANGES = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared', 'attributesUpdated', 'nodeAttributesUpdated', 'edgeAttributesUpdated', 'eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated'];
const bases = new WeakMap<SupplyGraph, TableBase>();
const watched = new WeakSet<SupplyGraph>();

/**
 * The graph's base, kept until the graph changes: checking a file's
 * scenarios at load and the report that follows read the graph once between
 * them (at 300,000 nodes a walk of the graph cost as much as the scenarios'
 * tables). Any change graphology announces forgets it.
 */
export function tableBaseOf(graph: SupplyGraph): TableBase {
  let base = bases.get(graph);
  if (base) return base;
  base = tableBase(graph);
  bases.set(graph, base);
  if (!watched.has(graph)) {
    watched.add(graph);
    const forget = () => bases.delete(graph);
    for (const event of CHANGES) (graph as unknown as { on(event: string, f: () => void): void }).on(event, forget);
  }
  return base;
}

/** Thrown inside: the graph path decides this scenario. */
class ToGraph extends Error {}

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

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
 * The flow table of the graph as `scenario` leaves it, or undefined when the
 * graph path must decide (see above). `base` is not changed, and the table
 * may share its arrays: read it, do not write it.
 */
export function scenarioTable(base: TableBase, scenario: Scenario, out?: { nodes?: ShockNodes }): FlowTable | undefined {
  try {
    const delta = new Delta(base, scenario);
    const table = delta.run();
    if (out) out.nodes = nodesOf(table, delta.nodeAttrs);
    return table;
  } catch (cause) {
    if (cause instanceof ToGraph) return undefined;
    // An operation's own failure (OpFailure from valueOf): the graph path says it.
    return undefined;
  }
}

class Delta {
  private readonly t: FlowTable;
  private readonly n0: number;
  private readonly f0: number;
  private nodeN: number;
  private keys: string[];
  private attrs: NodeAttributes[];
  private ownNodes = false;
  private nodeDead: Uint8Array | undefined;
  private readonly added = new Map<string, number>();
  private attrsChanged = false;
  private nodesAdded = false;
  private nodesRemoved = false;
  private flowsChanged = false;
  private readonly val: Float64Array;
  private flowDead: Uint8Array | undefined;
  private readonly addSrc: number[] = [];
  private readonly addTgt: number[] = [];
  private readonly addInp: string[] = [];
  /** Nodes whose in-flows were added to or removed from. */
  private readonly touchedIn = new Set<number>();
  private readonly ctx: { currency: string; fx: Readonly<Record<string, number>> };
  /** Each node's attributes in the table's order, once compacted. */
  nodeAttrs: readonly NodeAttributes[] = [];

  constructor(
    private readonly base: TableBase,
    private readonly scenario: Scenario,
  ) {
    const t = (this.t = base.table);
    this.n0 = t.size;
    this.f0 = t.flowSource.length;
    this.nodeN = t.size;
    this.keys = t.keys as string[];
    this.attrs = base.attrs.nodes;
    const adds = scenario.ops.filter((op) => op.op === 'addFlow').length;
    this.val = new Float64Array(this.f0 + adds);
    this.val.set(t.flowValue);
    const attrs = base.graph.getAttributes();
    this.ctx = { currency: attrs.currency ?? 'USD', fx: { ...attrs.fx, ...scenario.fx } };
  }

  run(): FlowTable {
    for (const op of this.scenario.ops) this.apply(op);
    let total = 0;
    for (let f = 0; f < this.flowCount(); f++) if (!this.flowDead?.[f]) total += this.val[f]!;
    if (!(total < SAFE_TOTAL)) throw new ToGraph();
    return this.compact();
  }

  private flowCount = () => this.f0 + this.addSrc.length;
  private srcOf = (f: number) => (f < this.f0 ? this.t.flowSource[f]! : this.addSrc[f - this.f0]!);
  private tgtOf = (f: number) => (f < this.f0 ? this.t.flowTarget[f]! : this.addTgt[f - this.f0]!);
  private inputOf = (f: number) => (f < this.f0 ? this.t.inputs[this.t.flowInput[f]!]! : this.addInp[f - this.f0]!);
  private outAdj = () => (this.base.out ??= adjacency(this.n0, this.t.flowSource));
  private inAdj = () => (this.base.in ??= adjacency(this.n0, this.t.flowTarget));

  private lookup(key: string): number | undefined {
    const a = this.added.get(key);
    if (a !== undefined) return a;
    const b = this.t.indexOf.get(key);
    return b !== undefined && !this.nodeDead?.[b] ? b : undefined;
  }

  private need(key: string): number {
    const i = this.lookup(key);
    if (i === undefined) throw new ToGraph();
    return i;
  }

  private ownNodeArrays(): void {
    if (this.ownNodes) return;
    const cap = this.n0 + this.scenario.ops.filter((op) => op.op === 'addNode').length;
    this.keys = this.keys.slice();
    this.attrs = this.attrs.slice();
    this.keys.length = this.attrs.length = cap;
    this.ownNodes = true;
  }

  private dropFlow(f: number): void {
    (this.flowDead ??= new Uint8Array(this.val.length))[f] = 1;
    this.touchedIn.add(this.tgtOf(f));
    this.flowsChanged = true;
  }

  /** The live flows source -> target of `input`, in graphology's order: newest first. */
  private between(s: number, tg: number, input: string): number[] {
    const found: number[] = [];
    if (s < this.n0) {
      const { start, flows } = this.outAdj();
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const f = flows[k]!;
        if (!this.flowDead?.[f] && this.t.flowTarget[f] === tg && this.t.inputs[this.t.flowInput[f]!] === input) found.push(f);
      }
    }
    for (let k = 0; k < this.addSrc.length; k++) {
      const f = this.f0 + k;
      if (!this.flowDead?.[f] && this.addSrc[k] === s && this.addTgt[k] === tg && this.addInp[k] === input) found.push(f);
    }
    return found.reverse();
  }

  private matches(selector: Selector | undefined): Uint8Array | undefined {
    if (!selector) return undefined;
    const ok = new Uint8Array(this.nodeN);
    for (let i = 0; i < this.nodeN; i++) if (!this.nodeDead?.[i] && matchesSelector(selector, this.keys[i]!, this.attrs[i]!)) ok[i] = 1;
    return ok;
  }

  private apply(op: Operation): void {
    switch (op.op) {
      case 'addNode': {
        if (this.lookup(op.key) !== undefined) throw new ToGraph();
        this.ownNodeArrays();
        const i = this.nodeN++;
        this.keys[i] = op.key;
        this.attrs[i] = { ...op.attributes };
        this.added.set(op.key, i);
        this.nodesAdded = this.attrsChanged = true;
        return;
      }
      case 'setNode': {
        const i = this.need(op.key);
        this.ownNodeArrays();
        this.attrs[i] = { ...this.attrs[i]!, ...op.attributes };
        this.attrsChanged = true;
        return;
      }
      case 'removeNode': {
        const i = this.need(op.key);
        (this.nodeDead ??= new Uint8Array(this.n0 + this.scenario.ops.filter((o) => o.op === 'addNode').length))[i] = 1;
        if (i >= this.n0) this.added.delete(op.key);
        else {
          for (const { start, flows } of [this.outAdj(), this.inAdj()]) {
            for (let k = start[i]!; k < start[i + 1]!; k++) if (!this.flowDead?.[flows[k]!]) this.dropFlow(flows[k]!);
          }
        }
        for (let k = 0; k < this.addSrc.length; k++) {
          const f = this.f0 + k;
          if (!this.flowDead?.[f] && (this.addSrc[k] === i || this.addTgt[k] === i)) this.dropFlow(f);
        }
        this.nodesRemoved = true;
        return;
      }
      case 'addFlow': {
        const s = this.need(op.source);
        const tg = this.need(op.target);
        const value = valueOf(this.ctx, op);
        const [f] = this.between(s, tg, op.input);
        if (f !== undefined) this.val[f] = this.val[f]! + value;
        else {
          // A self-loop is graphology's error to give.
          if (s === tg) throw new ToGraph();
          this.val[this.flowCount()] = value;
          this.addSrc.push(s);
          this.addTgt.push(tg);
          this.addInp.push(op.input);
          this.touchedIn.add(tg);
          this.flowsChanged = true;
        }
        return;
      }
      case 'setFlow': {
        const value = valueOf(this.ctx, op);
        const [first, ...duplicates] = this.between(this.need(op.source), this.need(op.target), op.input);
        if (first === undefined) throw new ToGraph();
        for (const f of duplicates) this.dropFlow(f);
        if (value === 0) this.dropFlow(first);
        else this.val[first] = value;
        return;
      }
      case 'removeFlow': {
        const found = this.between(this.need(op.source), this.need(op.target), op.input);
        if (found.length === 0) throw new ToGraph();
        for (const f of found) this.dropFlow(f);
        return;
      }
      case 'scaleFlows': {
        const inputs = asList(op.where.input);
        const source = this.matches(op.where.source);
        const target = this.matches(op.where.target);
        const inputOk = inputs && this.t.inputs.map((x) => inputs.includes(x));
        for (let f = 0; f < this.flowCount(); f++) {
          if (this.flowDead?.[f]) continue;
          if (inputs && !(f < this.f0 ? inputOk![this.t.flowInput[f]!] : inputs.includes(this.addInp[f - this.f0]!))) continue;
          if ((source && !source[this.srcOf(f)]) || (target && !target[this.tgtOf(f)])) continue;
          this.val[f] = this.val[f]! * op.factor;
        }
        return;
      }
      case 'shiftFlows':
        this.shift(op);
        return;
    }
  }

  /** shift-flows.ts, over the table: the same sums in the same order. */
  private shift(op: Extract<Operation, { op: 'shiftFlows' }>): void {
    const tg = this.need(op.target);
    if (tg >= this.n0 || this.touchedIn.has(tg)) throw new ToGraph();
    const { start, flows } = this.inAdj();
    const byAttrs = new Map<EdgeAttributes, number>();
    for (let k = start[tg]!; k < start[tg + 1]!; k++) byAttrs.set(this.base.attrs.flows[flows[k]!]!, flows[k]!);
    // The target's in-flows in graphology's order, from the graph (the scenario has not changed them).
    const edges: number[] = [];
    this.base.graph.forEachInEdge(this.t.keys[tg]!, (_e, attrs) => {
      if (attrs.input !== op.input) return;
      const f = byAttrs.get(attrs);
      if (f === undefined) throw new ToGraph();
      edges.push(f);
    });
    const pick = (sel: Selector) => edges.filter((f) => matchesSelector(sel, this.keys[this.srcOf(f)]!, this.attrs[this.srcOf(f)]!));
    const from = pick(op.from);
    const to = pick(op.to);
    if (from.length === 0 || to.length === 0) throw new ToGraph();
    const before = new Map(edges.map((f) => [f, this.val[f]!]));
    const fromTotal = from.reduce((s, f) => s + before.get(f)!, 0);
    if (fromTotal === 0) throw new ToGraph();
    const moved = op.fraction * fromTotal;
    const toTotal = to.reduce((s, f) => s + before.get(f)!, 0);
    for (const f of from) this.val[f] = this.val[f]! - op.fraction * before.get(f)!;
    for (const f of to) {
      const gain = toTotal > 0 ? (moved * before.get(f)!) / toTotal : moved / to.length;
      this.val[f] = Math.max(0, this.val[f]! + gain);
    }
  }

  /** The table in the graph's order: live nodes (the baseline's, then those added), live flows likewise. */
  private compact(): FlowTable {
    const t = this.t;
    const flowCount = this.flowCount();
    const nodeTable = this.attrsChanged || this.nodesRemoved ? this.compactNodes() : undefined;
    const nodes = nodeTable ?? { size: t.size, keys: t.keys, labels: t.labels, indexOf: t.indexOf, kindOf: t.kindOf, countryOf: t.countryOf, countries: t.countries, firmOf: t.firmOf, firms: t.firms, at: undefined, attrs: this.attrs };
    this.nodeAttrs = nodes.attrs;
    if (!this.flowsChanged && !this.nodesRemoved) {
      const flowValue = this.val.length === flowCount ? this.val : this.val.slice(0, flowCount);
      return { ...withoutAt(nodes), flowSource: t.flowSource, flowTarget: t.flowTarget, flowInput: t.flowInput, flowValue, inputs: t.inputs };
    }
    let live = 0;
    for (let f = 0; f < flowCount; f++) if (!this.flowDead?.[f]) live++;
    const flowSource = new Uint32Array(live);
    const flowTarget = new Uint32Array(live);
    const flowInput = new Uint32Array(live);
    const flowValue = new Float64Array(live);
    const inputs: string[] = [];
    const inputIds = new Map<string, number>();
    const remap = new Int32Array(t.inputs.length).fill(-1);
    const at = nodes.at;
    let j = 0;
    for (let f = 0; f < flowCount; f++) {
      if (this.flowDead?.[f]) continue;
      const s = this.srcOf(f);
      const tg = this.tgtOf(f);
      flowSource[j] = at ? at[s]! : s;
      flowTarget[j] = at ? at[tg]! : tg;
      if (f < this.f0) {
        const b = t.flowInput[f]!;
        if (remap[b]! < 0) remap[b] = idOf(inputIds, inputs, t.inputs[b]!);
        flowInput[j] = remap[b]!;
      } else flowInput[j] = idOf(inputIds, inputs, this.addInp[f - this.f0]!);
      flowValue[j] = this.val[f]!;
      j++;
    }
    return { ...withoutAt(nodes), flowSource, flowTarget, flowInput, flowValue, inputs };
  }

  private compactNodes() {
    const t = this.t;
    const base = this.base.attrs.nodes;
    const at = new Int32Array(this.nodeN).fill(-1);
    let size = 0;
    for (let i = 0; i < this.nodeN; i++) if (!this.nodeDead?.[i]) at[i] = size++;
    const keys: string[] = new Array(size);
    const labels: string[] = new Array(size);
    const attrsOut: NodeAttributes[] = new Array(size);
    const kindOf = new Uint8Array(size);
    const countryOf = new Uint32Array(size);
    const firmOfNode = new Uint32Array(size);
    const countries: string[] = [];
    const countryIds = new Map<string, number>();
    const countryRemap = new Int32Array(t.countries.length).fill(-1);
    const firms: string[] = [];
    const firmIds = new Map<string, number>();
    const firmRemap = new Int32Array(t.firms.length).fill(-1);
    const structure = this.nodesAdded || this.nodesRemoved;
    const indexOf = structure ? new Map<string, number>() : t.indexOf;
    for (let i = 0; i < this.nodeN; i++) {
      const j = at[i]!;
      if (j < 0) continue;
      const key = this.keys[i]!;
      const attrs = this.attrs[i]!;
      keys[j] = key;
      attrsOut[j] = attrs;
      labels[j] = attrs.label;
      if (structure) (indexOf as Map<string, number>).set(key, j);
      if (i < this.n0 && attrs === base[i]) {
        kindOf[j] = t.kindOf[i]!;
        const c = t.countryOf[i]!;
        if (countryRemap[c]! < 0) countryRemap[c] = idOf(countryIds, countries, t.countries[c]!);
        countryOf[j] = countryRemap[c]!;
        const m = t.firmOf[i]!;
        if (firmRemap[m]! < 0) firmRemap[m] = idOf(firmIds, firms, t.firms[m]!);
        firmOfNode[j] = firmRemap[m]!;
      } else {
        kindOf[j] = Math.max(0, kindIndex(attrs.kind));
        countryOf[j] = idOf(countryIds, countries, attrs.country);
        firmOfNode[j] = idOf(firmIds, firms, firmOf(key, attrs));
      }
    }
    return { size, keys, labels, indexOf, kindOf, countryOf, countries, firmOf: firmOfNode, firms, at: this.nodesRemoved ? at : undefined, attrs: attrsOut };
  }
}

function withoutAt<T extends { at: unknown; attrs: unknown }>(nodes: T): Omit<T, 'at' | 'attrs'> {
  const { at: _at, attrs: _attrs, ...rest } = nodes;
  return rest;
}

/** A scenario table's nodes as a shock reads them (shock-hits.ts), in the table's order as in the graph's. */
function nodesOf(table: FlowTable, attrs: readonly NodeAttributes[]): ShockNodes {
  return {
    hasNode: (key) => table.indexOf.has(key),
    getNodeAttributes: (key) => attrs[table.indexOf.get(key)!]!,
    filterNodes: (keep) => table.keys.filter((key, i) => keep(key, attrs[i]!)),
  };
}
