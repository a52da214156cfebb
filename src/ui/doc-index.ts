/**
 * A document's nodes and flows by key, built once per document and kept while
 * the document is: the panels look one up per row they draw, and a find over
 * the whole list per row cost about 60 ms a render at 10,000 nodes.
 */
import type { GraphDocument } from '../model/schema.ts';
import { keptScan, SCAN_STEP } from './next-task.ts';

type Node = GraphDocument['nodes'][number];
type Edge = GraphDocument['edges'][number];

const edges = new WeakMap<GraphDocument, Map<string, Edge>>();

export function nodeOf(doc: GraphDocument, key: string): Node | undefined {
  return nodeIndex.now(doc).get(key);
}

/** nodeOf's index of a document (its steps are warmed while a big graph's figures are computed: warm-document.ts). */
export const nodeIndex = keptScan((doc: GraphDocument) => doc, function* (doc): Generator<void, Map<string, Node>> {
  const byKey = new Map<string, Node>();
  const list = doc.nodes;
  for (let i = 0; i < list.length; i++) {
    byKey.set(list[i]!.key, list[i]!);
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  return byKey;
});

/**
 * The key of the flow at position `i`. A view's document names every flow (the engine's keyedDocument);
 * `~<position>` stands in for a flow a document gives no key, as the engine names such flows when it loads them.
 */
export const edgeKeyAt = (e: Edge, i: number): string => e.key ?? `~${i}`;

/** A flow by its key (edgeKeyAt). */
export function edgeOf(doc: GraphDocument, key: string): Edge | undefined {
  let byKey = edges.get(doc);
  if (!byKey) edges.set(doc, (byKey = new Map(doc.edges.map((e, i) => [edgeKeyAt(e, i), e]))));
  return byKey.get(key);
}
