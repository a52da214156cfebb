/** A stem for an id or a file name from a label: "Japan buys chips" -> "japan-buys-chips" (accents dropped); `fallback` when nothing is left. */
export const slug = (label: string, fallback: string, max = Infinity): string =>
  label.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max) || fallback;

/** `stem` if not taken, else the first of "stem-2", "stem-3"… that is not. */
export function freeId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
