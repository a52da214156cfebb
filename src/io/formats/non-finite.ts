/**
 * Infinite numbers in other tools' files (Gephi writes `INF` and `-INF` for
 * doubles; XML Schema also has `NaN`): Chokepoint's files hold finite numbers
 * only (JSON has no others), so such a value is kept as the file's text, not
 * silently turned into null, and the load warns with the attribute's name.
 */
import type { Problem } from '../../model/problem.ts';

export interface NonFinite {
  /** The attribute's name as the file gives it. */
  name: string;
  /** The value's text in the file. */
  text: string;
}

/** `parsed` as the reader cast it; a number that is not finite becomes the file's text again, and is noted. */
export function keepNonFinite(parsed: unknown, text: string, name: string, found: NonFinite[]): unknown {
  if (typeof parsed !== 'number' || Number.isFinite(parsed)) return parsed;
  found.push({ name, text: text.trim() });
  return text.trim();
}

/** One warning per attribute that had such values. */
export function nonFiniteWarnings(found: readonly NonFinite[], file: string): Problem[] {
  const byName = new Map<string, { texts: Set<string>; count: number }>();
  for (const f of found) {
    const entry = byName.get(f.name) ?? { texts: new Set(), count: 0 };
    entry.texts.add(f.text);
    entry.count++;
    byName.set(f.name, entry);
  }
  return [...byName].map(([name, { texts, count }]) => ({
    severity: 'warning',
    file,
    path: '',
    expected: `finite numbers in the attribute "${name}"`,
    found: `${[...texts].map((t) => `"${t}"`).join(', ')} (${count} value${count === 1 ? '' : 's'}), kept as that text: Chokepoint's numbers are finite`,
  }));
}
