/**
 * Validation of a parsed document against graph-format.md: the schema, then
 * the references the schema cannot see (duplicate keys, dangling edges,
 * unknown source ids and countries), then every scenario applied to a copy.
 * Every problem is collected; nothing stops at the first.
 */
import { failingScenarios } from '../scenarios/apply.ts';
import { checkShockHits, checkShockRefs, nameShockProblems } from './check-shocks.ts';
import { isKnownCountry } from '../model/countries.ts';
import { buildGraph, type SupplyGraph } from '../model/graph.ts';
import { findOverflow } from '../model/totals.ts';
import { describeValue, isError, pathToString, type Problem } from '../model/problem.ts';
import { z } from 'zod';
import {
  CurrencyCodeSchema,
  EdgeRecordSchema,
  FxSchema,
  GraphDocumentSchema,
  NodeRecordSchema,
  ScenarioSchema,
  ShockSchema,
  type EdgeRecord,
  type GraphDocument,
} from '../model/schema.ts';
import { zodIssuesToProblems, type PathArray } from '../model/zod-problems.ts';
import { checkRanges, checkVariantIds, checkVariantsApply } from './validate-robustness.ts';
import { FORBIDDEN_KEYS } from './formats/attr-codec.ts';

export interface Validation {
  /** Present when there is no error. */
  document?: GraphDocument;
  graph?: SupplyGraph;
  /** Errors and warnings, in file order. */
  problems: Problem[];
  /** The path of each problem as an array, for finding its line. */
  paths: Map<Problem, PathArray>;
}

type Obj = Record<string, unknown>;
/** A plain object read from a file (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

class Collector {
  readonly problems: Problem[] = [];
  readonly paths = new Map<Problem, PathArray>();
  add(path: PathArray, expected: string, found: string, severity: Problem['severity'] = 'error') {
    const problem: Problem = { severity, path: pathToString(path), expected, found };
    this.problems.push(problem);
    this.paths.set(problem, path);
  }
}

/** The checks zod cannot make, run on the raw value so that they add to, not wait for, the schema's. */
function checkReferences(raw: Obj, out: Collector): void {
  const attrs = isObj(raw.attributes) ? raw.attributes : {};
  const countries = isObj(attrs.countries) ? attrs.countries : undefined;

  const sourceIds = new Map<string, number>();
  arr(attrs.sources).forEach((s, i) => {
    const id = isObj(s) ? str(s.id) : undefined;
    if (id === undefined) return;
    if (sourceIds.has(id)) out.add(['attributes', 'sources', i, 'id'], 'a source id used once', `"${id}" again (also attributes.sources[${sourceIds.get(id)}])`);
    else sourceIds.set(id, i);
  });
  const checkCites = (cites: unknown, path: PathArray) =>
    arr(cites).forEach((id, j) => {
      if (typeof id === 'string' && !sourceIds.has(id)) {
        out.add([...path, j], 'the id of a source in attributes.sources', `"${id}", which no source has`);
      }
    });
  const checkCountry = (country: unknown, path: PathArray) => {
    if (typeof country === 'string' && /^[A-Z]{2}$/.test(country) && !isKnownCountry(country, countries)) {
      out.add(path, 'an ISO 3166-1 country code, or one named in attributes.countries', `"${country}", which is no known country`);
    }
  };

  // One rule in every format (issue 20): __proto__, constructor and prototype are no attribute names, since a
  // reader of any format would make them property names of plain objects; refused here as the XML and CSV readers do.
  const checkNames = (attributes: unknown, path: PathArray) => {
    if (!isObj(attributes)) return;
    for (const name of Object.keys(attributes)) {
      if (FORBIDDEN_KEYS.has(name)) out.add([...path, name], 'an attribute name other than __proto__, constructor or prototype', `"${name}"`);
    }
  };
  checkNames(attrs, ['attributes']);

  const nodeKeys = new Map<string, number>();
  arr(raw.nodes).forEach((n, i) => {
    if (!isObj(n)) return;
    checkNames(n.attributes, ['nodes', i, 'attributes']);
    const key = str(n.key);
    if (key !== undefined) {
      if (nodeKeys.has(key)) out.add(['nodes', i, 'key'], 'a key no other node has', `"${key}" again (also nodes[${nodeKeys.get(key)}])`);
      else nodeKeys.set(key, i);
    }
    if (isObj(n.attributes)) {
      checkCites(n.attributes.sources, ['nodes', i, 'attributes', 'sources']);
      checkCountry(n.attributes.country, ['nodes', i, 'attributes', 'country']);
    }
  });

  const edgeKeys = new Map<string, number>();
  arr(raw.edges).forEach((e, i) => {
    if (!isObj(e)) return;
    checkNames(e.attributes, ['edges', i, 'attributes']);
    const key = str(e.key);
    if (key !== undefined) {
      if (edgeKeys.has(key)) out.add(['edges', i, 'key'], 'a key no other edge has', `"${key}" again (also edges[${edgeKeys.get(key)}])`);
      else edgeKeys.set(key, i);
    }
    for (const end of ['source', 'target'] as const) {
      const k = e[end];
      if (typeof k === 'string' && !nodeKeys.has(k)) out.add(['edges', i, end], 'the key of a node in nodes', `"${k}", which no node has`);
    }
    if (typeof e.source === 'string' && e.source === e.target) {
      out.add(['edges', i, 'target'], 'a node other than the source (a node cannot supply itself)', `"${e.target}"`);
    }
    if (isObj(e.attributes)) checkCites(e.attributes.sources, ['edges', i, 'attributes', 'sources']);
  });

  const scenarioIds = new Map<string, number>();
  arr(attrs.scenarios).forEach((s, i) => {
    if (!isObj(s)) return;
    const path: PathArray = ['attributes', 'scenarios', i];
    const id = str(s.id);
    if (id === 'baseline') out.add([...path, 'id'], 'an id other than "baseline" (the graph as loaded)', '"baseline"');
    else if (id !== undefined && scenarioIds.has(id)) out.add([...path, 'id'], 'a scenario id used once', `"${id}" again (also attributes.scenarios[${scenarioIds.get(id)}])`);
    else if (id !== undefined) scenarioIds.set(id, i);
    checkCites(s.sources, [...path, 'sources']);
    arr(s.ops).forEach((op, j) => {
      if (!isObj(op) || !isObj(op.attributes)) return;
      checkCites(op.attributes.sources, [...path, 'ops', j, 'attributes', 'sources']);
      checkCountry(op.attributes.country, [...path, 'ops', j, 'attributes', 'country']);
    });
  });

  checkShockRefs(attrs, (path, expected, found) => out.add(path, expected, found), checkCites);

  const focus = isObj(attrs.focus) ? attrs.focus : undefined;
  if (focus) {
    arr(focus.demand).forEach((k, j) => {
      if (typeof k === 'string' && !nodeKeys.has(k)) out.add(['attributes', 'focus', 'demand', j], 'the key of a node in nodes', `"${k}", which no node has`);
    });
  }
}

/** Inputs whose values are all 0 cannot form shares: a warning on the first of their flows. */
function checkZeroInputs(edges: readonly EdgeRecord[], out: Collector): void {
  // By target, then by input: two lookups of the file's own strings, where a key joined from both made a new string
  // per flow to hash (1.3 s of 1.5 million flows against 0.7 s; the warnings are sorted by path after).
  const byTarget = new Map<string, Map<string, { first: number; total: number; count: number }>>();
  edges.forEach((e, i) => {
    let groups = byTarget.get(e.target);
    if (!groups) byTarget.set(e.target, (groups = new Map()));
    const g = groups.get(e.attributes.input);
    if (g) {
      g.total += e.attributes.value;
      g.count++;
    } else groups.set(e.attributes.input, { first: i, total: e.attributes.value, count: 1 });
  });
  for (const [target, groups] of byTarget) {
    for (const [input, g] of groups) {
      if (g.total > 0) continue;
      out.add(
        ['edges', g.first, 'attributes', 'value'],
        `some flow of "${input}" into "${target}" above 0 (else its shares cannot be formed and the input is ignored)`,
        `${g.count === 1 ? 'its only flow is' : `all ${g.count} flows are`} 0`,
        'warning',
      );
    }
  }
}

/** `onGraph` hears the graph when its nodes, flows and attributes are valid, before the scenarios, shocks and variants are applied to it. */
export function validateDocument(raw: unknown, onGraph?: (graph: SupplyGraph) => void): Validation {
  const out = new Collector();
  if (!isObj(raw)) {
    out.add([], 'a JSON object with "attributes", "nodes" and "edges"', describeValue(raw));
    return { problems: out.problems, paths: out.paths };
  }
  const parsed = GraphDocumentSchema.safeParse(raw);
  const schemaProblems = parsed.success ? [] : zodIssuesToProblems(parsed.error.issues, raw, [], out.paths);
  out.problems.push(...schemaProblems);
  checkReferences(raw, out);
  nameShockProblems(raw, out.problems, out.paths);
  const add = (path: PathArray, expected: string, found: string) => out.add(path, expected, found);
  checkRanges(raw, add);
  checkVariantIds(raw, add);
  const checked = checkedParts(raw, parsed.success ? parsed.data : undefined);
  if (!checked) return { problems: sortByPath(out.problems, out.paths), paths: out.paths };

  // The checks that need only the graph run whenever its nodes and edges build, even if another part of the
  // file is wrong (issue 20: a bad focus must not hide a scenario that names a missing node).
  const { graph, edges, scenarios, shocks, variants } = checked;
  checkZeroInputs(edges, out);
  const overflow = findOverflow(graph);
  if (overflow) {
    const index = /^~\d+$/.test(overflow.edge) ? Number(overflow.edge.slice(1)) : edges.findIndex((e) => e.key === overflow.edge);
    out.add(['edges', index, 'attributes', 'value'], `values whose sums stay finite`, `${overflow.what} sum past the largest number (about 1.8e308)`);
    return { problems: sortByPath(out.problems, out.paths), paths: out.paths };
  }
  if (onGraph && parsed.success && !out.problems.some(isError)) onGraph(graph);
  const at = (path: PathArray): PathArray => {
    const indices = path[1] === 'scenarios' ? scenarios.at : path[1] === 'shocks' ? shocks.at : path[1] === 'variants' ? variants.at : undefined;
    return indices && typeof path[2] === 'number' ? [...path.slice(0, 2), indices[path[2]] ?? path[2], ...path.slice(3)] : path;
  };
  const addAt = (path: PathArray, expected: string, found: string) => out.add(at(path), expected, found);
  for (const { at: i, error } of failingScenarios(graph, scenarios.valid)) {
    addAt(['attributes', 'scenarios', i, 'ops', error.index], `scenario "${error.scenario}", operation ${error.index} (${error.op}) to apply: ${error.expected}`, error.found);
  }
  checkShockHits(graph, shocks.valid, addAt);
  checkVariantsApply(graph, variants.valid, scenarios.valid, addAt);
  const problems = sortByPath(out.problems, out.paths);
  return parsed.success && !problems.some(isError) ? { document: parsed.data, graph, problems, paths: out.paths } : { problems, paths: out.paths };
}

/** The items of a list that pass their schema, with the index of each in the file. */
function validItems<T>(list: unknown, schema: z.ZodType<T>): { valid: T[]; at: number[] } {
  const valid: T[] = [];
  const at: number[] = [];
  arr(list).forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) {
      valid.push(r.data);
      at.push(i);
    }
  });
  return { valid, at };
}

/**
 * The graph and the parts of the file the graph-only checks need: the whole document when it is valid, else
 * whatever of it passes the schema, when its nodes and edges do and build a graph (no duplicate, dangling or
 * looping ends). Undefined when they do not.
 */
function checkedParts(raw: Obj, doc: GraphDocument | undefined) {
  const parts = doc ? wholeParts(doc) : validParts(raw);
  if (!parts) return undefined;
  try {
    return { graph: buildGraph(parts.document), ...parts };
  } catch {
    return undefined; // a duplicate key, a dangling end or a self-loop, each already listed by checkReferences
  }
}

function wholeParts(doc: GraphDocument) {
  const whole = <T>(list: T[] | undefined) => ({ valid: list ?? [], at: (list ?? []).map((_, i) => i) });
  const a = doc.attributes;
  return { document: doc, edges: doc.edges, scenarios: whole(a.scenarios), shocks: whole(a.shocks), variants: whole(a.variants) };
}

function validParts(raw: Obj) {
  const nodes = z.array(NodeRecordSchema).safeParse(raw.nodes);
  const edges = z.array(EdgeRecordSchema).safeParse(raw.edges);
  if (!nodes.success || !edges.success) return undefined;
  const attrs = isObj(raw.attributes) ? raw.attributes : {};
  const currency = CurrencyCodeSchema.safeParse(attrs.currency ?? 'USD');
  const fx = FxSchema.safeParse(attrs.fx ?? {});
  const scenarios = validItems(attrs.scenarios, ScenarioSchema);
  const shocks = validItems(attrs.shocks, ShockSchema);
  const variants = validItems(attrs.variants, ScenarioSchema);
  // Only the fields the checks read; an amount in a currency whose rate is unreadable fails as "no rate".
  const attributes = {
    format: 'chokepoint-graph',
    version: 1,
    title: typeof attrs.title === 'string' ? attrs.title : '',
    currency: currency.success ? currency.data : 'USD',
    fx: fx.success ? fx.data : {},
    scenarios: scenarios.valid,
    shocks: shocks.valid,
    variants: variants.valid,
  } as const;
  return { document: { attributes, nodes: nodes.data, edges: edges.data }, edges: edges.data, scenarios, shocks, variants };
}

/** File order: attributes, then nodes, then edges, by index. */
function sortByPath(problems: Problem[], paths: Map<Problem, PathArray>): Problem[] {
  const rank = (p: Problem) => {
    const path = paths.get(p) ?? [];
    const top = ['attributes', 'options', 'nodes', 'edges'].indexOf(String(path[0] ?? ''));
    return { top: top === -1 ? 4 : top, index: typeof path[1] === 'number' ? path[1] : -1 };
  };
  return problems
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r.top - b.r.top || a.r.index - b.r.index || a.i - b.i)
    .map((x) => x.p);
}
