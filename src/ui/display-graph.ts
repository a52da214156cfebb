/**
 * The graph sigma draws: the scenario's nodes and flows with positions,
 * colours by kind and widths by value, plus, when asked, one derived node per
 * country with a "sits in" link from each of its nodes. Figures are not
 * computed here; sizes come from the engine's numbers through the UI state.
 */
import { MultiDirectedGraph } from 'graphology';
import type { NodeKind } from '../model/schema.ts';
import { countryName } from '../model/countries.ts';
import type { GraphView, Positions } from '../worker/protocol.ts';
import { COUNTRY_NODE_COLOR, EDGE_COLOR, KIND_COLORS, shortLabel } from './look.ts';

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
}
export type DisplayGraph = MultiDirectedGraph<DisplayNode, DisplayEdge>;

export const countryNodeKey = (code: string) => `country:${code}`;

/** Where country nodes go: a column left of the chain, or above the middle of their own nodes (on the map). */
export type CountryPlacement = 'column' | 'centroid';

export function buildDisplayGraph(view: GraphView, positions: Positions, withCountries: boolean, placement: CountryPlacement = 'column'): DisplayGraph {
  const g: DisplayGraph = new MultiDirectedGraph();
  for (const { key, attributes: a } of view.document.nodes) {
    const p = positions[key] ?? { x: 0, y: 0 };
    g.addNode(key, { x: p.x, y: p.y, size: 5, color: KIND_COLORS[a.kind], label: shortLabel(a.label), fullLabel: a.label, kind: a.kind, country: a.country });
  }
  let max = 0;
  for (const e of view.document.edges) max = Math.max(max, e.attributes.value);
  view.document.edges.forEach((e, i) => {
    const key = e.key ?? `~${i}`;
    const size = max > 0 ? 0.4 + 5 * Math.sqrt(e.attributes.value / max) : 0.5;
    g.addDirectedEdgeWithKey(key, e.source, e.target, { size, color: EDGE_COLOR, input: e.attributes.input, value: e.attributes.value, sitsIn: false });
  });
  if (withCountries) addCountryNodes(g, placement);
  return g;
}

/** One node per country, left of the chain (or above its cluster on the map), linked from each node that sits in it. */
function addCountryNodes(g: DisplayGraph, placement: CountryPlacement) {
  const members = new Map<string, string[]>();
  g.forEachNode((k, a) => {
    const list = members.get(a.country);
    if (list) list.push(k);
    else members.set(a.country, [k]);
  });
  let minX = Infinity;
  let maxY = -Infinity;
  let minY = Infinity;
  g.forEachNode((_k, a) => {
    minX = Math.min(minX, a.x);
    maxY = Math.max(maxY, a.y);
    minY = Math.min(minY, a.y);
  });
  const codes = [...members.keys()].sort((a, b) => meanY(g, members.get(b)!) - meanY(g, members.get(a)!));
  const gap = codes.length > 1 ? (maxY - minY) / (codes.length - 1) : 0;
  let maxX = -Infinity;
  g.forEachNode((_k, a) => (maxX = Math.max(maxX, a.x)));
  // One column's width to the left of the chain (a quarter of its width: it has five columns).
  const spanX = Math.max(1, (maxX - minX) / 4);
  codes.forEach((code, i) => {
    const key = countryNodeKey(code);
    const at = placement === 'centroid' ? above(g, members.get(code)!, (maxY - minY) / 20) : { x: minX - spanX, y: maxY - i * gap };
    g.addNode(key, {
      x: at.x,
      y: at.y,
      size: 7,
      color: COUNTRY_NODE_COLOR,
      label: countryName(code),
      fullLabel: `${countryName(code)} (${code})`,
      kind: 'country',
      country: code,
    });
    for (const m of members.get(code)!) g.addDirectedEdge(m, key, { size: 0.3, color: '#d3d8de', input: 'sits-in', value: 0, sitsIn: true });
  });
}

function above(g: DisplayGraph, keys: string[], lift: number) {
  const x = keys.reduce((s, k) => s + g.getNodeAttribute(k, 'x'), 0) / keys.length;
  const top = Math.max(...keys.map((k) => g.getNodeAttribute(k, 'y')));
  return { x, y: top + lift };
}

const meanY = (g: DisplayGraph, keys: string[]) => keys.reduce((s, k) => s + g.getNodeAttribute(k, 'y'), 0) / keys.length;
