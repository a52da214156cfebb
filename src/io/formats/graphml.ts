/**
 * GraphML in through our streaming reader (graphml-read.ts, which gives what
 * graphology-graphml's parser gave without building a DOM), out through a
 * small writer of our own, valid against the GraphML 1.0 schema. Attribute
 * names and types as for GEXF; a Chokepoint export carries its block in a
 * graph-level `<data>`. The schema wants ids and `attr.name`s to be XML
 * NMTOKENs (letters, digits, `.`, `-`, `_`, `:`): a node key that is not gets
 * an id of the writer's and an edge key that is not is left out of the
 * element, an attribute name that is not is written with `_` for what does not fit; the real
 * ones are in the block (`ids`, `names`), so reading back gives them again.
 */
import { isGeneratedEdgeKey, type SupplyGraph } from '../../model/graph.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { BLOCK_NAME, blockOf, blockText } from './block.ts';
import { readGraphml } from './graphml-read.ts';
import { loopRecords } from './self-loops.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { xmlDraft } from './xml-graph.ts';
import { escapeXml, xmlText } from './xml.ts';

export function parseGraphml(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const read = readGraphml(text, file);
  return read.ok ? xmlDraft('graphml', read.value, file, baseName) : read;
}

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', number: 'double', boolean: 'boolean', list: 'string', json: 'string' };

/** XML's NMTOKEN (NameChar+), the type of GraphML's ids and attr.names. */
export const isNmtoken = (s: string) => /^[\p{L}\p{M}\p{Nd}._:\-\u00b7\u203f\u2040]+$/u.test(s);

export function writeGraphmlText(graph: SupplyGraph): string {
  const { block, nodeTypes, edgeTypes } = blockOf(graph);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  const keyIds = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const names = { node: {} as Record<string, string>, edge: {} as Record<string, string> };
  lines.push(`  <key id="g0" for="graph" attr.name="${BLOCK_NAME}" attr.type="string"/>`);
  lines.push(`  <key id="g1" for="graph" attr.name="title" attr.type="string"/>`);
  for (const [side, types, prefix] of [['node', nodeTypes, 'n'], ['edge', edgeTypes, 'e']] as const) {
    let i = 0;
    const taken = new Set([...types.keys()].filter(isNmtoken));
    for (const [name, type] of types) {
      const id = `${prefix}${i++}`;
      keyIds[side].set(name, id);
      // A name that is no NMTOKEN ("trade value") is written as one ("trade_value", unique); the block keeps the real one.
      let attrName = name;
      if (!isNmtoken(name)) {
        const base = name.replace(/[^\p{L}\p{M}\p{Nd}._:\-]/gu, '_') || '_';
        attrName = base;
        for (let n = 2; taken.has(attrName); n++) attrName = `${base}_${n}`;
        taken.add(attrName);
        names[side][attrName] = name;
      }
      lines.push(`  <key id="${id}" for="${side}" attr.name="${escapeXml(attrName)}" attr.type="${GRAPHML_TYPE[type]}"/>`);
    }
  }
  // Ids for node keys that are no NMTOKEN: _n0, _n1…, skipping any a real key already is.
  const nodeIds = new Map<string, string>();
  const idsOfNodes: Record<string, string> = {};
  let next = 0;
  graph.forEachNode((key) => {
    if (isNmtoken(key)) return;
    let id = `_n${next++}`;
    while (graph.hasNode(id)) id = `_n${next++}`;
    nodeIds.set(key, id);
    idsOfNodes[id] = key;
  });
  const nodeId = (key: string) => nodeIds.get(key) ?? key;
  const idsOfEdges: Record<string, string> = {};
  const edges: { key: string; keyless: boolean; source: string; target: string; attributes: Attrs }[] = [];
  graph.forEachEdge((key, attributes, source, target) => edges.push({ key, keyless: isGeneratedEdgeKey(key), source, target, attributes }));
  for (const loop of loopRecords(graph)) edges.push({ key: loop.key, keyless: loop.keyless, source: loop.node, target: loop.node, attributes: loop.attributes });
  edges.forEach((e, i) => {
    if (!e.keyless && !isNmtoken(e.key)) idsOfEdges[String(i)] = e.key;
  });
  if (Object.keys(idsOfNodes).length || Object.keys(idsOfEdges).length) block.ids = { nodes: idsOfNodes, edges: idsOfEdges };
  if (Object.keys(names.node).length || Object.keys(names.edge).length) block.names = { nodes: names.node, edges: names.edge };

  const data = (side: 'node' | 'edge', types: Map<string, AttrType>, attributes: Attrs) =>
    Object.entries(attributes)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<data key="${keyIds[side].get(name)}">${escapeXml(String(encodeValue(types.get(name)!, v)))}</data>`)
      .join('');
  lines.push('  <graph id="G" edgedefault="directed">');
  lines.push(`    <data key="g0">${escapeXml(blockText(block))}</data>`);
  lines.push(`    <data key="g1">${escapeXml(xmlText(graph.getAttribute('title')))}</data>`);
  graph.forEachNode((key, attributes) => lines.push(`    <node id="${escapeXml(nodeId(key))}">${data('node', nodeTypes, attributes)}</node>`));
  for (const e of edges) {
    const id = e.keyless || !isNmtoken(e.key) ? '' : ` id="${escapeXml(e.key)}"`;
    lines.push(`    <edge${id} source="${escapeXml(nodeId(e.source))}" target="${escapeXml(nodeId(e.target))}">${data('edge', edgeTypes, e.attributes)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
