/**
 * The shapes every format module speaks: an in-memory file (so the same code
 * runs in Node, a Web Worker and the page), the formats, and a draft document
 * with the place in the file each record came from.
 */
import type { Problem } from '../../model/problem.ts';

/** A file as the pipeline takes it: its name, and its bytes or its text. */
export interface FileInput {
  name: string;
  bytes?: Uint8Array;
  text?: string;
}

export const GRAPH_FORMATS = ['native', 'gexf', 'graphml', 'csv', 'graphology'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
/** What a single file can be: a graph format, a scenarios file, or a zip holding a CSV pair. */
export const FILE_FORMATS = ['native', 'gexf', 'graphml', 'csv', 'scenarios', 'zip'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Where a record sits in its file: the line (XML element, CSV row) and, for CSV, the column of each field. */
export interface Place {
  file: string;
  line?: number;
  columns?: Map<string, number>;
}

export type Attrs = Record<string, unknown>;

/** A record of a non-native format, before mapping and defaults. */
export interface DraftNode {
  key: string;
  attributes: Attrs;
  place: Place;
}
export interface DraftEdge {
  key?: string;
  source: string;
  target: string;
  attributes: Attrs;
  place: Place;
}

/** What a non-native parser gives: records, graph attributes if the file carries them, and where each came from. */
export interface Draft {
  format: GraphFormat;
  /** The graph attributes the file carries (a Chokepoint export does), else undefined. */
  attributes?: Attrs;
  /** Where graph-level problems point. */
  attributesPlace: Place;
  /** Locates a problem under `attributes` (the JSON of a graph.json file, say). */
  locateAttributes?: (problems: Problem[], paths: Map<Problem, (string | number)[]>) => void;
  nodes: DraftNode[];
  edges: DraftEdge[];
  /** True when the file carries a Chokepoint block: its attribute names are Chokepoint's, nothing is guessed. */
  fromChokepoint?: boolean;
  /** True when the reader has applied the mapping's renames itself (CSV, to decode each column by its field's type). */
  mapped?: boolean;
  /** True when the file has undirected edges (read as source -> target). */
  undirected?: boolean;
  /** Warnings found while reading (infinite numbers kept as text, weights defaulted, …). */
  warnings?: Problem[];
  /** Problems found while reading records (a row without a key, say); the rest is still validated. */
  problems?: Problem[];
  /** A name for the title when the file carries none. */
  baseName: string;
}

export type ParseOutcome<T> = { ok: true; value: T; warnings?: Problem[] } | { ok: false; problems: Problem[] };
