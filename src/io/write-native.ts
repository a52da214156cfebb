/** The native format out: the document of graph-format.md as JSON text. */
import { toDocument, type SupplyGraph } from '../model/graph.ts';

export function writeNativeText(graph: SupplyGraph, indent = 2): string {
  return JSON.stringify(toDocument(graph), null, indent) + '\n';
}
