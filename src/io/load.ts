/**
 * THE import pipeline, for the CLI, the Web Worker and the page alike:
 * files in memory -> detect each format -> parse -> map attributes ->
 * the native document -> validateDocument -> the graph. An unknown format
 * or a failed load is a list of problems (file, line or JSON path or row,
 * expected, found); nothing is half-loaded.
 */
import { toDocument, type SupplyGraph } from '../model/graph.ts';
import { isError, pathToString, type Problem } from '../model/problem.ts';
import type { GraphDocument } from '../model/schema.ts';
import { locateProblems, parseJsonText } from './json-text.ts';
import { guessMapping, mergeMapping, NODE_FIELDS, EDGE_FIELDS, type Mapping } from './mapping.ts';
import { isObj, validateDocument } from './validate.ts';
import { newBudget, unzipEntries, type InflateBudget } from './zip.ts';
import { csvHeaders, parseCsvPair, GRAPH_FILE } from './formats/csv.ts';
import { baseNameOf, detectFormat } from './formats/detect.ts';
import { draftToDocument, type Unavailable } from './formats/draft.ts';
import { parseGexf } from './formats/gexf.ts';
import { parseGraphml } from './formats/graphml.ts';
import { foreignJsonDraft, foreignJsonKind } from './formats/graphology-json.ts';
import { type KindHow, kindOf } from './values.ts';
import type { Draft, FileFormat, FileInput, GraphFormat } from './formats/types.ts';

export type { FileInput, GraphFormat, FileFormat } from './formats/types.ts';
export type { Unavailable } from './formats/draft.ts';
export type { Mapping } from './mapping.ts';
export { guessMapping, parseMapping, NODE_FIELDS, EDGE_FIELDS } from './mapping.ts';
export { detectFormat } from './formats/detect.ts';

export { capProblems } from '../model/problem.ts';

/**
 * Files above this size are refused before parsing: 256 MB, so that a graph
 * of 300,000 nodes and 1.5 million flows (about 185 MB) loads (issue 24). The
 * command line scales it with the machine's memory (src/cli/size-limit.ts);
 * its --max-size sets it.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export type LoadPhase = 'read' | 'parse' | 'validate' | 'done';
export interface LoadOptions {
  /** Field -> the file's attribute or column name; fields left out are guessed. */
  mapping?: Mapping;
  /** The largest file (or zip entry) accepted, in bytes (characters for text inputs). */
  maxBytes?: number;
  onProgress?: (phase: LoadPhase) => void;
  /**
   * Hears the graph once its nodes and flows pass every check, before its scenarios, shocks and variants are
   * applied to it (a big graph's picture need not wait for those; the file may still be refused for them).
   */
  onGraph?: (graph: SupplyGraph) => void;
}

export type LoadFilesResult =
  | {
      ok: true;
      graph: SupplyGraph;
      document: GraphDocument;
      warnings: Problem[];
      format: GraphFormat;
      /** Figures the file cannot give (no kinds, no countries, …), and why. */
      unavailable: Unavailable[];
      /** The mapping applied (guesses and choices), for showing and re-use. */
      mapping: Mapping;
    }
  | { ok: false; problems: Problem[] };

const problem = (file: string | undefined, expected: string, found: string, extra: Partial<Problem> = {}): Problem => ({
  severity: 'error', file, path: '', expected, found, ...extra,
});

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

const sizeOf = (input: FileInput) => input.bytes?.length ?? input.text?.length ?? 0;

/** A file over the size limit, refused before it is read. */
export function tooBig(name: string, size: number, max: number, why = ''): Problem {
  return problem(name, `a file of at most ${formatBytes(max)} (the size limit${why}; raise it with --max-size)`, formatBytes(size));
}

interface Typed {
  name: string;
  format: FileFormat;
  input: FileInput;
}

/** Zips become their entries (every inflated byte counted against one budget); every file gets a format or a loud problem. */
function classify(inputs: FileInput[], maxBytes: number, problems: Problem[], budget: InflateBudget = newBudget(maxBytes)): Typed[] {
  const out: Typed[] = [];
  for (const input of inputs) {
    const size = sizeOf(input);
    if (size > maxBytes) {
      problems.push(tooBig(input.name, size, maxBytes));
      continue;
    }
    const format = detectFormat(input.name, input.bytes ?? (input.text ?? '').slice(0, 4096));
    if (format === 'zip') {
      if (!input.bytes) {
        problems.push(problem(input.name, 'a zip as bytes', 'text'));
        continue;
      }
      const entries = unzipEntries(input.name, input.bytes, maxBytes, budget, problems);
      out.push(...classify(entries, maxBytes, problems, budget).map((t) => {
        if (t.format === 'zip') problems.push(problem(t.name, 'no zip inside a zip', 'a zip'));
        return t;
      }));
      continue;
    }
    if (!format) {
      problems.push(problem(input.name, 'a graph file: .json (Chokepoint), .gexf, .graphml, a nodes.csv and flows.csv pair, a zip of them, or a scenarios .json', 'a file of unknown format'));
      continue;
    }
    out.push({ name: input.name, format, input });
  }
  return out;
}

/** UTF-16 or UTF-32, by a byte-order mark or by the zero bytes ASCII text has in them; undefined for anything else. */
export function wideEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'UTF-16 (big-endian) without a byte-order mark';
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'UTF-16 (little-endian) without a byte-order mark';
  return undefined;
}

function textOf(t: Typed, problems: Problem[]): string | undefined {
  if (t.input.text !== undefined) return t.input.text.replace(/^\ufeff/, '');
  // Wide text decodes as UTF-8 full of NULs, and then gives a problem per character: one line about the encoding instead.
  const wide = t.input.bytes ? wideEncoding(t.input.bytes) : undefined;
  if (wide) {
    problems.push(problem(t.name, 'UTF-8 text (save the file as UTF-8)', `text in ${wide}`));
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(t.input.bytes ?? new Uint8Array());
  } catch {
    problems.push(problem(t.name, 'UTF-8 text', 'bytes that are not UTF-8 (save the file as UTF-8)'));
    return undefined;
  }
}

const entryName = (name: string) => name.replace(/^.*[\\/:]/, '');

/** Picks the one graph among the files (a native file, a GEXF, a GraphML, or a CSV pair) and the scenarios files. */
function group(files: Typed[], problems: Problem[]): { graph: Typed[]; csv?: { nodes: Typed; flows: Typed; graph?: Typed }; scenarios: Typed[] } {
  const csvFiles = files.filter((f) => f.format === 'csv');
  const blockFile = csvFiles.length ? files.find((f) => f.format === 'native' && entryName(f.name) === GRAPH_FILE) : undefined;
  const graphs = files.filter((f) => f !== blockFile && (f.format === 'native' || f.format === 'gexf' || f.format === 'graphml'));
  const scenarios = files.filter((f) => f.format === 'scenarios');
  let csv: { nodes: Typed; flows: Typed; graph?: Typed } | undefined;
  if (csvFiles.length) {
    const nodes = csvFiles.filter((f) => /node/i.test(entryName(f.name)));
    const flows = csvFiles.filter((f) => /flow|edge|link/i.test(entryName(f.name)));
    if (nodes.length === 1 && flows.length === 1 && csvFiles.length === 2) csv = { nodes: nodes[0]!, flows: flows[0]!, ...(blockFile ? { graph: blockFile } : {}) };
    else problems.push(problem(csvFiles[0]!.name, 'two CSV files, one named like nodes.csv and one like flows.csv (or edges.csv)', csvFiles.map((f) => entryName(f.name)).join(', ')));
  }
  const count = graphs.length + (csvFiles.length ? 1 : 0);
  if (count > 1) problems.push(problem(undefined, 'one graph to load', `${count}: ${[...graphs.map((g) => g.name), ...(csvFiles.length ? ['a CSV pair'] : [])].join(', ')}`));
  if (count === 0 && problems.length === 0) {
    problems.push(problem(files[0]?.name, 'a graph file (a scenarios file is applied to a graph: give it with --scenarios-file, or open it in the app over a graph)', 'only scenarios'));
  }
  return { graph: graphs, csv, scenarios };
}

/** Attribute names on each side of a draft, for guessing a mapping. */
function namesOf(draft: Draft) {
  const collect = (records: { attributes: Record<string, unknown> }[]) => {
    const names = new Set<string>();
    for (const r of records) for (const n of Object.keys(r.attributes)) names.add(n);
    return [...names];
  };
  return { nodes: collect(draft.nodes), edges: collect(draft.edges) };
}

/** Warnings for guesses that renamed something, so the user can see and change them. */
function guessWarnings(mapping: Mapping, chosen: Mapping | undefined, files: { nodes: string; edges: string }): Problem[] {
  const out: Problem[] = [];
  for (const [side, flag] of [['nodes', 'node'], ['edges', 'flow']] as const) {
    // A guess about the flows' columns is blamed on the flows file (in a CSV pair, not nodes.csv).
    const file = files[side];
    for (const [field, from] of Object.entries(mapping[side] ?? {})) {
      if (!from || from === field || (chosen?.[side] as Record<string, string> | undefined)?.[field] !== undefined) continue;
      out.push({ severity: 'warning', file, path: '', expected: `the ${side === 'nodes' ? 'node' : 'flow'} field "${field}"`, found: `"${from}", read as ${field} (a guess; change it with --map-${flag}-${field} or a mapping file)` });
    }
  }
  return out;
}

interface Prepared {
  format: GraphFormat;
  /** Problems found before validation; the load fails if there are any, after validation adds its own. */
  early: Problem[];
  raw: unknown;
  mapping: Mapping;
  unavailable: Unavailable[];
  warnings: Problem[];
  locate: (problems: Problem[], paths: Map<Problem, (string | number)[]>) => void;
}

/** The graph files, parsed (and mapped) into a raw document to validate; undefined when they cannot be (problems says why). */
function prepare(grouped: ReturnType<typeof group>, options: LoadOptions, problems: Problem[]): Prepared | undefined {
  const one = grouped.graph[0];
  if (one && one.format === 'native') {
    const text = textOf(one, problems);
    if (text === undefined) return undefined;
    const parsed = parseJsonText(text, one.name);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    const foreign = foreignJsonKind(parsed.value);
    if (foreign) {
      // graphology's, sigma's or Gephi Lite's JSON: the same mapping path as GEXF.
      const draft = foreignJsonDraft(foreign, parsed.value as Record<string, unknown>, one.name, baseNameOf(entryName(one.name)));
      return fromDraft(draft, mergeMapping(guessMapping(namesOf(draft)), options.mapping), options.mapping);
    }
    const unknown = unknownJson(parsed.value);
    if (unknown) {
      problems.push(problem(one.name, 'a graph in JSON: Chokepoint\'s (attributes.format "chokepoint-graph"), graphology\'s or sigma\'s (nodes: [{key, attributes}]) or a Gephi Lite file', unknown));
      return undefined;
    }
    return {
      format: 'native',
      early: [],
      raw: parsed.value,
      mapping: {},
      unavailable: [],
      warnings: [],
      locate(ps, paths) {
        locateProblems(text, ps, paths);
        for (const p of ps) p.file = one.name;
      },
    };
  }
  let draft: Draft | undefined;
  let chosen = options.mapping;
  let mapping: Mapping = {};
  if (one) {
    const text = textOf(one, problems);
    if (text === undefined) return undefined;
    const parse = one.format === 'gexf' ? parseGexf : parseGraphml;
    const parsed = parse(text, one.name, baseNameOf(entryName(one.name)));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    draft = parsed.value;
    mapping = draft.fromChokepoint ? { ...chosen } : mergeMapping(guessMapping(namesOf(draft)), chosen);
  } else if (grouped.csv) {
    const { nodes, flows, graph } = grouped.csv;
    const texts = [nodes, flows, ...(graph ? [graph] : [])].map((f) => textOf(f, problems));
    if (problems.length) return undefined;
    const [nodesText, flowsText, graphText] = texts as [string, string, string | undefined];
    mapping = graph ? { ...chosen } : mergeMapping(guessMapping({ nodes: csvHeaders(nodesText), edges: csvHeaders(flowsText) }), chosen);
    const parsed = parseCsvPair(
      { nodes: { name: nodes.name, text: nodesText }, flows: { name: flows.name, text: flowsText }, ...(graph && graphText !== undefined ? { graph: { name: graph.name, text: graphText } } : {}) },
      mapping,
      baseNameOf(entryName(nodes.name)) === 'nodes' ? baseNameOf(nodes.name.replace(/[\\/:][^\\/:]*$/, '')) || 'nodes' : baseNameOf(entryName(nodes.name)),
    );
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    draft = parsed.value;
  }
  if (!draft) return undefined;
  return fromDraft(draft, mapping, chosen);
}

/** A draft mapped into a raw document to validate. */
function fromDraft(draft: Draft, mapping: Mapping, chosen: Mapping | undefined): Prepared {
  const drafted = draftToDocument(draft, mapping, chosen);
  for (const field of drafted.dropped) {
    const [side, name] = field.split('.') as ['nodes' | 'edges', string];
    mapping = { ...mapping, [side]: Object.fromEntries(Object.entries(mapping[side] ?? {}).filter(([f]) => f !== name)) };
  }
  const warnings = [...guessWarnings(mapping, chosen, {
    nodes: draft.nodes[0]?.place.file ?? draft.attributesPlace.file,
    edges: draft.edges[0]?.place.file ?? draft.attributesPlace.file,
  }), ...(draft.warnings ?? []), ...drafted.warnings];
  return { format: draft.format, early: draft.problems ?? [], raw: drafted.raw, mapping, unavailable: drafted.unavailable, warnings, locate: drafted.locate };
}

/**
 * JSON that is no graph Chokepoint knows, said in one line (rather than every
 * field the native format misses): an object with neither Chokepoint's
 * attributes.format nor nodes and edges. Undefined for anything else (a native
 * file with faults gets the native checks).
 */
function unknownJson(value: unknown): string | undefined {
  if (!isObj(value)) return undefined;
  const attributes = isObj(value.attributes) ? value.attributes : undefined;
  if (attributes?.format !== undefined || Array.isArray(value.nodes) || Array.isArray(value.edges)) return undefined;
  const keys = Object.keys(value);
  return `JSON of no graph format Chokepoint knows (${keys.length ? `its top-level keys: ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}` : 'an empty object'})`;
}

/** Appends each scenarios file's scenarios to the document; returns where each file's run begins, for locating problems. */
function appendScenarios(raw: unknown, files: Typed[], problems: Problem[]): { file: Typed; text: string; start: number; end: number }[] {
  const runs: { file: Typed; text: string; start: number; end: number }[] = [];
  if (!isObj(raw) || !isObj(raw.attributes)) return runs;
  const attributes = raw.attributes;
  for (const file of files) {
    const text = textOf(file, problems);
    if (text === undefined) continue;
    const parsed = parseJsonText(text, file.name);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    if (!Array.isArray(parsed.value)) continue;
    const existing = Array.isArray(attributes.scenarios) ? attributes.scenarios : [];
    attributes.scenarios = [...existing, ...parsed.value];
    runs.push({ file, text, start: existing.length, end: existing.length + parsed.value.length });
  }
  return runs;
}

/** Validation of a prepared document, problems pointed at their file and place. */
function finish(prepared: Prepared, runs: ReturnType<typeof appendScenarios>, onGraph?: (graph: SupplyGraph) => void): LoadFilesResult {
  const validation = validateDocument(prepared.raw, prepared.early.length ? undefined : onGraph);
  const inRun = new Map<Problem, (typeof runs)[number]>();
  for (const p of validation.problems) {
    const path = validation.paths.get(p);
    const index = path?.[0] === 'attributes' && path[1] === 'scenarios' && typeof path[2] === 'number' ? path[2] : -1;
    const run = runs.find((r) => index >= r.start && index < r.end);
    if (run) inRun.set(p, run);
  }
  prepared.locate(validation.problems.filter((p) => !inRun.has(p)), validation.paths);
  for (const [p, run] of inRun) {
    const path = [...validation.paths.get(p)!];
    const shifted = [(path[2] as number) - run.start, ...path.slice(3)];
    p.path = pathToString(shifted);
    p.file = run.file.name;
    locateProblems(run.text, [p], new Map([[p, shifted]]));
  }
  let problems = validation.problems;
  if (prepared.early.length) {
    // Records read from rows and elements: every problem in file and line order.
    const part = (p: Problem) => (p.path.startsWith('nodes') ? 1 : p.path.startsWith('edges') ? 2 : 0);
    problems = [...prepared.early, ...problems]
      .map((p, i) => ({ p, i }))
      .sort((a, b) => part(a.p) - part(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
      .map((x) => x.p);
    // The guesses made while reading stay in the list of a refused file: a refusal often comes from one of them.
    return { ok: false, problems: [...problems, ...prepared.warnings] };
  }
  if (!validation.graph || !validation.document || problems.some(isError)) return { ok: false, problems: [...problems, ...prepared.warnings] };
  return {
    ok: true,
    graph: validation.graph,
    document: validation.document,
    warnings: [...prepared.warnings, ...problems],
    format: prepared.format,
    unavailable: prepared.unavailable,
    mapping: prepared.mapping,
  };
}

/** Loads one graph from files: a native .json, a .gexf, a .graphml, a nodes.csv + flows.csv pair (+ graph.json), or a zip of them; plus any scenarios files. */
export function loadFiles(inputs: FileInput[], options: LoadOptions = {}): LoadFilesResult {
  const problems: Problem[] = [];
  options.onProgress?.('read');
  const files = classify(inputs, options.maxBytes ?? DEFAULT_MAX_BYTES, problems);
  if (problems.length) return { ok: false, problems };
  options.onProgress?.('parse');
  const grouped = group(files, problems);
  const prepared = problems.length ? undefined : prepare(grouped, options, problems);
  if (!prepared || problems.length) return { ok: false, problems };
  const runs = appendScenarios(prepared.raw, grouped.scenarios, problems);
  if (problems.length) return { ok: false, problems };
  options.onProgress?.('validate');
  const result = finish(prepared, runs, options.onGraph);
  options.onProgress?.('done');
  return result;
}

/** For a mapping step: the attribute names (or CSV columns) each side has, and the guessed mapping. */
export function inspectFiles(inputs: FileInput[], options: Pick<LoadOptions, 'maxBytes'> = {}):
  | {
      ok: true;
      format: GraphFormat;
      columns: { nodes: string[]; edges: string[] };
      guess: Mapping;
      /** True when the files carry Chokepoint's own names (a native file, or an export with its block): no mapping step is needed. */
      chokepoint: boolean;
      /** For the value step: each node attribute with few distinct values, its values and the kind each would be read as. */
      kindValues?: Record<string, KindValue[]>;
    }
  | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const files = classify(inputs, options.maxBytes ?? DEFAULT_MAX_BYTES, problems);
  if (problems.length) return { ok: false, problems };
  const grouped = group(files, problems);
  if (problems.length) return { ok: false, problems };
  const one = grouped.graph[0];
  if (one?.format === 'native') {
    // graphology's, sigma's and Gephi Lite's JSON get the mapping step; a native file needs none.
    const text = textOf(one, problems);
    const parsed = text === undefined ? undefined : parseJsonText(text, one.name);
    const foreign = parsed?.ok ? foreignJsonKind(parsed.value) : undefined;
    if (parsed?.ok && foreign) {
      const draft = foreignJsonDraft(foreign, parsed.value as Record<string, unknown>, one.name, '');
      const columns = namesOf(draft);
      return { ok: true, format: 'graphology', columns, guess: guessMapping(columns), chokepoint: false, kindValues: kindValuesOf(draft.nodes) };
    }
    return { ok: true, format: 'native', columns: { nodes: [...NODE_FIELDS], edges: [...EDGE_FIELDS] }, guess: {}, chokepoint: true };
  }
  let columns: { nodes: string[]; edges: string[] } | undefined;
  let kindValues: Record<string, KindValue[]> | undefined;
  let chokepoint = grouped.csv?.graph !== undefined;
  if (one) {
    const text = textOf(one, problems);
    const parsed = text === undefined ? undefined : (one.format === 'gexf' ? parseGexf : parseGraphml)(text, one.name, '');
    if (parsed && !parsed.ok) problems.push(...parsed.problems);
    if (parsed?.ok) {
      columns = namesOf(parsed.value);
      chokepoint = parsed.value.fromChokepoint === true;
      kindValues = kindValuesOf(parsed.value.nodes);
    }
  } else if (grouped.csv) {
    const nodes = textOf(grouped.csv.nodes, problems);
    const flows = textOf(grouped.csv.flows, problems);
    if (nodes !== undefined && flows !== undefined) {
      columns = { nodes: csvHeaders(nodes), edges: csvHeaders(flows) };
      if (!chokepoint) kindValues = csvKindValues(grouped.csv.nodes.name, nodes, grouped.csv.flows.name, flows, guessMapping(columns));
    }
  }
  if (!columns) return { ok: false, problems };
  return { ok: true, format: one ? (one.format as GraphFormat) : 'csv', columns, guess: chokepoint ? {} : guessMapping(columns), chokepoint, ...(kindValues ? { kindValues } : {}) };
}

/** A value of a node attribute, how many nodes have it, and the kind it would be read as without a value map (values.ts). */
export interface KindValue {
  value: string;
  count: number;
  kind: string;
  how: KindHow;
}
/** Attributes with at most this many distinct values are offered for value mapping. */
const MAX_KIND_VALUES = 40;

/** Each node attribute with a few distinct text values: its values, counted, and the kind each would be read as. */
function kindValuesOf(nodes: readonly { attributes: Record<string, unknown> }[]): Record<string, KindValue[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const n of nodes) {
    for (const [name, v] of Object.entries(n.attributes)) {
      if (typeof v !== 'string') continue;
      let values = counts.get(name);
      if (!values) counts.set(name, (values = new Map()));
      if (values.size <= MAX_KIND_VALUES) values.set(v, (values.get(v) ?? 0) + 1);
    }
  }
  const out: Record<string, KindValue[]> = {};
  for (const [name, values] of counts) {
    if (values.size > MAX_KIND_VALUES || name === 'label') continue;
    out[name] = [...values].map(([value, count]) => ({ value, count, ...kindOf(value, undefined) }));
  }
  return out;
}

/** The value step's values for a CSV pair: read with the guessed mapping (which finds the key column), named by their columns again. */
function csvKindValues(nodesName: string, nodes: string, flowsName: string, flows: string, guess: Mapping): Record<string, KindValue[]> | undefined {
  const parsed = parseCsvPair({ nodes: { name: nodesName, text: nodes }, flows: { name: flowsName, text: flows } }, guess, '');
  if (!parsed.ok) return undefined;
  const byField = kindValuesOf(parsed.value.nodes);
  const out: Record<string, KindValue[]> = {};
  const columnOf = new Map(Object.entries(guess.nodes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  for (const [name, values] of Object.entries(byField)) out[columnOf.get(name) ?? name] = values;
  return out;
}

/** Applies a scenarios file (the `scenarios` array alone) to the graph in hand: a new graph, or every problem. */
export function addScenarios(graph: SupplyGraph, input: FileInput): LoadFilesResult {
  const problems: Problem[] = [];
  const files = classify([input], Infinity, problems);
  if (problems.length) return { ok: false, problems };
  const file = files[0]!;
  if (file.format !== 'scenarios') return { ok: false, problems: [problem(input.name, 'a scenarios file: a JSON array of scenarios', `a ${file.format} file`)] };
  const raw = toDocument(graph);
  const runs = appendScenarios(raw, [file], problems);
  if (problems.length) return { ok: false, problems };
  return finish({ format: 'native', early: [], raw, mapping: {}, unavailable: [], warnings: [], locate: () => {} }, runs);
}
