/**
 * Which nodes a shock hits (metrics.md §8): every node a hit's selector
 * matches keeps the hit's capacity, a node several hits match the smallest;
 * a hit that matches no node of this graph is skipped (and said so).
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { NodeAttributes, Shock, ShockHit } from '../model/schema.ts';
import { matchesSelector } from './select.ts';

/** What a shock reads of a graph: its nodes and their attributes (a graph, or a scenario's table: table-scenario.ts). */
export interface ShockNodes {
  hasNode(key: string): boolean;
  getNodeAttributes(key: string): NodeAttributes;
  filterNodes(keep: (key: string, attributes: NodeAttributes) => boolean): string[];
}

export interface ShockOnGraph {
  /** Node key → capacity k(n) in [0, 1], for every node the shock hits. */
  capacity: Map<string, number>;
  /** Indexes of the hits that matched no node. */
  skipped: number[];
}

/** The keys a hit matches; a selector that names keys looks them up instead of reading every node. */
export function hitNodes(graph: ShockNodes, hit: Pick<ShockHit, 'where'>): string[] {
  const { key } = hit.where;
  if (key !== undefined) {
    const keys = [...new Set(Array.isArray(key) ? key : [key])];
    return keys.filter((k) => graph.hasNode(k) && matchesSelector(hit.where, k, graph.getNodeAttributes(k) as NodeAttributes));
  }
  return graph.filterNodes((k, attrs) => matchesSelector(hit.where, k, attrs));
}

export function shockOnGraph(graph: ShockNodes, shock: Pick<Shock, 'hits'>): ShockOnGraph {
  const capacity = new Map<string, number>();
  const skipped: number[] = [];
  shock.hits.forEach((hit, i) => {
    const nodes = hitNodes(graph, hit);
    if (nodes.length === 0) skipped.push(i);
    for (const k of nodes) {
      const was = capacity.get(k);
      if (was === undefined || hit.capacity < was) capacity.set(k, hit.capacity);
    }
  });
  return { capacity, skipped };
}

/** The shocks the graph file holds. */
export const shocksOf = (graph: SupplyGraph): Shock[] => (graph.getAttribute('shocks') as Shock[] | undefined) ?? [];

/** Hits that match no node of the graph, with their shock's position: an error in a file (metrics.md §8). */
export function blindHits(graph: SupplyGraph, shocks: readonly Shock[] = shocksOf(graph)): { at: number; shock: Shock; hit: number }[] {
  const out: { at: number; shock: Shock; hit: number }[] = [];
  shocks.forEach((shock, at) => shock.hits.forEach((h, hit) => hitNodes(graph, h).length === 0 && out.push({ at, shock, hit })));
  return out;
}
