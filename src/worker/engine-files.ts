/**
 * The worker's side of opening, saving and reporting: any format through the
 * one import pipeline (`loadFiles`), scenarios files onto the graph in hand,
 * exports with `writeGraph`, and reports built with `buildReport` and written
 * by the report renderers. Pure functions of a graph: no DOM, tested in Node.
 */
import { strToU8 } from 'fflate';
import { addScenarios, inspectFiles, loadFiles, type LoadPhase, type Unavailable } from '../io/load.ts';
import { detectFormat } from '../io/formats/detect.ts';
import { EDGE_FIELDS, NODE_FIELDS, type Mapping } from '../io/mapping.ts';
import { NODE_KINDS } from '../model/schema.ts';
import { writeGraph, type ExportFormat } from '../io/write.ts';
import type { SupplyGraph } from '../model/graph.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { Problem } from '../model/problem.ts';
import { csvZip } from '../report/csv.ts';
import { htmlReport } from '../report/html-report.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { buildReport } from '../report/model.ts';
import { withRobustness } from '../report/robustness.ts';
import type { OpenFile, OpenReply, ReportFormat, SavedFile } from './protocol.ts';

/** What `open` leaves to the engine: the graph the files hold, validated (the engine adopts it as it adopts a loaded one), or an answer. */
export type OpenStep = { graph: SupplyGraph; document: GraphDocument; warnings: Problem[]; unavailable: Unavailable[]; scenariosAdded: boolean } | { reply: OpenReply };

const isScenarios = (f: OpenFile) => detectFormat(f.name, f.bytes.subarray(0, 4096)) === 'scenarios';

/**
 * Files -> the validated graph they hold. Scenarios files alone are
 * added to `current`. Without a mapping, files that do not carry Chokepoint's
 * names stop at the mapping step (the columns and the guesses). `onGraph`: see LoadOptions.
 */
export function openFiles(current: SupplyGraph | null, files: OpenFile[], mapping: Mapping | undefined, progress: (phase: LoadPhase) => void, onGraph?: (graph: SupplyGraph) => void): OpenStep {
  const inputs = files.map((f) => ({ name: f.name, bytes: f.bytes }));
  if (files.length > 0 && files.every(isScenarios)) {
    if (!current) return { reply: { status: 'failed', problems: [{ severity: 'error', path: '', file: files[0]!.name, expected: 'a graph open before a scenarios file is added', found: 'no graph' }] } };
    let graph = current;
    let document: GraphDocument | undefined;
    const warnings: Problem[] = [];
    for (const input of inputs) {
      const added = addScenarios(graph, input);
      if (!added.ok) return { reply: { status: 'failed', problems: added.problems } };
      ({ graph, document } = added);
      warnings.push(...added.warnings);
    }
    // The loader's own document of the graph (there is at least one file).
    return { graph, document: document!, warnings, unavailable: [], scenariosAdded: true };
  }
  if (mapping === undefined && !marked(files)) {
    const inspected = inspectFiles(inputs);
    if (!inspected.ok) return { reply: { status: 'failed', problems: inspected.problems } };
    if (!inspected.chokepoint) {
      const values = inspected.kindValues ? { kindValues: inspected.kindValues, kinds: [...NODE_KINDS] } : {};
      return { reply: { status: 'mapping', format: inspected.format, columns: inspected.columns, guess: inspected.guess, fields: { nodes: [...NODE_FIELDS], edges: [...EDGE_FIELDS] }, ...values } };
    }
  }
  const result = loadFiles(inputs, { mapping: mapping ?? {}, onProgress: progress, ...(onGraph ? { onGraph } : {}) });
  if (!result.ok) return { reply: { status: 'failed', problems: result.problems } };
  return { graph: result.graph, document: result.document, warnings: result.warnings, unavailable: result.unavailable, scenariosAdded: false };
}

/**
 * A single GEXF or GraphML file that names Chokepoint's format carries its block: no mapping step,
 * and no second parse just to find that out (inspecting a 6 MB GEXF costs as much as loading it).
 * A file that only mentions the name still loads, with guessed names.
 */
function marked(files: OpenFile[]): boolean {
  if (files.length !== 1) return false;
  const head = files[0]!.bytes.subarray(0, 4096);
  const format = detectFormat(files[0]!.name, head);
  // A JSON file that opens with Chokepoint's attributes and their format is native (foreignJsonKind would say so after
  // a whole parse: 0.1 to 0.2 s at 10,000 nodes, before the loader parses it again).
  if (format === 'native') return NATIVE_HEAD.test(new TextDecoder().decode(head));
  return (format === 'gexf' || format === 'graphml') && new TextDecoder().decode(files[0]!.bytes).includes('chokepoint-graph');
}
const NATIVE_HEAD = /^\uFEFF?\s*\{\s*"attributes"\s*:\s*\{\s*"format"\s*:/;

const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? strToU8(data) : data);

/** The graph in one download: single-file formats as they are, CSV as a zip. */
export function exportGraph(graph: SupplyGraph, format: ExportFormat, baseName: string, withoutGraphFile = false): { file: SavedFile; lost: string[] } {
  const out = writeGraph(graph, format === 'csv' ? 'zip' : format, { baseName, withoutGraphFile });
  const file = out.files[0]!;
  const type = format === 'native' ? 'application/json' : format === 'csv' || format === 'zip' ? 'application/zip' : 'application/xml';
  return { file: { name: file.name, type, bytes: bytesOf(file.data) }, lost: out.lost };
}

export interface ReportChoice {
  format: ReportFormat;
  scenarios: string[];
  demand: string[];
  /** The current view as a PNG data URL (HTML only). */
  png?: string;
  baseName: string;
  madeAt: string;
}

/** The report of the chosen scenarios and demand nodes, in one file, every figure from `buildReport`. */
export function reportFile(graph: SupplyGraph, choice: ReportChoice): SavedFile {
  const base = `${choice.baseName}-report`;
  const options = { scenarios: choice.scenarios, focus: { demand: choice.demand } };
  if (choice.format === 'json') {
    // Like `chokepoint report --format json`: no date, so the same graph gives the same file.
    return { name: `${base}.json`, type: 'application/json', bytes: strToU8(JSON.stringify(withRobustness(buildReport(graph, options), graph), null, 2) + '\n') };
  }
  // With the file's ranges or variants, the robustness section of `chokepoint report` (default draws and seed: the same figures).
  const report = withRobustness(buildReport(graph, { ...options, madeAt: choice.madeAt }), graph);
  switch (choice.format) {
    case 'html':
      // The CLI's own HTML (html-report.ts): the same file, byte for byte apart from the date.
      return { name: `${base}.html`, type: 'text/html', bytes: strToU8(htmlReport(graph, report)) };
    case 'md':
      return { name: `${base}.md`, type: 'text/markdown', bytes: strToU8(renderMarkdown(report)) };
    case 'csv':
      return { name: `${base}-csv.zip`, type: 'application/zip', bytes: csvZip(report) };
  }
}
