import { readFileSync } from 'node:fs';
import { loadNativeText } from '../../src/io/load-native.ts';
import type { SupplyGraph } from '../../src/model/graph.ts';
import type { GraphDocumentInput } from '../../src/model/schema.ts';
import { formatProblem } from '../../src/model/problem.ts';

export const fixturePath = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
export const repoPath = (name: string) => new URL(`../../${name}`, import.meta.url).pathname;

export function loadGraph(text: string): SupplyGraph {
  const result = loadNativeText(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.graph;
}
export const loadFixture = (name: string) => loadGraph(readFileSync(fixturePath(name), 'utf8'));
export const graphOf = (doc: GraphDocumentInput) => loadGraph(JSON.stringify(doc));

type NodeSpec = [key: string, kind: string, country: string, company?: string];
type EdgeSpec = [source: string, target: string, input: string, value: number];

/** A document from terse node and edge lists, for tests. */
export function makeDoc(nodes: NodeSpec[], edges: EdgeSpec[], attributes: Record<string, unknown> = {}): GraphDocumentInput {
  return {
    attributes: { format: 'chokepoint-graph', version: 1, title: 'test', ...attributes },
    nodes: nodes.map(([key, kind, country, company]) => ({
      key,
      attributes: { label: key, kind, country, ...(company ? { company } : {}) },
    })),
    edges: edges.map(([source, target, input, value]) => ({ source, target, attributes: { input, value } })),
  } as GraphDocumentInput;
}
