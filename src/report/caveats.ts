/**
 * What a report says about the graph itself before its figures: kinds that
 * were taken from the graph's shape (a file from another tool that gave
 * none) and self-loops kept in the file but left out of every figure.
 */
import type { SupplyGraph } from '../model/graph.ts';

export function graphCaveats(graph: SupplyGraph): string[] {
  const attrs = graph.getAttributes() as { kindsFromShape?: unknown; selfLoops?: unknown[] };
  const out: string[] = [];
  if (attrs.kindsFromShape === true) {
    out.push("Node kinds were taken from the graph's shape (its file gave none): nodes without customers count as demand, nodes without suppliers as raw sources, the rest as other; figures by kind are therefore only indicative.");
  }
  const loops = attrs.selfLoops?.length ?? 0;
  if (loops) out.push(`${loops} self-loop${loops === 1 ? '' : 's'} (a node supplying itself) ${loops === 1 ? 'is' : 'are'} kept in the file and left out of every figure.`);
  return out;
}
