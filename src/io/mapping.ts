/**
 * Attribute mapping: which attribute (or column) of a file holds each field
 * Chokepoint needs, when the file names them differently (`Label`, `type`,
 * `weight`, `Country`). The app's mapping step and the CLI's --map-* flags
 * and --mapping file produce the same `Mapping`.
 */
import { z } from 'zod';
import type { Problem } from '../model/problem.ts';
import { zodIssuesToProblems } from '../model/zod-problems.ts';
import { InputSlugSchema, NodeKindSchema } from '../model/schema.ts';

export const NODE_FIELDS = ['key', 'label', 'kind', 'country', 'company'] as const;
export const EDGE_FIELDS = ['key', 'source', 'target', 'input', 'value'] as const;
export type NodeField = (typeof NODE_FIELDS)[number];
export type EdgeField = (typeof EDGE_FIELDS)[number];

/** A column or attribute name; "" for none (to turn off a guess). */
const column = z.string();
export const MappingSchema = z.strictObject({
  nodes: z.strictObject(Object.fromEntries(NODE_FIELDS.map((f) => [f, column.optional()])) as Record<NodeField, z.ZodOptional<typeof column>>).optional(),
  edges: z.strictObject(Object.fromEntries(EDGE_FIELDS.map((f) => [f, column.optional()])) as Record<EdgeField, z.ZodOptional<typeof column>>).optional(),
  /** Value mapping (values.ts): a file's kinds and inputs -> Chokepoint's, `{ "kind": { "mine": "supplier" } }`. */
  values: z
    .strictObject({
      kind: z.record(z.string(), NodeKindSchema).optional(),
      input: z.record(z.string(), InputSlugSchema).optional(),
    })
    .optional(),
});
/** `{ nodes: { label: "Label", kind: "type" }, edges: { value: "weight" } }`: field -> the file's name for it. */
export type Mapping = z.infer<typeof MappingSchema>;

/** Names other tools give each field, compared lower-case without spaces, dashes or underscores. */
const NODE_SYNONYMS: Record<NodeField, string[]> = {
  key: ['key', 'id', 'nodeid', 'node', 'nodekey'],
  label: ['label', 'name', 'nodename', 'title', 'displayname'],
  kind: ['kind', 'type', 'nodetype', 'category', 'role', 'class', 'sector'],
  country: ['country', 'countrycode', 'iso', 'iso2', 'isocode', 'nation'],
  company: ['company', 'firm', 'owner', 'parent', 'corporation', 'organization', 'organisation', 'group'],
};
const EDGE_SYNONYMS: Record<EdgeField, string[]> = {
  key: ['key', 'id', 'edgeid', 'flowid'],
  source: ['source', 'from', 'supplier', 'src', 'exporter', 'seller'],
  target: ['target', 'to', 'customer', 'buyer', 'dst', 'importer'],
  input: ['input', 'product', 'commodity', 'good', 'material', 'item', 'type', 'edgetype', 'category'],
  value: ['value', 'weight', 'amount', 'volume', 'flow', 'tradevalue', 'usd'],
};

const normal = (name: string) => name.toLowerCase().replace(/[\s_\-.]+/g, '');

function guessSide<F extends string>(fields: readonly F[], synonyms: Record<F, string[]>, columns: readonly string[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  const used = new Set<string>();
  // Exact names first, so that a file with both `type` and `kind` keeps `kind` as kind.
  for (const field of fields) {
    if (columns.includes(field)) {
      out[field] = field;
      used.add(field);
    }
  }
  for (const field of fields) {
    if (out[field] !== undefined) continue;
    for (const synonym of synonyms[field]) {
      const hit = columns.find((c) => !used.has(c) && normal(c) === synonym);
      if (hit !== undefined) {
        out[field] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return out;
}

/** Sensible guesses from the attribute names (or CSV headers) a file has. */
export function guessMapping(columns: { nodes: readonly string[]; edges: readonly string[] }): Mapping {
  return { nodes: guessSide(NODE_FIELDS, NODE_SYNONYMS, columns.nodes), edges: guessSide(EDGE_FIELDS, EDGE_SYNONYMS, columns.edges) };
}

/** The guess for fields the user did not map; the user's choice wins. */
export function mergeMapping(guess: Mapping, chosen: Mapping | undefined): Mapping {
  return { nodes: { ...guess.nodes, ...chosen?.nodes }, edges: { ...guess.edges, ...chosen?.edges }, ...(chosen?.values ? { values: chosen.values } : {}) };
}

/** A mapping file (JSON), checked: every problem with its path. */
export function parseMapping(raw: unknown, file?: string): { ok: true; mapping: Mapping } | { ok: false; problems: Problem[] } {
  const parsed = MappingSchema.safeParse(raw);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const paths = new Map();
  return { ok: false, problems: zodIssuesToProblems(parsed.error.issues, raw, [], paths).map((p) => ({ ...p, file })) };
}
