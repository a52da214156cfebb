/**
 * Self-loops (a firm supplying itself), as Gephi's own samples have them:
 * Chokepoint's graph has none (a flow's supplier and customer differ, and
 * every metric assumes so), so a file's self-loops are taken out of the
 * graph at load, kept in the graph attribute `selfLoops` with their
 * attributes as the file gave them (left out of every metric by
 * construction), named in a warning, and written back as edges by the
 * GEXF, GraphML and CSV writers.
 */
import { nextEdgeKey, type SupplyGraph } from '../../model/graph.ts';
import type { SelfLoop } from '../../model/schema.ts';
import type { Attrs } from './types.ts';

export type { SelfLoop } from '../../model/schema.ts';

/** The graph's self-loops with a key each (the file's, else a generated one no edge has), for writers. */
export function loopRecords(graph: SupplyGraph): { key: string; keyless: boolean; node: string; attributes: Attrs }[] {
  const loops = graph.getAttribute('selfLoops') ?? [];
  const taken = new Set<string>();
  return loops.map((loop) => {
    let key = loop.key;
    if (key === undefined) {
      let n = Number(nextEdgeKey(graph).slice(1));
      while (taken.has(`~${n}`) || graph.hasEdge(`~${n}`)) n++;
      key = `~${n}`;
    }
    taken.add(key);
    return { key, keyless: loop.key === undefined, node: loop.node, attributes: { ...loop.attributes } };
  });
}

/** The graph attributes without `selfLoops` (written as edges instead, where a format has edges for them). */
export function withoutLoops(attributes: Attrs): Attrs {
  const { selfLoops: _loops, ...rest } = attributes;
  return rest;
}

/** A warning's text naming the self-loops (the first ten, then how many more). */
export function describeLoops(loops: readonly SelfLoop[]): string {
  const names = loops.slice(0, 10).map((l) => (l.key !== undefined ? `"${l.key}" (${l.node} -> ${l.node})` : `${l.node} -> ${l.node}`));
  const more = loops.length > 10 ? ` and ${loops.length - 10} more` : '';
  return `${loops.length} self-loop${loops.length === 1 ? '' : 's'}: ${names.join(', ')}${more}`;
}
