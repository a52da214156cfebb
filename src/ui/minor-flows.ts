/**
 * The flows not drawn on a big graph (`minor`), kept out of sigma's graph: sigma indexes every item of its graph,
 * hidden ones too, in one task, and 40,000 flows never drawn cost as much as the 10,000 drawn (docs/scale.md, In the
 * app). The graph view adds a node's own to sigma's graph when it is hovered or selected, and the ones a scenario
 * changed when they are marked (display-graph.ts, showMinorFlows).
 *
 * They are kept as places among the document's flows, listed per node in typed arrays; a flow's object (its key,
 * ends and display attributes) is made the first time it is asked for, and is the same object after. Making all
 * 40,000 of them, with a list per node, was most of the display graph's build at 10,000 nodes.
 */
import type { GraphView } from '../worker/protocol.ts';
import { edgeKeyAt } from './doc-index.ts';

/** A flow not drawn on a big graph, kept beside sigma's graph. `A`: its display attributes. */
export interface MinorFlow<A> {
  key: string;
  source: string;
  target: string;
  attributes: A;
}

type View = Pick<GraphView, 'ends'> & { document: Pick<GraphView['document'], 'nodes' | 'edges'> };

export class MinorFlows<A> {
  /** How many flows are minor. */
  readonly size: number;
  private readonly made: (MinorFlow<A> | undefined)[];
  private slotOfKey: Map<string, number> | null = null;
  private placeOfNode: Map<string, number> | null = null;

  /**
   * `flows`: the minor flows' places in the document, in its order. `starts` and `slots`: per node place, its
   * minor flows (as supplier or customer) as indices into `flows`, from `starts[p]` to `starts[p + 1]`.
   */
  private constructor(private readonly view: View, private readonly flows: Int32Array, private readonly starts: Int32Array, private readonly slots: Int32Array, private readonly attributesOf: (flow: number) => A) {
    this.size = flows.length;
    this.made = new Array<MinorFlow<A> | undefined>(flows.length);
  }

  /** The minor flows among a view's flows: `isMinor(i)` says whether flow i is one. */
  static of<A>(view: View, isMinor: (flow: number) => boolean, attributesOf: (flow: number) => A): MinorFlows<A> {
    const { ends } = view;
    const count = view.document.edges.length;
    const nodes = view.document.nodes.length;
    const all = new Int32Array(count);
    let n = 0;
    const starts = new Int32Array(nodes + 1);
    for (let i = 0; i < count; i++) {
      if (!isMinor(i)) continue;
      all[n++] = i;
      const s = ends[2 * i]!, t = ends[2 * i + 1]!;
      starts[s + 1]!++;
      if (t !== s) starts[t + 1]!++;
    }
    for (let p = 0; p < nodes; p++) starts[p + 1]! += starts[p]!;
    const flows = all.slice(0, n);
    const slots = new Int32Array(starts[nodes]!);
    const next = starts.slice(0, nodes);
    for (let k = 0; k < n; k++) {
      const i = flows[k]!;
      const s = ends[2 * i]!, t = ends[2 * i + 1]!;
      slots[next[s]!++] = k;
      if (t !== s) slots[next[t]!++] = k;
    }
    return new MinorFlows(view, flows, starts, slots, attributesOf);
  }

  /** A node's minor flows, as supplier or customer, in the document's order. */
  ofNode(key: string): MinorFlow<A>[] {
    this.placeOfNode ??= new Map(this.view.document.nodes.map((node, p) => [node.key, p]));
    const p = this.placeOfNode.get(key);
    if (p === undefined) return [];
    const out: MinorFlow<A>[] = [];
    for (let j = this.starts[p]!; j < this.starts[p + 1]!; j++) out.push(this.at(this.slots[j]!));
    return out;
  }

  /** The minor flow with this key (edgeKeyAt); undefined for a flow drawn, or none. */
  get(key: string): MinorFlow<A> | undefined {
    if (!this.slotOfKey) {
      const edges = this.view.document.edges;
      this.slotOfKey = new Map();
      for (let k = 0; k < this.flows.length; k++) this.slotOfKey.set(edgeKeyAt(edges[this.flows[k]!]!, this.flows[k]!), k);
    }
    const k = this.slotOfKey.get(key);
    return k === undefined ? undefined : this.at(k);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every minor flow, in the document's order. */
  *values(): IterableIterator<MinorFlow<A>> {
    for (let k = 0; k < this.flows.length; k++) yield this.at(k);
  }

  private at(k: number): MinorFlow<A> {
    let f = this.made[k];
    if (!f) {
      const i = this.flows[k]!;
      const e = this.view.document.edges[i]!;
      f = this.made[k] = { key: edgeKeyAt(e, i), source: e.source, target: e.target, attributes: this.attributesOf(i) };
    }
    return f;
  }
}
