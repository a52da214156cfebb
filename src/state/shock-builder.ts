/**
 * The what-if as a shock builder (metrics.md §8): fail or partly fail a
 * node, a company, a country or a kind in a country, take in one of the
 * file's shocks, and set the capacity each part keeps. Pure transitions.
 */
import { partKey } from '../worker/what-if-hits.ts';
import { whatIfOfShock } from '../worker/what-if-hits.ts';
import type { WhatIfFailure } from '../worker/protocol.ts';
import { hasFailure, type AppState } from './app-state.ts';

const running = (s: AppState, failure: WhatIfFailure): AppState => ({ ...s, failure, whatIf: hasFailure(failure) ? { status: 'running' } : { status: 'idle' } });

export type PartType = 'company' | 'kindCountry';

/** Adds every node of a company, or of a kind in a country ("foundry:TW"), at capacity 0. */
export function failPart(s: AppState, type: PartType, value: string): AppState {
  const list = (type === 'company' ? s.failure.companies : s.failure.kindCountries) ?? [];
  if (list.includes(value)) return s;
  return running(s, { ...s.failure, [type === 'company' ? 'companies' : 'kindCountries']: [...list, value] });
}

/** Removes a company or a kind in a country from the what-if. */
export function restorePart(s: AppState, type: PartType, value: string): AppState {
  const field = type === 'company' ? 'companies' : 'kindCountries';
  const capacity = { ...s.failure.capacity };
  delete capacity[type === 'company' ? partKey.company(value) : partKey.kindCountry(value)];
  return running(s, { ...s.failure, [field]: (s.failure[field] ?? []).filter((x) => x !== value), capacity });
}

/** The capacity a part keeps, 0 to 1: `node:KEY`, `country:CC`, `company:NAME`, `kind:KIND:CC`, or `hit:I` for a hit of a file's shock. */
export function setCapacity(s: AppState, part: string, capacity: number): AppState {
  if (!(capacity >= 0 && capacity <= 1)) return s;
  if (part.startsWith('hit:')) {
    const i = Number(part.slice(4));
    const hits = s.failure.hits;
    if (!hits?.[i] || hits[i].capacity === capacity) return s;
    return running(s, { ...s.failure, hits: hits.map((h, j) => (j === i ? { ...h, capacity } : h)) });
  }
  if ((s.failure.capacity?.[part] ?? 0) === capacity) return s;
  return running(s, { ...s.failure, capacity: { ...s.failure.capacity, [part]: capacity } });
}

/** Takes one of the file's shocks into the what-if (replacing what was there), or clears it with null. */
export function takeShock(s: AppState, id: string | null): AppState {
  if (id === null) return running(s, { nodes: [], countries: [] });
  const shock = (s.loaded?.document.attributes.shocks ?? []).find((x) => x.id === id);
  return shock ? running(s, whatIfOfShock(shock)) : s;
}

/** Removes one hit of a file's shock from the what-if. */
export function dropHit(s: AppState, i: number): AppState {
  const hits = (s.failure.hits ?? []).filter((_, j) => j !== i);
  return running(s, { ...s.failure, hits });
}
