/**
 * What GEXF and GraphML share once read: the records of a graph as the file
 * gives them (each at its element's place), the checks made on them (ids,
 * edge ends, forbidden names) and the draft built from them.
 */
import { isGeneratedEdgeKey } from '../../model/graph.ts';
import type { Problem } from '../../model/problem.ts';
import { parseJsonText } from '../json-text.ts';
import { FORBIDDEN_KEYS } from './attr-codec.ts';
import { type Block, readBlock } from './block.ts';
import { decodeAttributes } from './decode.ts';
import type { Attrs, Draft, GraphFormat, ParseOutcome } from './types.ts';
import type { Spot } from './xml.ts';
import { type NonFinite, nonFiniteWarnings } from './non-finite.ts';
import { rgbToHex } from './viz.ts';

/** A node or edge element: its id and attributes as the format casts them, and where it starts. */
export interface XmlRecord {
  spot: Spot;
  id: string | undefined;
  attributes: Attrs;
}
export interface XmlEdgeRecord extends XmlRecord {
  source: string | undefined;
  target: string | undefined;
  undirected: boolean;
  /** GEXF: `weight` is the element's weight attribute, not an attvalue. */
  xmlWeight?: boolean;
}

/** A GEXF or GraphML file read: its records, its graph-level text fields and the name problems found on the way. */
export interface XmlGraph {
  nodes: XmlRecord[];
  edges: XmlEdgeRecord[];
  title?: string | undefined;
  description?: string | undefined;
  /** The Chokepoint block's text and the element that holds it. */
  block?: { text: string; spot: Spot } | undefined;
  /** Where graph-level problems point. */
  attributesSpot: Spot;
  problems: Problem[];
  /** Infinite numbers kept as their text (non-finite.ts). */
  nonFinite?: NonFinite[];
}

export class XmlProblems {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  add(spot: Spot | undefined, path: string, expected: string, found: string) {
    this.problems.push({ severity: 'error', file: this.file, line: spot?.line, column: spot?.column, path, expected, found });
  }
  /** Attribute names from a file become property names: `__proto__` and friends are refused. */
  checkName(spot: Spot, name: string | undefined, what: string) {
    if (name !== undefined && FORBIDDEN_KEYS.has(name)) this.add(spot, '', `an ${what} other than __proto__, constructor or prototype`, `"${name}"`);
  }
  result<T>(): ParseOutcome<T> {
    return { ok: false, problems: this.problems };
  }
}

/** Node ids present and unique; edge ids unique; edge ends naming existing nodes. */
export function checkIds(out: XmlProblems, nodes: XmlRecord[], edges: XmlEdgeRecord[]): void {
  const ids = new Map<string, number>();
  nodes.forEach((node, i) => {
    const id = node.id;
    if (!id) out.add(node.spot, `nodes[${i}]`, 'a node with an id', 'none');
    else if (ids.has(id)) out.add(node.spot, `nodes[${i}].key`, 'an id no other node has', `"${id}" again (also line ${nodes[ids.get(id)!]!.spot.line})`);
    else ids.set(id, i);
  });
  const edgeIds = new Set<string>();
  edges.forEach((edge, i) => {
    const id = edge.id;
    if (id) {
      if (edgeIds.has(id)) out.add(edge.spot, `edges[${i}].key`, 'an id no other edge has', `"${id}" again`);
      edgeIds.add(id);
    }
    for (const end of ['source', 'target'] as const) {
      const key = edge[end];
      if (!key) out.add(edge.spot, `edges[${i}].${end}`, `a ${end} attribute`, 'none');
      else if (!ids.has(key)) out.add(edge.spot, `edges[${i}].${end}`, 'the id of a node in the file', `"${key}", which no node has`);
    }
  });
}

/** The block read as every JSON text of a file is (json-text.ts: strict, nesting at most 64 deep). */
export function readBlockText(out: XmlProblems, spot: Spot, text: string): Block | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    const where = first.line !== undefined ? `, at line ${first.line} of the block` : '';
    out.add(spot, 'attributes', 'the Chokepoint block as JSON text', `text that is no JSON (expected ${first.expected}, found ${first.found}${where})`);
    return undefined;
  }
  const read = readBlock(parsed.value);
  if (!read.ok) out.add(spot, 'attributes', 'the Chokepoint block as a JSON object', read.found);
  return read.ok ? read.block : undefined;
}

const bySpot = (a: Problem, b: Problem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * The draft of a graph read from GEXF or GraphML: name and id problems first
 * (in file order; nothing else is read then), then the block and the records
 * decoded by its types, each record placed at its element's line.
 */
export function xmlDraft(format: GraphFormat, graph: XmlGraph, file: string, baseName: string): ParseOutcome<Draft> {
  const out = new XmlProblems(file);
  out.problems.push(...graph.problems);
  const block = graph.block && !out.problems.length ? readBlockText(out, graph.block.spot, graph.block.text) : undefined;
  if (block) applyBlockIds(graph, block);
  checkIds(out, graph.nodes, graph.edges);
  if (out.problems.length) return { ok: false, problems: out.problems.sort(bySpot) };

  const warnings: Problem[] = nonFiniteWarnings(graph.nonFinite ?? [], file);
  if (format === 'gexf') {
    if (block) {
      // The writer gives each edge a weight equal to its value, for Gephi: not an attribute of the graph's.
      for (const e of graph.edges) if (e.xmlWeight) delete e.attributes.weight;
      if (block.viz?.nodes) for (const n of graph.nodes) if (n.attributes.color !== undefined) n.attributes.color = rgbToHex(n.attributes.color);
      if (block.viz?.edges) for (const e of graph.edges) if (e.attributes.color !== undefined) e.attributes.color = rgbToHex(e.attributes.color);
    } else defaultWeights(graph, file, warnings);
  }
  const problems: Problem[] = [];
  const draft: Draft = {
    format,
    baseName,
    fromChokepoint: block !== undefined,
    attributes: block?.attributes ?? {
      ...(graph.title !== undefined ? { title: graph.title } : {}),
      ...(graph.description !== undefined ? { description: graph.description } : {}),
    },
    attributesPlace: { file, line: (graph.block?.spot ?? graph.attributesSpot).line },
    nodes: graph.nodes.map((node, i) => {
      const place = { file, line: node.spot.line };
      return { key: node.id!, place, attributes: decodeAttributes(node.attributes, block?.types.nodes, 'nodes', i, place, problems) };
    }),
    edges: graph.edges.map((edge, i) => {
      const place = { file, line: edge.spot.line };
      return {
        ...(edge.id && !isGeneratedEdgeKey(edge.id) ? { key: edge.id } : {}),
        source: edge.source!,
        target: edge.target!,
        place,
        attributes: decodeAttributes(edge.attributes, block?.types.edges, 'edges', i, place, problems),
      };
    }),
    undirected: graph.edges.some((e) => e.undirected),
    warnings,
  };
  out.problems.push(...problems);
  return out.problems.length ? out.result() : { ok: true, value: draft };
}

/** A GraphML export's real node keys, edge keys and attribute names where the schema wanted NMTOKENs (graphml.ts). */
function applyBlockIds(graph: XmlGraph, block: Block): void {
  const nodes = block.ids?.nodes ?? {};
  const edges = block.ids?.edges ?? {};
  const rename = (attributes: Attrs, names: Record<string, string> | undefined) => {
    if (!names) return;
    for (const written of Object.keys(attributes)) {
      const name = Object.hasOwn(names, written) ? names[written]! : undefined;
      if (name === undefined || FORBIDDEN_KEYS.has(name)) continue;
      attributes[name] = attributes[written];
      delete attributes[written];
    }
  };
  const real = (id: string | undefined) => (id !== undefined && Object.hasOwn(nodes, id) ? nodes[id] : id);
  for (const node of graph.nodes) {
    node.id = real(node.id);
    rename(node.attributes, block.names?.nodes);
  }
  graph.edges.forEach((edge, i) => {
    edge.source = real(edge.source);
    edge.target = real(edge.target);
    if (Object.hasOwn(edges, String(i))) edge.id = edges[String(i)];
    rename(edge.attributes, block.names?.edges);
  });
}

/**
 * GEXF's edge weight defaults to 1.0 (the GEXF primer): where some edges of a
 * file carry a weight and others none, the others get 1, said in a warning.
 */
function defaultWeights(graph: XmlGraph, file: string, warnings: Problem[]): void {
  const without = graph.edges.filter((e) => e.attributes.weight === undefined);
  if (without.length === 0 || without.length === graph.edges.length) return;
  for (const e of without) e.attributes.weight = 1;
  warnings.push({
    severity: 'warning',
    file,
    line: without[0]!.spot.line,
    path: '',
    expected: 'a weight on every edge',
    found: `${without.length} of ${graph.edges.length} edges without one, read as weight 1 (GEXF's default weight)`,
  });
}
