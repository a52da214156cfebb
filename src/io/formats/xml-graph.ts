/** Checks GEXF and GraphML share, made on the XML before graphology sees it, each problem at its element's line. */
import type { Element } from '@xmldom/xmldom';
import type Graph from 'graphology';
import { isGeneratedEdgeKey } from '../../model/graph.ts';
import type { Problem } from '../../model/problem.ts';
import { FORBIDDEN_KEYS } from './attr-codec.ts';
import { type Block, readBlock } from './block.ts';
import { decodeAttributes } from './decode.ts';
import type { Draft, ParseOutcome } from './types.ts';

export class XmlProblems {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  add(element: Element | undefined, path: string, expected: string, found: string) {
    this.problems.push({ severity: 'error', file: this.file, line: element?.lineNumber, column: element?.columnNumber, path, expected, found });
  }
  /** Attribute names from a file become property names: `__proto__` and friends are refused. */
  checkName(element: Element, name: string | null, what: string) {
    if (name !== null && FORBIDDEN_KEYS.has(name)) this.add(element, '', `an ${what} other than __proto__, constructor or prototype`, `"${name}"`);
  }
  result<T>(): ParseOutcome<T> {
    return { ok: false, problems: this.problems };
  }
}

/** Node ids present and unique; edge ids unique; edge ends naming existing nodes. */
export function checkIds(out: XmlProblems, nodes: Element[], edges: Element[]): void {
  const ids = new Map<string, number>();
  nodes.forEach((node, i) => {
    const id = node.getAttribute('id');
    if (!id) out.add(node, `nodes[${i}]`, 'a node with an id', 'none');
    else if (ids.has(id)) out.add(node, `nodes[${i}].key`, 'an id no other node has', `"${id}" again (also line ${nodes[ids.get(id)!]!.lineNumber})`);
    else ids.set(id, i);
  });
  const edgeIds = new Set<string>();
  edges.forEach((edge, i) => {
    const id = edge.getAttribute('id');
    if (id) {
      if (edgeIds.has(id)) out.add(edge, `edges[${i}].key`, 'an id no other edge has', `"${id}" again`);
      edgeIds.add(id);
    }
    for (const end of ['source', 'target'] as const) {
      const key = edge.getAttribute(end);
      if (!key) out.add(edge, `edges[${i}].${end}`, `a ${end} attribute`, 'none');
      else if (!ids.has(key)) out.add(edge, `edges[${i}].${end}`, 'the id of a node in the file', `"${key}", which no node has`);
    }
  });
}

export function readBlockText(out: XmlProblems, element: Element, text: string): Block | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    out.add(element, 'attributes', 'the Chokepoint block as JSON text', `text that is no JSON (${(cause as Error).message})`);
    return undefined;
  }
  const read = readBlock(raw);
  if (!read.ok) out.add(element, 'attributes', 'the Chokepoint block as a JSON object', read.found);
  return read.ok ? read.block : undefined;
}

/**
 * The nodes and edges of a draft from a graph graphology parsed, each placed
 * at its XML element's line. Elements and graph entries come in the same order.
 */
export function draftRecords(
  parsed: Graph,
  elements: { nodes: Element[]; edges: Element[] },
  block: Block | undefined,
  file: string,
  problems: Problem[],
): Pick<Draft, 'nodes' | 'edges' | 'undirected'> {
  return {
    nodes: parsed.nodes().map((key, i) => {
      const place = { file, line: elements.nodes[i]?.lineNumber };
      return { key, place, attributes: decodeAttributes(parsed.getNodeAttributes(key), block?.types.nodes, 'nodes', i, place, problems) };
    }),
    edges: parsed.edges().map((key, i) => {
      const element = elements.edges[i]!;
      const place = { file, line: element.lineNumber };
      const id = element.getAttribute('id');
      return {
        ...(id && !isGeneratedEdgeKey(id) ? { key: id } : {}),
        source: element.getAttribute('source')!,
        target: element.getAttribute('target')!,
        place,
        attributes: decodeAttributes(parsed.getEdgeAttributes(key), block?.types.edges, 'edges', i, place, problems),
      };
    }),
    undirected: parsed.type !== 'directed' && parsed.edges().some((e) => parsed.isUndirected(e)),
  };
}
