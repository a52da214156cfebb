/**
 * The what-if as the hits of a shock (metrics.md §8): each failed node,
 * country, company or kind in a country with the capacity it keeps, then the
 * hits of a file's shock taken in. A country's hit leaves out its demand
 * nodes (the ones whose loss is measured), as the what-if always has.
 */
import { NODE_KINDS, type NodeKind, type Shock, type ShockHit } from '../model/schema.ts';
import type { WhatIfFailure } from './protocol.ts';

const SUPPLY_KINDS = NODE_KINDS.filter((k) => k !== 'demand') as NodeKind[];

/** The key of a part of the what-if in `capacity`. */
export const partKey = {
  node: (key: string) => `node:${key}`,
  country: (code: string) => `country:${code}`,
  company: (name: string) => `company:${name}`,
  kindCountry: (kc: string) => `kind:${kc}`,
};

export const capacityOf = (f: WhatIfFailure, part: string): number => f.capacity?.[part] ?? 0;

export function whatIfHits(f: WhatIfFailure): ShockHit[] {
  const hits: ShockHit[] = [];
  for (const key of f.nodes) hits.push({ where: { key }, capacity: capacityOf(f, partKey.node(key)) });
  for (const country of f.countries) hits.push({ where: { country, kind: SUPPLY_KINDS }, capacity: capacityOf(f, partKey.country(country)) });
  for (const company of f.companies ?? []) hits.push({ where: { company }, capacity: capacityOf(f, partKey.company(company)) });
  for (const kc of f.kindCountries ?? []) {
    const [kind, country] = kc.split(':') as [NodeKind, string];
    hits.push({ where: { kind, country }, capacity: capacityOf(f, partKey.kindCountry(kc)) });
  }
  return [...hits, ...(f.hits ?? [])];
}

/** A file's shock as a what-if to change. */
export const whatIfOfShock = (shock: Shock): WhatIfFailure => ({ nodes: [], countries: [], hits: shock.hits.map((h) => ({ ...h })), shock: shock.id });

/** The what-if saved as a shock of the file. */
export const shockOfWhatIf = (f: WhatIfFailure, id: string, label: string): Shock => ({ id, label, hits: whatIfHits(f) });
