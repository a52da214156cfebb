/**
 * Value mapping: what a file's values mean in Chokepoint's terms, once its
 * attributes are mapped. A node's kind is one of NODE_KINDS: the user's
 * value map first (`mine=supplier`), then common synonyms (buyer, customer,
 * market -> demand; fab -> foundry; …), then the kind itself in any case;
 * anything else loads as `other`, the file's value kept beside it. A flow's
 * input is a slug: the user's map first, then the file's text slugified
 * ("Copper ore" -> "copper-ore"). Nothing here refuses a value.
 */
import { NODE_KINDS, type NodeKind } from '../model/schema.ts';

const normal = (value: string) => value.toLowerCase().replace(/[\s_\-.]+/g, '');

/** Words other tools and spreadsheets use for each kind, compared lower-case without spaces, dashes, dots or underscores. */
export const KIND_SYNONYMS: Record<NodeKind, readonly string[]> = {
  demand: ['demand', 'buyer', 'buyers', 'customer', 'customers', 'market', 'markets', 'consumer', 'consumers', 'enduser', 'endcustomer', 'client', 'oem', 'sink'],
  supplier: ['supplier', 'suppliers', 'vendor', 'vendors', 'producer', 'manufacturer', 'maker', 'seller', 'exporter', 'source'],
  foundry: ['foundry', 'foundries', 'fab', 'fabs', 'waferfab', 'fabrication'],
  wafer: ['wafer', 'wafers', 'substrate', 'siliconwafer'],
  chemical: ['chemical', 'chemicals', 'gas', 'gases', 'photoresist', 'resist'],
  equipment: ['equipment', 'tool', 'tools', 'machine', 'machines', 'machinery', 'toolmaker'],
  other: ['other', 'unknown', 'misc'],
};
const BY_SYNONYM = new Map<string, NodeKind>(NODE_KINDS.flatMap((kind) => KIND_SYNONYMS[kind].map((s) => [s, kind] as const)));

export type KindHow = 'map' | 'same' | 'synonym' | 'unknown';

/** The kind a file's value stands for, and how it was found. */
export function kindOf(value: unknown, map: Readonly<Record<string, string>> | undefined): { kind: NodeKind; how: KindHow } {
  const text = String(value);
  const mapped = map && (Object.hasOwn(map, text) ? map[text] : Object.entries(map).find(([from]) => normal(from) === normal(text))?.[1]);
  if (mapped !== undefined && (NODE_KINDS as readonly string[]).includes(mapped)) return { kind: mapped as NodeKind, how: 'map' };
  if ((NODE_KINDS as readonly string[]).includes(text)) return { kind: text as NodeKind, how: 'same' };
  const synonym = BY_SYNONYM.get(normal(text));
  if (synonym) return { kind: synonym, how: 'synonym' };
  return { kind: 'other', how: 'unknown' };
}

/** "Copper ore" -> "copper-ore", "Électronique" -> "electronique"; "" when nothing of it is a letter or digit. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The input a file's value stands for: the user's map, else the value itself when it is a slug, else its slug (undefined when it has none). */
export function inputOf(value: unknown, map: Readonly<Record<string, string>> | undefined): { input: string | undefined; how: 'map' | 'same' | 'slug' } {
  const text = String(value);
  if (map && Object.hasOwn(map, text) && SLUG.test(map[text]!)) return { input: map[text], how: 'map' };
  if (SLUG.test(text)) return { input: text, how: 'same' };
  const slug = slugify(text);
  return { input: slug || undefined, how: 'slug' };
}

/** "a=b,c=d" (the CLI's --map-kind-value) as a record; undefined with the bad part when a pair has no "=". */
export function parsePairs(text: string): { ok: true; pairs: Record<string, string> } | { ok: false; bad: string } {
  const pairs: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at <= 0) return { ok: false, bad: part };
    pairs[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return { ok: true, pairs };
}
