/**
 * Layout and looks as other tools keep them: a node's `x`, `y`, `z`, `size`,
 * `color` and `shape`, an edge's `color`, `thickness` and `shape`. The
 * readers give GEXF viz elements (and GraphML's r, g, b) as these attributes;
 * the GEXF writer gives them back as viz elements when they fit the schema
 * (numbers, a colour, one of GEXF's shapes), else they stay attributes.
 */
import type { AttrType } from './attr-codec.ts';
import type { Attrs } from './types.ts';

const NODE_SHAPES = new Set(['disc', 'square', 'triangle', 'diamond', 'image']);
const EDGE_SHAPES = new Set(['solid', 'dotted', 'dashed', 'double']);
const HEX = /^#[0-9a-f]{6}$/;
const RGB = /^rgb\((\d{1,3}),(\d{1,3}),(\d{1,3})\)$|^rgba\((\d{1,3}),(\d{1,3}),(\d{1,3}),(0|1|0?\.\d+)\)$/;

/**
 * How a side's colours go to viz elements, which hold r, g, b (and a): the
 * RelaxNG grammar allows r, g, b or hex, not both, and NetworkX reads only
 * r, g, b. Every colour in one form the reader gives back exactly — all
 * lower-case #rrggbb (`hex`, told in the block) or all rgb()/rgba() as the
 * reader writes them (`rgb`) — else undefined: the colours stay attributes.
 */
export type ColorForm = 'hex' | 'rgb';
export function colorForm(records: Iterable<Attrs>): ColorForm | undefined {
  let form: ColorForm | undefined;
  for (const a of records) {
    const c = a.color;
    if (c === undefined) continue;
    const f = typeof c !== 'string' ? undefined : HEX.test(c) ? 'hex' : RGB.test(c) && c.split(/[(),]/).slice(1, 4).every((n) => +n <= 255) ? 'rgb' : undefined;
    if (f === undefined || (form !== undefined && f !== form)) return undefined;
    form = f;
  }
  return form;
}

/** #rrggbb as rgb(r,g,b), for the writer (which writes channels from it). */
export const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
/** rgb(r,g,b) back to #rrggbb (an export whose block says its colours were hex). */
export function rgbToHex(color: unknown): unknown {
  const m = typeof color === 'string' ? /^rgb\((\d+),(\d+),(\d+)\)$/.exec(color) : null;
  return m ? `#${m.slice(1, 4).map((n) => (+n).toString(16).padStart(2, '0')).join('')}` : color;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The viz part of a record for graphology-gexf's writer, or undefined when it has none. */
export function vizOf(side: 'node' | 'edge', attributes: Attrs, types: Map<string, AttrType>, form: ColorForm | undefined): Attrs | undefined {
  const viz: Attrs = {};
  const number = (name: string, min = -Infinity) => {
    const v = attributes[name];
    if (types.get(name) === 'number' && finite(v) && v >= min) viz[name] = v;
  };
  if (side === 'node') {
    if (finite(attributes.x) && finite(attributes.y) && types.get('x') === 'number' && types.get('y') === 'number') {
      viz.x = attributes.x;
      viz.y = attributes.y;
      number('z');
    }
    number('size', 0);
  } else number('thickness', 0);
  const color = attributes.color;
  if (form && types.get('color') === 'string' && typeof color === 'string') viz.color = form === 'hex' ? hexToRgb(color) : color;
  const shape = attributes.shape;
  if (types.get('shape') === 'string' && typeof shape === 'string' && (side === 'node' ? NODE_SHAPES : EDGE_SHAPES).has(shape)) viz.shape = shape;
  return Object.keys(viz).length ? viz : undefined;
}
