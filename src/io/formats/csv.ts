/**
 * The CSV pair: `nodes.csv` (key,label,kind,country,company,…) and
 * `flows.csv` (source,target,input,value,…), parsed and written with
 * papaparse; extra columns are kept as attributes and an empty cell is an
 * absent value. An optional third file, `graph.json`, holds the Chokepoint
 * block (title, sources, scenarios, column types); Chokepoint writes it.
 * Cells that a spreadsheet would run as a formula are written with a leading
 * apostrophe, and read back without it.
 */
import Papa from 'papaparse';
import { isGeneratedEdgeKey, type SupplyGraph } from '../../model/graph.ts';
import type { Problem } from '../../model/problem.ts';
import { lineStarts, locateProblems, parseJsonText, positionAt } from '../json-text.ts';
import type { Mapping } from '../mapping.ts';
import { type AttrType, encodeValue, FORBIDDEN_KEYS } from './attr-codec.ts';
import { type Block, blockOf, readBlock } from './block.ts';
import { decodeAttributes } from './decode.ts';
import { loopRecords } from './self-loops.ts';
import type { Attrs, Draft, DraftEdge, DraftNode, Place } from './types.ts';

export const NODES_FILE = 'nodes.csv';
export const FLOWS_FILE = 'flows.csv';
export const GRAPH_FILE = 'graph.json';

export interface CsvTexts {
  nodes: { name: string; text: string };
  flows: { name: string; text: string };
  graph?: { name: string; text: string };
}

interface Table {
  headers: string[];
  rows: { cells: string[]; line: number }[];
}

const error = (file: string, line: number | undefined, column: number | undefined, path: string, expected: string, found: string): Problem => ({
  severity: 'error', file, line, column, path, expected, found,
});

/**
 * papaparse's own guess of the delimiter, made on the first rows: given the
 * whole text, it splits all of it into lines once per candidate (0.04 s for 9 MB).
 * Empty lines are skipped as the parse skips them: a file's last line break
 * counted as a row of one cell made ; win over , in a file with ; in its cells.
 */
const delimiterOf = (text: string): string => Papa.parse<string[]>(text.slice(0, 65_536), { preview: 10, skipEmptyLines: 'greedy' }).meta.delimiter;

/** A CSV text's column names, read from its first row with the delimiter the body is parsed with. */
export function csvHeaders(text: string): string[] {
  const body = text.replace(/^\ufeff/, '');
  // The first 64 KB hold the header row of any sane file; papaparse would split the whole text into lines first.
  const head = body.length > 65_536 && body.lastIndexOf('\n', 65_536) > 0 ? body.slice(0, 65_536) : body;
  const first = Papa.parse<string[]>(head, { preview: 1, delimiter: delimiterOf(body), skipEmptyLines: 'greedy' }).data[0] ?? [];
  return first.map((h) => h.trim());
}

/** The rows of any CSV text, each with the line it starts on. */
function steppedRows(text: string, body: string, delimiter: string, file: string, problems: Problem[]): Table['rows'] {
  const starts = lineStarts(text);
  const rows: Table['rows'] = [];
  // A line papaparse skips as empty ('greedy': nothing but spaces and delimiters), up to its line break.
  const blank = new RegExp(`(?:[^\\S\\r\\n]|${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})*(?:\\r\\n|\\r|\\n)`, 'y');
  let cursor = text.length - body.length;
  Papa.parse<string[]>(body, {
    header: false,
    delimiter,
    skipEmptyLines: 'greedy',
    step(result) {
      // The row starts after the previous one's line break and any lines skipped as empty.
      let start = cursor;
      for (;;) {
        while (text[start] === '\n' || text[start] === '\r') start++;
        blank.lastIndex = start;
        if (!blank.test(text)) break;
        start = blank.lastIndex;
      }
      cursor = result.meta.cursor + text.length - body.length;
      const line = positionAt(starts, start).line;
      for (const e of result.errors) if (e.code !== 'UndetectableDelimiter') problems.push(error(file, line, undefined, '', 'well-formed CSV', e.message));
      rows.push({ cells: result.data, line });
    },
  });
  return rows;
}

/**
 * The rows of a text without quotes or lone CRs, each row one line: papaparse
 * in one call, about a third faster than row by row with positions. Undefined
 * when a line is empty ('greedy': nothing but spaces and delimiters), which the
 * row-by-row path skips and numbers past.
 */
function plainRows(body: string, delimiter: string, file: string, problems: Problem[]): Table['rows'] | undefined {
  if (body.includes('"') || (body.includes('\r') && /\r(?!\n)/.test(body))) return undefined;
  const result = Papa.parse<string[]>(body, { header: false, delimiter, skipEmptyLines: false });
  const data = result.data;
  // The line break that ends the file makes one last empty row.
  const last = data[data.length - 1];
  if (last && last.length === 1 && last[0] === '') data.pop();
  for (const cells of data) {
    let blank = true;
    for (let i = 0; i < cells.length && blank; i++) blank = cells[i]!.trim() === '';
    if (blank) return undefined;
  }
  for (const e of result.errors) problems.push(error(file, e.row === undefined ? undefined : e.row + 1, undefined, '', 'well-formed CSV', e.message));
  return data.map((cells, i) => ({ cells, line: i + 1 }));
}

function readTable(text: string, file: string, problems: Problem[]): Table | undefined {
  const body = text.replace(/^\ufeff/, '');
  const delimiter = delimiterOf(body);
  const rows = plainRows(body, delimiter, file, problems) ?? steppedRows(text, body, delimiter, file, problems);
  const header = rows.shift();
  if (!header) {
    problems.push(error(file, 1, undefined, '', 'a header row', 'an empty file'));
    return undefined;
  }
  const headers = header.cells.map((h) => h.trim());
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h === '') problems.push(error(file, header.line, i + 1, '', 'a column name', 'an empty header cell'));
    else if (FORBIDDEN_KEYS.has(h)) problems.push(error(file, header.line, i + 1, '', 'a column name other than __proto__, constructor or prototype', `"${h}"`));
    else if (seen.has(h)) problems.push(error(file, header.line, i + 1, '', 'a column name used once', `"${h}" again`));
    seen.add(h);
  });
  return { headers, rows };
}

/** A cell as written by a spreadsheet-safe export: the apostrophe in front of a formula character is dropped. */
const unguard = (cell: string) => (cell.charCodeAt(0) === 39 && /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);
/** Cells a spreadsheet would take as a formula get an apostrophe in front (and cells that already start with one). */
const guard = (cell: string) => (/^[=+\-@\t\r]/.test(cell) || /^'[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell);

function readRecords(
  table: Table,
  file: string,
  side: 'nodes' | 'edges',
  mapping: Record<string, string | undefined> | undefined,
  ids: readonly string[],
  types: Block['types'][keyof Block['types']] | undefined,
  problems: Problem[],
): { ids: Record<string, string | undefined>; attributes: Attrs; place: Place }[] {
  // Each header's name in the document: mapped fields take the name Chokepoint uses.
  const rename = new Map<string, string>();
  for (const [field, from] of Object.entries(mapping ?? {})) if (from) rename.set(from, field);
  const names = table.headers.map((h) => rename.get(h) ?? h);
  const columns = new Map(names.map((n, i) => [n, i + 1] as const));
  const isId = names.map((n) => ids.includes(n));
  const before = problems.length;
  for (const id of ids) {
    if (id !== 'key' && !columns.has(id)) {
      problems.push(error(file, 1, undefined, '', `a "${mapping?.[id] || id}" column (map another with --map-${side === 'nodes' ? 'node' : 'flow'}-${id})`, `the columns ${table.headers.join(', ')}`));
    }
  }
  if (side === 'nodes' && !columns.has('key')) {
    problems.push(error(file, 1, undefined, '', `a "${mapping?.key || 'key'}" column (map another with --map-node-key)`, `the columns ${table.headers.join(', ')}`));
  }
  if (problems.length > before) return [];
  // Row problems are collected and the row is dropped when it has no id, so that every other row is still checked.
  const records: { ids: Record<string, string | undefined>; attributes: Attrs; place: Place }[] = [];
  table.rows.forEach((row, index) => {
    const place: Place = { file, line: row.line, columns };
    if (row.cells.length > names.length) {
      problems.push(error(file, row.line, names.length + 1, `${side}[${index}]`, `at most ${names.length} cells, as the header has`, `${row.cells.length}`));
    }
    const raw: Attrs = {};
    const idValues: Record<string, string | undefined> = {};
    for (let i = 0; i < names.length; i++) {
      const cell = row.cells[i];
      if (cell === undefined || cell === '') continue;
      if (isId[i]) idValues[names[i]!] = unguard(cell);
      else raw[names[i]!] = unguard(cell);
    }
    let complete = true;
    for (const id of ids) {
      if (idValues[id] === undefined && !(side === 'edges' && id === 'key')) {
        problems.push(error(file, row.line, columns.get(id), `${side}[${index}].${id}`, `a ${id}`, 'an empty cell'));
        complete = false;
      }
    }
    const attributes = decodeAttributes(raw, types, side, index, place, problems);
    if (complete) records.push({ ids: idValues, attributes, place });
  });
  return records;
}

export function parseCsvPair(files: CsvTexts, mapping: Mapping | undefined, baseName: string): { ok: true; value: Draft } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  let block: Block | undefined;
  let blockText: string | undefined;
  if (files.graph) {
    const parsed = parseJsonText(files.graph.text, files.graph.name);
    if (!parsed.ok) return parsed;
    const read = readBlock(parsed.value);
    if (!read.ok) return { ok: false, problems: [error(files.graph.name, 1, 1, '', 'a JSON object { "attributes": {…}, "types": {…} }', read.found)] };
    block = read.block;
    blockText = files.graph.text;
  }
  const nodesTable = readTable(files.nodes.text, files.nodes.name, problems);
  const flowsTable = readTable(files.flows.text, files.flows.name, problems);
  if (!nodesTable || !flowsTable || problems.length) return { ok: false, problems };
  const headerProblems: Problem[] = [];
  const rowProblems: Problem[] = [];
  const nodeRows = readRecords(nodesTable, files.nodes.name, 'nodes', mapping?.nodes, ['key'], block?.types.nodes, headerProblems);
  const flowRows = readRecords(flowsTable, files.flows.name, 'edges', mapping?.edges, ['key', 'source', 'target'], block?.types.edges, headerProblems);
  if (headerProblems.some((p) => p.line === 1)) return { ok: false, problems: headerProblems.filter((p) => p.line === 1) };
  rowProblems.push(...headerProblems);
  const nodes: DraftNode[] = nodeRows.map((r) => ({ key: r.ids.key!, attributes: r.attributes, place: r.place }));
  const edges: DraftEdge[] = flowRows.map((r) => ({
    ...(r.ids.key !== undefined && !isGeneratedEdgeKey(r.ids.key) ? { key: r.ids.key } : {}),
    source: r.ids.source!,
    target: r.ids.target!,
    attributes: r.attributes,
    place: r.place,
  }));
  const graphName = files.graph?.name;
  return {
    ok: true,
    value: {
      format: 'csv',
      mapped: true,
      baseName,
      ...(block ? { attributes: block.attributes } : {}),
      attributesPlace: { file: graphName ?? files.nodes.name, line: graphName ? undefined : 1 },
      locateAttributes: blockText ? (ps, paths) => locateProblems(blockText, ps, paths) : undefined,
      nodes,
      edges,
      problems: rowProblems,
    },
  };
}

function table(ids: string[], types: Map<string, AttrType>, records: { ids: string[]; attributes: Attrs }[], preferred: string[]): string {
  const rest = [...types.keys()].filter((n) => !ids.includes(n));
  const order = [...preferred.filter((n) => rest.includes(n)), ...rest.filter((n) => !preferred.includes(n))];
  const rows = records.map((r) => [
    ...r.ids.map(guard),
    ...order.map((name) => {
      const v = r.attributes[name];
      return v === undefined ? '' : guard(String(encodeValue(types.get(name)!, v)));
    }),
  ]);
  return Papa.unparse({ fields: [...ids, ...order], data: rows }, { newline: '\n' }) + '\n';
}

/** The three files of the CSV export: nodes.csv, flows.csv and graph.json. */
export function writeCsvFiles(graph: SupplyGraph): { nodes: string; flows: string; graph: string } {
  const { block, nodeTypes, edgeTypes } = blockOf(graph);
  // Columns named `key`, `source` or `target` inside attributes would clash with the id columns.
  const nodes = table(['key'], nodeTypes, graph.mapNodes((key, attributes) => ({ ids: [key], attributes })), ['label', 'kind', 'country', 'company']);
  const flows = table(
    ['key', 'source', 'target'],
    edgeTypes,
    [
      ...graph.mapEdges((key, attributes, source, target) => ({ ids: [isGeneratedEdgeKey(key) ? '' : key, source, target], attributes })),
      // Self-loops go back to being rows of their own (self-loops.ts).
      ...loopRecords(graph).map((l) => ({ ids: [l.keyless ? '' : l.key, l.node, l.node], attributes: l.attributes })),
    ],
    ['input', 'value'],
  );
  return { nodes, flows, graph: JSON.stringify(block, null, 2) + '\n' };
}
