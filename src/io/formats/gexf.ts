/**
 * GEXF (Gephi) in and out. In: streamed by our own reader (gexf-read.ts),
 * which gives what graphology-gexf's parser gave without building a DOM. Out:
 * graphology-gexf's writer, valid against the GEXF 1.3 schema: node attributes
 * `label`, `kind`, `country`, `company` and edge attributes `input`, `value`
 * as in the native format, each edge's `weight` equal to its value (what Gephi
 * shows), lists as `liststring`, positions, sizes and colours as viz elements,
 * and the Chokepoint block in `<meta><keywords>` (the one free-text place the
 * schema gives a graph), so that every attribute and scenario survives.
 * A node key, edge key or attribute name holding a character XML 1.0 forbids
 * (U+FFFE, a C0 control…) is written as an id or name of the writer's, the
 * real one kept in the block (`ids`, `names`) as GraphML does (issue 20).
 */
import { MultiDirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { SupplyGraph } from '../../model/graph.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { blockOf, blockText } from './block.ts';
import { readGexf } from './gexf-read.ts';
import { loopRecords } from './self-loops.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { type ColorForm, colorForm, vizOf } from './viz.ts';
import { xmlDraft } from './xml-graph.ts';
import { hasNotXml, xmlText } from './xml.ts';

export function parseGexf(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const read = readGexf(text, file);
  return read.ok ? xmlDraft('gexf', read.value, file, baseName) : read;
}

/** List items GEXF's liststring ([a, b]) carries as they are: no quotes, escapes, separators or brackets. */
const PLAIN_ITEM = /^[^\\'",|[\]]*$/;

/** The list attributes every value of which can be a liststring; the others are written as text joined with ";". */
function plainLists(records: Attrs[], types: Map<string, AttrType>): Set<string> {
  const lists = new Set([...types].filter(([, t]) => t === 'list').map(([name]) => name));
  for (const attributes of records) {
    for (const name of lists) {
      const v = attributes[name];
      if (Array.isArray(v) && !v.every((item) => typeof item === 'string' && PLAIN_ITEM.test(item))) lists.delete(name);
    }
  }
  return lists;
}

function format(side: 'node' | 'edge', types: Map<string, AttrType>, lists: Set<string>, form: ColorForm | undefined, written: Map<string, string>) {
  const labelInAttribute = types.get('label') === 'string';
  return (_key: string, attributes: Attrs) => {
    const encoded: Record<string, string | number | boolean | string[]> = {};
    const viz = vizOf(side, attributes, types, form);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || (labelInAttribute && name === 'label') || (viz && name in viz)) continue;
      const type = types.get(name)!;
      // A list is written as GEXF's liststring ([a, b]); its items carry no ";" or control characters (attr-codec).
      encoded[written.get(name) ?? name] = lists.has(name) ? (value as string[]) : encodeValue(type, value);
    }
    const out: { label?: string; weight?: number; attributes: typeof encoded; viz?: Attrs } = { attributes: encoded };
    if (labelInAttribute && typeof attributes.label === 'string') out.label = attributes.label;
    // Gephi sizes and weighs edges by `weight`: a flow's is its value. (A `weight` attribute of the graph's own stays an attribute.)
    if (side === 'edge' && typeof attributes.value === 'number' && Number.isFinite(attributes.value)) out.weight = attributes.value;
    if (viz) out.viz = viz;
    return out;
  };
}

export function writeGexfText(graph: SupplyGraph): string {
  const { block, nodeTypes, edgeTypes } = blockOf(graph);
  const copy = new MultiDirectedGraph<Attrs, Attrs>();
  const nodeColors = colorForm(graph.mapNodes((_, a) => a as Attrs));
  const edgeColors = colorForm(graph.mapEdges((_, a) => a as Attrs));
  if (nodeColors === 'hex' || edgeColors === 'hex') block.viz = { ...(nodeColors === 'hex' ? { nodes: 'hex' } : {}), ...(edgeColors === 'hex' ? { edges: 'hex' } : {}) };
  const nodeId = safeIds(graph.nodes(), (id) => graph.hasNode(id), '_n');
  const loops = loopRecords(graph);
  const edgeKeys = [...graph.edges(), ...loops.map((l) => l.key)];
  const edgeId = safeIds(edgeKeys, (id) => graph.hasEdge(id) || edgeKeys.includes(id), '_e');
  graph.forEachNode((key, attributes) => copy.addNode(nodeId.get(key) ?? key, attributes));
  const edgeIds: Record<string, string> = {};
  const addEdge = (key: string, source: string, target: string, attributes: Attrs) => {
    const id = edgeId.get(key);
    if (id !== undefined) edgeIds[String(copy.size)] = key;
    copy.addDirectedEdgeWithKey(id ?? key, nodeId.get(source) ?? source, nodeId.get(target) ?? target, attributes);
  };
  graph.forEachEdge((key, attributes, source, target) => addEdge(key, source, target, attributes));
  for (const loop of loops) addEdge(loop.key, loop.node, loop.node, loop.attributes);
  const nodeIds = Object.fromEntries([...nodeId].map(([key, id]) => [id, key]));
  if (nodeId.size || edgeId.size) block.ids = { nodes: nodeIds, edges: edgeIds };
  const nodeNames = safeNames(nodeTypes);
  const edgeNames = safeNames(edgeTypes);
  if (nodeNames.size || edgeNames.size) block.names = { nodes: inverse(nodeNames), edges: inverse(edgeNames) };
  const attrs = graph.getAttributes();
  // GEXF 1.3's <meta> holds creator, keywords and description only (no title: Chokepoint's is in the block).
  copy.replaceAttributes({
    creator: 'Chokepoint',
    ...(attrs.description ? { description: xmlText(attrs.description) } : {}),
    keywords: blockText(block),
  });
  const nodeLists = plainLists(copy.mapNodes((_, a) => a), nodeTypes);
  const edgeLists = plainLists(copy.mapEdges((_, a) => a), edgeTypes);
  const text = writeGexf(copy, { version: '1.3', formatNode: format('node', nodeTypes, nodeLists, nodeColors, nodeNames),
    formatEdge: format('edge', edgeTypes, edgeLists, edgeColors, edgeNames),
  });
  return text;
}

/** Ids of the writer's (prefix0, prefix1…, none of them taken) for the keys XML cannot hold as they are. */
function safeIds(keys: Iterable<string>, taken: (id: string) => boolean, prefix: string): Map<string, string> {
  const ids = new Map<string, string>();
  let next = 0;
  for (const key of keys) {
    if (!hasNotXml(key) || ids.has(key)) continue;
    let id = `${prefix}${next++}`;
    while (taken(id)) id = `${prefix}${next++}`;
    ids.set(key, id);
  }
  return ids;
}

/** Names XML can hold (U+FFFD for what it forbids, unique) for the attribute names it cannot hold as they are. */
function safeNames(types: Map<string, AttrType>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(types.keys());
  for (const name of types.keys()) {
    if (!hasNotXml(name)) continue;
    const base = xmlText(name);
    let written = base;
    for (let n = 2; taken.has(written); n++) written = `${base}_${n}`;
    taken.add(written);
    names.set(name, written);
  }
  return names;
}

const inverse = (map: Map<string, string>): Record<string, string> => Object.fromEntries([...map].map(([a, b]) => [b, a]));
