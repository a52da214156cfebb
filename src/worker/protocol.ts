/**
 * The typed messages between the app and its engine worker. Every request
 * carries an id; the worker answers each with exactly one response of the
 * same id: its result, or `error` with a message for people.
 */
import type { EditCommand } from '../edit/commands.ts';
import type { Problem } from '../model/problem.ts';
import type { GraphDocument, ShockHit } from '../model/schema.ts';
import type { Report } from '../report/model.ts';
import type { BoughtRow } from '../metrics/bought.ts';
import type { Mapping } from '../io/mapping.ts';
import type { ExportFormat } from '../io/write.ts';
import type { GraphFormat } from '../io/formats/types.ts';
import type { KindValue } from '../io/load.ts';
import type { Unavailable } from '../io/formats/draft.ts';

/** `file`: "as in the file", the nodes' own x and y (the tiered places for nodes without them). */
export type LayoutName = 'tiered' | 'geographic' | 'file';
export type Positions = Record<string, { x: number; y: number }>;

/** What a scenario changed, against baseline: node keys and edge keys. */
export interface ScenarioChanges {
  addedNodes: string[];
  removedNodes: string[];
  changedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
  /** Edges whose value (or input) changed, with both values. */
  changedEdges: { key: string; before: number; after: number }[];
}

/**
 * The what-if as a shock being built (metrics.md §8): what is hit, and the
 * capacity each part keeps (0: it stops; absent: 0).
 */
export interface WhatIfFailure {
  nodes: string[];
  /** Every node of these countries is hit, except demand nodes (the ones whose loss is measured). */
  countries: string[];
  /** Every node of these companies. */
  companies?: string[];
  /** Every node of a kind in a country: "foundry:TW". */
  kindCountries?: string[];
  /** The hits of a file's shock taken into the what-if, each with its own capacity; `shock` is its id. */
  hits?: ShockHit[];
  shock?: string;
  /** Capacity kept, 0 to 1, by `node:KEY`, `country:CC`, `company:NAME`, `kind:KIND:CC`; 0 where absent. */
  capacity?: Record<string, number>;
}

export type EngineRequest =
  | { type: 'load'; id: number; text: string; file?: string }
  | { type: 'view'; id: number; scenario: string }
  | { type: 'whatIf'; id: number; scenario: string; failure: WhatIfFailure }
  // Editing (docs/app.md, Editing): the worker owns the working graph and its history.
  | { type: 'edit'; id: number; command: EditCommand; label: string }
  | { type: 'undo'; id: number }
  | { type: 'redo'; id: number }
  | { type: 'newGraph'; id: number }
  | { type: 'revert'; id: number }
  /** A working graph saved in the browser, with the file text it started from (answered as a `load`). */
  | { type: 'restore'; id: number; text: string; original: string; file?: string }
  // Files (docs/app.md, Opening and saving): any format, exports and reports.
  /** Files to open (a graph in any format, a CSV pair, a zip, scenarios files); without `mapping`, may stop at the mapping step. */
  | { type: 'open'; id: number; files: OpenFile[]; file: string; mapping?: Mapping }
  /** `withoutGraphFile`: CSV for tools that want exactly two files (what is left out comes back in `lost`). */
  | { type: 'export'; id: number; format: ExportFormat; baseName: string; withoutGraphFile?: boolean }
  | { type: 'report'; id: number; format: ReportFormat; scenarios: string[]; demand: string[]; png?: string; baseName: string; madeAt: string };

/** The undo and redo labels (null: nothing to undo / redo) and how many edits can be undone. */
export interface HistoryInfo {
  undo: string | null;
  redo: string | null;
  edits: number;
}

/** An edit's answer: the graph recomputed, or why it was refused (the graph unchanged). */
export type EditOutcome = { ok: true; loaded: LoadedGraph; history: HistoryInfo } | { ok: false; problems: Problem[]; history: HistoryInfo };

export interface LoadedGraph {
  document: GraphDocument;
  warnings: Problem[];
  /** buildReport on the graph: baseline and every scenario, the same as `chokepoint report`. */
  report: Report;
  /** Figures a graph opened from another format cannot give (no kinds, no countries…), and why. */
  unavailable?: Unavailable[];
}

/** A scenario's graph as the app draws it. */
export interface GraphView {
  scenario: string;
  document: GraphDocument;
  changes: ScenarioChanges;
  /** Each node's throughput: the larger of the values it receives and sends. */
  throughput: Record<string, number>;
  /**
   * Each edge's share of its target's input (metrics.md §1), in the order of `document.edges`; NaN where the input's
   * total is 0. A typed array: 500,000 shares cross as one copy, not as a record of as many keys.
   */
  shares: Float64Array;
  /** Each flow's source and target as places in `document.nodes`: `ends[2i]`, `ends[2i + 1]` (the page need not look 1,000,000 keys up). */
  ends: Int32Array;
  /** Positions of the tiered, geographic and as-in-the-file layouts (computed on baseline, so that a node stays put across scenarios). */
  layouts: Record<LayoutName, Positions>;
  /** Each demand node's supply bought (sum of inflows) by input, in baseline and in this scenario. */
  bought?: BoughtRow[];
}

export interface WhatIfResult {
  scenario: string;
  failure: WhatIfFailure;
  /** The nodes failed (a(n) = 0). */
  failed: string[];
  /** The nodes hit with a capacity above 0 and below 1, and that capacity. */
  partial?: Record<string, number>;
  /** a(n) for every node, metrics.md §2. */
  availability: Record<string, number>;
  /** lost(d, X) for every demand node, largest first: 1 − a(d) with the capacities on every node but d (metrics.md §8). */
  demandLoss: { demand: string; label: string; loss: number }[];
}

export type EngineResult =
  | { type: 'load'; result: { ok: true; loaded: LoadedGraph } | { ok: false; problems: Problem[] } }
  | { type: 'view'; view: GraphView }
  | { type: 'whatIf'; result: WhatIfResult }
  | { type: 'edited'; result: EditOutcome }
  | { type: 'open'; result: OpenReply }
  | { type: 'export'; file: SavedFile; lost: string[] }
  | { type: 'report'; file: SavedFile }
  | { type: 'error'; message: string };

export type EngineResponse = { id: number } & EngineResult;

/**
 * The autosave, written by the worker (engine-worker.ts, src/persist/session-store.ts): the texts of the graph in
 * hand under `file` and `work`, over the record of stamp `expected` (`force`: even if another tab wrote since);
 * with `draft`, kept as a draft for that reason instead. Answered with `saved`.
 */
export type SaveRequest = { type: 'save'; id: number; file: string; work: string; expected?: string | undefined; force?: boolean; draft?: string };

export type SaveAnswer =
  /** `drafted`: the file of the other work kept as a draft first; `edited`: the text is not the original's. */
  | { ok: true; stamp: string; written: boolean; drafted: string | null; edited: boolean }
  /** `conflict`: another tab wrote since; `unavailable`: the browser keeps nothing (no retry helps). */
  | { ok: false; message: string; conflict: boolean; unavailable: boolean };

export type SaveResult = { type: 'saved'; result: SaveAnswer };

/**
 * A file on its way to the worker: its bytes, or the picked file itself (`blob`), which crosses without a copy and
 * is read in the worker. Copying a 183 MB file's bytes into the message was a main-thread task of 0.2 s per 60 MB.
 */
export type SentFile = OpenFile | { name: string; blob: Blob };

/** An `open` as the page sends it (engine-worker.ts reads any `blob` before the engine has it). */
export type SentOpen = Omit<Extract<EngineRequest, { type: 'open' }>, 'files'> & { files: SentFile[] };

/**
 * What the engine's worker takes, answered in the order they came: the engine's requests (an `open` perhaps with
 * files still to read), and the autosave it writes itself.
 */
export type WorkerRequest = Exclude<EngineRequest, { type: 'open' }> | SentOpen | SaveRequest;

// ------------------------------------------------------------------ files

/** The scenario every graph has: the graph as its file gives it. */
export const BASELINE = 'baseline';

/** A file as the page read it; its bytes are transferred to the worker. */
export interface OpenFile {
  name: string;
  bytes: Uint8Array;
}
/** A file made in the worker, for download. */
export interface SavedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}
export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The answer to `open`: the graph loaded (its figures), the mapping step, or every problem (the graph in hand unchanged). */
export type OpenReply =
  | { status: 'loaded'; loaded: LoadedGraph & { unavailable: Unavailable[] }; scenariosAdded: boolean }
  /** `fields`: what Chokepoint needs from each side (NODE_FIELDS, EDGE_FIELDS), sent so the page need not load the mapping schema. */
  | { status: 'mapping'; format: GraphFormat; columns: { nodes: string[]; edges: string[] }; guess: Mapping; fields: { nodes: string[]; edges: string[] }; kindValues?: Record<string, KindValue[]>; kinds?: string[] }
  | { status: 'failed'; problems: Problem[] };

/** Sent before the answer while a long `open` runs (same id); never the answer itself. */
export interface EngineProgress {
  id: number;
  type: 'progress';
  phase: string;
}

/**
 * Sent during an `open`, once the graph is checked and laid out and before its
 * figures are computed (same id): the baseline view, so that the page draws the
 * graph while the worker computes the report. The answer may still be an error.
 */
export interface EnginePreview {
  id: number;
  type: 'preview';
  view: GraphView;
  /** Its view's `ends` and `shares` are left empty: they are the ones its `ahead` message moved to the page. */
  figuresAhead?: true;
}

/** What the engine has of a preview before its layouts: its document and its flows' figures. */
export type PreviewAhead = Pick<GraphView, 'document' | 'ends' | 'shares'>;
/** What the page has of it then: the document's nodes and flows, joined from their parts, and those figures. */
export type ViewAhead = Pick<GraphView, 'ends' | 'shares'> & { document: Pick<GraphView['document'], 'nodes' | 'edges'> };

/**
 * Sent before a big preview's layouts are made (same id), after the parts of its document: the page joins the
 * document meanwhile, and from it and these figures begins the picture's build (display-graph.ts, buildAhead).
 * The arrays are moved, not copied (24 MB at 1.5 million flows), and the preview does not carry them again.
 */
export interface EngineAhead {
  id: number;
  type: 'ahead';
  ends: Int32Array;
  shares: Float64Array;
}

// ------------------------------------------------------------------ betweenness

/**
 * From the betweenness worker (src/worker/betweenness-worker.ts), which gets the flows as
 * compressed rows: progress in sources done, then the values in node order (`sampled`: how many
 * sources the estimate used; null when exact).
 */
export type BetweennessMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; values: Float64Array; sampled: number | null };

// ------------------------------------------------------------------ the document sent once

/** Stands for an `open` answer's document when it is its preview's (sameAsPreview). */
export const PREVIEW_DOCUMENT = 'the preview\'s document';

/**
 * An `open` answer whose loaded document is the very one its preview carried, with that document left out:
 * the page has it already (at 100,000 nodes, 600,000 records not encoded, sent and decoded again). Other
 * messages come back as they are.
 */
export function sameAsPreview<M extends { id: number }>(message: M, previewDocument: unknown): M {
  const m = message as unknown as { type?: string; result?: { status?: string; loaded?: { document?: unknown } } };
  if (previewDocument === undefined || m.type !== 'open' || m.result?.status !== 'loaded' || m.result.loaded?.document !== previewDocument) return message;
  return { ...m, result: { ...m.result, loaded: { ...m.result.loaded, document: PREVIEW_DOCUMENT } } } as unknown as M;
}

/** The page's side of `sameAsPreview`: the answer with its preview's document put back (changed in place: the page's own copy). */
export function withPreviewDocument<M extends { id: number }>(message: M, previewDocument: unknown): M {
  const loaded = (message as unknown as { result?: { loaded?: { document?: unknown } } }).result?.loaded;
  if (loaded && loaded.document === PREVIEW_DOCUMENT) loaded.document = previewDocument;
  return message;
}

// ------------------------------------------------------------------ big answers in parts

/**
 * A big answer (a 10,000-node view, a document) travels in parts: the page
 * decodes each message in one main-thread task, and one structured clone of
 * 60,000 objects is a task of 0.4 s (docs/scale.md, In the app). Long lists go
 * as slices of flat values (`encodeRecords`); records of numbers and positions as keys and typed arrays
 * (transferred). The answer itself follows, with those fields left empty;
 * `PartsJoiner` puts them back, slice by slice as they arrive.
 */
export type EnginePart = { id: number; type: 'part'; path: string } & (
  /** A list of records as `encodeRecords` gives it: decoding flat values is a fraction of decoding as many objects. */
  | { kind: 'records'; records: EncodedRecords }
  /** `values[i]` is `keys[i]`'s number. */
  | { kind: 'numbers'; keys: PartKeys; values: Float64Array }
  /** `values[2i]`, `values[2i + 1]`: `keys[i]`'s x and y. */
  | { kind: 'positions'; keys: PartKeys; values: Float64Array }
  /** The record sent in parts at path `as`, the same object (a file without positions: "as in the file" is the tiered layout). */
  | { kind: 'same'; as: string }
);
/**
 * The keys of a part's numbers: listed, or (`along`) the keys of the items `from`, `from + 1`… of a list sent
 * before it in parts (a view's throughput and positions go along its document's nodes: 40,000 strings at 10,000
 * nodes that need not be sent again).
 */
export type PartKeys = string[] | { along: string; from: number };

/** Items per part: each part is decoded and joined on the page in a few milliseconds. */
export const PART_ITEMS = 4000;

/** Where views and documents sit in the messages the worker sends. */
const VIEW_PATHS = [['view']];
const DOCUMENT_PATHS = [['view', 'document'], ['result', 'loaded', 'document']];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !ArrayBuffer.isView(x);

/**
 * `message` with its long lists and records emptied (copies along their paths: the engine's objects are
 * untouched), and the parts that carry them (their buffers are for the sender to transfer: `transferOf`). Small messages come back as they are.
 */
export function splitMessage<M extends { id: number }>(message: M, limit = PART_ITEMS, sentBefore: SentLists = new Map()): { message: M; parts: EnginePart[]; lists: SentLists } {
  const parts: EnginePart[] = [];
  const id = message.id;
  let out = message as unknown as Obj;
  /** A copy of `out` whose objects along `path` are copies, so that the last one can be changed. */
  const owned = (path: string[]): Obj => {
    out = { ...out };
    let at = out;
    for (const key of path) {
      const next = { ...(at[key] as Obj) };
      at[key] = next;
      at = next;
    }
    return at;
  };
  const at = (path: string[]): unknown => path.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), out);
  /** The lists sent in parts, by path. */
  const sent = new Map<string, unknown[]>();
  for (const path of DOCUMENT_PATHS) {
    for (const field of ['nodes', 'edges']) {
      const list = at([...path, field]);
      if (!Array.isArray(list) || list.length <= limit) continue;
      const name = [...path, field].join('.');
      sent.set(name, list);
      // Sent ahead already, in the parts of an earlier call with this message's id.
      if (sentBefore.get(name) !== list) {
        for (let i = 0; i < list.length; i += limit) parts.push({ id, type: 'part', path: name, kind: 'records', records: encodeRecords(list.slice(i, i + limit)) });
      }
      owned(path)[field] = [];
    }
  }
  for (const path of VIEW_PATHS) {
    // Records keyed by node: each goes along the view's document's nodes when it has their keys in their order.
    const records: { sub: string[]; kind: 'numbers' | 'positions' }[] = [
      { sub: ['throughput'], kind: 'numbers' },
      { sub: ['layouts', 'tiered'], kind: 'positions' },
      { sub: ['layouts', 'geographic'], kind: 'positions' },
      { sub: ['layouts', 'file'], kind: 'positions' },
    ];
    const alongName = [...path, 'document', 'nodes'].join('.');
    const items = sent.get(alongName);
    /** The records sent in parts, by object: one met again goes as `same`. */
    const sentRecords = new Map<unknown, string>();
    for (const { sub, kind } of records) {
      const full = [...path, ...sub];
      const record = at(full);
      if (!isObj(record)) continue;
      const name = full.join('.');
      const as = sentRecords.get(record);
      if (as !== undefined) {
        parts.push({ id, type: 'part', path: name, kind: 'same', as });
        owned(full.slice(0, -1))[full[full.length - 1]!] = {};
        continue;
      }
      const keys = Object.keys(record);
      if (keys.length <= limit) continue;
      sentRecords.set(record, name);
      const isAlong = items !== undefined && items.length === keys.length && keys.every((k, i) => (items[i] as { key?: unknown }).key === k);
      const step = limit * 2;
      for (let i = 0; i < keys.length; i += step) {
        const slice = keys.slice(i, i + step);
        const partKeys: PartKeys = isAlong ? { along: alongName, from: i } : slice;
        if (kind === 'numbers') {
          const values = Float64Array.from(slice, (k) => record[k] as number);
          parts.push({ id, type: 'part', path: name, kind, keys: partKeys, values });
        } else {
          const values = new Float64Array(slice.length * 2);
          slice.forEach((k, j) => {
            const p = record[k] as { x: number; y: number };
            values[2 * j] = p.x;
            values[2 * j + 1] = p.y;
          });
          parts.push({ id, type: 'part', path: name, kind, keys: partKeys, values });
        }
      }
      owned(full.slice(0, -1))[full[full.length - 1]!] = {};
    }
  }
  return { message: out as unknown as M, parts, lists: sent };
}

/** The lists a `splitMessage` sent in parts, by path: given back to it, they are not sent again. */
export type SentLists = ReadonlyMap<string, unknown[]>;

/**
 * A list of records ({ key, source, target, attributes: {...} }: a document's nodes and edges) as flat values:
 * each record's field names, its attributes' prefixed with ".", are one of `shapes` (`shapeOf[i]`), and its values
 * follow the previous record's in `values`. A structured clone decodes 50,000 records, rebuilt, in about half the
 * time it takes for as many objects (docs/scale.md, In the app). Values that are objects (a flow's sources) stay objects;
 * records that are not plain objects, or whose `attributes` is not one, keep that field as a value.
 */
export interface EncodedRecords {
  shapes: string[][];
  shapeOf: Uint32Array;
  values: unknown[];
}

/** How a shape names a field of the record, an attribute, or a value that is not a record. */
const FIELD = '-';
const ATTRIBUTE = '.';
const WHOLE = '=';
const isRecord = (x: unknown): x is Obj => isObj(x) && !Array.isArray(x);

export function encodeRecords(items: readonly unknown[]): EncodedRecords {
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shapeOf = new Uint32Array(items.length);
  const values: unknown[] = [];
  let last = -1;
  items.forEach((item, i) => {
    // Most records have the shape of the one before: checked in place, without making its names.
    const mark = values.length;
    if (last !== -1 && sameShape(item, shapes[last]!, values)) {
      shapeOf[i] = last;
      return;
    }
    values.length = mark;
    const names: string[] = [];
    if (isRecord(item)) {
      for (const [name, value] of Object.entries(item)) {
        if (name === 'attributes' && isRecord(value) && Object.keys(value).length > 0) {
          for (const [a, v] of Object.entries(value)) (names.push(ATTRIBUTE + a), values.push(v));
        } else (names.push(FIELD + name), values.push(value));
      }
    } else (names.push(WHOLE), values.push(item));
    const signature = names.join('\u0000');
    let shape = shapeIds.get(signature);
    if (shape === undefined) shapeIds.set(signature, (shape = shapes.push(names) - 1));
    shapeOf[i] = last = shape;
  });
  return { shapes, shapeOf, values };
}

/** Whether `item` has the fields of `names`, in their order; its values are pushed meanwhile (the caller drops them if not). */
function sameShape(item: unknown, names: string[], values: unknown[]): boolean {
  if (!isRecord(item) || names[0] === WHOLE) return false;
  let j = 0;
  for (const name of Object.keys(item)) {
    const value = item[name];
    if (name === 'attributes' && isRecord(value)) {
      let any = false;
      for (const a in value) {
        if (!Object.hasOwn(value, a)) continue;
        any = true;
        const n = names[j++];
        if (n === undefined || n[0] !== ATTRIBUTE || n.length !== a.length + 1 || !n.endsWith(a)) return false;
        values.push(value[a]);
      }
      if (any) continue;
    }
    const n = names[j++];
    if (n === undefined || n[0] !== FIELD || n.length !== name.length + 1 || !n.endsWith(name)) return false;
    values.push(value);
  }
  return j === names.length;
}

/** Sets an own property, "__proto__" included (as JSON.parse does). */
const put = (o: Obj, name: string, value: unknown) => {
  if (name === '__proto__') Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true });
  else o[name] = value;
};

export function decodeRecords({ shapes, shapeOf, values }: EncodedRecords): unknown[] {
  const out: unknown[] = new Array(shapeOf.length);
  let at = 0;
  for (let i = 0; i < shapeOf.length; i++) {
    const names = shapes[shapeOf[i]!]!;
    if (names[0] === WHOLE) {
      out[i] = values[at++];
      continue;
    }
    const record: Obj = {};
    let attributes: Obj | null = null;
    for (const name of names) {
      if (name[0] === ATTRIBUTE) {
        if (!attributes) record.attributes = attributes = {};
        put(attributes, name.slice(1), values[at++]);
      } else put(record, name.slice(1), values[at++]);
    }
    out[i] = record;
  }
  return out;
}

/** The buffers a part's sender transfers rather than copies. */
export const transferOf = (part: EnginePart): ArrayBuffer[] => (part.kind === 'same' ? [] : [(part.kind === 'records' ? part.records.shapeOf : part.values).buffer as ArrayBuffer]);

/** The page's side of `splitMessage`: joins each part as it arrives, then fills the answer that follows them. */
export class PartsJoiner {
  private joined = new Map<number, Map<string, unknown[] | Record<string, unknown>>>();

  add(part: EnginePart): void {
    let byPath = this.joined.get(part.id);
    if (!byPath) this.joined.set(part.id, (byPath = new Map()));
    if (part.kind === 'records') {
      const list = (byPath.get(part.path) as unknown[] | undefined) ?? [];
      for (const item of decodeRecords(part.records)) list.push(item);
      byPath.set(part.path, list);
      return;
    }
    if (part.kind === 'same') {
      byPath.set(part.path, byPath.get(part.as)!);
      return;
    }
    const record = (byPath.get(part.path) as Record<string, unknown> | undefined) ?? {};
    const { values } = part;
    const count = part.kind === 'numbers' ? values.length : values.length / 2;
    let keys: string[];
    if (Array.isArray(part.keys)) keys = part.keys;
    else {
      const items = (byPath.get(part.keys.along) ?? []) as { key: string }[];
      keys = new Array<string>(count);
      for (let i = 0; i < count; i++) keys[i] = items[part.keys.from + i]!.key;
    }
    if (part.kind === 'numbers') {
      for (let i = 0; i < count; i++) record[keys[i]!] = values[i]!;
    } else for (let i = 0; i < count; i++) record[keys[i]!] = { x: values[2 * i]!, y: values[2 * i + 1]! };
    byPath.set(part.path, record);
  }

  /** The list joined so far at `path` for the answer `id`, if any part of it came. */
  peek(id: number, path: string): unknown[] | undefined {
    const value = this.joined.get(id)?.get(path);
    return Array.isArray(value) ? value : undefined;
  }

  /** The message with the fields its parts carried (it is changed in place: it is the page's own copy). */
  fill<M extends { id: number }>(message: M): M {
    const byPath = this.joined.get(message.id);
    if (!byPath) return message;
    this.joined.delete(message.id);
    for (const [path, value] of byPath) {
      const keys = path.split('.');
      let at: unknown = message;
      for (const key of keys.slice(0, -1)) at = isObj(at) ? at[key] : undefined;
      // Parts sent ahead for a message that did not come (the worker failed before it): this answer has no place for them.
      if (isObj(at)) at[keys[keys.length - 1]!] = value;
    }
    return message;
  }

  /** Forgets every half-joined answer (after a crash: the requests they answer have failed already). */
  clear(): void {
    this.joined.clear();
  }
}
