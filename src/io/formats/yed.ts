/**
 * yEd's graphics inside GraphML `<data>` of keys with a `yfiles.type`
 * (nodegraphics, edgegraphics): the first label's text becomes `label`, a
 * node's geometry its `x` and `y` (its top-left corner, y downwards, as yEd
 * keeps it) and its fill colour `color`; an edge's line colour its `color`.
 * The rest of yEd's markup (shapes, fonts, ports, resources) names nothing
 * Chokepoint has and is left.
 */
import type { Attrs } from './types.ts';
import type { XmlElement } from './xml.ts';

export interface YedData {
  attributes: Attrs;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const COLOR = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

/** A y: element opens inside graphics data; true when its text (a label) is wanted. */
export function yedOpen(yed: YedData, element: XmlElement): boolean {
  const a = element.attributes;
  const out = yed.attributes;
  switch (local(element.name)) {
    case 'Geometry':
      if (out.x === undefined && a.x !== undefined && a.y !== undefined && Number.isFinite(+a.x) && Number.isFinite(+a.y)) {
        out.x = +a.x;
        out.y = +a.y;
      }
      return false;
    case 'Fill':
    case 'LineStyle':
      if (out.color === undefined && a.color && COLOR.test(a.color) && a.transparent !== 'true') out.color = a.color.slice(0, 7).toLowerCase();
      return false;
    case 'NodeLabel':
    case 'EdgeLabel':
      return out.label === undefined;
    default:
      return false;
  }
}

export function yedClose(yed: YedData, element: XmlElement, text: string | undefined): void {
  const name = local(element.name);
  if ((name === 'NodeLabel' || name === 'EdgeLabel') && text !== undefined && text.trim() && yed.attributes.label === undefined) yed.attributes.label = text.trim();
}
