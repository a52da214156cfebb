/** Attribute values of one record decoded by their recorded (or guessed) types; a value that does not fit is a problem. */
import { describeValue, pathToString, type Problem } from '../../model/problem.ts';
import { type AttrTypes, decodeValue } from './attr-codec.ts';
import { guessedType } from './block.ts';
import type { Attrs, Place } from './types.ts';

export function decodeAttributes(raw: Attrs, types: AttrTypes | undefined, side: 'nodes' | 'edges', index: number, place: Place, problems: Problem[]): Attrs {
  const out: Attrs = {};
  // Keys, not Object.entries: no [name, value] array per attribute of every record (200,000 rows in a 9 MB CSV folder).
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined) continue;
    const type = types ? types[name] : guessedType(side, name);
    if (type === undefined) {
      out[name] = value;
      continue;
    }
    const decoded = decodeValue(type, value);
    if (decoded.ok) out[name] = decoded.value;
    else {
      // Kept as found, so the schema's own check (say, value must be a number) also speaks.
      out[name] = value;
      if (types) {
        problems.push({ severity: 'error', file: place.file, line: place.line, column: place.columns?.get(name), path: pathToString([side, index, 'attributes', name]), expected: decoded.expected, found: describeValue(value) });
      }
    }
  }
  return out;
}
