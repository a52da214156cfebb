/**
 * The Chokepoint block: what GEXF, GraphML and CSV cannot say natively — the
 * graph attributes (title, sources, scenarios, …) and the type of each node
 * and edge attribute — as one JSON text. GEXF keeps it in a `<chokepoint>`
 * meta element, GraphML in a graph-level `<data>`, CSV in `graph.json`.
 */
import type { SupplyGraph } from '../../model/graph.ts';
import { type AttrType, type AttrTypes, inferTypes, jsonForXml, readTypes } from './attr-codec.ts';
import type { Attrs } from './types.ts';

export const BLOCK_NAME = 'chokepoint';

export interface Block {
  attributes: Attrs;
  types: { nodes: AttrTypes; edges: AttrTypes };
}

/** The types a reader assumes for a file without a block (a file another tool wrote). */
export function guessedType(side: 'nodes' | 'edges', name: string): AttrType | undefined {
  if (name === 'sources') return 'list';
  if (side === 'edges' && name === 'value') return 'number';
  return undefined;
}

export function blockOf(graph: SupplyGraph): { block: Block; nodeTypes: Map<string, AttrType>; edgeTypes: Map<string, AttrType> } {
  const nodeTypes = inferTypes(graph.mapNodes((_, a) => a as Attrs));
  const edgeTypes = inferTypes(graph.mapEdges((_, a) => a as Attrs));
  return {
    block: { attributes: structuredClone(graph.getAttributes()) as Attrs, types: { nodes: Object.fromEntries(nodeTypes), edges: Object.fromEntries(edgeTypes) } },
    nodeTypes,
    edgeTypes,
  };
}

/** The block as JSON text XML can hold (jsonForXml): titles, notes and names in it come back exactly. */
export const blockText = (block: Block) => jsonForXml(block);

const isObj = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A block read back, or why it cannot be (its JSON is broken or it is no object). */
export function readBlock(raw: unknown): { ok: true; block: Block } | { ok: false; found: string } {
  if (!isObj(raw)) return { ok: false, found: 'no JSON object' };
  const types = isObj(raw.types) ? raw.types : {};
  return {
    ok: true,
    block: { attributes: isObj(raw.attributes) ? raw.attributes : {}, types: { nodes: readTypes(types.nodes), edges: readTypes(types.edges) } },
  };
}
