/** How the app names sets, kinds and countries in sentences. */
import { countryName } from '../model/countries.ts';
import type { NodeKind } from '../model/schema.ts';

const KIND_PLURAL: Record<NodeKind, string> = {
  demand: 'buyers',
  supplier: 'chip vendors',
  foundry: 'foundries',
  wafer: 'wafer makers',
  chemical: 'chemical makers',
  equipment: 'equipment makers',
  other: 'other suppliers',
};

/** `foundry:TW` → "foundries in Taiwan"; `TW` → "everything in Taiwan". */
export function describeSet(set: string): string {
  const [kind, country] = set.includes(':') ? (set.split(':') as [NodeKind, string]) : [null, set];
  const place = countryName(country);
  return kind ? `${KIND_PLURAL[kind] ?? kind} in ${place}` : `everything in ${place}`;
}

export const countryLabel = (code: string) => `${countryName(code)} (${code})`;
