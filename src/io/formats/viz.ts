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
const COLOR = /^(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\))$/;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The viz part of a record for graphology-gexf's writer, or undefined when it has none. */
export function vizOf(side: 'node' | 'edge', attributes: Attrs, types: Map<string, AttrType>): Attrs | undefined {
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
  if (types.get('color') === 'string' && typeof color === 'string' && COLOR.test(color)) viz.color = color;
  const shape = attributes.shape;
  if (types.get('shape') === 'string' && typeof shape === 'string' && (side === 'node' ? NODE_SHAPES : EDGE_SHAPES).has(shape)) viz.shape = shape;
  return Object.keys(viz).length ? viz : undefined;
}
