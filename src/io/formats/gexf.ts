/**
 * GEXF (Gephi) in and out. In: streamed by our own reader (gexf-read.ts),
 * which gives what graphology-gexf's parser gave without building a DOM. Out:
 * graphology-gexf's writer. Node attributes `label`, `kind`, `country`,
 * `company` and edge attributes `input`, `value` are read as in the native
 * format; a Chokepoint export also carries its block in a `<chokepoint>` meta
 * element, so every attribute and scenario survives.
 */
import { MultiDirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { SupplyGraph } from '../../model/graph.ts';
import { encodeValue, type AttrType } from './attr-codec.ts';
import { BLOCK_NAME, blockOf, blockText } from './block.ts';
import { readGexf } from './gexf-read.ts';
import type { Attrs, Draft, ParseOutcome } from './types.ts';
import { xmlDraft } from './xml-graph.ts';
import { xmlText } from './xml.ts';

export function parseGexf(text: string, file: string, baseName: string): ParseOutcome<Draft> {
  const read = readGexf(text, file);
  return read.ok ? xmlDraft('gexf', read.value, file, baseName) : read;
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
    title: xmlText(attrs.title),
    ...(attrs.description ? { description: xmlText(attrs.description) } : {}),
    [BLOCK_NAME]: blockText(block),
  });
  return writeGexf(copy, { version: '1.3', formatNode: format(nodeTypes), formatEdge: format(edgeTypes) });
}
