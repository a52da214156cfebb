/**
 * A draft (records read from GEXF, GraphML or CSV) to the native document:
 * the mapping renames attributes, defaults fill what the format cannot carry,
 * and problems found later are pointed back at the element or row.
 */
import type { Problem } from '../../model/problem.ts';
import type { GraphDocumentInput } from '../../model/schema.ts';
import type { Mapping } from '../mapping.ts';
import type { Attrs, Draft, Place } from './types.ts';

/** A figure the loaded graph cannot give, and why. */
export interface Unavailable {
  metric: string;
  why: string;
}

/** The country code given to nodes of a file that has no countries: user-assigned, named in attributes.countries. */
export const UNKNOWN_COUNTRY = 'XX';
export const DEFAULT_INPUT = 'supply';

export interface Drafted {
  raw: GraphDocumentInput;
  unavailable: Unavailable[];
  warnings: Problem[];
  /** Points a validation problem at its element or row. */
  locate(problems: Problem[], paths: Map<Problem, (string | number)[]>): void;
}

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

const absentEverywhere = (records: { attributes: Attrs }[], field: string) =>
  records.length > 0 && records.every((r) => r.attributes[field] === undefined);

/** `mapping`: the renames to apply, unless the reader has applied them (`draft.mapped`). */
export function draftToDocument(draft: Draft, mapping: Mapping | undefined): Drafted {
  if (draft.mapped) mapping = undefined;
  const unavailable: Unavailable[] = [];
  const warnings: Problem[] = [];
  // key, source and target are the element ids in XML, and picked by the CSV reader itself.
  const structural = new Set(['key', 'source', 'target']);
  for (const n of draft.nodes) rename(n.attributes, n.place, mapping?.nodes, structural);
  for (const e of draft.edges) rename(e.attributes, e.place, mapping?.edges, structural);

  const attributes: Attrs = { format: 'chokepoint-graph', version: 1, title: draft.baseName || 'Untitled graph', ...draft.attributes };

  const noKinds = absentEverywhere(draft.nodes, 'kind');
  const noCountries = absentEverywhere(draft.nodes, 'country');
  const noInputs = absentEverywhere(draft.edges, 'input');
  const noValues = absentEverywhere(draft.edges, 'value');
  if (noKinds) {
    unavailable.push({ metric: 'reliance.byKindCountry', why: 'the file gives no node kinds, so every node is "other" (map a kind attribute to get this figure)' });
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

  // The draft's attribute objects are its own (renamed in place above): the defaults go in them, uncopied.
  const raw = {
    attributes,
    nodes: draft.nodes.map((n) => {
      const a = n.attributes;
      if (a.label === undefined) a.label = n.key;
      if (noKinds) a.kind = 'other';
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
      if (!record && top === 'attributes') attributeProblems.push(p);
    }
    draft.locateAttributes?.(attributeProblems, paths);
  };
  return { raw, unavailable, warnings, locate };
}
