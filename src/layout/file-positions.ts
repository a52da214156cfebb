/**
 * The layout "as in the file": each node at the numeric `x` and `y` attributes
 * a file carried (GEXF viz:position, yEd geometry, GraphML x/y, graphology JSON)
 * or a drag in the editor gave it; a node without them stays where the fallback
 * layout (the tiered one) puts it. Pure.
 */
import type { Point } from './tiered.ts';

interface NodeLike {
  attributes: Record<string, unknown>;
}

/** The node's own place, if its `x` and `y` are finite numbers. */
export function ownPosition(attributes: Record<string, unknown>): Point | null {
  const { x, y } = attributes;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/** Whether any node carries its own place (the app then offers, and opens with, "As in the file"). */
export const hasFilePositions = (nodes: readonly NodeLike[]): boolean => nodes.some((n) => ownPosition(n.attributes) !== null);

/**
 * Each node's own place where it has one, else its place in `fallback`; `fallback` itself, not a copy, when no node
 * has one (the engine then sends that layout once: protocol.ts, `same`).
 */
export function filePositions(nodes: Iterable<[string, Record<string, unknown>]>, fallback: Record<string, Point>): Record<string, Point> {
  let out: Record<string, Point> | null = null;
  for (const [key, attributes] of nodes) {
    const p = ownPosition(attributes);
    if (p) (out ??= { ...fallback })[key] = p;
  }
  return out ?? fallback;
}
