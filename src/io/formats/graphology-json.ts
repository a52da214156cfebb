/**
 * Other tools' JSON graphs: graphology's serialization (what sigma and
 * graphology write: `{attributes, options, nodes: [{key, attributes}],
 * edges: [{key, source, target, attributes, undirected}]}`) without
 * Chokepoint's `format` marker, and Gephi Lite's saved workspace (`type:
 * "gephi-lite"`: the graph's structure in `graphDataset.fullGraph`, node and
 * edge data and positions beside it). Both become a draft and go through the
 * same mapping path as GEXF. Records carry no line (JSON paths name them).
 */
import { FORBIDDEN_KEYS } from './attr-codec.ts';
import type { Attrs, Draft, DraftEdge, DraftNode } from './types.ts';

const isObj = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ForeignJson = 'graphology' | 'gephi-lite';

/** Which foreign JSON graph a parsed value is, if any: a native file has attributes.format. */
export function foreignJsonKind(value: unknown): ForeignJson | undefined {
  if (!isObj(value)) return undefined;
  if (value.type === 'gephi-lite' && isObj(value.graphDataset) && isObj(value.graphDataset.fullGraph)) return 'gephi-lite';
  if (isObj(value.attributes) && value.attributes.format !== undefined) return undefined;
  if (Array.isArray(value.nodes) && (value.edges === undefined || Array.isArray(value.edges)) && value.nodes.every((n) => isObj(n) && (typeof n.key === 'string' || typeof n.key === 'number'))) {
    return 'graphology';
  }
  return undefined;
}

/** Attributes copied from a file, without names that could reach Object.prototype. */
function own(raw: unknown): Attrs {
  const out: Attrs = {};
  if (isObj(raw)) for (const [k, v] of Object.entries(raw)) if (!FORBIDDEN_KEYS.has(k) && v !== null && v !== undefined) out[k] = v;
  return out;
}

interface Serialized {
  attributes?: unknown;
  options?: unknown;
  nodes: unknown[];
  edges?: unknown[];
}

/** A draft from a graphology serialization; `nodeData`, `edgeData` and `layout` (Gephi Lite) add to records by key. */
function fromSerialized(s: Serialized, file: string, baseName: string, extra: { nodeData?: unknown; edgeData?: unknown; layout?: unknown; title?: string } = {}): Draft {
  const nodeData = isObj(extra.nodeData) ? extra.nodeData : {};
  const edgeData = isObj(extra.edgeData) ? extra.edgeData : {};
  const layout = isObj(extra.layout) ? extra.layout : {};
  const place = { file };
  const undirectedGraph = isObj(s.options) && s.options.type === 'undirected';
  const nodes: DraftNode[] = s.nodes.filter(isObj).map((n) => {
    const key = String(n.key);
    return { key, place, attributes: { ...own(n.attributes), ...own(Object.hasOwn(nodeData, key) ? nodeData[key] : undefined), ...own(Object.hasOwn(layout, key) ? layout[key] : undefined) } };
  });
  let undirected = false;
  const edges: DraftEdge[] = (s.edges ?? []).filter(isObj).map((e) => {
    const key = e.key === undefined || e.key === null ? undefined : String(e.key);
    if (e.undirected === true || (undirectedGraph && e.undirected !== false)) undirected = true;
    const data = key !== undefined && Object.hasOwn(edgeData, key) ? edgeData[key] : undefined;
    return { ...(key !== undefined ? { key } : {}), source: String(e.source), target: String(e.target), place, attributes: { ...own(e.attributes), ...own(data) } };
  });
  const attrs = own(s.attributes);
  const title = typeof attrs.title === 'string' && attrs.title ? attrs.title : extra.title;
  return {
    format: 'graphology',
    baseName,
    attributes: { ...(title ? { title } : {}), ...(typeof attrs.description === 'string' && attrs.description ? { description: attrs.description } : {}) },
    attributesPlace: place,
    nodes,
    edges,
    undirected,
  };
}

/** The draft of a foreign JSON graph (foreignJsonKind said which), with the problems a structure check finds (dangling edges, duplicate keys). */
export function foreignJsonDraft(kind: ForeignJson, value: Attrs, file: string, baseName: string): Draft {
  let draft: Draft;
  if (kind === 'gephi-lite') {
    const data = value.graphDataset as Attrs;
    const full = data.fullGraph as Attrs;
    const meta = isObj(data.metadata) ? data.metadata : {};
    draft = fromSerialized({ ...full, nodes: Array.isArray(full.nodes) ? full.nodes : [], edges: Array.isArray(full.edges) ? full.edges : [] }, file, baseName, {
      nodeData: data.nodeData,
      edgeData: data.edgeData,
      layout: data.layout,
      ...(typeof meta.title === 'string' ? { title: meta.title.replace(/\.(gexf|graphml|json)$/i, '') } : {}),
    });
  } else draft = fromSerialized(value as unknown as Serialized, file, baseName);
  return draft;
}
