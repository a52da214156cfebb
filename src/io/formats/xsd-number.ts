/**
 * Numbers and booleans of GEXF and GraphML read by the lexical rules of XML
 * Schema (the types both formats declare): an integer is digits with an
 * optional sign, a double is a decimal with an optional exponent (or INF,
 * -INF, NaN), a boolean is true, false, 1 or 0, surrounding whitespace aside.
 * What the rule refuses (an empty value, "0x10", "0b11", "1e2" for an integer,
 * "1,000") is a problem that names it, never a quiet 0 or 16. INF, -INF and
 * NaN of a float or double are read as such (and, leniently, the "inf", "-inf"
 * and "nan" NetworkX writes, and the "null" of Gephi's null values, as NaN):
 * the readers keep them as their text with a warning (non-finite.ts), since
 * Chokepoint's numbers are finite, and a flow value so kept is then refused by
 * the schema, by name.
 */

/** The XML Schema types this module reads; any other type is text. */
const INTEGER_TYPES: Readonly<Record<string, { min: number; max: number; name: string }>> = {
  // JavaScript numbers hold integers exactly up to 2^53: beyond that, a long would be read as another number.
  integer: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, name: 'an integer' },
  long: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, name: 'an integer (long)' },
  int: { min: -2147483648, max: 2147483647, name: 'an integer (int, at most 2147483647 either way)' },
  short: { min: -32768, max: 32767, name: 'an integer (short, at most 32767 either way)' },
  byte: { min: -128, max: 127, name: 'an integer (byte, at most 127 either way)' },
};
const DECIMAL_TYPES: ReadonlySet<string> = new Set(['float', 'double', 'decimal']);

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
const DOUBLE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const SPECIAL = /^([+-]?INF|NaN)$/;
/** Forms other tools write for the same: Python's repr, JavaScript's, Gephi's null. */
const LENIENT_SPECIAL: Readonly<Record<string, number>> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: NaN, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity, null: NaN };
/** XML Schema's whitespace: space, tab, line feed, carriage return (and nothing else, unlike String.trim). */
const XML_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

export type XsdValue = { ok: true; value: number | boolean } | { ok: false; expected: string; found: string };

/** True for the types `parseXsdScalar` reads (numbers and booleans). */
export const isXsdScalarType = (type: string): boolean => type === 'boolean' || Object.hasOwn(INTEGER_TYPES, type) || DECIMAL_TYPES.has(type);

const shown = (text: string) => (text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}…` : JSON.stringify(text));

function describeFound(text: string, collapsed: string): string {
  if (collapsed === '') return text === '' ? 'an empty value' : `only whitespace (${shown(text)})`;
  if (/^[+-]?0[xX]/.test(collapsed)) return `${shown(collapsed)}, a hexadecimal number (XML Schema has none)`;
  if (/^[+-]?0[bB]/.test(collapsed)) return `${shown(collapsed)}, a binary number (XML Schema has none)`;
  if (/^[+-]?0[oO]/.test(collapsed)) return `${shown(collapsed)}, an octal number (XML Schema has none)`;
  if (/^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/.test(collapsed)) return `${shown(collapsed)}, with thousands separators`;
  return shown(collapsed);
}

/**
 * A number or boolean of XML Schema `type` read from `text`; a type that is
 * neither (string, anyURI, a list…) is the caller's to read.
 */
export function parseXsdScalar(type: string, text: string): XsdValue {
  const collapsed = text.replace(XML_SPACE, '');
  if (type === 'boolean') {
    // XML Schema's four; the case of true and false is let pass (yEd and older Chokepoint wrote "True").
    const lower = collapsed.toLowerCase();
    if (lower === 'true' || collapsed === '1') return { ok: true, value: true };
    if (lower === 'false' || collapsed === '0') return { ok: true, value: false };
    return { ok: false, expected: 'a boolean: true, false, 1 or 0', found: describeFound(text, collapsed) };
  }
  const integer = Object.hasOwn(INTEGER_TYPES, type) ? INTEGER_TYPES[type]! : undefined;
  if (integer) {
    if (!INTEGER.test(collapsed)) {
      const exponent = DOUBLE.test(collapsed) ? `${shown(collapsed)}, not an integer (the attribute is declared ${type})` : undefined;
      return { ok: false, expected: `${integer.name}: digits with an optional sign, e.g. 80 or -3`, found: exponent ?? describeFound(text, collapsed) };
    }
    const value = Number(collapsed);
    if (value < integer.min || value > integer.max) return { ok: false, expected: integer.name, found: `${shown(collapsed)}, out of range` };
    return { ok: true, value: value === 0 ? 0 : value };
  }
  if (DECIMAL_TYPES.has(type)) {
    const form = type === 'decimal' ? DECIMAL : DOUBLE;
    const example = type === 'decimal' ? 'e.g. 80 or 1.5' : 'e.g. 80, 1.5 or 2.5E3';
    if (type !== 'decimal') {
      if (SPECIAL.test(collapsed)) return { ok: true, value: collapsed === 'NaN' ? NaN : collapsed.startsWith('-') ? -Infinity : Infinity };
      const lenient = LENIENT_SPECIAL[collapsed.toLowerCase()];
      if (lenient !== undefined && Object.hasOwn(LENIENT_SPECIAL, collapsed.toLowerCase())) return { ok: true, value: lenient };
    }
    if (!form.test(collapsed)) return { ok: false, expected: `a number (${type}), ${example}`, found: describeFound(text, collapsed) };
    const value = Number(collapsed);
    if (!Number.isFinite(value)) return { ok: false, expected: 'a finite number', found: `${shown(collapsed)}, beyond the largest number held` };
    return { ok: true, value: value === 0 ? 0 : value };
  }
  return { ok: false, expected: 'a number or a boolean', found: `a value of type ${type}` };
}

export type Cast = { ok: true; value: unknown } | { ok: false; expected: string; found: string };

/**
 * A value of a declared type: numbers and booleans (and lists of them) by
 * XML Schema's rules, any other type by `other` (the format's own reading).
 * `other('liststring', text)` must split a list into its pieces.
 */
export function castXmlValue(type: string, text: string, other: (type: string, text: string) => unknown): Cast {
  if (isXsdScalarType(type)) return parseXsdScalar(type, text);
  const item = type.startsWith('list') ? type.slice(4) : '';
  if (item && isXsdScalarType(item)) {
    const pieces = other('liststring', text);
    const values: unknown[] = [];
    for (const piece of Array.isArray(pieces) ? pieces : [text]) {
      const read = parseXsdScalar(item, String(piece));
      if (!read.ok) return { ok: false, expected: `a list of ${item} values, each ${read.expected}`, found: read.found };
      values.push(read.value);
    }
    return { ok: true, value: values };
  }
  return { ok: true, value: other(type, text) };
}
