/** Selectors and `where` clauses: which nodes and edges an operation touches. */
import type { SupplyGraph } from '../model/graph.ts';
import type { NodeAttributes, Selector, Where } from '../model/schema.ts';

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function fieldMatches(wanted: string | string[] | undefined, actual: string | undefined): boolean {
  const list = asList(wanted);
  return list === undefined || (actual !== undefined && list.includes(actual));
}

/** Fields are ANDed, the values of one field ORed; an empty selector matches every node. */
export function matchesSelector(selector: Selector | undefined, key: string, attrs: NodeAttributes): boolean {
  if (!selector) return true;
  return (
    fieldMatches(selector.key, key) &&
    fieldMatches(selector.kind, attrs.kind) &&
    fieldMatches(selector.country, attrs.country) &&
    fieldMatches(selector.company, attrs.company)
  );
}

export function matchingEdges(graph: SupplyGraph, where: Where): string[] {
  const inputs = asList(where.input);
  return graph.filterEdges((_edge, attrs, source, target, sourceAttrs, targetAttrs) => {
    if (inputs && !inputs.includes(attrs.input)) return false;
    return matchesSelector(where.source, source, sourceAttrs) && matchesSelector(where.target, target, targetAttrs);
  });
}

export const describeSelector = (s: Selector) => JSON.stringify(s);
