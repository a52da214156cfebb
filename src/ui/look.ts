/** Colours, short labels and sizes: how things look, never what they are worth. */

/** The kinds' names and colours are defined once, for the app and the reports alike. */
export { KIND_COLORS, KIND_NAMES } from '../model/kind-look.ts';
export const COUNTRY_NODE_COLOR = '#adb5bd';
export const FADED = '#e3e6ea';
export const EDGE_COLOR = '#c5cbd3';
export const LOSS_COLOR = '#c0392b';
export const FAILED_COLOR = '#212529';
export const ADDED_COLOR = '#2b8a3e';
export const CHANGED_UP = '#2b8a3e';
export const CHANGED_DOWN = '#c0392b';

/** A label short enough for the graph: the part before a parenthesis, at most 26 characters. */
export function shortLabel(label: string): string {
  const head = label.split(' (')[0] ?? label;
  return head.length > 26 ? `${head.slice(0, 25).trimEnd()}…` : head;
}

/** Mixes two #rrggbb colours: t = 0 gives a, 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const pa = parse(a);
  const pb = parse(b);
  const c = pa.map((x, i) => Math.round(x + (pb[i]! - x) * Math.min(1, Math.max(0, t))));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}
const parse = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/**
 * A focused node's neighbours are named up to this many; beyond, the largest (a buyer in a 10,000-node graph
 * has hundreds of suppliers, whose forced labels covered each other and the flows).
 */
export const NAMED_NEIGHBOURS = 24;

/** The neighbours a focused node names whatever their size: all of them, or the NAMED_NEIGHBOURS largest (ties: the smaller key). */
export function namedNeighbours(neighbours: ReadonlySet<string>, size: (key: string) => number): ReadonlySet<string> {
  if (neighbours.size <= NAMED_NEIGHBOURS) return neighbours;
  const sized = [...neighbours].map((k) => [k, size(k)] as const);
  sized.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Set(sized.slice(0, NAMED_NEIGHBOURS).map(([k]) => k));
}
