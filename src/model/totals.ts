/**
 * Values that are each finite can still sum past the largest double
 * (two flows of 1e308). A share over an infinite total is 0, which would make
 * a dependence vanish silently, so such sums are refused where they form.
 */
import type { SupplyGraph } from './graph.ts';

export interface Overflow {
  /** The first edge of the sum, for pointing at it. */
  edge: string;
  what: string;
}

/**
 * Values are finite and at least 0, so no partial sum exceeds the sum of all
 * of them by more than rounding: below this total, nothing can overflow, and
 * one pass of additions (no keys) settles it.
 */
export const SAFE_TOTAL = 1e300;

export function findOverflow(graph: SupplyGraph): Overflow | undefined {
  let total = 0;
  graph.forEachEdge((_e, attrs) => {
    total += attrs.value;
  });
  if (total < SAFE_TOTAL) return undefined;
  const groups = new Map<string, { total: number; edge: string }>();
  const inputs = new Map<string, { total: number; edge: string }>();
  let found: Overflow | undefined;
  graph.someEdge((edge, attrs, _source, target) => {
    const id = `${target}\u0000${attrs.input}`;
    const g = groups.get(id) ?? { total: 0, edge };
    g.total += attrs.value;
    groups.set(id, g);
    if (!Number.isFinite(g.total)) {
      found = { edge: g.edge, what: `the flows of "${attrs.input}" into "${target}"` };
      return true;
    }
    const i = inputs.get(attrs.input) ?? { total: 0, edge };
    i.total += attrs.value;
    inputs.set(attrs.input, i);
    if (!Number.isFinite(i.total)) {
      found = { edge: i.edge, what: `all flows of "${attrs.input}"` };
      return true;
    }
    return false;
  });
  return found;
}
