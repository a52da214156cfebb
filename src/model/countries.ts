/**
 * Country names and the check that a code is a country people know. Names come
 * from the graph's `countries` first, then from `Intl.DisplayNames`.
 */
let displayNames: Intl.DisplayNames | undefined;
function names(): Intl.DisplayNames {
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  return displayNames;
}

/** Intl's answer per code, kept: asking it for every node cost about 60 ms for a 60,000-node file (profiled). */
const KNOWN = new Map<string, boolean>();

/** A code Intl knows as a region (it echoes unknown codes back), or one the graph names itself. */
export function isKnownCountry(code: string, extra?: Record<string, unknown>): boolean {
  if (extra && Object.hasOwn(extra, code)) return true;
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  let known = KNOWN.get(code);
  if (known === undefined) {
    try {
      known = names().of(code) !== code;
    } catch {
      known = false;
    }
    KNOWN.set(code, known);
  }
  return known;
}

export function countryName(code: string, extra?: Record<string, { name: string }>): string {
  if (extra && Object.hasOwn(extra, code)) return extra[code]!.name;
  try {
    return names().of(code) ?? code;
  } catch {
    return code;
  }
}
