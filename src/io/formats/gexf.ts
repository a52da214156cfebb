/**
 * GEXF (Gephi) in and out through graphology-gexf. Node attributes `label`,
 * `kind`, `country`, `company` and edge attributes `input`, `value` are read
 * as in the native format; a Chokepoint export also carries its block in a
 * `<chokepoint>` meta element, so every attribute and scenario survives.
 */
import { DOMParser, Document } from '@xmldom/xmldom';
import Graph, { MultiDirectedGraph } from 'graphology';
import createParser from 'graphology-gexf/common/parser.js';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { SupplyGraph } from '../../model/graph.ts';
import type { Problem } from '../../model/problem.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { BLOCK_NAME, blockOf, blockText } from './block.ts';
import { checkIds, draftRecords, readBlockText, XmlProblems } from './xml-graph.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { children, elementsByTag, parseXml } from './xml.ts';

const parseGexfDocument = createParser(DOMParser, Document);

export function parseGexf(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const xml = parseXml(text, file);
  if (!xml.ok) return xml;
  const doc = xml.value;
  const out = new XmlProblems(file);
  const root = doc.documentElement;
  const found = elementsByTag(doc, ['graph', 'meta', 'attribute', 'attvalue', 'node', 'edge']);
  const graphElement = found.get('graph')![0];
  if (root?.tagName !== 'gexf' || !graphElement) {
    out.add(root ?? undefined, '', 'a <gexf> document with a <graph> element', root ? `<${root.tagName}>` : 'no element');
    return out.result();
  }
  for (const a of found.get('attribute')!) out.checkName(a, a.getAttribute('id'), 'attribute id');
  for (const a of found.get('attribute')!) out.checkName(a, a.getAttribute('title'), 'attribute title');
  for (const v of found.get('attvalue')!) out.checkName(v, v.getAttribute('for') ?? v.getAttribute('id'), 'attvalue');
  const nodeElements = found.get('node')!;
  const edgeElements = found.get('edge')!;
  checkIds(out, nodeElements, edgeElements);
  if (out.problems.length) return out.result();

  let parsed;
  try {
    parsed = parseGexfDocument(Graph, doc, { allowUndeclaredAttributes: true });
  } catch (cause) {
    out.add(graphElement, '', 'a GEXF graph graphology-gexf can read', String((cause as Error).message));
    return out.result();
  }
  const meta = parsed.getAttributes() as Attrs;
  const metaElement = found.get('meta')![0];
  const blockElement = metaElement ? children(metaElement, BLOCK_NAME)[0] : undefined;
  const block = typeof meta[BLOCK_NAME] === 'string' ? readBlockText(out, blockElement ?? graphElement, meta[BLOCK_NAME]) : undefined;
  const problems: Problem[] = [];
  const draft: Draft = {
    format: 'gexf',
    baseName,
    fromChokepoint: block !== undefined,
    attributes: block?.attributes ?? {
      ...(typeof meta.title === 'string' ? { title: meta.title } : {}),
      ...(typeof meta.description === 'string' ? { description: meta.description.trim() } : {}),
    },
    attributesPlace: { file, line: (blockElement ?? metaElement ?? graphElement).lineNumber },
    ...draftRecords(parsed, { nodes: nodeElements, edges: edgeElements }, block, file, problems),
  };
  out.problems.push(...problems);
  return out.problems.length ? out.result() : { ok: true, value: draft };
}

function format(types: Map<string, AttrType>) {
  const labelInAttribute = types.get('label') === 'string';
  return (_key: string, attributes: Attrs) => {
    const encoded: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || (labelInAttribute && name === 'label')) continue;
      encoded[name] = encodeValue(types.get(name)!, value);
    }
    return labelInAttribute && typeof attributes.label === 'string' ? { label: attributes.label, attributes: encoded } : { attributes: encoded };
  };
}

export function writeGexfText(graph: SupplyGraph): string {
  const { block, nodeTypes, edgeTypes } = blockOf(graph);
  const copy = new MultiDirectedGraph<Attrs, Attrs>();
  graph.forEachNode((key, attributes) => copy.addNode(key, attributes));
  graph.forEachEdge((key, attributes, source, target) => copy.addDirectedEdgeWithKey(key, source, target, attributes));
  const attrs = graph.getAttributes();
  copy.replaceAttributes({
    creator: 'Chokepoint',
    title: attrs.title,
    ...(attrs.description ? { description: attrs.description } : {}),
    [BLOCK_NAME]: blockText(block),
  });
  return writeGexf(copy, { version: '1.3', formatNode: format(nodeTypes), formatEdge: format(edgeTypes) });
}
