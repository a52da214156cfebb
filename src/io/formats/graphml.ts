/**
 * GraphML in through graphology-graphml, out through a small writer of our
 * own (graphology-graphml has no writer). Attribute names and types as for
 * GEXF; a Chokepoint export carries its block in a graph-level `<data>`.
 */
import { DOMParser, Document } from '@xmldom/xmldom';
import Graph from 'graphology';
import createParser from 'graphology-graphml/common/parser.js';
import { isGeneratedEdgeKey, type SupplyGraph } from '../../model/graph.ts';
import type { Problem } from '../../model/problem.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { BLOCK_NAME, blockOf, blockText } from './block.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { checkIds, draftRecords, readBlockText, XmlProblems } from './xml-graph.ts';
import { children, elementsByTag, escapeXml, parseXml } from './xml.ts';

const parseGraphmlDocument = createParser(DOMParser, Document);
const KEY_TARGETS = new Set(['graph', 'node', 'edge']);
const KEY_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);

export function parseGraphml(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const xml = parseXml(text, file);
  if (!xml.ok) return xml;
  const doc = xml.value;
  const out = new XmlProblems(file);
  const root = doc.documentElement;
  const found = elementsByTag(doc, ['graph', 'key', 'data', 'node', 'edge']);
  const graphElement = found.get('graph')![0];
  if (root?.tagName !== 'graphml' || !graphElement) {
    out.add(root ?? undefined, '', 'a <graphml> document with a <graph> element', root ? `<${root.tagName}>` : 'no element');
    return out.result();
  }
  // graphology-graphml files keys under models[for]: an unchecked `for` could reach Object.prototype.
  const keyElements = found.get('key')!;
  for (const key of keyElements) {
    const target = key.getAttribute('for') ?? 'node';
    if (!KEY_TARGETS.has(target)) out.add(key, '', 'a <key> for "graph", "node" or "edge"', `for="${target}"`);
    const type = key.getAttribute('attr.type') ?? 'string';
    if (!KEY_TYPES.has(type)) out.add(key, '', 'an attr.type of boolean, int, long, float, double or string', `attr.type="${type}"`);
    if (!key.getAttribute('id')) out.add(key, '', 'a <key> with an id', 'none');
    out.checkName(key, key.getAttribute('id'), 'key id');
    out.checkName(key, key.getAttribute('attr.name'), 'attr.name');
  }
  for (const data of found.get('data')!) out.checkName(data, data.getAttribute('key'), 'data key');
  const nodeElements = found.get('node')!;
  const edgeElements = found.get('edge')!;
  checkIds(out, nodeElements, edgeElements);
  if (out.problems.length) return out.result();

  let parsed;
  try {
    parsed = parseGraphmlDocument(Graph, doc);
  } catch (cause) {
    out.add(graphElement, '', 'a GraphML graph graphology-graphml can read', String((cause as Error).message));
    return out.result();
  }
  const graphData = parsed.getAttributes() as Attrs;
  const blockKey = keyElements.find((k) => k.getAttribute('for') === 'graph' && k.getAttribute('attr.name') === BLOCK_NAME)?.getAttribute('id');
  const blockElement = children(graphElement, 'data').find((d) => d.getAttribute('key') === blockKey);
  const block = typeof graphData[BLOCK_NAME] === 'string' ? readBlockText(out, blockElement ?? graphElement, graphData[BLOCK_NAME]) : undefined;
  const problems: Problem[] = [];
  const draft: Draft = {
    format: 'graphml',
    baseName,
    fromChokepoint: block !== undefined,
    attributes: block?.attributes ?? {
      ...(typeof graphData.title === 'string' ? { title: graphData.title } : typeof graphData.name === 'string' ? { title: graphData.name } : {}),
      ...(typeof graphData.description === 'string' ? { description: graphData.description } : {}),
    },
    attributesPlace: { file, line: (blockElement ?? graphElement).lineNumber },
    ...draftRecords(parsed, { nodes: nodeElements, edges: edgeElements }, block, file, problems),
  };
  out.problems.push(...problems);
  return out.problems.length ? out.result() : { ok: true, value: draft };
}

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', number: 'double', boolean: 'boolean', list: 'string', json: 'string' };

export function writeGraphmlText(graph: SupplyGraph): string {
  const { block, nodeTypes, edgeTypes } = blockOf(graph);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  const ids = { node: new Map<string, string>(), edge: new Map<string, string>() };
  lines.push(`  <key id="g0" for="graph" attr.name="${BLOCK_NAME}" attr.type="string"/>`);
  lines.push(`  <key id="g1" for="graph" attr.name="title" attr.type="string"/>`);
  for (const [side, types, prefix] of [['node', nodeTypes, 'n'], ['edge', edgeTypes, 'e']] as const) {
    let i = 0;
    for (const [name, type] of types) {
      const id = `${prefix}${i++}`;
      ids[side].set(name, id);
      lines.push(`  <key id="${id}" for="${side}" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPE[type]}"/>`);
    }
  }
  const data = (side: 'node' | 'edge', types: Map<string, AttrType>, attributes: Attrs) =>
    Object.entries(attributes)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<data key="${ids[side].get(name)}">${escapeXml(String(encodeValue(types.get(name)!, v)))}</data>`)
      .join('');
  lines.push('  <graph id="G" edgedefault="directed">');
  lines.push(`    <data key="g0">${escapeXml(blockText(block))}</data>`);
  lines.push(`    <data key="g1">${escapeXml(graph.getAttribute('title'))}</data>`);
  graph.forEachNode((key, attributes) => lines.push(`    <node id="${escapeXml(key)}">${data('node', nodeTypes, attributes)}</node>`));
  graph.forEachEdge((key, attributes, source, target) => {
    const id = isGeneratedEdgeKey(key) ? '' : ` id="${escapeXml(key)}"`;
    lines.push(`    <edge${id} source="${escapeXml(source)}" target="${escapeXml(target)}">${data('edge', edgeTypes, attributes)}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
