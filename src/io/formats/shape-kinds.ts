/**
 * Kinds from a graph's shape, for files that give none: a node with
 * suppliers and no customers is demand, a node with customers and no
 * suppliers a raw source (kind supplier), the rest (middle nodes, and nodes
 * with no flows at all) other. For exploration only: said in the load's
 * notice and the report (attributes.kindsFromShape).
 */
import type { NodeKind } from '../../model/schema.ts';

export function kindsFromShape(nodes: readonly { key: string }[], edges: readonly { source: string; target: string }[]): { kinds: Map<string, NodeKind>; demand: number; sources: number } {
  const suppliers = new Set<string>();
  const customers = new Set<string>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    customers.add(e.source);
    suppliers.add(e.target);
  }
  const kinds = new Map<string, NodeKind>();
  let demand = 0;
  let sources = 0;
  for (const { key } of nodes) {
    const buys = suppliers.has(key);
    const sells = customers.has(key);
    const kind: NodeKind = buys && !sells ? 'demand' : sells && !buys ? 'supplier' : 'other';
    if (kind === 'demand') demand++;
    if (kind === 'supplier') sources++;
    kinds.set(key, kind);
  }
  return { kinds, demand, sources };
}
