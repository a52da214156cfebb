/**
 * The graph sigma draws: the scenario's nodes and flows with positions,
 * colours by kind and widths by value, plus, when asked, one derived node per
 * country with a "sits in" link from each of its nodes. Figures are not
 * computed here; sizes come from the engine's numbers through the UI state.
 */
import { MultiDirectedGraph } from 'graphology';
import type { NodeKind } from '../model/schema.ts';
import { countryLabel, placeName } from './words.ts';
import type { GraphView, Positions, ViewAhead } from '../worker/protocol.ts';
import { edgeKeyAt } from './doc-index.ts';
import { drain, idle, inSlices, nextTask } from './next-task.ts';
import { COUNTRY_NODE_COLOR, EDGE_COLOR, KIND_COLORS, shortLabel } from './look.ts';
import { LOD_NODES, type LevelAttributes, type LodIndex } from './level-of-detail.ts';
import { MinorFlows as MinorFlowsOf, type MinorFlow as MinorFlowOf } from './minor-flows.ts';

export interface DisplayNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  fullLabel: string;
  kind: NodeKind | 'country';
  country: string;
}
export interface DisplayEdge {
  size: number;
  color: string;
  input: string;
  value: number;
  /** A derived "sits in" link, not a flow. */
  sitsIn: boolean;
  /** Not among the MAX_DRAWN_FLOWS drawn on a big graph: in sigma's graph once its node was hovered or selected, shown only while it is. */
  minor: boolean;
}

export type MinorFlow = MinorFlowOf<DisplayEdge>;
/** The flows not drawn on a big graph, kept beside sigma's graph (minor-flows.ts). */
export type MinorFlows = MinorFlowsOf<DisplayEdge>;
/**
 * A big graph's drawn flows and "sits in" links, in the graph's order, kept out of it by its build. The graph view
 * puts them in as sigma takes the graph (in slices when there are many: attach-in-slices.ts), or, when they are
 * drawn as thin lines, keeps them out for good and strokes them beside sigma's (graph-view.ts, flowsBeside): putting
 * 10,000 flows in, taking them out and putting them back cost the attaching task 15 to 30 ms more (docs/scale.md,
 * In the app).
 */
export interface DetachedFlows {
  /** null: a "sits in" link, whose key graphology makes. */
  keys: (string | null)[];
  sources: string[];
  targets: string[];
  attributes: DisplayEdge[];
}
export interface DisplayGraphAttributes {
  /** The flows kept out of the graph; null when every flow is in it. */
  minor: MinorFlows | null;
  /** The flows drawn, not (yet) in the graph; absent or null when they are in it. */
  detached?: DetachedFlows | null;
  /**
   * Above LOD_NODES nodes: its nodes and every flow as arrays, for the levels the view draws (level-of-detail.ts);
   * its flows not drawn are then not kept as `minor` (a level shows them summed).
   */
  lod?: LodIndex | null;
  /** On a level (level-of-detail.ts) of a big graph: what it shows. */
  level?: LevelAttributes | null;
}
export type DisplayGraph = MultiDirectedGraph<DisplayNode, DisplayEdge, DisplayGraphAttributes>;

/** The flows a build left out of the graph for the graph view to put in (none unless built with `detach`). */
export const detachedFlows = (g: DisplayGraph): DetachedFlows | null => g.getAttribute('detached') ?? null;

/** Puts flows `from` to `to` of `flows` in the graph, in their order. */
export function putFlows(g: DisplayGraph, flows: DetachedFlows, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const key = flows.keys[i];
    if (key === null) g.addDirectedEdge(flows.sources[i]!, flows.targets[i]!, flows.attributes[i]!);
    else g.addDirectedEdgeWithKey(key, flows.sources[i]!, flows.targets[i]!, flows.attributes[i]!);
  }
}

/** Puts every flow its build left out in the graph at once. */
export function putDetachedFlows(g: DisplayGraph): void {
  const flows = detachedFlows(g);
  if (!flows) return;
  g.setAttribute('detached', null);
  putFlows(g, flows, 0, flows.keys.length);
}

/** The graph's minor flows kept beside it (none on a small graph). */
export const minorFlows = (g: DisplayGraph): MinorFlows | null => g.getAttribute('minor') ?? null;

/** The minor flows wanted in sigma's graph, by key: the focused (hovered, else selected) node's own, and those a scenario marks. */
export function wantedMinorFlows(minor: MinorFlows, focus: string | null, marked: Iterable<string> | null): Map<string, MinorFlow> {
  const want = new Map<string, MinorFlow>();
  if (focus) for (const f of minor.ofNode(focus)) want.set(f.key, f);
  if (marked) {
    for (const k of marked) {
      const f = minor.get(k);
      if (f) want.set(k, f);
    }
  }
  return want;
}

/**
 * Puts in the graph the wanted minor flows it does not hold yet, and records them in `shown`; whether any came.
 * They stay once in (the edge reducer hides a minor flow whose node is not in focus): sigma indexes an added
 * flow alone, but a dropped one with every item of the graph, too long a task for each move of the mouse.
 */
export function showMinorFlows(g: DisplayGraph, shown: Set<string>, want: Map<string, MinorFlow>): boolean {
  let came = false;
  for (const [k, f] of want) {
    if (shown.has(k)) continue;
    g.addDirectedEdgeWithKey(k, f.source, f.target, { ...f.attributes });
    shown.add(k);
    came = true;
  }
  return came;
}

const COUNTRY_PREFIX = 'country:';
export const countryNodeKey = (code: string) => `${COUNTRY_PREFIX}${code}`;
/** The country code of a country node's key; null for any other node. */
export const countryOfNodeKey = (key: string): string | null => (key.startsWith(COUNTRY_PREFIX) ? key.slice(COUNTRY_PREFIX.length) : null);

/**
 * Above this many flows, only this many are drawn: the largest by their share of the customer's input
 * (each buyer's main suppliers), the others with their node hovered or selected (kept beside sigma's
 * graph meanwhile: `MinorFlows`). Every flow stays in every figure; 50,000 flows drawn are a grey blot,
 * and software WebGL spent 0.4 s on each redraw of them (docs/scale.md, In the app).
 */
export const MAX_DRAWN_FLOWS = 10_000;

/** Where country nodes go: a column left of the chain, or above the middle of their own nodes (on the map). */
export type CountryPlacement = 'column' | 'centroid';

/** `detach`: its drawn flows and "sits in" links are left out, listed in `detached` for the graph view. */
export function buildDisplayGraph(view: GraphView, positions: Positions, withCountries: boolean, placement: CountryPlacement = 'column', { detach = false } = {}): DisplayGraph {
  return drain(displaySteps(view, positions, withCountries, placement, detach));
}

/**
 * The same graph, built in slices of about `sliceMs` with the main thread given back between them:
 * at 10,000 nodes and 50,000 flows the build is a task of 0.3 s otherwise (docs/scale.md, In the app).
 * `detach`: its drawn flows and "sits in" links are left out, listed in `detached` for the graph view.
 * When the view's document came ahead of it (`buildAhead`), the part of the build made then is taken up.
 */
export async function buildDisplayGraphInSlices(view: GraphView, positions: Positions, withCountries: boolean, placement: CountryPlacement = 'column', { sliceMs = 20, detach = false } = {}): Promise<DisplayGraph> {
  const ahead = takeBuiltAhead(view, detach);
  // Not in the task that asked (a message's, already long).
  await nextTask();
  const unplaced = ahead ? await ahead : await inSlices(unplacedSteps(view, detach), sliceMs);
  const g = await inSlices(placedSteps(unplaced, view, positions, withCountries, placement), sliceMs);
  // The last slice's task is over before the caller draws the graph (a long task of its own at this size),
  // and the browser has had an idle moment to collect the garbage of the build and the view's messages,
  // which otherwise could fall in that task (it took 60 to 80 ms, or 140 to 170 with a collection in it).
  await idle(100);
  return g;
}

/** The builds begun on a document that came ahead of its view, by its list of nodes (the view's, once it comes). */
const builtAhead = new WeakMap<object, { edges: object; shares: Float64Array; detach: boolean; build: Promise<Unplaced> }>();

/**
 * Begins, in slices, the build of the graph of a document that came ahead of its view: everything but its
 * positions and country nodes, which `buildDisplayGraphInSlices` adds when the view comes. At 10,000 nodes this
 * is most of the build, made while the worker lays the graph out (docs/scale.md, In the app).
 */
export function buildAhead(ahead: ViewAhead, { sliceMs = 20, detach = true } = {}): void {
  const build = nextTask().then(() => inSlices(unplacedSteps(ahead, detach), sliceMs));
  builtAhead.set(ahead.document.nodes, { edges: ahead.document.edges, shares: ahead.shares, detach, build });
}

/** Whether a build begun ahead on these nodes waits for its view (tests). */
export const builtAheadWaits = (nodes: object): boolean => builtAhead.has(nodes);

/** The build begun ahead for this view, taken (it is used once), if it was begun on its nodes and flows. */
function takeBuiltAhead(view: GraphView, detach: boolean): Promise<Unplaced> | null {
  const ahead = builtAhead.get(view.document.nodes);
  if (!ahead) return null;
  builtAhead.delete(view.document.nodes);
  // The preview holds the very arrays that came ahead (client.ts puts the moved figures back in it).
  const same = ahead.edges === view.document.edges && ahead.shares === view.shares && ahead.detach === detach;
  return same ? ahead.build : null;
}

/** Every STEP items the build yields: a point where it may give the main thread back. */
const STEP = 500;

/** A build before its positions: its nodes at (0, 0), in the document's order (`attributes`), and its flows. */
interface Unplaced {
  g: DisplayGraph;
  attributes: DisplayNode[];
  detached: DetachedFlows | null;
  lod: ReturnType<typeof lodNodes> | null;
  addEdge: (key: string | null, source: string, target: string, attributes: DisplayEdge) => void;
}

function* displaySteps(view: GraphView, positions: Positions, withCountries: boolean, placement: CountryPlacement, detach = false): Generator<void, DisplayGraph> {
  const unplaced = yield* unplacedSteps(view, detach);
  return yield* placedSteps(unplaced, view, positions, withCountries, placement);
}

function* unplacedSteps(view: ViewAhead, detach: boolean): Generator<void, Unplaced> {
  const g: DisplayGraph = new MultiDirectedGraph();
  g.setAttribute('minor', null);
  const detached: DetachedFlows | null = detach ? { keys: [], sources: [], targets: [], attributes: [] } : null;
  const addEdge = (key: string | null, source: string, target: string, attributes: DisplayEdge) => {
    if (detached) {
      detached.keys.push(key);
      detached.sources.push(source);
      detached.targets.push(target);
      detached.attributes.push(attributes);
    } else if (key === null) g.addDirectedEdge(source, target, attributes);
    else g.addDirectedEdgeWithKey(key, source, target, attributes);
  };
  let n = 0;
  const nodes = view.document.nodes;
  const attributes = new Array<DisplayNode>(nodes.length);
  const lod = nodes.length > LOD_NODES ? lodNodes(nodes.length) : null;
  for (const { key, attributes: a } of nodes) {
    // A buyer's label is never cut (the focus buyer's name is the headline's subject); others are, to 26 characters.
    const node: DisplayNode = { x: 0, y: 0, size: 5, color: KIND_COLORS[a.kind], label: a.kind === 'demand' ? a.label : shortLabel(a.label), fullLabel: a.label, kind: a.kind, country: a.country };
    g.addNode(key, node);
    attributes[n] = node;
    if (lod) lod.put(n, key, a.country, a.kind);
    if (++n % STEP === 0) yield;
  }
  let max = 0;
  for (const e of view.document.edges) max = Math.max(max, e.attributes.value);
  yield;
  const drawn = yield* drawnFlowsSteps(view, MAX_DRAWN_FLOWS);
  const edges = view.document.edges;
  const sizeOf = (value: number) => (max > 0 ? 0.4 + 5 * Math.sqrt(value / max) : 0.5);
  const flowAttributes = (i: number, minor: boolean): DisplayEdge => {
    const a = edges[i]!.attributes;
    return { size: sizeOf(a.value), color: EDGE_COLOR, input: a.input, value: a.value, sitsIn: false, minor };
  };
  // A big graph's levels sum its flows not drawn: they are not kept one by one.
  const minor: MinorFlows | null = drawn && !lod ? MinorFlowsOf.of(view, (i) => drawn[i] === 0, (i) => flowAttributes(i, true)) : null;
  const index = lod?.flows(edges.length) ?? null;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const isMinor = drawn !== null && drawn[i] === 0;
    if (index) index.put(i, view.ends[2 * i]!, view.ends[2 * i + 1]!, e.attributes.value, isMinor || !detached ? -1 : detached.keys.length);
    if (!isMinor) addEdge(edgeKeyAt(e, i), e.source, e.target, flowAttributes(i, false));
    if ((i + 1) % STEP === 0) yield;
  }
  g.setAttribute('minor', minor);
  return { g, attributes, detached, lod, addEdge };
}

/** The build's nodes put at their positions, then its country nodes when asked. */
function* placedSteps({ g, attributes, detached, lod, addEdge }: Unplaced, view: Pick<GraphView, 'document'>, positions: Positions, withCountries: boolean, placement: CountryPlacement): Generator<void, DisplayGraph> {
  const nodes = view.document.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const p = positions[nodes[n]!.key] ?? { x: 0, y: 0 };
    // Not yet any listener to tell: the graph is sigma's only when the build returns it.
    attributes[n]!.x = p.x;
    attributes[n]!.y = p.y;
    if (lod) lod.place(n, p.x, p.y);
    if ((n + 1) % (4 * STEP) === 0) yield;
  }
  if (withCountries) addCountryNodes(g, placement, addEdge);
  if (detached) g.setAttribute('detached', detached);
  if (lod) g.setAttribute('lod', lod.index);
  return g;
}

/**
 * A big graph's level-of-detail index (level-of-detail.ts, LodIndex), filled as the build goes: its nodes, then
 * every flow (its place among the drawn flows: `drawnAt`, -1 when not drawn, or when the build keeps no list of them).
 */
function lodNodes(count: number) {
  const index: LodIndex = {
    keys: new Array<string>(count), xs: new Float64Array(count), ys: new Float64Array(count), group: new Int32Array(count), groups: [],
    sources: new Int32Array(0), targets: new Int32Array(0), values: new Float64Array(0), drawnAt: new Int32Array(0),
  };
  const groupAt = new Map<string, number>();
  return {
    index,
    put(i: number, key: string, country: string, kind: NodeKind) {
      index.keys[i] = key;
      const name = `${country}\u0000${kind}`;
      let g = groupAt.get(name);
      if (g === undefined) {
        g = index.groups.length;
        groupAt.set(name, g);
        index.groups.push({ country, kind });
      }
      index.group[i] = g;
    },
    place(i: number, x: number, y: number) {
      index.xs[i] = x;
      index.ys[i] = y;
    },
    flows(edges: number) {
      index.sources = new Int32Array(edges);
      index.targets = new Int32Array(edges);
      index.values = new Float64Array(edges);
      index.drawnAt = new Int32Array(edges);
      return {
        put(e: number, source: number, target: number, value: number, drawnAt: number) {
          index.sources[e] = source;
          index.targets[e] = target;
          index.values[e] = value;
          index.drawnAt[e] = drawnAt;
        },
      };
    },
  };
}

/**
 * Which flows are drawn (1) when there are more than MAX_DRAWN_FLOWS: every customer's largest by share,
 * then every customer's second and third, then the largest shares left, so that every node shows where it
 * buys; null: all of them.
 */
export function drawnFlows(view: ViewAhead, limit = MAX_DRAWN_FLOWS): Uint8Array | null {
  return drain(drawnFlowsSteps(view, limit));
}

function* drawnFlowsSteps(view: ViewAhead, limit: number): Generator<void, Uint8Array | null> {
  const edges = view.document.edges;
  if (edges.length <= limit) return null;
  const share = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const s = view.shares[i]!;
    share[i] = Number.isNaN(s) ? 0 : s;
    if ((i + 1) % STEP === 0) yield;
  }
  const order = yield* sortByShareSteps(share);
  // Each flow's rank among its customer's flows; every customer's largest go first, then their second largest…
  const rank = new Uint32Array(edges.length);
  let customers = 0;
  for (let i = 0; i < edges.length; i++) customers = Math.max(customers, view.ends[2 * i + 1]! + 1);
  const seen = new Uint32Array(customers);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const t = view.ends[2 * i + 1]!;
    rank[i] = seen[t]!;
    seen[t]!++;
    if ((j + 1) % STEP === 0) yield;
  }
  const drawn = new Uint8Array(edges.length);
  let count = 0;
  for (let r = 0; r <= PER_CUSTOMER && count < limit; r++) {
    for (const i of order) {
      if (count >= limit) break;
      if (drawn[i] || (r < PER_CUSTOMER && rank[i] !== r)) continue;
      drawn[i] = 1;
      count++;
    }
    yield;
  }
  return drawn;
}
const PER_CUSTOMER = 3;

/**
 * The places 0 … n−1 sorted by share, largest first, then by place: each share to 2^-31 (shares within 2^-31 of
 * each other go by place), in a stable radix sort of two 16-bit digits that yields every SORT_STEP places. One
 * typed-array sort of 500,000 numbers was a main-thread task of 0.15 s, a comparator's 0.3 s (docs/scale.md, In the app).
 */
function* sortByShareSteps(share: Float64Array): Generator<void, Uint32Array> {
  const n = share.length;
  const key = new Uint32Array(n);
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = Math.round((1 - Math.min(1, Math.max(0, share[i]!))) * 2 ** 31);
    from[i] = i;
    if ((i + 1) % SORT_STEP === 0) yield;
  }
  let to = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const start = new Uint32Array(0x10001);
    for (let i = 0; i < n; i++) start[((key[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 0x10000; d++) start[d + 1]! += start[d]!;
    yield;
    for (let i = 0; i < n; i++) {
      const p = from[i]!;
      to[start[(key[p]! >>> shift) & 0xffff]!++] = p;
      if ((i + 1) % SORT_STEP === 0) yield;
    }
    [from, to] = [to, from];
  }
  return from;
}
const SORT_STEP = 8192;

/** sortByShareSteps at once (tests). */
export const sharesOrder = (share: Float64Array): Uint32Array => drain(sortByShareSteps(share));

/**
 * Where each country's node goes: in a column left of the chain, ordered by
 * the mean height of the country's nodes ('column'), or just above its nodes
 * ('centroid', the map). Keyed by country code; pure, so a change of layout
 * moves the country nodes without building a display graph.
 */
export function countryPlaces(nodes: readonly { country: string; x: number; y: number }[], placement: CountryPlacement): Map<string, { x: number; y: number }> {
  const members = new Map<string, { x: number; y: number }[]>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const list = members.get(n.country);
    if (list) list.push(n);
    else members.set(n.country, [n]);
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
  }
  const meanY = new Map([...members].map(([code, list]) => [code, list.reduce((s, p) => s + p.y, 0) / list.length]));
  const codes = [...members.keys()].sort((a, b) => meanY.get(b)! - meanY.get(a)!);
  const gap = codes.length > 1 ? (maxY - minY) / (codes.length - 1) : 0;
  // One column's width to the left of the chain (a quarter of its width: it has five columns).
  const spanX = Math.max(1, (maxX - minX) / 4);
  const lift = (maxY - minY) / 20;
  return new Map(
    codes.map((code, i) => {
      const list = members.get(code)!;
      const at = placement === 'centroid'
        ? { x: list.reduce((s, p) => s + p.x, 0) / list.length, y: list.reduce((m, p) => Math.max(m, p.y), -Infinity) + lift }
        : { x: minX - spanX, y: maxY - i * gap };
      return [code, at];
    }),
  );
}

/** One node per country, placed by countryPlaces, linked from each node that sits in it. */
function addCountryNodes(g: DisplayGraph, placement: CountryPlacement, addEdge: (key: null, source: string, target: string, a: DisplayEdge) => void) {
  const members = new Map<string, string[]>();
  const nodes: { country: string; x: number; y: number }[] = [];
  g.forEachNode((k, a) => {
    const list = members.get(a.country);
    if (list) list.push(k);
    else members.set(a.country, [k]);
    nodes.push({ country: a.country, x: a.x, y: a.y });
  });
  for (const [code, at] of countryPlaces(nodes, placement)) {
    const key = countryNodeKey(code);
    g.addNode(key, {
      x: at.x,
      y: at.y,
      size: 7,
      color: COUNTRY_NODE_COLOR,
      label: placeName(code),
      fullLabel: countryLabel(code),
      kind: 'country',
      country: code,
    });
    for (const m of members.get(code)!) addEdge(null, m, key, { size: 0.3, color: '#d3d8de', input: 'sits-in', value: 0, sitsIn: true, minor: false });
  }
}
