/** Figures' names in plain words, shared by every renderer. */
import { countryName } from '../model/countries.ts';

/** `foundry:TW` → `Taiwan: foundry nodes`; `TW` → `Taiwan`. */
export function describeReliance(key: string): string {
  const [a, b] = key.includes(':') ? key.split(':') : [undefined, key];
  const country = countryName(b!);
  return a ? `${country}: ${a} nodes` : country;
}
