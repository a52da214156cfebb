/**
 * GraphML in through our streaming reader (graphml-read.ts, which gives what
 * graphology-graphml's parser gave without building a DOM), out through a
 * small writer of our own. Attribute names and types as for GEXF; a
 * Chokepoint export carries its block in a graph-level `<data>`.
 */
import { isGeneratedEdgeKey, type SupplyGraph } from '../../model/graph.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { BLOCK_NAME, blockOf, blockText } from './block.ts';
import { readGraphml } from './graphml-read.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { xmlDraft } from './xml-graph.ts';
import { escapeXml, xmlText } from './xml.ts';

export function parseGraphml(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const read = readGraphml(text, file);
  return read.ok ? xmlDraft('graphml', read.value, file, baseName) : read;
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
  lines.push(`    <data key="g1">${escapeXml(xmlText(graph.getAttribute('title')))}</data>`);
  graph.forEachNode((key, attributes) => lines.push(`    <node id="${escapeXml(key)}">${data('node', nodeTypes, attributes)}</node>`));
  graph.forEachEdge((key, attributes, source, target) => {
    const id = isGeneratedEdgeKey(key) ? '' : ` id="${escapeXml(key)}"`;
    lines.push(`    <edge${id} source="${escapeXml(source)}" target="${escapeXml(target)}">${data('edge', edgeTypes, attributes)}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
