/**
 * A draft (records read from GEXF, GraphML, CSV or another tool's JSON) to
 * the native document: the mapping renames attributes, values are mapped
 * (kinds, inputs: values.ts), defaults fill what the file cannot carry,
 * self-loops are set apart, and problems found later are pointed back at
 * the element or row, under the file's own attribute names.
 *
 * A guessed mapping never turns a loadable file into a refused one: a
 * guessed country or value whose values do not fit is not used (a warning
 * says why), and kinds and inputs always load (unknown kinds as `other`, the
 * file's value kept beside it).
 */
import { isKnownCountry } from '../../model/countries.ts';
import type { Problem } from '../../model/problem.ts';
import type { GraphDocumentInput } from '../../model/schema.ts';
import type { Mapping } from '../mapping.ts';
import { inputOf, kindOf } from '../values.ts';
import { describeLoops } from './self-loops.ts';
import { kindsFromShape } from './shape-kinds.ts';
import type { Attrs, Draft, DraftEdge, DraftNode, Place } from './types.ts';

/** A figure the loaded graph cannot give, and why. */
export interface Unavailable {
  metric: string;
  why: string;
}

/** The country code given to nodes of a file that has no countries: user-assigned, named in attributes.countries. */
export const UNKNOWN_COUNTRY = 'XX';
export const DEFAULT_INPUT = 'supply';
/** Where a node's kind from the file is kept when it is no Chokepoint kind and the file called it `kind` too. */
export const KIND_IN_FILE = 'kindInFile';

export interface Drafted {
  raw: GraphDocumentInput;
  unavailable: Unavailable[];
  warnings: Problem[];
  /** Guessed fields not used because their values do not fit ("edges.value"). */
  dropped: string[];
  /** Points a validation problem at its element or row. */
  locate(problems: Problem[], paths: Map<Problem, (string | number)[]>): void;
}

type Side = 'nodes' | 'edges';

function rename(attributes: Attrs, place: Place, map: Record<string, string | undefined> | undefined, skip: ReadonlySet<string>): void {
  if (!map) return;
  for (const [field, from] of Object.entries(map)) {
    if (from === undefined || from === '' || from === field || skip.has(field) || !Object.hasOwn(attributes, from)) continue;
    attributes[field] = attributes[from];
    delete attributes[from];
    const column = place.columns?.get(from);
    if (column !== undefined) place.columns?.set(field, column);
  }
}

/** Undoes a rename: the field's values go back under the file's name. */
function unrename(records: { attributes: Attrs }[], field: string, from: string): void {
  for (const r of records) {
    if (r.attributes[field] === undefined) continue;
    r.attributes[from] = r.attributes[field];
    delete r.attributes[field];
  }
}

const absentEverywhere = (records: { attributes: Attrs }[], field: string) =>
  records.length > 0 && records.every((r) => r.attributes[field] === undefined);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const quoteList = (counts: Map<string, number>, max = 8) => {
  const items = [...counts].slice(0, max).map(([v, n]) => `${JSON.stringify(v)} (${n})`);
  return items.join(', ') + (counts.size > max ? ` and ${counts.size - max} more` : '');
};
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * `mapping`: the renames to apply, unless the reader has applied them (`draft.mapped`);
 * `chosen`: the part of it the user chose (the rest was guessed).
 */
export function draftToDocument(draft: Draft, mapping: Mapping | undefined, chosen?: Mapping): Drafted {
  const renames = draft.mapped ? undefined : mapping;
  const unavailable: Unavailable[] = [];
  const warnings: Problem[] = [];
  const file = draft.attributesPlace.file;
  const warn = (expected: string, found: string, line = draft.attributesPlace.line, at = file) => warnings.push({ severity: 'warning', file: at, line, path: '', expected, found });
  const foreign = !draft.fromChokepoint;

  // Self-loops first, with their attributes as the file gave them (self-loops.ts).
  const loops: DraftEdge[] = draft.edges.filter((e) => e.source === e.target);
  if (loops.length) draft.edges = draft.edges.filter((e) => e.source !== e.target);

  // key, source and target are the element ids in XML, and picked by the CSV reader itself.
  const structural = new Set(['key', 'source', 'target']);
  for (const n of draft.nodes) rename(n.attributes, n.place, renames?.nodes, structural);
  for (const e of draft.edges) rename(e.attributes, e.place, renames?.edges, structural);

  /** The file's name for a field, when the mapping renamed it. */
  const fromOf = (side: Side, field: string): string | undefined => {
    const from = (mapping?.[side] as Record<string, string | undefined> | undefined)?.[field];
    return from && from !== field ? from : undefined;
  };
  const guessed = (side: Side, field: string) => foreign && fromOf(side, field) !== undefined && (chosen?.[side] as Record<string, string> | undefined)?.[field] === undefined;
  const dropped = new Set<string>();
  /** A guess whose values do not fit is not used: the values go back under the file's name. */
  const dropGuess = (side: Side, field: string, why: string, place: { file: string; line?: number | undefined }) => {
    const from = fromOf(side, field)!;
    unrename(side === 'nodes' ? draft.nodes : draft.edges, field, from);
    dropped.add(`${side}.${field}`);
    // At the record that does not fit (a CSV pair's flow is in flows.csv, not where the graph's attributes are).
    warn(`the ${side === 'nodes' ? 'node' : 'flow'} field "${field}"`, `"${from}" not read as ${field} (a guess): ${why}`, place.line, place.file);
  };

  const attributes: Attrs = { format: 'chokepoint-graph', version: 1, title: draft.baseName || 'Untitled graph', ...draft.attributes };

  if (foreign) {
    // Guessed countries and values must fit everywhere, or they are not used.
    if (guessed('nodes', 'country')) {
      const bad = draft.nodes.find((n) => typeof n.attributes.country !== 'string' || !/^[A-Za-z]{2}$/.test(n.attributes.country) || !isKnownCountry(n.attributes.country.toUpperCase(), attributes.countries as never));
      if (bad) dropGuess('nodes', 'country', `${bad.attributes.country === undefined ? `node "${bad.key}" has none` : `"${String(bad.attributes.country)}" (node "${bad.key}") is no ISO country code`}`, bad.place);
      else for (const n of draft.nodes) n.attributes.country = (n.attributes.country as string).toUpperCase();
    }
    if (guessed('edges', 'value')) {
      const bad = draft.edges.find((e) => typeof e.attributes.value !== 'number' || !Number.isFinite(e.attributes.value) || e.attributes.value < 0);
      if (bad) {
        const v = bad.attributes.value;
        dropGuess('edges', 'value', v === undefined ? `${plural(draft.edges.filter((e) => e.attributes.value === undefined).length, 'edge')} of ${draft.edges.length} have none` : `${JSON.stringify(v)} (edge ${bad.source} -> ${bad.target}) is no flow value (a number of at least 0)`, bad.place);
      }
    }
    // Labels and companies are text.
    for (const n of draft.nodes) {
      const a = n.attributes;
      if (a.label !== undefined && typeof a.label !== 'string') a.label = String(a.label);
      if (a.label === '') delete a.label;
      if (a.company !== undefined && typeof a.company !== 'string') a.company = String(a.company);
      if (a.company === '') delete a.company;
    }
  }

  const noKinds = absentEverywhere(draft.nodes, 'kind');
  const noCountries = absentEverywhere(draft.nodes, 'country');
  const noInputs = absentEverywhere(draft.edges, 'input');
  const noValues = absentEverywhere(draft.edges, 'value');

  if (foreign && !noKinds) mapKinds(draft, mapping, fromOf('nodes', 'kind'), guessed('nodes', 'kind'), warn);
  if (foreign && !noInputs) mapInputs(draft, mapping, guessed('edges', 'input'), warn);

  const shape = noKinds ? kindsFromShape(draft.nodes, draft.edges) : undefined;
  if (shape) {
    attributes.kindsFromShape = true;
    unavailable.push({
      metric: 'kinds',
      why: `the file gives no node kinds: the ${plural(shape.demand, 'node')} without customers are taken as demand, the ${plural(shape.sources, 'node')} without suppliers as raw sources (kind supplier) and the rest as other; tiers are laid out by depth (map a kind attribute for real kinds)`,
    });
    unavailable.push({ metric: 'reliance.byKindCountry', why: 'the file gives no node kinds (map a kind attribute to get this figure)' });
  }
  if (noCountries) {
    const why = `the file gives no countries, so every node sits in "${UNKNOWN_COUNTRY}" (unknown; map a country attribute to get this figure)`;
    unavailable.push({ metric: 'reliance.byCountry', why }, { metric: 'concentration.byCountry', why });
    if (!noKinds) unavailable.push({ metric: 'reliance.byKindCountry', why });
    const countries = (attributes.countries ?? {}) as Attrs;
    attributes.countries = { ...countries, [UNKNOWN_COUNTRY]: { name: 'Unknown country' } };
  }
  if (noInputs) {
    unavailable.push({ metric: 'inputs', why: `the file gives no input on its flows, so all are "${DEFAULT_INPUT}": a buyer's suppliers all substitute for each other` });
  }
  if (noValues) {
    unavailable.push({ metric: 'shares', why: 'the file gives no flow values, so every flow counts 1: shares split equally among suppliers' });
  }
  if (draft.undirected) {
    warnings.push({ severity: 'warning', file: draft.attributesPlace.file, line: draft.attributesPlace.line, path: '', expected: 'directed edges (supplier -> customer)', found: 'undirected edges, read as source -> target' });
  }
  if (loops.length) {
    const existing = Array.isArray(attributes.selfLoops) ? attributes.selfLoops : [];
    const added = loops.map((l) => ({ ...(l.key !== undefined ? { key: l.key } : {}), node: l.source, attributes: l.attributes }));
    attributes.selfLoops = [...existing, ...added];
    warn('flows between two different nodes (a node cannot supply itself)', `${describeLoops(added)}: kept apart, left out of every figure, and written back on save`, loops[0]!.place.line);
  }

  // The draft's attribute objects are its own (renamed in place above): the defaults go in them, uncopied.
  const raw = {
    attributes,
    nodes: draft.nodes.map((n) => {
      const a = n.attributes;
      if (a.label === undefined) a.label = n.key;
      if (shape) a.kind = shape.kinds.get(n.key);
      if (noCountries) a.country = UNKNOWN_COUNTRY;
      return { key: n.key, attributes: a };
    }),
    edges: draft.edges.map((e) => {
      const a = e.attributes;
      if (noInputs) a.input = DEFAULT_INPUT;
      if (noValues) a.value = 1;
      return { ...(e.key !== undefined ? { key: e.key } : {}), source: e.source, target: e.target, attributes: a };
    }),
  } as GraphDocumentInput;

  const locate = (problems: Problem[], paths: Map<Problem, (string | number)[]>) => {
    const attributeProblems: Problem[] = [];
    for (const p of problems) {
      const path = paths.get(p) ?? [];
      const [top, index, sub, name] = path;
      const record = top === 'nodes' && typeof index === 'number' ? draft.nodes[index] : top === 'edges' && typeof index === 'number' ? draft.edges[index] : undefined;
      const place = record?.place ?? draft.attributesPlace;
      p.file = place.file;
      p.line = place.line;
      p.column = sub === 'attributes' && typeof name === 'string' ? place.columns?.get(name) : typeof sub === 'string' ? place.columns?.get(sub) : undefined;
      // A problem in a mapped attribute names the file's attribute, and says it was mapped.
      const from = record && sub === 'attributes' && typeof name === 'string' && !dropped.has(`${top}.${name}`) ? fromOf(top as Side, name) : undefined;
      if (from !== undefined) {
        p.path = p.path.replace(new RegExp(`\\.attributes\\.${name}$`), `.attributes.${from}`);
        p.expected = `${p.expected} (in the file's "${from}", mapped to ${name})`;
      }
      if (!record && top === 'attributes') attributeProblems.push(p);
    }
    draft.locateAttributes?.(attributeProblems, paths);
  };
  return { raw, unavailable, warnings, dropped: [...dropped], locate };
}

type Warn = (expected: string, found: string, line?: number, file?: string) => void;

/** Kinds mapped to Chokepoint's (values.ts); unknown ones load as other with the file's value kept, all said in warnings. */
function mapKinds(draft: Draft, mapping: Mapping | undefined, from: string | undefined, guessed: boolean, warnAt: Warn): void {
  // Said of the first node it concerns: in a CSV pair that is nodes.csv, never flows.csv.
  let first: DraftNode | undefined;
  const warn = (expected: string, found: string) => warnAt(expected, found, first?.place.line, first?.place.file);
  const synonyms = new Map<string, number>();
  const unknown = new Map<string, number>();
  let missing = 0;
  for (const n of draft.nodes) {
    const a = n.attributes;
    if (a.kind === undefined) {
      if (!guessed) continue;
      a.kind = 'other';
      missing++;
      continue;
    }
    const { kind, how } = kindOf(a.kind, mapping?.values?.kind);
    if (how === 'synonym' || how === 'unknown') first ??= n;
    if (how === 'synonym') count(synonyms, `${JSON.stringify(String(a.kind))} as ${kind}`);
    if (how === 'unknown') {
      count(unknown, String(a.kind));
      a[from ?? KIND_IN_FILE] = a.kind;
    }
    a.kind = kind;
  }
  const name = from ?? 'kind';
  if (synonyms.size) warn('node kinds demand, supplier, foundry, wafer, chemical, equipment or other', `${[...synonyms].map(([s, n]) => `${s} (${n})`).join(', ')}: read so (change with --map-kind-value or the mapping step)`);
  if (unknown.size) warn('node kinds demand, supplier, foundry, wafer, chemical, equipment or other', `${quoteList(unknown)} in "${name}", read as other; the file's value is kept in "${from ?? KIND_IN_FILE}" (map them with --map-kind-value mine=supplier,… or the mapping step)`);
  if (missing) warn(`a kind on every node ("${name}" is a guess)`, `${plural(missing, 'node')} without one, read as other`);
}

/** Inputs as slugs (values.ts), said in a warning when any was changed. */
function mapInputs(draft: Draft, mapping: Mapping | undefined, guessed: boolean, warnAt: Warn): void {
  // Said of the first flow it concerns: in a CSV pair that is flows.csv, never nodes.csv.
  let first: DraftEdge | undefined;
  const warn = (expected: string, found: string) => warnAt(expected, found, first?.place.line, first?.place.file);
  const slugged = new Map<string, number>();
  let missing = 0;
  for (const e of draft.edges) {
    const a = e.attributes;
    if (a.input === undefined) {
      if (!guessed) continue;
      a.input = DEFAULT_INPUT;
      missing++;
      continue;
    }
    const { input, how } = inputOf(a.input, mapping?.values?.input);
    const value = input ?? DEFAULT_INPUT;
    if (how === 'slug') {
      first ??= e;
      count(slugged, `${JSON.stringify(String(a.input))} as ${value}`);
    }
    a.input = value;
  }
  if (slugged.size) warn('flow inputs as lower-case slugs such as "logic-chips"', `${[...slugged].slice(0, 8).map(([s, n]) => `${s} (${n})`).join(', ')}${slugged.size > 8 ? ` and ${slugged.size - 8} more` : ''}: read so (change with --map-input-value or the mapping step)`);
  if (missing) warn('an input on every flow (a guess)', `${plural(missing, 'flow')} without one, read as "${DEFAULT_INPUT}"`);
}
