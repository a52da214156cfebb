/**
 * Export: a graph in any format Chokepoint reads, as files in memory. Every
 * format carries everything (GEXF and GraphML hold the graph attributes in
 * their Chokepoint block, CSV in graph.json); `lost` says what an export
 * leaves out when asked for a plain one that other tools read without it.
 */
import { strToU8, zipSync } from 'fflate';
import type { SupplyGraph } from '../model/graph.ts';
import { FLOWS_FILE, GRAPH_FILE, NODES_FILE, writeCsvFiles } from './formats/csv.ts';
import { writeGexfText } from './formats/gexf.ts';
import { writeGraphmlText } from './formats/graphml.ts';
import { extensionOf } from './formats/detect.ts';
import { writeNativeText } from './write-native.ts';

export const EXPORT_FORMATS = ['native', 'gexf', 'graphml', 'csv', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  name: string;
  data: string | Uint8Array;
}
export interface Export {
  files: ExportedFile[];
  /** What the files do not carry (empty when the export is lossless). */
  lost: string[];
}


/** The format an output name asks for: by extension; a name without one is a folder for the CSV files. */
export function exportFormatOf(name: string): ExportFormat | undefined {
  const ext = extensionOf(name);
  if (ext === '') return 'csv';
  // A CSV export is two or three files: OUT names their folder (or a .zip), never one .csv.
  if (ext === 'csv') return undefined;
  return ext === 'json' ? 'native' : ext === 'xml' ? 'graphml' : (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : undefined;
}

export interface WriteOptions {
  /** File name without extension, for single-file formats. */
  baseName?: string;
  /** CSV only: leave out graph.json, for tools that expect exactly two files. */
  withoutGraphFile?: boolean;
}

/**
 * graphology-gexf's writer keeps its attribute model in a plain object, so a name of Object.prototype's
 * (toString, valueOf…) is taken for one already declared and its values are left out: said, not silent.
 */
function gexfLost(graph: SupplyGraph): string[] {
  const names = new Set<string>();
  const check = (attributes: Record<string, unknown>) => {
    for (const name of Object.keys(attributes)) if (name in Object.prototype) names.add(name);
  };
  graph.forEachNode((_, a) => check(a));
  graph.forEachEdge((_, a) => check(a));
  return [...names].map((name) => `the attribute "${name}" (a name GEXF writing cannot carry here; Chokepoint JSON, GraphML and CSV do)`);
}

function lostWithoutGraphFile(graph: SupplyGraph): string[] {
  const a = graph.getAttributes();
  const lost = [`the graph's title and attributes (${GRAPH_FILE} left out)`];
  if (a.sources?.length) lost.push(`${a.sources.length} sources (nodes and flows still cite their ids)`);
  if (a.scenarios?.length) lost.push(`${a.scenarios.length} scenarios`);
  if (a.shocks?.length) lost.push(`${a.shocks.length} shock${a.shocks.length === 1 ? '' : 's'}`);
  lost.push('the types of columns that are not text (numbers, lists and JSON are read back as text)');
  return lost;
}

export function writeGraph(graph: SupplyGraph, format: ExportFormat, options: WriteOptions = {}): Export {
  const base = options.baseName ?? 'graph';
  switch (format) {
    case 'native':
      return { files: [{ name: `${base}.json`, data: writeNativeText(graph) }], lost: [] };
    case 'gexf':
      return { files: [{ name: `${base}.gexf`, data: writeGexfText(graph) }], lost: gexfLost(graph) };
    case 'graphml':
      return { files: [{ name: `${base}.graphml`, data: writeGraphmlText(graph) }], lost: [] };
    case 'csv': {
      const csv = writeCsvFiles(graph);
      const files: ExportedFile[] = [
        { name: NODES_FILE, data: csv.nodes },
        { name: FLOWS_FILE, data: csv.flows },
      ];
      if (options.withoutGraphFile) return { files, lost: lostWithoutGraphFile(graph) };
      return { files: [...files, { name: GRAPH_FILE, data: csv.graph }], lost: [] };
    }
    case 'zip': {
      const inner = writeGraph(graph, 'csv', options);
      const entries = Object.fromEntries(inner.files.map((f) => [f.name, typeof f.data === 'string' ? strToU8(f.data) : f.data]));
      return { files: [{ name: `${base}.zip`, data: zipSync(entries, { mtime: new Date('2020-01-01T00:00:00Z') }) }], lost: inner.lost };
    }
  }
}
