/** How the app names sets, kinds and countries in sentences. */
import { countryName } from '../model/countries.ts';
import type { NodeKind } from '../model/schema.ts';

/** Generic words, right for any graph (a graph's "supplier" nodes may be steel plants as well as chip vendors). */
const KIND_PLURAL: Record<NodeKind, string> = {
  demand: 'buyers',
  supplier: 'suppliers',
  foundry: 'foundries',
  wafer: 'wafer makers',
  chemical: 'chemical makers',
  equipment: 'equipment makers',
  other: 'other suppliers',
};

/** The open graph's own country names (its attributes.countries: "XW" → "Rest of the world"), set by the app. */
let graphCountries: Record<string, { name: string }> | undefined;
export function useGraphCountries(countries: Record<string, { name: string }> | undefined): void {
  graphCountries = countries;
}

/** A country's name: the graph's own, else the browser's, else the code. */
export const placeName = (code: string) => countryName(code, graphCountries);

/** `foundry:TW` → "foundries in Taiwan"; `TW` → "everything in Taiwan". */
export function describeSet(set: string): string {
  const [kind, country] = set.includes(':') ? (set.split(':') as [NodeKind, string]) : [null, set];
  const place = placeName(country);
  return kind ? `${KIND_PLURAL[kind] ?? kind} in ${place}` : `everything in ${place}`;
}

/** The condition of a set's reliance, as a clause: "all foundries in Taiwan stop", "everything in Ukraine stops". */
export function setStops(set: string): string {
  return set.includes(':') ? `all ${describeSet(set)} stop` : `${describeSet(set)} stops`;
}

/** "Taiwan (TW)"; a code with no name: "XQ (a code with no country name)". */
export function countryLabel(code: string): string {
  const name = placeName(code);
  return name === code ? `${code} (a code with no country name)` : `${name} (${code})`;
}

/** "1 node", "3 nodes": a count with its noun, singular or plural. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
