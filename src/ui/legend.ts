/** The legend, which is also the filter: a toggle per kind, a country and an input picker; the what-if colour key. */
import { NODE_KINDS, type GraphDocument } from '../model/schema.ts';
import { comparing as isComparing, hasFailure, type AppState } from '../state/app-state.ts';
import { h } from './dom.ts';
import { COUNTRY_NODE_COLOR, FAILED_COLOR, KIND_COLORS, KIND_NAMES, LOSS_COLOR } from './look.ts';
import { countryLabel } from './words.ts';
import { colourChoices, colourChoicesScan, type Colouring } from './colour-by.ts';
import { pct } from '../report/format.ts';
import { BETWEENNESS_EXACT_NODES } from '../worker/betweenness.ts';
import type { GraphView } from '../worker/protocol.ts';
import { keptScan, SCAN_STEP } from './next-task.ts';

export interface LegendActions {
  /** What colours the nodes (colour-by.ts). */
  setColorBy?(by: string): void;
  toggleKind(kind: (typeof NODE_KINDS)[number]): void;
  setCountry(code: string): void;
  setInput(input: string): void;
}

/** The colour control and, when the colour is not the kind's, the key of the colours: the legend follows the colour. */
function colourPart(s: AppState, act: LegendActions, colouring: Colouring | null): { control: HTMLElement | null; key: HTMLElement | null } {
  const doc = s.view.status === 'done' ? s.view.value.document : null;
  if (!doc || !act.setColorBy) return { control: null, key: null };
  const select = h('select', { id: 'colour-by', 'aria-label': 'Colour nodes by', onchange: (e) => act.setColorBy!((e.target as HTMLSelectElement).value) });
  for (const c of colourChoices(doc.nodes)) select.append(h('option', { value: c.value, selected: c.value === s.colorBy }, c.label));
  const control = h('label', { className: 'legend-colour' }, 'Colour ', select);
  const key = colouring?.key;
  if (!key || s.colorBy === 'kind') return { control, key: null };
  if (key.type === 'ramp') {
    const f = (v: number) => (s.colorBy === 'impact' ? pct(v) : Number.isInteger(v) ? String(v) : v.toPrecision(3));
    return { control, key: h('p', { className: 'legend-whatif', id: 'colour-key' }, f(key.min), ' ', h('span', { className: 'swatch ramp', style: `background:linear-gradient(90deg,${key.from},${key.to})` }), ' ', f(key.max), key.missing ? ` · ${key.missing} without a value (grey)` : '') };
  }
  return {
    control,
    key: h('ul', { className: 'legend-kinds', id: 'colour-key' },
      ...key.items.map((i) => h('li', { className: 'legend-country', title: `${i.label}: ${i.count} node${i.count === 1 ? '' : 's'}` }, h('span', { className: 'swatch', style: `background:${i.color}`, 'aria-hidden': 'true' }), i.label)),
      key.rest ? h('li', { className: 'legend-country' }, h('span', { className: 'swatch', style: 'background:#bab0ac', 'aria-hidden': 'true' }), `other (${key.rest})`) : null),
  };
}

export function renderLegend(s: AppState, act: LegendActions, colouring: Colouring | null = null): HTMLElement {
  const colour = colourPart(s, act, colouring);
  const byKind = s.colorBy === 'kind';
  const doc = s.view.status === 'done' ? s.view.value.document : null;
  const present = kindsPresent(doc);
  const makes = inputsByKind(s.view.status === 'done' ? s.view.value : null);
  const kinds = h('ul', { className: 'legend-kinds' });
  for (const k of NODE_KINDS) {
    if (!present.has(k)) continue;
    const on = !s.filters.hiddenKinds.includes(k);
    kinds.append(h('li', {}, h('button', { type: 'button', 'aria-pressed': String(on), 'data-focus': `kind-${k}`, title: `${on ? 'Hide' : 'Show'} ${KIND_NAMES[k]}${makes.get(k)?.length ? ` (in this graph they supply ${makes.get(k)!.join(', ')})` : ''}`, onclick: () => act.toggleKind(k) },
      byKind ? h('span', { className: 'swatch', style: `background:${KIND_COLORS[k]}`, 'aria-hidden': 'true' }) : null, KIND_NAMES[k])));
  }
  if (s.countries === 'nodes') kinds.append(h('li', { className: 'legend-country' }, h('span', { className: 'swatch', style: `background:${COUNTRY_NODE_COLOR}`, 'aria-hidden': 'true' }), 'Countries (grey links: sits in)'));
  const whatIf = hasFailure(s.failure)
    ? h('p', { className: 'legend-whatif' },
        h('span', { className: 'swatch', style: `background:${FAILED_COLOR}` }), 'stopped ',
        h('span', { className: 'swatch ramp', style: `background:linear-gradient(90deg,#f3c2b8,${LOSS_COLOR})` }), 'supply lost (darker: more); pale: unaffected')
    : null;
  const compare = isComparing(s)
    ? h('p', { className: 'legend-whatif' }, h('span', { className: 'swatch', style: 'background:#2b8a3e' }), 'flow added or raised ', h('span', { className: 'swatch', style: 'background:#c0392b' }), 'flow cut; ● node changed')
    : null;
  return h('div', { className: 'legend', role: 'group', 'aria-label': 'Legend: node colours, and the kinds (press to hide or show)' }, colour.control, kinds, colour.key, h('p', { className: 'legend-size', id: 'size-caption' }, sizeCaption(s)), whatIf, compare);
}

/** The kinds a document's nodes have, per document (the legend is drawn at each change; 300,000 nodes took 90 ms). */
const kindsScan = keptScan((doc: Pick<GraphDocument, 'nodes'>) => doc, (doc) => valuesSteps(doc.nodes, (n) => n.attributes.kind));
const kindsPresent = (doc: Pick<GraphDocument, 'nodes'> | null): Set<string> => (doc ? kindsScan.now(doc) : new Set());

/** The distinct values `of` gives over a list, a step every SCAN_STEP items. */
function* valuesSteps<T>(list: readonly T[], of: (item: T) => string): Generator<void, Set<string>> {
  const values = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    values.add(of(list[i]!));
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  return values;
}

/**
 * What each kind supplies in this graph, the most flows first (at most four inputs): the legend's tooltips. Suppliers
 * found by the view's `ends` (places among its nodes), inputs counted per kind in typed arrays. Kept per document:
 * the legend is drawn at each change, and 500,000 flows took 0.2 s (docs/scale.md).
 */
const inputsScan = keptScan((view: Pick<GraphView, 'document' | 'ends'>) => view.document, function* (view): Generator<void, Map<string, string[]>> {
  const doc = view.document;
  const kindAt = new Uint8Array(doc.nodes.length);
  for (let i = 0; i < doc.nodes.length; i++) {
    kindAt[i] = NODE_KINDS.indexOf(doc.nodes[i]!.attributes.kind);
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  const counts = new Map<string, Uint32Array>();
  for (let i = 0; i < doc.edges.length; i++) {
    const input = doc.edges[i]!.attributes.input;
    let c = counts.get(input);
    if (!c) counts.set(input, (c = new Uint32Array(NODE_KINDS.length)));
    c[kindAt[view.ends[2 * i]!]!]!++;
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  const out = new Map<string, string[]>();
  NODE_KINDS.forEach((k, j) => {
    const made = [...counts].filter(([, c]) => c[j]! > 0).sort((a, b) => b[1][j]! - a[1][j]! || (a[0] < b[0] ? -1 : 1));
    if (made.length > 0) out.set(k, made.slice(0, 4).map(([i]) => i));
  });
  return out;
});
const inputsByKind = (view: Pick<GraphView, 'document' | 'ends'> | null): Map<string, string[]> => (view ? inputsScan.now(view) : new Map());

function sizeCaption(s: AppState): string {
  // A what-if sizes nodes by what they lose (app.ts, sizes).
  if (s.whatIf.status === 'done') return 'Size: share of its output each node loses in the what-if';
  const demand = s.loaded?.report.scenarios[0]?.reliance.find((r) => r.demand === s.demand)?.label ?? 'the buyer';
  switch (s.sizeBy) {
    case 'impact':
      return `Size: share of “${demand}” supply lost if the node stops`;
    case 'throughput':
      return 'Size: value flowing through the node';
    case 'betweenness':
      if (s.betweenness.status !== 'done') return 'Size: betweenness (computing…)';
      // Above BETWEENNESS_EXACT_NODES nodes the values are an estimate: said here, where the sizes are explained.
      return s.betweenness.value.sampled === null
        ? 'Size: betweenness centrality'
        : `Size: betweenness centrality, estimated from ${s.betweenness.value.sampled.toLocaleString('en-US')} sampled sources (graphs over ${BETWEENNESS_EXACT_NODES.toLocaleString('en-US')} nodes)`;
    case 'uniform':
      return '';
    default:
      return `Size: the nodes' "${s.sizeBy.slice(5)}" (none: smallest)`;
  }
}

type LegendDoc = Pick<GraphDocument, 'nodes' | 'edges'>;
/** The filters' lists per document (500,000 flows' inputs took 40 ms at each redraw of the panels). */
const listsScan = keptScan((doc: LegendDoc) => doc, function* (doc): Generator<void, { countries: string[]; inputs: string[] }> {
  const countries = yield* valuesSteps(doc.nodes, (n) => n.attributes.country);
  const inputs = yield* valuesSteps(doc.edges, (e) => e.attributes.input);
  return { countries: [...countries].sort(), inputs: [...inputs].sort() };
});
const filterLists = (doc: LegendDoc | null): { countries: string[]; inputs: string[] } => (doc ? listsScan.now(doc) : { countries: [], inputs: [] });

/**
 * The legend's and the filters' scans of a big document, a step at a time (warm-document.ts warms them while its
 * figures are computed, so that the panels drawn with the figures find them done: at 100,000 nodes and 500,000
 * flows they were a quarter of a second in the task that brings the figures).
 */
export function* legendSteps(view: GraphView): Generator<void, void> {
  yield* kindsScan.steps(view.document);
  yield* listsScan.steps(view.document);
  yield* inputsScan.steps(view);
  yield* colourChoicesScan.steps(view.document.nodes);
}

function filterSelects(s: AppState, act: LegendActions) {
  const doc = s.view.status === 'done' ? s.view.value.document : null;
  const { countries, inputs } = filterLists(doc);
  const country = h('select', { id: 'filter-country', 'aria-label': 'Only nodes in', onchange: (e) => act.setCountry((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, 'All countries'));
  for (const c of countries) country.append(h('option', { value: c, selected: c === s.filters.country }, countryLabel(c)));
  const input = h('select', { id: 'filter-input', 'aria-label': 'Only flows of', onchange: (e) => act.setInput((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, 'All inputs'));
  for (const i of inputs) input.append(h('option', { value: i, selected: i === s.filters.input }, i));
  return { country, input };
}

export function renderFilters(s: AppState, act: LegendActions): HTMLElement {
  const { country, input } = filterSelects(s, act);
  return h('div', { className: 'legend-filters', role: 'group', 'aria-label': 'Filters' }, country, input);
}
