/**
 * The Chokepoint block: what GEXF, GraphML and CSV cannot say natively — the
 * graph attributes (title, sources, scenarios, …) and the type of each node
 * and edge attribute — as one JSON text. GEXF keeps it in a `<chokepoint>`
 * meta element, GraphML in a graph-level `<data>`, CSV in `graph.json`.
 */
import type { SupplyGraph } from '../../model/graph.ts';
import { type AttrType, type AttrTypes, inferTypes, jsonForXml, readTypes } from './attr-codec.ts';
import { withoutLoops } from './self-loops.ts';
import type { Attrs } from './types.ts';

export const BLOCK_NAME = 'chokepoint';

export interface Block {
  attributes: Attrs;
  types: { nodes: AttrTypes; edges: AttrTypes };
  /**
   * The real keys of nodes whose key GraphML cannot write as an id (no XML NMTOKEN) or
   * GEXF cannot (a character XML forbids) (id -> key), of such edges (edge index -> key),
   * and the names of such attributes (name as written -> name).
   */
  ids?: { nodes?: Record<string, string>; edges?: Record<string, string> };
  names?: { nodes?: Record<string, string>; edges?: Record<string, string> };
  /** GEXF only: the sides whose colours were #rrggbb (written as viz r, g, b: viz.ts). */
  viz?: { nodes?: 'hex'; edges?: 'hex' };
}

/** The types a reader assumes for a file without a block (a file another tool wrote). */
export function guessedType(side: 'nodes' | 'edges', name: string): AttrType | undefined {
  if (name === 'sources') return 'list';
  if (side === 'edges' && name === 'value') return 'number';
  return undefined;
}

/** The block of an export whose edges include the self-loops (GEXF, GraphML, CSV): they are not repeated in the attributes. */
export function blockOf(graph: SupplyGraph): { block: Block; nodeTypes: Map<string, AttrType>; edgeTypes: Map<string, AttrType> } {
  const nodeTypes = inferTypes(graph.mapNodes((_, a) => a as Attrs));
  const loops = graph.getAttribute('selfLoops') ?? [];
  const edgeTypes = inferTypes([...graph.mapEdges((_, a) => a as Attrs), ...loops.map((l) => l.attributes)]);
  return {
    block: { attributes: withoutLoops(structuredClone(graph.getAttributes()) as Attrs), types: { nodes: Object.fromEntries(nodeTypes), edges: Object.fromEntries(edgeTypes) } },
    nodeTypes,
    edgeTypes,
  };
}

/** The block as JSON text XML can hold (jsonForXml): titles, notes and names in it come back exactly. */
export const blockText = (block: Block) => jsonForXml(block);
/** Text that is a Chokepoint block (blockText starts so), not another tool's keywords. */
export const isBlockText = (text: string) => text.trimStart().startsWith('{"attributes"');

const isObj = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record of strings from a file, in a null-prototype object (its names come from the file). */
function strings(raw: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (isObj(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A block read back, or why it cannot be (its JSON is broken or it is no object). */
export function readBlock(raw: unknown): { ok: true; block: Block } | { ok: false; found: string } {
  if (!isObj(raw)) return { ok: false, found: 'no JSON object' };
  const types = isObj(raw.types) ? raw.types : {};
  const block: Block = { attributes: isObj(raw.attributes) ? raw.attributes : {}, types: { nodes: readTypes(types.nodes), edges: readTypes(types.edges) } };
  const ids = isObj(raw.ids) ? raw.ids : undefined;
  if (ids) block.ids = { nodes: strings(ids.nodes), edges: strings(ids.edges) };
  if (isObj(raw.viz)) block.viz = { ...(raw.viz.nodes === 'hex' ? { nodes: 'hex' } : {}), ...(raw.viz.edges === 'hex' ? { edges: 'hex' } : {}) };
  if (isObj(raw.names)) block.names = { nodes: strings(raw.names.nodes), edges: strings(raw.names.edges) };
  return { ok: true, block };
}
