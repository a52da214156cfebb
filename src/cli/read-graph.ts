/**
 * Reading a graph for a command: every FILE argument goes through the one
 * import pipeline (src/io/load.ts), so a command takes a native .json, a
 * .gexf, a .graphml, a folder or a zip holding nodes.csv + flows.csv, with
 * the mapping flags, --mapping FILE, --scenarios-file FILE and --max-size.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { parseJsonText } from '../io/json-text.ts';
import { capProblems, DEFAULT_MAX_BYTES, loadFiles, parseMapping, tooBig, type FileInput, type LoadFilesResult, type Mapping } from '../io/load.ts';
import { EDGE_FIELDS, NODE_FIELDS } from '../io/mapping.ts';
import { parsePairs, slugify } from '../io/values.ts';
import { NODE_KINDS, type NodeKind } from '../model/schema.ts';
import type { SupplyGraph } from '../model/graph.ts';
import { formatProblem, isError, type Problem } from '../model/problem.ts';
import { type CliIO, InvalidInput, UsageError } from './io.ts';
import { readCapped } from './read-capped.ts';
import { machineLimitWhy, machineMaxBytes } from './size-limit.ts';
import { forTerminal } from './terminal-text.ts';
import type { OptionValues } from './commands/command.ts';

export function printProblems(io: CliIO, problems: Problem[]): void {
  const { shown, more } = capProblems(problems);
  // One line per problem, whatever a file's text holds (a line break in a label, an escape in a zip entry name).
  for (const p of shown) io.stderr(forTerminal(formatProblem(p), true) + '\n');
  if (more > 0) io.stderr(`…and ${more} more problems\n`);
}

export const displayPath = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** The flags every command that reads a graph takes (merged into its options, and listed in its help, by main.ts). */
export const LOAD_FLAGS: NonNullable<ParseArgsConfig['options']> = {
  ...Object.fromEntries(NODE_FIELDS.map((f) => [`map-node-${f}`, { type: 'string' as const }])),
  ...Object.fromEntries(EDGE_FIELDS.map((f) => [`map-flow-${f}`, { type: 'string' as const }])),
  mapping: { type: 'string' },
  'map-kind-value': { type: 'string' },
  'map-input-value': { type: 'string' },
  'scenarios-file': { type: 'string', multiple: true },
  'max-size': { type: 'string' },
};

export const LOAD_FLAGS_HELP = `Reading FILE: FILE is a Chokepoint .json, a .gexf, a .graphml,
or a folder or .zip holding nodes.csv and flows.csv (and graph.json).
  --map-node-FIELD NAME   the attribute or column holding FIELD (key, label,
                          kind, country, company); "" for none
  --map-flow-FIELD NAME   the same for flows (key, source, target, input, value)
  --map-kind-value PAIRS  what the file's kinds are: mine=supplier,buyer=demand
                          (common words are understood; others load as other)
  --map-input-value PAIRS what the file's inputs are: "Copper ore=copper"
  --mapping FILE          a JSON mapping: {"nodes": {"label": "Label"}, "edges": {"value": "weight"},
                          "values": {"kind": {"mine": "supplier"}}}
  --scenarios-file FILE   add the scenarios of FILE (a JSON array) to the graph
  --max-size SIZE         refuse files above SIZE (e.g. 500MB, 2GB); by default 1/24 of
                          this machine's memory, at least 256MB and at most 1GB`;

interface LoadSettings {
  mapping?: Mapping;
  scenarioFiles: string[];
  maxBytes: number;
  /** --max-size was given (else the limit is the machine's, and a refusal says so). */
  maxGiven?: boolean;
}
let settings: LoadSettings = { scenarioFiles: [], maxBytes: machineMaxBytes() };

export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb?|mb?|gb?)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`--max-size: expected a size such as 100MB, 2GB or 5000000 (bytes), found "${text}"`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

/** Takes the load flags of this run (main.ts calls it before the command runs). */
export async function useLoadFlags(io: CliIO, values: OptionValues): Promise<void> {
  const flagged: Mapping = { nodes: {}, edges: {} };
  for (const f of NODE_FIELDS) if (typeof values[`map-node-${f}`] === 'string') flagged.nodes![f] = values[`map-node-${f}`] as string;
  for (const f of EDGE_FIELDS) if (typeof values[`map-flow-${f}`] === 'string') flagged.edges![f] = values[`map-flow-${f}`] as string;
  let mapping: Mapping | undefined = Object.keys(flagged.nodes!).length || Object.keys(flagged.edges!).length ? flagged : undefined;
  if (typeof values.mapping === 'string') {
    const file = displayPath(values.mapping);
    let text: string;
    try {
      const read = await readCapped(values.mapping, DEFAULT_MAX_BYTES);
      if (!read.ok) throw new Error('over' in read ? `more than ${DEFAULT_MAX_BYTES} bytes` : 'a pipe that sent nothing');
      text = new TextDecoder().decode(read.bytes);
    } catch (cause) {
      printProblems(io, [{ severity: 'error', file, path: '', expected: 'a readable mapping file', found: readFailure(cause) }]);
      throw new InvalidInput(`${file}: cannot read the mapping`);
    }
    const parsed = parseJsonText(text, file);
    const checked = parsed.ok ? parseMapping(parsed.value, file) : parsed;
    if (!checked.ok) {
      printProblems(io, checked.problems);
      throw new InvalidInput(`${file}: refused, not a mapping`);
    }
    // Flags win over the file.
    mapping = { nodes: { ...checked.mapping.nodes, ...flagged.nodes }, edges: { ...checked.mapping.edges, ...flagged.edges }, ...(checked.mapping.values ? { values: checked.mapping.values } : {}) };
  }
  const values_ = valueFlags(values);
  if (values_) mapping = { ...(mapping ?? {}), values: { ...mapping?.values, kind: { ...mapping?.values?.kind, ...values_.kind }, input: { ...mapping?.values?.input, ...values_.input } } };
  const scenarioFiles = (values['scenarios-file'] as string[] | undefined) ?? [];
  const maxGiven = typeof values['max-size'] === 'string';
  const maxBytes = maxGiven ? parseSize(values['max-size'] as string) : machineMaxBytes();
  settings = { ...(mapping ? { mapping } : {}), scenarioFiles, maxBytes, maxGiven };
}

/** --map-kind-value and --map-input-value as the mapping's value maps, each pair checked (a kind Chokepoint has, an input slug). */
function valueFlags(values: OptionValues): { kind: Record<string, NodeKind>; input: Record<string, string> } | undefined {
  const out = { kind: {} as Record<string, NodeKind>, input: {} as Record<string, string> };
  let any = false;
  for (const [flag, side] of [['map-kind-value', 'kind'], ['map-input-value', 'input']] as const) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    const parsed = parsePairs(text);
    if (!parsed.ok) throw new UsageError(`--${flag}: expected pairs such as mine=supplier,buyer=demand, found "${parsed.bad}" (no "=")`);
    for (const [from, to] of Object.entries(parsed.pairs)) {
      if (side === 'kind' && !(NODE_KINDS as readonly string[]).includes(to)) throw new UsageError(`--${flag}: expected a kind (${NODE_KINDS.join(', ')}) after "${from}=", found "${to}"`);
      const slug = side === 'input' ? slugify(to) : to;
      if (side === 'input' && !slug) throw new UsageError(`--${flag}: expected an input such as copper-ore after "${from}=", found "${to}"`);
      if (side === 'kind') out.kind[from] = slug as NodeKind;
      else out.input[from] = slug;
      any = true;
    }
  }
  return any ? out : undefined;
}

function readFailure(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code === 'EACCES' ? 'a file this user may not read' : String((cause as Error).message);
}

/** A file's bytes, refusing it before reading when it is over the limit, and stopping past the limit whatever the file is (read-capped.ts). */
async function readInput(path: string, name: string, maxBytes: number): Promise<FileInput | Problem> {
  const why = settings.maxGiven ? '' : machineLimitWhy();
  try {
    const read = await readCapped(path, maxBytes);
    if (read.ok) return { name, bytes: read.bytes };
    if ('silent' in read) return { severity: 'error', file: name, path: '', expected: 'a file, or a pipe that sends one', found: `a pipe that sent nothing for ${read.silent / 1000} s` };
    const problem = tooBig(name, read.over, maxBytes, why);
    return (await stat(path)).isFile() ? problem : { ...problem, found: `more than that (${name} is not a regular file: reading stopped at the limit)` };
  } catch (cause) {
    return { severity: 'error', file: name, path: '', expected: 'a readable graph file', found: readFailure(cause) };
  }
}

/** The files a FILE argument stands for: the file itself, or the CSV files and graph.json of a folder. */
async function inputsOf(path: string, maxBytes: number): Promise<FileInput[] | Problem> {
  const name = displayPath(path);
  let entries: Dirent[] | undefined;
  try {
    if ((await stat(path)).isDirectory()) entries = await readdir(path, { withFileTypes: true });
  } catch {
    // Missing or unreadable: readInput says which.
  }
  if (!entries) {
    const input = await readInput(path, name, maxBytes);
    return 'severity' in input ? input : [input];
  }
  const wanted = entries.filter((e) => e.isFile() && (/\.csv$/i.test(e.name) || e.name === 'graph.json')).map((e) => e.name).sort();
  if (!wanted.some((n) => /\.csv$/i.test(n))) {
    return { severity: 'error', file: name, path: '', expected: 'a folder holding nodes.csv and flows.csv', found: entries.length ? `only ${entries.map((e) => e.name).slice(0, 8).join(', ')}` : 'an empty folder' };
  }
  const inputs: FileInput[] = [];
  for (const entry of wanted) {
    const input = await readInput(join(path, entry), join(name, entry), maxBytes);
    if ('severity' in input) return input;
    inputs.push(input);
  }
  return inputs;
}


export async function loadFile(path: string): Promise<LoadFilesResult> {
  const { maxBytes, mapping, scenarioFiles } = settings;
  const inputs: FileInput[] = [];
  for (const p of [path, ...scenarioFiles]) {
    const got = await inputsOf(p, maxBytes);
    if (!Array.isArray(got)) return { ok: false, problems: [got] };
    inputs.push(...got);
  }
  return loadFiles(inputs, { maxBytes, ...(mapping ? { mapping } : {}) });
}

/** The graph, or InvalidInput after printing every problem; warnings and unavailable figures go to stderr either way. */
export async function readGraph(io: CliIO, path: string): Promise<SupplyGraph> {
  const result = await loadFile(path);
  if (!result.ok) {
    printProblems(io, result.problems);
    const errors = result.problems.filter(isError).length;
    throw new InvalidInput(`${displayPath(path)}: refused, ${errors} problem${errors === 1 ? '' : 's'}`);
  }
  printProblems(io, result.warnings);
  for (const u of result.unavailable) io.stderr(`note: ${u.metric} is unavailable: ${u.why}\n`);
  return result.graph;
}
