/**
 * Attribute values through formats that hold only text or scalars (CSV,
 * GEXF, GraphML). Each attribute name gets one type over all records; values
 * that a format would bend (empty strings, control characters, arrays,
 * objects, mixed types) are written as JSON and the type is recorded in the
 * export's Chokepoint block, so that reading it back gives the same values.
 */
import { findDuplicateKey } from '../json-text.ts';
export const ATTR_TYPES = ['string', 'number', 'boolean', 'list', 'json'] as const;
export type AttrType = (typeof ATTR_TYPES)[number];
export type AttrTypes = Record<string, AttrType>;

/** Keys that must never become property names of plain objects. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Characters that text formats mangle: control characters (XML attributes normalise them) and lone surrogates. */
const FRAGILE = /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const safeText = (s: string) => s.length > 0 && !FRAGILE.test(s) && s.trim() === s;
const isListable = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && safeText(x) && !x.includes(';'));

function typeOf(value: unknown): AttrType {
  if (typeof value === 'string') return safeText(value) ? 'string' : 'json';
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? 'number' : 'json';
  if (typeof value === 'boolean') return 'boolean';
  if (isListable(value)) return 'list';
  return 'json';
}

/** One type per attribute name, over every record that has it (records in file order). */
export function inferTypes(records: Iterable<Record<string, unknown>>): Map<string, AttrType> {
  const types = new Map<string, AttrType>();
  for (const attributes of records) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      const t = typeOf(value);
      const was = types.get(name);
      types.set(name, was === undefined || was === t ? t : 'json');
    }
  }
  return types;
}

/**
 * JSON text that XML 1.0 can hold: JSON.stringify escapes control characters
 * and lone surrogates but leaves U+FFFE and U+FFFF raw, which no XML file may
 * contain (not even as &#xFFFE;); here they become \ufffe and \uffff, which
 * JSON.parse reads back as they were.
 */
export const jsonForXml = (value: unknown): string => JSON.stringify(value).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** A value as the format will hold it: scalars stay, lists join with ";", the rest is JSON. */
export function encodeValue(type: AttrType, value: unknown): string | number | boolean {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return value as string | number | boolean;
    case 'list':
      return (value as string[]).join(';');
    case 'json':
      return jsonForXml(value);
  }
}

export type Decoded = { ok: true; value: unknown } | { ok: false; expected: string };

/** A value read back: `value` is text (CSV) or what the XML parser cast it to. */
export function decodeValue(type: AttrType, value: unknown): Decoded {
  const text = String(value);
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      if (typeof value === 'number') return { ok: true, value };
      const n = text.trim() === '' ? NaN : Number(text);
      return Number.isNaN(n) ? { ok: false, expected: 'a number' } : { ok: true, value: n };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (/^(true|false)$/i.test(text)) return { ok: true, value: text.toLowerCase() === 'true' };
      return { ok: false, expected: 'true or false' };
    case 'list':
      if (Array.isArray(value)) return { ok: true, value };
      return { ok: true, value: text.split(';').map((s) => s.trim()).filter((s) => s !== '') };
    case 'json':
      try {
        const value: unknown = JSON.parse(text);
        // As every JSON text read (json-text.ts): a name twice in one object is refused, not resolved to the last.
        return findDuplicateKey(text) ? { ok: false, expected: 'JSON text with each name once in an object' } : { ok: true, value };
      } catch {
        return { ok: false, expected: 'JSON text (the export marked this attribute as JSON)' };
      }
  }
}

/** The types an export records, checked: unknown names or types are dropped rather than trusted. */
export function readTypes(raw: unknown): AttrTypes {
  const out: AttrTypes = Object.create(null);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [name, type] of Object.entries(raw)) {
    if (!FORBIDDEN_KEYS.has(name) && (ATTR_TYPES as readonly unknown[]).includes(type)) out[name] = type as AttrType;
  }
  return out;
}

